// `npm run check` run as editors run it, on a small valid site (test/fixtures/check/base/) with one class of
// mistake laid over it (test/fixtures/check/cases/<case>/ holds only the files that differ). Each case states the
// exact lines an editor reads: file, line and column, field, and what was expected and found.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { layered, runCli } from '../support/cli.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/check');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

async function check(fixture?: string, env: Record<string, string> = {}) {
  const root = layered(path.join(fixtures, 'base'), ...(fixture ? [path.join(fixtures, 'cases', fixture)] : []));
  roots.push(root);
  const result = await runCli('check', [], { contentRoot: root, env });
  const lines = result.stdout.split('\n').filter(Boolean);
  // Every line but the closing summary is a problem.
  return { ...result, problems: lines.slice(0, -1), summary: lines.at(-1) ?? '' };
}

test('the valid fixture passes with no problems and exit status 0', async () => {
  const { status, problems, summary } = await check();
  expect(problems).toEqual([]);
  expect(summary).toMatch(/^Content OK: 1 article, 1 chart, 1 dataset, 0 warnings \(\d+ ms\)\.$/);
  expect(status).toBe(0);
});

const errorCases: Record<string, string[]> = {
  'json-missing-comma': [
    'content/charts/ore-share.json:7:3  y  not valid JSON: expected a comma "," before this (is one missing at the end of the line above?)',
  ],
  'json-trailing-comma': [
    'content/charts/ore-share.json:13:44  format  not valid JSON: expected a field name in double quotes, e.g. "title" (JSON allows no comma after the last field)',
  ],
  'json-duplicate-field': [
    'content/charts/ore-share.json:4:3  title  field "title" appears twice in this object: keep one (JSON would silently use the last)',
  ],
  'unknown-field': [
    'content/charts/ore-share.json:3:3  subtitel  unknown field "subtitel" (did you mean "subtitle"?); known fields: title, subtitle, dataset, mark, x, y, color, label, derive, fold, filter, sort, colorOrder, highlight, reference, format, xLabel, yLabel, views, viewsBy, annotations, notes, stack, facet, map, tabs, editions',
  ],
  'missing-required': [
    'content/charts/ore-share.json:1:1  mark  required: expected one of "line", "area", "bar", "dot", "cell", "slope", "map", found nothing',
  ],
  'wrong-value': [
    'content/charts/ore-share.json:16:57  annotations[1].kind  expected one of "uncertainty", "note", "claim", found "uncertanty" (did you mean "uncertainty"?)',
  ],
  'unknown-dataset': [
    'content/charts/ore-share.json:4:3  dataset  no dataset "ore-outptu" in data/ (did you mean "ore-output"?)',
  ],
  'unknown-row-field': [
    'content/charts/ore-share.json:6:3  x  no field "yaer" in the rows of data/ore-output.json (did you mean "year"?)',
    'content/charts/ore-share.json:10:102  derive[0].by  no field "yr" in the rows of data/ore-output.json (did you mean "year"?)',
  ],
  'filter-value': [
    'content/charts/ore-share.json:12:15  filter.country  no row has country = "Sildavia" (did you mean "Syldavia"?)',
  ],
  'annotation-off-axis': [
    'content/charts/ore-share.json:16:112  annotations[1].x  2042 is not on the x axis (field "year")',
  ],
  'row-wrong-type': [
    'data/ore-output.json:18:7  rows[3].year  expected text, or a number, or true or false, or null, found a list of 1',
    'data/ore-output.json:18:81  rows[3].estimate  expected true or false, found "yes"',
  ],
  'row-misspelt-field': [
    'data/ore-output.json:18:7  rows[3].yaer  unknown field "yaer" (did you mean "year"?): every other row has "year", this one has not',
  ],
  'row-unknown-source': [
    'data/ore-output.json:17:62  rows[2].source  no source with id "yb2052" in sources (did you mean "yb2025"?)',
  ],
  'source-url': [
    'data/ore-output.json:9:7  sources[0].url  expected an http(s) URL, e.g. "https://pubs.usgs.gov/...", found "example.org/yearbook-2025"',
  ],
  'bad-file-name': [
    'data/Ore Output.json  (file)  file name "Ore Output" must be lower-case letters, digits and hyphens, e.g. "china-mine-share.json"',
  ],
  'no-front-matter': [
    'content/articles/ore-story.md:1:1  front matter  expected front matter between --- lines at the top (title, description, pubDate)',
  ],
  'yaml-syntax': [
    'content/articles/ore-story.md:10:23  front matter  not valid YAML: the indentation is off, or a [list] is not closed with ]: items of a list, and fields of an object, line up under each other',
  ],
  'front-matter-fields': [
    'content/articles/ore-story.md:4:1  pubDate  expected a date as YYYY-MM-DD, found "2025-02-30": there is no 30 February 2025',
    'content/articles/ore-story.md:5:1  updated  unknown field "updated" (did you mean "updatedDate"?); known fields: title, description, pubDate, updatedDate, authors, tags, draft, uncertainties, corrections',
  ],
  'uncertainty-chart': [
    'content/articles/ore-story.md:10:25  uncertainties[0].charts[1]  no chart "ore-shares" in content/charts/ (did you mean "ore-share"?)',
  ],
  // The chart it meant to place is not reported as unused: while there are errors, unused files are mostly their echo.
  'body-chart': [
    'content/articles/ore-story.md:17:1  body  no chart "ore-shares" in content/charts/ (did you mean "ore-share"?)',
  ],
  'body-claim': [
    'content/articles/ore-story.md:13:10  body  claim status: expected one of supported, disputed, unsupported, unverified, found "suported" (did you mean "supported"?)',
  ],
  'starter-text': [
    'content/articles/ore-story.md:3:1  description  starter text to replace: "FILL IN: the dek" (this article is not a draft, so it would be published)',
  ],
  // Issue 22: a range that misses its row's figure; two editions of a derive's total for one year.
  'row-range-misses': [
    "data/ore-output.json:19:58  rows[4].low  the range 95 to 110 does not hold the row's tonnes, 90: low and high bound the row's figure, in its unit (tonnes)",
  ],
  'derive-total-twice': [
    'content/charts/ore-share.json:10:5  derive[0]  "share_pct" is 105% for rows[5] (country = "World total", year = 2024); a share is 0 to 100%: there are 2 "World total" rows for year = 2024, and each row is divided by the last of them',
    'content/charts/ore-share.json:10:78  derive[0].total  derive "share_pct" divides by the "World total" row of each year, but year = 2024 has 2: rows[5] and rows[6] of data/ore-output.json, which differ in "edition" ("2025 edition" and "2024 edition"): keep one "World total" row for each year in data/ore-output.json, and give what the other edition said in its "revised", e.g. "revised": "2024 edition gave 210"',
  ],
};

