// Builds a site with the real Astro CLI, from the project's content or from a fixture's.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  ok: boolean;
  outDir: string;
  output: string;
}

/** `astro build` into a fresh temp folder; `contentRoot` points at a folder with content/ and data/. */
export async function buildSite(options: { contentRoot?: string; env?: Record<string, string> } = {}): Promise<BuildResult> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'supply-lines-build-'));
  const env = { ...process.env, ...options.env, ...(options.contentRoot ? { CONTENT_ROOT: options.contentRoot } : {}) };
  try {
    const { stdout, stderr } = await run('npx', ['astro', 'build', '--outDir', outDir], { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, outDir, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, outDir, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
