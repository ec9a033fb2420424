// Every class of bad input stops the build with the file, the field and what was expected named.
// Each case is a small fixture site under test/fixtures/invalid/<case>/ (content/articles, content/charts, data):
// a valid one-article, one-chart, one-dataset site changed in one way (many-errors: in many ways at once).
// The errors loadSite reports must be exactly those listed, and each line:column must point at the text given.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const deals = 'data/deals.json';
const commitment = 'rows[0].commitments[0]';
const url = 'expected an http(s) URL, e.g. "https://pubs.usgs.gov/...", found';

const cases: Record<string, Expected[]> = {
  'missing-article-title': [
    { at: `${article}:2:1`, field: 'title', message: 'required: expected text, found nothing', text: 'description:' },
  ],
  'missing-dataset-sources': [
    { at: `${data}:1:1`, field: 'sources', message: 'required: expected a list, found nothing', text: '{' },
  ],
  'empty-rows': [
    {
      at: `${data}:13:3`,
      field: 'rows',
      message: 'expected at least one row, found an empty list',
      text: '"rows": []',
    },
  ],
  'wrong-type': [
    { at: `${chart}:6:3`, field: 'x', message: 'expected text, found 2024', text: '"x": 2024' },
    { at: `${article}:5:1`, field: 'draft', message: 'expected true or false, found "no"', text: 'draft: "no"' },
  ],
  'chart-dataset-missing': [
    {
      at: `${chart}:4:3`,
      field: 'dataset',
      message: 'no dataset "producton" in data/ (did you mean "production"?)',
      text: '"dataset": "producton"',
    },
  ],
  'chart-field-missing': [
    {
      at: `${chart}:6:3`,
      field: 'x',
      message: 'no field "yaer" in the rows of data/production.json (did you mean "year"?)',
      text: '"x": "yaer"',
    },
    {
      at: `${chart}:7:3`,
      field: 'y',
      message: /^no field "tonnes" in the rows of data\/production\.json\b/,
      text: '"y": "tonnes"',
    },
    {
      at: `${chart}:8:3`,
      field: 'color',
      message: 'no field "contry" in the rows of data/production.json (did you mean "country"?)',
      text: '"color": "contry"',
    },
    {
      at: `${chart}:9:3`,
      field: 'label',
      message: 'no field "note" in the rows of data/production.json',
      text: '"label": "note"',
    },
  ],
  'annotation-off-axis': [
    {
      at: `${chart}:11:65`,
      field: 'annotations[0].x',
      message: '2030 is not on the x axis (field "year")',
      text: '"x": 2030',
    },
    {
      at: `${chart}:12:79`,
      field: 'annotations[1].y',
      message: '"China" is not on the y axis (field "tonnes_reo")',
      text: '"y": "China"',
    },
  ],
  'unknown-chart-directive': [
    {
      at: `${article}:9:1`,
      field: 'body',
      message: 'no chart "china-prodution" in content/charts/ (did you mean "china-production"?)',
      text: '::chart{id="china-prodution"}',
    },
  ],
  'claim-status-invalid': [
    {
      at: `${article}:7:25`,
      field: 'body',
      message:
        'claim status: expected one of supported, disputed, unsupported, unverified, found "disputd" (did you mean "disputed"?)',
      text: ':claim[rose by a third]{status="disputd"',
    },
  ],
  'map-unknown-country': [
    {
      at: `${data}:15:21`,
      field: 'rows[1].country',
      message: `"Austrlia" is no country the map ${chart} can draw: write a country's English name or ISO 3166 alpha-3 code (did you mean "Australia" or "Austria"?)`,
      text: '"country": "Austrlia"',
    },
  ],
  'map-only-aggregates': [
    {
      at: `${chart}:6:3`,
      field: 'x',
      message:
        'the map has nothing to draw: every row it keeps ("World total") stands for many places, not a country; keep the rows of the countries',
      text: '"x": "country"',
    },
  ],
  'map-rows-repeat': [
    {
      at: `${chart}:1:1`,
      field: 'filter',
      message:
        'a map draws one figure per country, but the rows it keeps give "China" 2 (rows[0] and rows[1] of data/production.json, which differ in "year" and "tonnes_reo"): keep one row per country with a filter, e.g. "filter": { "year": [2024] }',
      text: '{',
    },
  ],
  'claim-chart-unknown': [
    {
      at: `${article}:7:25`,
      field: 'body',
      message: 'claim chart: no chart "china-output" in content/charts/',
      text: ':claim[rose]',
    },
  ],
  'view-state-unknown': [
    {
      at: `${article}:7:25`,
      field: 'body',
      message:
        ':view select: no country "Chna" in chart "china-production" (did you mean "China"?); it draws: China, World total',
      text: ':view[rose]',
    },
    {
      at: `${article}:7:25`,
      field: 'body',
      message:
        ':view year: chart "china-production" draws no year "2022" (did you mean "2023"?); its years: 2023, 2024',
      text: ':view[rose]',
    },
  ],
  // A chart's tabs (issue 14): charts of the same dataset shown in its figure, each once on a page, none nested.
  'tab-chart-unknown': [
    {
      at: `${chart}:10:14`,
      field: 'tabs[0].chart',
      message: 'no chart "production-by-contry" in content/charts/ (did you mean "production-by-country"?)',
      text: '"chart": "production-by-contry"',
    },
    {
      at: `${chart}:10:51`,
      field: 'tabs[1].chart',
      message:
        'chart "china-production" is this chart: a tab shows another chart of the same dataset; remove it (the figure\'s first tab is this chart already)',
      text: '"chart": "china-production"',
    },
  ],
  'tab-other-dataset': [
    {
      at: `${chart}:10:14`,
      field: 'tabs[0].chart',
      message:
        'chart "production-by-country" draws dataset "production-copy", this chart "production": a tab shows a chart of the same dataset',
      text: '"chart": "production-by-country"',
    },
  ],
  'tab-nested': [
    {
      at: `${chart}:10:14`,
      field: 'tabs[0].chart',
      message:
        'chart "production-by-country" has tabs of its own, and tabs do not nest: remove "tabs" from content/charts/production-by-country.json, or name its tabs here',
      text: '"chart": "production-by-country"',
    },
    {
      at: 'content/charts/production-by-country.json:10:14',
      field: 'tabs[0].chart',
      message:
        'chart "china-production" has tabs of its own, and tabs do not nest: remove "tabs" from content/charts/china-production.json, or name its tabs here',
      text: '"chart": "china-production"',
    },
  ],
  'tab-shown-twice': [
    {
      at: `${article}:11:1`,
      field: 'body',
      message:
        'chart "production-by-country" is shown already, as a tab of chart "china-production"; remove this ::chart, or the tab from content/charts/china-production.json',
      text: '::chart{id="production-by-country"}',
    },
  ],
  'tab-labels-alike': [
    {
      at: `${chart}:10:12`,
      field: 'tabs[0].label',
      message: 'two tabs of this figure read "Chart": give this tab a "label" of its own, e.g. "Chart 2"',
      text: '{ "chart": "production-by-country" }',
    },
  ],
  'uncertainty-chart-unknown': [
    {
      at: `${article}:8:32`,
      field: 'uncertainties[0].charts[1]',
      message: 'no chart "china-share" in content/charts/',
      text: 'china-share]',
    },
  ],
  'duplicate-source-ids': [
    {
      at: `${data}:13:7`,
      field: 'sources[1].id',
      message: 'source id "mcs2025" is used twice; ids must be unique',
      text: '"id": "mcs2025"',
    },
  ],
  'duplicate-row-ids': [
    {
      at: `${data}:15:7`,
      field: 'rows[1].id',
      message: 'row id "china" is used twice; ids must be unique',
      text: '"id": "china", "year": 2024',
    },
  ],
  'duplicate-view-ids': [
    {
      at: `${chart}:12:7`,
      field: 'views[1].id',
      message: 'view id "china" is used twice; ids must be unique',
      text: '"id": "china", "label": "World"',
    },
  ],
  'non-http-source-url': [
    {
      at: `${data}:8:7`,
      field: 'sources[0].url',
      message: `${url} "ftp://pubs.usgs.gov/mcs2025-rare-earths.pdf"`,
      text: '"url": "ftp://',
    },
  ],
  'date-does-not-parse': [
    {
      at: `${data}:11:7`,
      field: 'sources[0].retrieved',
      message: 'expected a date as YYYY-MM-DD, found "2025-02-30": there is no 30 February 2025',
      text: '"retrieved": "2025-02-30"',
    },
    // Unquoted in YAML, where a date parser would have rolled it over to 2 March.
    {
      at: `${article}:4:1`,
      field: 'pubDate',
      message: 'expected a date as YYYY-MM-DD, found "2025-02-30": there is no 30 February 2025',
      text: 'pubDate: 2025-02-30',
    },
  ],
  // The comma is missing at the end of line 7; the parser notices at the next field.
  'invalid-json': [
    { at: `${chart}:8:3`, field: 'filter', message: /^not valid JSON: expected a comma/, text: '"filter"' },
  ],
  'invalid-yaml': [
    { at: `${article}:3:14`, field: 'front matter', message: /^not valid YAML: /, text: 'A one-chart story: for' },
  ],
  'misspelt-field': [
    { at: `${article}:2:1`, field: 'title', message: 'required: expected text, found nothing', text: 'titel: ' },
    {
      at: `${article}:2:1`,
      field: 'titel',
      message: /^unknown field "titel" \(did you mean "title"\?\)/,
      text: 'titel: ',
    },
  ],
  // Stacks and small multiples (issue 13): the error is on the chart's "stack" or "facet" line and names the row.
  'stack-negative': [
    {
      at: `${chart}:9:3`,
      field: 'stack',
      message:
        'rows[3] of data/production.json (country = "Australia", year = 2024) has a negative tonnes_reo, -13000: a stack adds up parts of a whole, which are never below zero; remove "stack" (and draw the figures as lines or separate bars), or filter those rows out',
      text: '"stack": "sum"',
    },
  ],
  'stack-on-line': [
    {
      at: `${chart}:9:3`,
      field: 'stack',
      message:
        'a line chart does not stack: "stack" works on area and bar charts; remove it, or make the mark "area" or "bar"',
      text: '"stack": "share"',
    },
  ],
  'view-stack-on-line': [
    {
      at: `${chart}:11:40`,
      field: 'views[1].stack',
      message:
        'a line chart does not stack: "stack" works on area and bar charts; remove it, or make the mark "area" or "bar"',
      text: '"stack": "share"',
    },
  ],
  'stack-share-total-zero': [
    {
      at: `${chart}:9:3`,
      field: 'stack',
      message:
        'the stack at year = 2024 adds up to 0, so it has no shares ("stack": "share" divides each tonnes_reo by the stack\'s total): filter that year out, or use "stack": "sum"',
      text: '"stack": "share"',
    },
  ],
  'facet-on-cell': [
    {
      at: `${chart}:9:3`,
      field: 'facet',
      message:
        'a cell chart cannot be drawn as small multiples: a cell grid is already one grid of rows and columns; split it with views instead; remove "facet", or make the mark "line", "area", "bar" or "dot"',
      text: '"facet": "country"',
    },
  ],
  'bar-rows-repeat': [
    {
      at: `${chart}:9:3`,
      field: 'filter',
      message:
        'a bar chart draws one bar per country, but 2 rows have country = "China" (one per year?): filter to one row each, or give each its own view',
      text: '"filter"',
    },
  ],
  'slope-three-x-values': [
    {
      at: `${chart}:6:3`,
      field: 'x',
      message:
        'a slope chart draws lines between exactly 2 values of "year", but the rows it keeps hold 3: 2022, 2023, 2024: keep 2 with a filter, e.g. "filter": { "year": [2022, 2023] }',
      text: '"x": "year"',
    },
  ],
  'slope-points-repeat': [
    {
      at: `${chart}:8:3`,
      field: 'filter',
      message:
        'a slope chart draws one point per year, but the rows it keeps give 2023 2 (rows[1] and rows[4] of data/production.json, which differ in "country" and "tonnes_reo"): keep one row per year with a filter, e.g. "filter": { "country": ["World total"] }, or give the chart a "color" field (one line per category)',
      text: '"filter"',
    },
  ],
  'filter-keeps-no-rows': [
    {
      at: `${chart}:8:15`,
      field: 'filter.country',
      message: 'no row has country = "Chinaa" (did you mean "China"?)',
      text: '"country": "Chinaa"',
    },
    {
      at: `${chart}:8:3`,
      field: 'filter',
      message: 'the chart keeps no rows: check the filter values against the dataset',
      text: '"filter"',
    },
  ],
  'derived-typed': [
    {
      at: `${chart}:9:5`,
      field: 'derive[0]',
      message: `"share_pct" is typed in the dataset's rows[1] beside "tonnes_reo", which it is computed from: remove "share_pct" from the dataset (derived figures are never typed in)`,
      text: '{ "op": "share", "as": "share_pct"',
    },
  ],
  // A number typed as text bends the chart (a row drops out of a filter, a bar chart turns on its side): reported on
  // its row, once; the annotation at that row's year is not blamed.
  'number-typed-as-text': [
    {
      at: `${data}:15:7`,
      field: 'rows[1].year',
      message: 'rows[1].year is the text "2024"; the other 3 rows have numbers: remove the quotes',
      text: '"year": "2024"',
    },
    {
      at: `${data}:16:45`,
      field: 'rows[2].tonnes_reo',
      message:
        'rows[2].tonnes_reo is the text "12,5"; the other 3 rows have numbers: write 12.5, without quotes (a dot before decimals)',
      text: '"tonnes_reo": "12,5"',
    },
  ],
  'decimal-comma-in-json': [
    {
      at: `${data}:15:55`,
      field: 'rows[1].tonnes_reo',
      message:
        'not valid JSON: 12,5 is not a number in JSON (a dot before decimals, no thousands separators): write 12.5',
      text: '12,5,',
    },
  ],
  'draws-nothing-for-named': [
    {
      at: `${chart}:10:68`,
      field: 'annotations[0].y',
      message:
        'the chart draws nothing for country = "Australia": its rows[1] in data/production.json has no "tonnes_reo"',
      text: '"y": "Australia"',
    },
  ],
  'range-excludes-value': [
    {
      at: `${data}:15:78`,
      field: 'rows[1].high',
      message:
        "the range 200000 to 260000 does not hold the row's tonnes_reo, 270000: low and high bound the row's figure, in its unit (tonnes of rare-earth oxide (REO) equivalent)",
      text: '"high": 260000',
    },
  ],
  // Every dataset is checked, charted or not (issue 22): a range holds its row's figure.
  'range-misses-value-uncharted': [
    {
      at: 'data/reserves.json:14:75',
      field: 'rows[0].low',
      message:
        "the range 3600000 to 22000000 does not hold the row's tonnes_reo, 3500000: low and high bound the row's figure, in its unit (tonnes of rare-earth oxide (REO) equivalent)",
      text: '"low": 3600000',
    },
    {
      at: 'data/reserves.json:15:74',
      field: 'rows[1].high',
      message:
        "high 3700000 does not hold the row's tonnes_reo, 3800000: low and high bound the row's figure, in its unit (tonnes of rare-earth oxide (REO) equivalent)",
      text: '"high": 3700000',
    },
  ],
  // A derive's total (or part) is one row per `by` value (issue 22): two editions of one total give an arbitrary share.
  'derive-total-repeats': [
    // Two editions of one figure without their sources' published dates: the chart cannot choose the latest.
    {
      at: `${chart}:4:3`,
      field: 'dataset',
      message:
        'data/production.json has 2 editions of one figure, World total, 2023 (rows[2] and rows[3]); this chart draws one of each: give the sources\' "published" dates ("mcs2025", "mcs2024") so that the latest is drawn, or write "editions": "all" in the chart to draw every edition',
      text: '"dataset": "production"',
    },
    {
      at: `${chart}:9:82`,
      field: 'derive[0].total',
      message:
        'derive "share_pct" divides by the "World total" row of each year, but year = 2023 has 2: rows[2] and rows[3] of data/production.json, which differ in "edition" ("MCS 2025" and "MCS 2024"): keep one "World total" row for each year in data/production.json, and give what the other edition said in its "revised", e.g. "revised": "MCS 2024 gave 350,000"',
      text: '"total": "World total"',
    },
    {
      at: `${chart}:9:5`,
      field: 'derive[0]',
      message:
        '"share_pct" is 107% for rows[2] (country = "World total", year = 2023); a share is 0 to 100%: there are 2 "World total" rows for year = 2023, and each row is divided by the last of them',
      text: '{ "op": "share"',
    },
  ],
  'rest-part-repeats': [
    // Two editions of one figure without their sources' published dates: the chart cannot choose the latest.
    {
      at: `${chart}:4:3`,
      field: 'dataset',
      message:
        'data/production.json has 2 editions of one figure, China, 2023 (rows[0] and rows[1]); this chart draws one of each: give the sources\' "published" dates ("mcs2025", "mcs2024") so that the latest is drawn, or write "editions": "all" in the chart to draw every edition',
      text: '"dataset": "production"',
    },
    {
      at: `${chart}:10:115`,
      field: 'derive[0].parts',
      message:
        'derive "Rest of the world" takes the "China" row of each year from the "World total", but year = 2023 has 2: rows[0] and rows[1] of data/production.json, which differ in "edition" ("MCS 2025" and "MCS 2024"): keep one "China" row for each year in data/production.json, and give what the other edition said in its "revised", e.g. "revised": "MCS 2024 gave 240,000"',
      text: '"parts": ["China"]',
    },
  ],
  // The rows differ in an edition and in a flag only one of them has: the filter names the edition, in valid JSON.
  'map-editions-repeat': [
    // Two editions of one figure without their sources' published dates: the chart cannot choose the latest.
    {
      at: `${chart}:4:3`,
      field: 'dataset',
      message:
        'data/production.json has 2 editions of one figure, China, 2023 (rows[0] and rows[1]); this chart draws one of each: give the sources\' "published" dates ("mcs2024", "mcs2025") so that the latest is drawn, or write "editions": "all" in the chart to draw every edition',
      text: '"dataset": "production"',
    },
    {
      at: `${chart}:1:1`,
      field: 'filter',
      message:
        'a map draws one figure per country, but the rows it keeps give "China" 2 (rows[0] and rows[1] of data/production.json, which differ in "edition" and "source"): keep one row per country with a filter, e.g. "filter": { "edition": ["MCS 2025"] }',
      text: '{',
    },
  ],
  'share-outside-range': [
    {
      at: `${chart}:9:5`,
      field: 'derive[0]',
      message: `"share_pct" is 1,000% for rows[1] (country = "China", year = 2024); a share is 0 to 100%: check its tonnes_reo against the "World total" row's`,
      text: '{ "op": "share"',
    },
  ],
  'reference-off-axis': [
    {
      at: `${chart}:10:7`,
      field: 'reference[0].y',
      message: '"Chinaa" is not on the y axis (field "country") (did you mean "China"?)',
      text: '"y": "Chinaa"',
    },
  ],
  'chart-not-on-its-own-line': [
    {
      at: `${article}:7:30`,
      field: 'body',
      message: '::chart must be on a line of its own: ::chart{id="..."}',
      text: '::chart{id="china-production"} from',
    },
    {
      at: `${article}:9:1`,
      field: 'body',
      message: '::chart is not closed: write ::chart{id="..."} on a line of its own',
      text: '::chart{id="china-production"',
    },
  ],
  'claim-misspelt-or-unclosed': [
    {
      at: `${article}:7:25`,
      field: 'body',
      message: 'unknown directive ":clam" (did you mean ":claim"?): write :claim[the words]{status="..." note="..."}',
      text: ':clam[rose by a third]',
    },
    {
      at: `${article}:8:4`,
      field: 'body',
      message:
        ':claim is not closed: write :claim[the words]{status="..." note="..."}, with ] after the words and } after the attributes',
      text: ':claim[doubled{',
    },
  ],
  'source-url-missing': [
    {
      at: `${data}:5:5`,
      field: 'sources[0].url',
      message: 'required: add the web address of the document, e.g. "https://pubs.usgs.gov/..."',
      text: '{',
    },
  ],
  // Commitments (rows[].commitments of an agreements dataset): each class of bad input the agreements issue names.
  'commitment-due-without-signing': [
    {
      at: `${deals}:19:20`,
      field: `${commitment}.due.after`,
      message:
        'due counts 6 months from the signing, but rows[0] has no "date": add the signing date to the row ("date": "YYYY-MM-DD"), or count from a date ("after": "YYYY-MM-DD")',
      text: '"after": "signing"',
    },
  ],
  'commitment-status-unknown': [
    {
      at: `${deals}:22:37`,
      field: `${commitment}.status[0].status`,
      message: 'expected one of "met", "partly", "not-met", "no-report", "disputed", found "done"',
      text: '"status": "done"',
    },
  ],
  'commitment-status-without-source': [
    {
      at: `${deals}:22:13`,
      field: `${commitment}.status[0].source`,
      message:
        'required: name the source: the id of one of the dataset\'s sources, a list of ids, or { "name": "...", "edition": "..." } for a document with no address',
      text: '{ "date": "2025-10-20"',
    },
  ],
  'commitment-status-after-as-of': [
    {
      at: `${deals}:22:15`,
      field: `${commitment}.status[0].date`,
      message:
        '2026-02-15 is after the dataset\'s "as of" date, 2026-01-31 (asOf): a status cannot be dated after the statuses were last checked; correct the date, or move asOf forward',
      text: '"date": "2026-02-15"',
    },
  ],
  'commitment-status-read-before-date': [
    {
      at: `${deals}:22:117`,
      field: `${commitment}.status[0].retrieved`,
      message:
        "2026-01-10 is before the status's own date, 2026-01-20: its sources were read on or after the date it stands at; correct one of the two dates",
      text: '"retrieved": "2026-01-10"',
    },
  ],
  'commitment-amount-without-currency': [
    {
      at: `${deals}:19:11`,
      field: `${commitment}.amount.currency`,
      message: 'required: name the currency of the amount, e.g. "USD" (a sum without one cannot be read)',
      text: '"amount": {',
    },
  ],
  'commitment-source-unknown': [
    {
      at: `${deals}:22:86`,
      field: `${commitment}.status[0].source`,
      message: 'no source with id "fixture-statment" in sources (did you mean "fixture-statement"?)',
      text: '"source": "fixture-statment"',
    },
  ],
  'many-errors': [
    { at: 'data/prices.json:1:1', field: 'title', message: 'required: expected text, found nothing', text: '{' },
    {
      at: 'data/prices.json:4:33',
      field: 'sources[0].url',
      message: `${url} "javascript:alert(1)"`,
      text: '"url": "javascript:alert(1)"',
    },
    {
      at: 'data/prices.json:6:3',
      field: 'rows',
      message: 'expected at least one row, found an empty list',
      text: '"rows": []',
    },
    {
      at: 'data/production.json:13:7',
      field: 'sources[1].id',
      message: 'source id "mcs2025" is used twice; ids must be unique',
      text: '"id": "mcs2025"',
    },
    {
      at: 'data/production.json:21:63',
      field: 'rows[1].source',
      message: 'no source with id "mcs2205" in sources (did you mean "mcs2025"?)',
      text: '"source": "mcs2205"',
    },
    {
      at: 'content/charts/prices.json:4:3',
      field: 'mark',
      message: /^expected one of "line", "area", "bar", "dot", "cell", "slope", "map", found "pie"/,
      text: '"mark": "pie"',
    },
    {
      at: 'content/charts/china-production.json:5:3',
      field: 'x',
      message: 'no field "yaer" in the rows of data/production.json (did you mean "year"?)',
      text: '"x": "yaer"',
    },
    // The title's quote is never closed: the parser reports the end of the front matter.
    { at: 'content/articles/second.md:4:20', field: 'front matter', message: /^not valid YAML: .*quote/i },
    {
      at: 'content/articles/story.md:4:1',
      field: 'pubDate',
      message: 'expected a date as YYYY-MM-DD, found "2025-13-01": there is no month 13',
      text: 'pubDate: 2025-13-01',
    },
    {
      at: 'content/articles/story.md:7:16',
      field: 'body',
      message: /^claim status: expected one of supported, disputed, unsupported, unverified, found "true"/,
      text: ':claim[rose]{status="true"',
    },
    {
      at: 'content/articles/story.md:9:1',
      field: 'body',
      message: /^no chart "china-prod" in content\/charts\//,
      text: '::chart{id="china-prod"}',
    },
  ],
};