describe('each class of mistake is reported with its file, line, column, field and message, and exit status 1', () => {
  for (const [fixture, expected] of Object.entries(errorCases)) {
    test(fixture, async () => {
      const { status, problems, summary } = await check(fixture);
      expect(problems).toEqual(expected);
      expect(summary).toMatch(
        /^\d+ errors?, \d+ warnings? \(\d+ ms\)\. Fix the errors above: nothing is published until they are gone\.$/,
      );
      expect(status).toBe(1);
    });
  }
});

test('every mistake in every file is reported at once, file by file and top to bottom', async () => {
  const { status, problems } = await check('many');
  expect(problems).toEqual([
    'content/articles/ore-story.md:4:1  pubDate  expected a date as YYYY-MM-DD, found "2025-3-1"',
    'content/articles/ore-story.md:13:10  body  claim status: expected one of supported, disputed, unsupported, unverified, found "suported" (did you mean "supported"?)',
    'content/charts/ore-share.json:3:3  subtitel  unknown field "subtitel" (did you mean "subtitle"?); known fields: title, subtitle, dataset, mark, x, y, color, label, derive, fold, filter, sort, colorOrder, highlight, reference, format, xLabel, yLabel, views, viewsBy, annotations, notes, stack, facet, map, tabs, editions',
    'content/charts/ore-share.json:4:3  dataset  no dataset "ore-outptu" in data/ (did you mean "ore-output"?)',
    'content/charts/ore-share.json:16:57  annotations[1].kind  expected one of "uncertainty", "note", "claim", found "uncertanty" (did you mean "uncertainty"?)',
    'data/ore-output.json:18:7  rows[3].yaer  unknown field "yaer" (did you mean "year"?): every other row has "year", this one has not',
  ]);
  expect(status).toBe(1);
});

