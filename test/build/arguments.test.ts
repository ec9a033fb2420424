// The command lines of npm run import, export, review and bench (src/cli/arguments.ts, over Node's util.parseArgs).
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.ts';

describe.each(['import', 'export', 'review', 'bench'])('npm run %s', (tool) => {
  test('--help prints the usage and succeeds', async () => {
    const result = await runCli(tool, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\n {2}npm run /);
  });

  test('an unknown option stops with exit 2, a suggestion and the usage', async () => {
    const result = await runCli(tool, ['x.csv', '--outt', 'y']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option "--outt"/);
    expect(result.stderr).toContain('Usage:');
  });
});

test('an option without its value stops with exit 2 and the usage', async () => {
  const result = await runCli('export', ['mine-production', '--out']);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^Option '--out <value>' argument missing\.\n\nUsage:/);
});

test('a near miss names the option meant', async () => {
  const result = await runCli('export', ['mine-production', '--outt', 'y.csv']);
  expect(result.stderr).toMatch(/^Unknown option "--outt" \(did you mean "--out"\?\)/);
});
