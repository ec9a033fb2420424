// The field reference in CONTRIBUTING.md is generated from the schemas (`npm run fields`) and CI fails when it is
// stale (`npm run fields -- --check`), so the editors' guide never drifts from what the check accepts. Here the
// tool is run as CI runs it; test/unit/field-reference.test.ts reads what it wrote.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { runCli } from '../support/cli.ts';

const guide = readFileSync(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
const end = '<!-- field-reference:end -->';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfGuide(edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supply-lines-guide-'));
  dirs.push(dir);
  const file = path.join(dir, 'CONTRIBUTING.md');
  writeFileSync(file, edit(guide));
  return file;
}

test('the field reference in CONTRIBUTING.md is in sync with the schemas', async () => {
  const result = await runCli('field-reference', ['--check']);
  expect(result.stdout.trim()).toBe('CONTRIBUTING.md: the field reference matches the schemas.');
  expect(result.status).toBe(0);
});

test('a stale reference fails the --check with a message that says what to run; `npm run fields` repairs it', async () => {
  const file = copyOfGuide((text) => text.replace('The headline.', 'The headline, in ten words.'));
  const stale = await runCli('field-reference', ['--check', '--file', file]);
  expect(stale.status).toBe(1);
  expect(stale.stderr).toContain(
    'the field reference is out of date with src/schemas/. Run `npm run fields` and commit the result.',
  );

  const written = await runCli('field-reference', ['--file', file]);
  expect(written.status).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(guide); // the text around the reference is untouched
  expect((await runCli('field-reference', ['--check', '--file', file])).status).toBe(0);
});

test('without its markers the guide is refused, with the lines to add', async () => {
  const file = copyOfGuide((text) => text.replace(end, ''));
  const result = await runCli('field-reference', ['--check', '--file', file]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('the field reference markers are missing');
});