describe('warnings are printed but do not fail the check (exit status 0)', () => {
  const warningCases: Record<string, string[]> = {
    'no-source-edition': [
      'data/ore-output.json:6:5  sources[0]  warning: source "Fixture Yearbook 2025" has no edition: name the edition readers should look for',
    ],
    'unused-chart-and-dataset': [
      'content/charts/ore-tonnes.json:1:1  (file)  warning: no published story places chart "ore-tonnes" (it still gets its own chart page)',
      'data/ore-prices.json:1:1  (file)  warning: no chart uses dataset "ore-prices" (it is still listed in the data catalogue)',
    ],
    'reserved-field-typo': [
      'data/ore-output.json:18:79  rows[3].estimated  warning: field "estimated" is not a reserved field (did you mean "estimate"?); the reserved fields are estimate, secondary, projection, edition, source, revised, low, high, note',
    ],
    'draft-starter-text': [
      // The chart only the draft places is the draft's own, not unused: it is published with the draft, so no warning.
      'content/articles/ore-story.md:3:1  description  warning: starter text to replace: "FILL IN: the dek"',
    ],
  };
  for (const [fixture, expected] of Object.entries(warningCases)) {
    test(fixture, async () => {
      const { status, problems, summary } = await check(fixture);
      expect(problems).toEqual(expected);
      expect(summary).toMatch(/^Content OK: .*, \d+ warnings? \(\d+ ms\)\.$/);
      expect(status).toBe(0);
    });
  }
});

test('inside GitHub Actions, each problem is also a workflow annotation on its file and line', async () => {
  const { stdout, status } = await check('many', { GITHUB_ACTIONS: 'true' });
  const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
  expect(annotations).toHaveLength(6);
  expect(annotations).toContain(
    '::error file=content/articles/ore-story.md,line=4,col=1,title=pubDate::expected a date as YYYY-MM-DD, found "2025-3-1"',
  );
  expect(annotations).toContain(
    '::error file=content/charts/ore-share.json,line=16,col=57,title=annotations[1].kind::expected one of "uncertainty", "note", "claim", found "uncertanty" (did you mean "uncertainty"?)',
  );
  expect(status).toBe(1);
});

test('inside GitHub Actions, a warning is a warning annotation and the check still passes', async () => {
  const { stdout, status } = await check('no-source-edition', { GITHUB_ACTIONS: 'true' });
  expect(stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
    '::warning file=data/ore-output.json,line=6,col=5,title=sources[0]::source "Fixture Yearbook 2025" has no edition: name the edition readers should look for',
  ]);
  expect(status).toBe(0);
});

test('outside GitHub Actions there are no workflow annotations', async () => {
  const { stdout } = await check('many');
  expect(stdout).not.toMatch(/^::/m);
});

test('files saved on Windows (CRLF line ends, a byte-order mark) are read, and positions are the same', async () => {
  const root = layered(path.join(fixtures, 'base'), path.join(fixtures, 'cases', 'wrong-value'));
  roots.push(root);
  for (const file of ['content/charts/ore-share.json', 'data/ore-output.json', 'content/articles/ore-story.md']) {
    const full = path.join(root, file);
    writeFileSync(full, `\uFEFF${readFileSync(full, 'utf8').replace(/\n/g, '\r\n')}`);
  }
  const result = await runCli('check', [], { contentRoot: root });
  expect(result.stdout.split('\n').filter(Boolean).slice(0, -1)).toEqual(errorCases['wrong-value']);
  expect(result.status).toBe(1);
});
