// Every built HTML page passes the Nu HTML Checker (vnu-jar, run with the machine's Java).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { expect, inject, test } from 'vitest';

const run = promisify(execFile);
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

test('every built HTML file is valid HTML (no errors from the Nu HTML Checker)', async () => {
  const siteDir = inject('siteDir');
  let output: string;
  try {
    const result = await run('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'gnu', siteDir], { maxBuffer: 32 * 1024 * 1024 });
    output = result.stdout + result.stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: unknown };
    if (e.code === 'ENOENT') throw new Error('java not found: install a Java runtime (apt-get install -y openjdk-17-jre-headless)');
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  const errors = output.split('\n').filter((line) => line.includes('error')).map((line) => line.replace(`file:${siteDir}`, ''));
  expect(errors).toEqual([]);
}, 180_000);
