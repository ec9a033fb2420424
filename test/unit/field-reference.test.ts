// The field reference in CONTRIBUTING.md, as `npm run fields` writes it from the schemas: every field is in it, and
// each row says what an editor needs. That the tool keeps it in sync is tested in test/build/field-reference.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { articleSchema, chartSchema, datasetSchema } from '../../src/schemas/index.ts';
import { projectRoot } from '../support/build.ts';
import { nonEmpty } from '../support/lists.ts';

const guide = readFileSync(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
const start = '<!-- field-reference:start';
const end = '<!-- field-reference:end -->';
const reference = guide.slice(guide.indexOf(start), guide.indexOf(end));

test('every field of articles, charts and datasets is in the reference', () => {
  for (const schema of [articleSchema, chartSchema, datasetSchema]) {
    for (const field of nonEmpty(Object.keys(schema.shape), 'fields')) expect(reference).toContain(`| \`${field}\` |`);
  }
});

test('each row says whether the field is required, what it accepts, and the JSDoc line of the schema', () => {
  expect(reference).toContain(
    '| `edition` | no | text | Edition of the document, e.g. "January 2025". A source without one gets a warning. |',
  );
  expect(reference).toContain('| `kind` | no (default "note") | "uncertainty" or "note" or "claim" |');
  expect(reference).toContain('| `pubDate` | yes | date, YYYY-MM-DD | Publication date, YYYY-MM-DD. |');
  expect(reference).toContain('#### `derive[]` with "op": "share"');
  expect(reference).toContain(
    'Any other field name is allowed too, holding text, or number, or true or false, or null.',
  );
});
