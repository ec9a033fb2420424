// Every class of bad input stops the build with the file, the field and what was expected named.
// Each case is a small fixture site under test/fixtures/invalid/<case>/ (content/articles, content/charts, data):
// a valid one-article, one-chart, one-dataset site changed in one way (many-errors: in many ways at once).
// The errors loadSite reports must be exactly those listed, and each line:column must point at the text given.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem, type Problem } from '../../src/model/problems.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/invalid');

interface Expected {
  /** "file:line:column", the file's path from the fixture root. */
  at: string;
  field: string;
  /** The whole message, or a pattern for the words that come from a parser. */
  message: string | RegExp;
  /** What the fixture has at that line and column (omitted where the parser reports the end of the text). */
  text?: string;
}

const chart = 'content/charts/china-production.json';
const data = 'data/production.json';
const article = 'content/articles/story.md';
const url = 'expected an http(s) URL, e.g. "https://pubs.usgs.gov/...", found';

const cases: Record<string, Expected[]> = {
  'missing-article-title': [{ at: `${article}:2:1`, field: 'title', message: 'required: expected text, found nothing', text: 'description:' }],
  'missing-dataset-sources': [{ at: `${data}:1:1`, field: 'sources', message: 'required: expected a list, found nothing', text: '{' }],
  'empty-rows': [{ at: `${data}:13:3`, field: 'rows', message: 'expected at least one row, found an empty list', text: '"rows": []' }],
  'wrong-type': [
    { at: `${chart}:6:3`, field: 'x', message: 'expected text, found 2024', text: '"x": 2024' },
    { at: `${article}:5:1`, field: 'draft', message: 'expected true or false, found "no"', text: 'draft: "no"' },
  ],
  'chart-dataset-missing': [
    { at: `${chart}:4:3`, field: 'dataset', message: 'no dataset "producton" in data/ (did you mean "production"?)', text: '"dataset": "producton"' },
  ],
  'chart-field-missing': [
    { at: `${chart}:6:3`, field: 'x', message: 'no field "yaer" in the rows of data/production.json (did you mean "year"?)', text: '"x": "yaer"' },
    { at: `${chart}:7:3`, field: 'y', message: /^no field "tonnes" in the rows of data\/production\.json\b/, text: '"y": "tonnes"' },
    { at: `${chart}:8:3`, field: 'color', message: 'no field "contry" in the rows of data/production.json (did you mean "country"?)', text: '"color": "contry"' },
    { at: `${chart}:9:3`, field: 'label', message: 'no field "note" in the rows of data/production.json', text: '"label": "note"' },
  ],
  'annotation-off-axis': [
    { at: `${chart}:11:65`, field: 'annotations[0].x', message: '2030 is not on the x axis (field "year")', text: '"x": 2030' },
    { at: `${chart}:12:79`, field: 'annotations[1].y', message: '"China" is not on the y axis (field "tonnes_reo")', text: '"y": "China"' },
  ],
  'unknown-chart-directive': [
    { at: `${article}:9:1`, field: 'body', message: 'no chart "china-prodution" in content/charts/ (did you mean "china-production"?)', text: '::chart{id="china-prodution"}' },
  ],
  'claim-status-invalid': [
    {
      at: `${article}:7:25`,
      field: 'body',
      message: 'claim status: expected one of supported, disputed, unsupported, unverified, found "disputd" (did you mean "disputed"?)',
      text: ':claim[rose by a third]{status="disputd"',
    },
  ],
  'claim-chart-unknown': [{ at: `${article}:7:25`, field: 'body', message: 'claim chart: no chart "china-output" in content/charts/', text: ':claim[rose]' }],
  'uncertainty-chart-unknown': [
    { at: `${article}:8:32`, field: 'uncertainties[0].charts[1]', message: 'no chart "china-share" in content/charts/', text: 'china-share]' },
  ],
  'duplicate-source-ids': [
    { at: `${data}:13:7`, field: 'sources[1].id', message: 'source id "mcs2025" is used twice; ids must be unique', text: '"id": "mcs2025"' },
  ],
  'duplicate-row-ids': [
    { at: `${data}:15:7`, field: 'rows[1].id', message: 'row id "china" is used twice; ids must be unique', text: '"id": "china", "year": 2024' },
  ],
  'duplicate-view-ids': [
    { at: `${chart}:12:7`, field: 'views[1].id', message: 'view id "china" is used twice; ids must be unique', text: '"id": "china", "label": "World"' },
  ],
  'non-http-source-url': [
    { at: `${data}:8:7`, field: 'sources[0].url', message: `${url} "ftp://pubs.usgs.gov/mcs2025-rare-earths.pdf"`, text: '"url": "ftp://' },
  ],
  'date-does-not-parse': [
    { at: `${data}:11:7`, field: 'sources[0].retrieved', message: 'expected a date as YYYY-MM-DD, found "2025-02-30"', text: '"retrieved": "2025-02-30"' },
    // Unquoted in YAML, where a date parser would have rolled it over to 2 March.
    { at: `${article}:4:1`, field: 'pubDate', message: 'expected a date as YYYY-MM-DD, found "2025-02-30"', text: 'pubDate: 2025-02-30' },
  ],
  // The comma is missing at the end of line 7; the parser notices at the next field.
  'invalid-json': [{ at: `${chart}:8:3`, field: 'filter', message: /^not valid JSON: expected a comma/, text: '"filter"' }],
  'invalid-yaml': [{ at: `${article}:3:14`, field: 'front matter', message: /^not valid YAML: /, text: 'A one-chart story: for' }],
  'misspelt-field': [
    { at: `${article}:2:1`, field: 'title', message: 'required: expected text, found nothing', text: 'titel: ' },
    { at: `${article}:2:1`, field: 'titel', message: /^unknown field "titel" \(did you mean "title"\?\)/, text: 'titel: ' },
  ],
  'bar-rows-repeat': [
    {
      at: `${chart}:9:3`,
      field: 'filter',
      message: 'a bar chart draws one bar per country, but 2 rows have country = "China" (one per year?): filter to one row each, or give each its own view',
      text: '"filter"',
    },
  ],
  'filter-keeps-no-rows': [
    { at: `${chart}:8:15`, field: 'filter.country', message: 'no row has country = "Chinaa" (did you mean "China"?)', text: '"country": "Chinaa"' },
    { at: `${chart}:8:3`, field: 'filter', message: 'the chart keeps no rows: check the filter values against the dataset', text: '"filter"' },
  ],
  'derived-typed': [
    {
      at: `${chart}:9:5`,
      field: 'derive[0]',
      message: `"share_pct" is typed in the dataset's rows[1] beside "tonnes_reo", which it is computed from: remove "share_pct" from the dataset (derived figures are never typed in)`,
      text: '{ "op": "share", "as": "share_pct"',
    },
  ],
  'many-errors': [
    { at: 'data/prices.json:1:1', field: 'title', message: 'required: expected text, found nothing', text: '{' },
    { at: 'data/prices.json:4:33', field: 'sources[0].url', message: `${url} "javascript:alert(1)"`, text: '"url": "javascript:alert(1)"' },
    { at: 'data/prices.json:6:3', field: 'rows', message: 'expected at least one row, found an empty list', text: '"rows": []' },
    { at: 'data/production.json:13:7', field: 'sources[1].id', message: 'source id "mcs2025" is used twice; ids must be unique', text: '"id": "mcs2025"' },
    { at: 'data/production.json:21:63', field: 'rows[1].source', message: 'no source with id "mcs2205" in sources (did you mean "mcs2025"?)', text: '"source": "mcs2205"' },
    { at: 'content/charts/prices.json:4:3', field: 'mark', message: /^expected one of "line", "area", "bar", "dot", "cell", found "pie"/, text: '"mark": "pie"' },
    { at: 'content/charts/china-production.json:5:3', field: 'x', message: 'no field "yaer" in the rows of data/production.json (did you mean "year"?)', text: '"x": "yaer"' },
    // The title's quote is never closed: the parser reports the end of the front matter.
    { at: 'content/articles/second.md:4:20', field: 'front matter', message: /^not valid YAML: .*quote/i },
    { at: 'content/articles/story.md:4:1', field: 'pubDate', message: 'expected a date as YYYY-MM-DD, found "2025-13-01"', text: 'pubDate: 2025-13-01' },
    { at: 'content/articles/story.md:7:16', field: 'body', message: /^claim status: expected one of supported, disputed, unsupported, unverified, found "true"/, text: ':claim[rose]{status="true"' },
    { at: 'content/articles/story.md:9:1', field: 'body', message: /^no chart "china-prod" in content\/charts\//, text: '::chart{id="china-prod"}' },
  ],
};

function errorsOf(name: string): Problem[] {
  return loadSite(path.join(fixtures, name)).problems.filter((p) => p.severity === 'error');
}

/** The fixture's text from a line and column on. */
function textAt(name: string, at: string): string {
  const [file, line, column] = at.split(':');
  return readFileSync(path.join(fixtures, name, file), 'utf8').split('\n')[Number(line) - 1]?.slice(Number(column) - 1) ?? '';
}

test('every fixture folder has its expected errors listed, and every class of bad input has a fixture', () => {
  const folders = readdirSync(fixtures).sort();
  expect(folders).toEqual(Object.keys(cases).sort());
});

describe('each bad input fails loadSite, naming the file, field, line and column and what was expected', () => {
  test.for(Object.entries(cases))('%s', ([name, expected]) => {
    const errors = errorsOf(name);
    expect(errors.map(formatProblem), 'exactly these errors, no more').toHaveLength(expected.length);
    for (const e of expected) {
      const [file, line, column] = e.at.split(':');
      expect(errors).toContainEqual(
        expect.objectContaining({
          file,
          line: Number(line),
          column: Number(column),
          field: e.field,
          message: typeof e.message === 'string' ? e.message : expect.stringMatching(e.message),
        }),
      );
      if (e.text !== undefined) expect(textAt(name, e.at), `${e.at} points at`).toMatch(new RegExp(`^${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});

test('all errors are reported at once, across every file, not only the first', () => {
  const errors = errorsOf('many-errors');
  expect(new Set(errors.map((e) => e.file))).toEqual(
    new Set(['data/prices.json', 'data/production.json', 'content/charts/prices.json', 'content/charts/china-production.json', 'content/articles/second.md', 'content/articles/story.md']),
  );
  expect(errors.length).toBe(cases['many-errors'].length);
});

test('a broken file gets its own errors only: no echo of "no dataset" or "no chart" from the files that name it', () => {
  for (const name of ['missing-dataset-sources', 'empty-rows', 'non-http-source-url', 'date-does-not-parse', 'wrong-type', 'invalid-json']) {
    const messages = errorsOf(name).map((e) => e.message);
    expect(messages.filter((m) => /^no (dataset|chart) "(production|china-production)"/.test(m)), name).toEqual([]);
  }
});