/** Slips that leave the chart right but are worth a look: warnings, which neither the check nor the build fail on. */
const warningCases: Record<string, Expected[]> = {
  // More series than colours that can be told apart (issue 22): the smallest are drawn as one, and the check says so.
  'series-more-than-colours': [
    {
      at: `${chart}:8:3`,
      field: 'color',
      message:
        'the chart draws 12 series of "country", more than the 9 colours that can be told apart: the 4 smallest (Madagascar, Vietnam, Malaysia and Brazil) are drawn as one, "Other (4)", in one colour; keep fewer with a filter, or add them up in the dataset',
      text: '"color": "country"',
    },
  ],
  'future-pub-date': [
    {
      at: `${article}:4:1`,
      field: 'pubDate',
      message:
        '2999-01-15 is in the future: the article is published as soon as the site is built, dated 2999-01-15 (keep draft: true until the day)',
      text: 'pubDate: 2999-01-15',
    },
  ],
  'charted-field-missing': [
    {
      at: `${chart}:7:3`,
      field: 'y',
      message:
        'rows[1] of data/production.json has no "tonnes_reo": the chart keeps it but draws nothing for it; give the figure, null where the source gives none, or leave the row out with a filter',
      text: '"y": "tonnes_reo"',
    },
  ],
  'bar-note-off-bars': [
    {
      at: `${chart}:10:64`,
      field: 'annotations[0].x',
      message:
        '28000 is the length of no bar (field "tonnes_reo": 13000 to 270000): a note on a bar chart marks a bar; name the bar by its country as y',
      text: '"x": 28000',
    },
  ],
  'reference-far-off': [
    {
      at: `${chart}:11:7`,
      field: 'reference[0].y',
      message:
        '2700000 is far outside the chart\'s y values (field "tonnes_reo": 0 to 270000): the data would fill less than half the axis; is the line in the data\'s unit?',
      text: '"y": 2700000',
    },
  ],
};

