// The HTML validity test can fail: the checker's errors are listed by file and line, and a checker that cannot run
// (no Java on PATH, no jar, a jar Java cannot start) or a folder with nothing to check fails instead of passing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { validateHtml } from '../support/html-validator.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'supply-lines-vnu-'));
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title></head><body>${body}</body></html>\n`;
const site = path.join(dir, 'site');
mkdirSync(path.join(site, 'articles'), { recursive: true });
writeFileSync(path.join(site, 'index.html'), page('<p>Valid.</p>'));
writeFileSync(path.join(site, 'articles', 'bad.html'), page('<div>\n<p>A stray end tag.</span>\n</div>'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('validateHtml', () => {
  test('lists each error with its file, line and message, and passes a valid file', async () => {
    const { checked, errors } = await validateHtml(site);
    expect(checked).toBe(2);
    expect(errors).toEqual([{ file: 'articles/bad.html', line: 2, message: 'Stray end tag “span”.' }]);
  }, 60_000);

  test('fails when java is not on PATH', async () => {
    vi.stubEnv('PATH', path.join(dir, 'no-java-here'));
    await expect(validateHtml(site)).rejects.toThrow(/java not found on PATH/);
  });

  test('fails when the jar is missing', async () => {
    await expect(validateHtml(site, { jar: path.join(dir, 'missing', 'vnu.jar') })).rejects.toThrow(
      /Nu HTML Checker is missing: no file .*missing\/vnu\.jar/,
    );
  });

  test('fails when the checker cannot start or gives no JSON report', async () => {
    const corrupt = path.join(dir, 'corrupt.jar');
    writeFileSync(corrupt, 'not a jar');
    await expect(validateHtml(site, { jar: corrupt })).rejects.toThrow(
      /Nu HTML Checker did not give its JSON report \(exit status 1\)\.\n.*corrupt jarfile/,
    );
  }, 60_000);

  test('fails when there is no HTML to check', async () => {
    await expect(validateHtml(path.join(dir, 'empty'))).rejects.toThrow(/No HTML files to check/);
  });
});
