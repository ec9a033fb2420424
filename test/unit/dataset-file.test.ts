// A dataset file rewritten with new rows keeps the style it was written in (src/io/dataset-file.ts), so that
// `npm run import` changes only the rows that changed (test/build/spreadsheet.test.ts runs the tool itself).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { rewriteDataset } from '../../src/io/dataset-file.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const read = (file: string) => readFileSync(file, 'utf8');

it('rewrites rows in the style each file has (rows one per line, or a field per line)', () => {
  const files = [
    ...readdirSync(path.join(fixtures, 'reader/data')).map((n) => `reader/data/${n}`),
    'site-small/data/australia-mine-production.json',
    'publication/data/china-world-production.json',
  ];
  for (const file of files) {
    const text = read(path.join(fixtures, file));
    expect(rewriteDataset(text, JSON.parse(text).rows), file).toBe(text);
  }
});
