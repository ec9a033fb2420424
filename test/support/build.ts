// Builds a site with the real Astro CLI, from the project's content or from a fixture's.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { nonFiniteAttributesIn } from './svg-numbers.ts';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');
const buildsDir = path.join(projectRoot, 'test', '.builds');

export interface BuildResult {
  ok: boolean;
  outDir: string;
  output: string;
}

/**
 * `astro build` into a fresh folder; `contentRoot` points at a folder with content/ and data/.
 * The folder is inside the project (test/.builds/, git-ignored) because Astro keeps a build's intermediate files
 * beside its output only when the output is inside the project; elsewhere it uses one shared .astro/ folder, and
 * builds running at the same time (unit and browser tests) would overwrite each other's files.
 * A build whose SVGs hold NaN or Infinity in an attribute (a coordinate that could not be computed) is not ok: every
 * fixture site the tests build is held to it.
 */
export async function buildSite(
  options: { contentRoot?: string; env?: Record<string, string> } = {},
): Promise<BuildResult> {
  mkdirSync(buildsDir, { recursive: true });
  const outDir = mkdtempSync(path.join(buildsDir, 'site-'));
  // Vitest puts Vite's DEV, PROD, MODE, SSR and BASE_URL, and NODE_ENV=test, in process.env; Astro reads them from the
  // environment at build time, so the build would not be a production build (DEV=1 published drafts). Leave them out.
  const {
    DEV: _dev,
    PROD: _prod,
    MODE: _mode,
    SSR: _ssr,
    BASE_URL: _base,
    NODE_ENV: _nodeEnv,
    ...inherited
  } = process.env;
  const env = { ...inherited, ...options.env, ...(options.contentRoot ? { CONTENT_ROOT: options.contentRoot } : {}) };
  try {
    const { stdout, stderr } = await run('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const nonFinite = nonFiniteAttributesIn(outDir);
    if (nonFinite.length)
      return {
        ok: false,
        outDir,
        output: `${stdout}${stderr}\nSVG attributes that are not numbers:\n${nonFinite.slice(0, 20).join('\n')}`,
      };
    return { ok: true, outDir, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, outDir, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
