// Every built HTML page passes the Nu HTML Checker (test/support/html-validator.ts; its failures are proved in
// test/unit/html-validator.test.ts).
import { expect, inject, test } from 'vitest';
import { validateHtml } from '../support/html-validator.ts';

test('every built HTML file is valid HTML (no errors from the Nu HTML Checker)', async () => {
  const { checked, errors } = await validateHtml(inject('siteDir'));
  expect(checked).toBeGreaterThan(0);
  expect(errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`)).toEqual([]);
}, 180_000);