function errorsOf(name: string): Problem[] {
  return loadSite(path.join(fixtures, name)).problems.filter((p) => p.severity === 'error');
}

/** The fixture's text from a line and column on. */
function textAt(name: string, at: string): string {
  const [file, line, column] = at.split(':');
  return (
    readFileSync(path.join(fixtures, name, file), 'utf8')
      .split('\n')
      [Number(line) - 1]?.slice(Number(column) - 1) ?? ''
  );
}

test('every fixture folder has its expected errors listed, and every class of bad input has a fixture', () => {
  const folders = readdirSync(fixtures).sort();
  expect(folders).toEqual([...Object.keys(cases), ...Object.keys(warningCases)].sort());
});

/** The problems are exactly those expected, each at the text it names. */
function expectProblems(name: string, found: Problem[], expected: Expected[]) {
  expect(found.map(formatProblem), 'exactly these, no more').toHaveLength(expected.length);
  for (const e of expected) {
    const [file, line, column] = e.at.split(':');
    expect(found).toContainEqual(
      expect.objectContaining({
        file,
        line: Number(line),
        column: Number(column),
        field: e.field,
        message: typeof e.message === 'string' ? e.message : expect.stringMatching(e.message),
      }),
    );
    if (e.text !== undefined)
      expect(textAt(name, e.at), `${e.at} points at`).toMatch(
        new RegExp(`^${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
  }
}

describe('each warning is given with its file, field, line and column, and no error', () => {
  test.for(Object.entries(warningCases))('%s', ([name, expected]) => {
    const { problems } = loadSite(path.join(fixtures, name));
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expectProblems(name, problems, expected);
  });
});

test('two files whose names differ only by case are an error, on any file system', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'case-twins-'));
  try {
    cpSync(path.join(fixtures, 'wrong-type'), root, { recursive: true });
    writeFileSync(path.join(root, article), readFileSync(path.join(fixtures, 'derived-typed', article)));
    cpSync(path.join(root, article), path.join(root, 'content/articles/Story.md'));
    const errors = loadSite(root).problems.filter(
      (p) => p.severity === 'error' && p.file.startsWith('content/articles/'),
    );
    expect(errors.map(formatProblem)).toEqual([
      'content/articles/Story.md  (file)  file name "Story.md" differs from "story.md" only by case: on Windows and macOS they are one file; keep one, in lower case',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe('each bad input fails loadSite, naming the file, field, line and column and what was expected', () => {
  test.for(Object.entries(cases))('%s', ([name, expected]) => {
    expectProblems(name, errorsOf(name), expected);
  });
});

test('all errors are reported at once, across every file, not only the first', () => {
  const errors = errorsOf('many-errors');
  expect(new Set(errors.map((e) => e.file))).toEqual(
    new Set([
      'data/prices.json',
      'data/production.json',
      'content/charts/prices.json',
      'content/charts/china-production.json',
      'content/articles/second.md',
      'content/articles/story.md',
    ]),
  );
  expect(errors.length).toBe(cases['many-errors'].length);
});

test('a broken file gets its own errors only: no echo of "no dataset" or "no chart" from the files that name it', () => {
  for (const name of [
    'missing-dataset-sources',
    'empty-rows',
    'non-http-source-url',
    'date-does-not-parse',
    'wrong-type',
    'invalid-json',
  ]) {
    const messages = errorsOf(name).map((e) => e.message);
    expect(
      messages.filter((m) => /^no (dataset|chart) "(production|china-production)"/.test(m)),
      name,
    ).toEqual([]);
  }
});

/** Each `"field": value` a message suggests, with its value as written (an object or list whole); a quoted word
 * followed by a colon and prose ("tonnes_reo": the chart keeps...) is no suggestion. */
function suggestedValues(message: string): { field: string; value: string }[] {
  const found: { field: string; value: string }[] = [];
  for (const match of message.matchAll(/"([^"\n]+)": (?=[[{"\d-]|(?:true|false|null|undefined|NaN)\b|\.\.\.)/g)) {
    const start = match.index + match[0].length;
    let end = start;
    if (message[start] === '{' || message[start] === '[') {
      let depth = 0;
      let inString = false;
      for (; end < message.length; end++) {
        const c = message[end];
        if (inString) inString = c !== '"' || message[end - 1] === '\\';
        else if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if ((c === '}' || c === ']') && --depth === 0) break;
      }
      end++;
    } else if (message[start] === '"') end = message.indexOf('"', start + 1) + 1;
    else end = start + (/^[^\s,;)}\]]+/.exec(message.slice(start))?.[0].length ?? 0);
    found.push({ field: match[1], value: message.slice(start, end) });
  }
  return found;
}

test('every fix an error or warning suggests is valid JSON, as an editor would paste it', () => {
  const invalid: string[] = [];
  for (const name of readdirSync(fixtures)) {
    for (const problem of loadSite(path.join(fixtures, name)).problems) {
      for (const { field, value } of suggestedValues(problem.message)) {
        try {
          JSON.parse(value);
        } catch {
          invalid.push(`${name}: "${field}": ${value}  (in: ${problem.message})`);
        }
      }
    }
  }
  expect(invalid).toEqual([]);
});
