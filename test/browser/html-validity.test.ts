// Every built HTML page, of the reader fixture and of the live site, passes the Nu HTML Checker
// (test/support/html-validator.ts; its failures are proved in test/build/html-validator.test.ts).
import { expect, inject, test } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { validateHtml } from '../support/html-validator.ts';
import { readerFixture } from '../support/site.ts';
import { expectedPageCount, htmlFiles } from './site-files.ts';

test.each([
  ['the reader fixture', inject('siteDir'), readerFixture],
  ['the live site', inject('liveDir'), projectRoot],
])(
  'every HTML file of %s is valid HTML (no errors from the Nu HTML Checker)',
  async (_name, dir, root) => {
    const { checked, errors } = await validateHtml(dir);
    expect(checked).toBeGreaterThan(0);
    // Plus the dated versions a clone with history builds (whether each chart and story has them: accessibility.test.ts).
    const versions = htmlFiles(dir).filter((file) => file.includes('/versions/')).length;
    expect(checked).toBe(expectedPageCount(root) + versions);
    expect(errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`)).toEqual([]);
  },
  180_000,
);
