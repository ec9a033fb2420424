// Runs one of the project's command-line tools (src/cli/*.ts) as a child process, as `npm run` would.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './build.ts';

const run = promisify(execFile);

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `node src/cli/<tool>.ts ...args` from the project root (or `cwd`, where a tool writes the files it names relative to
 * the current folder); `contentRoot` is passed as CONTENT_ROOT.
 */
export async function runCli(
  tool: string,
  args: string[] = [],
  options: { contentRoot?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, GITHUB_ACTIONS: undefined, ...options.env };
  if (options.contentRoot) env.CONTENT_ROOT = options.contentRoot;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'src/cli', `${tool}.ts`), ...args], {
      cwd: options.cwd ?? projectRoot,
      env,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { status: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A temp folder holding copies of the given folders, later ones over earlier ones (a fixture and its changes). */
export function layered(...dirs: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'supply-lines-content-'));
  for (const dir of dirs) cpSync(dir, root, { recursive: true });
  return root;
}
