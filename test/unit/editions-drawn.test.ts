// A figure in two editions, as readers see it: the chart draws the latest edition and says what it revised (tooltip,
// table, summary, `:value`), a chart with "editions": "all" draws both, and editions without `published` dates stop
// the check. The fixture site test/fixtures/editions/ (made-up figures: FX 2025 and FX 2026 of one yearbook).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { loadSite } from '../../src/model/load.ts';

const site = path.resolve(import.meta.dirname, '../fixtures/editions');
const errors = (root: string) =>
  loadSite(root)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file} ${p.field}: ${p.message}`);

function drawn(root: string, id: string) {
  const { site: loaded } = loadSite(root);
  const spec = loaded.charts.get(id)!;
  return renderChart(spec, loaded.datasets.get(spec.dataset)!, loaded.views.get(id));
}

describe('editions of one figure', () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });
  /** The fixture site in a temporary folder, with `edit` applied to one of its files. */
  const edited = (file: string, edit: (text: string) => string) => {
    copy = mkdtempSync(path.join(tmpdir(), 'editions-'));
    cpSync(site, copy, { recursive: true });
    writeFileSync(path.join(copy, file), edit(readFileSync(path.join(copy, file), 'utf8')));
    return copy;
  };

  test('a chart draws the latest edition of each figure, and says what it revised', () => {
    expect(errors(site)).toEqual([]);
    const [view] = drawn(site, 'editions-latest').views;
    expect(view.rows.map((r) => `${r.country} ${r.tonnes} ${r.edition}`)).toEqual([
      'Country A 12000 FX 2026',
      'Country B 5000 FX 2026',
    ]);
    // The table's "Earlier edition" column and the tooltip read the row's revised; the summary says it too.
    expect(view.rows[0].revised).toBe('FX 2025 gave 13,000');
    expect(view.rows[1].revised).toBeUndefined(); // the same figure in both editions is no revision
    const tips = view.drawings[0].points.map((p) => p.text).join('\n');
    expect(tips).toContain('Country A: 12,000 tonnes (fixture unit); source: FX 2026; revised (FX 2025 gave 13,000)');
    expect(view.summary).toContain('1 figure is revised from an earlier edition: FX 2025 gave 13,000.');
  });

  test('`:value` prints the latest edition with what it revised; a where that names the edition prints that one', () => {
    const [latest, earlier] = loadSite(site).site.articles[0].body.values;
    expect(latest.text).toBe('12,000');
    expect(latest.about).toContain('Marked: revised (FX 2025 gave 13,000)');
    expect(earlier.text).toBe('13,000');
    // Each links to a chart that draws it: the latest to the chart of the latest, the earlier to the chart of all.
    expect([latest.link?.chart, earlier.link?.chart]).toEqual(['editions-latest', 'editions-all']);
  });

  test('a typed "revised" wins over the computed one', () => {
    const root = edited('data/fixture-editions.json', (text) =>
      text.replace(
        '"tonnes": 12000, "edition": "FX 2026"',
        '"tonnes": 12000, "revised": "typed", "edition": "FX 2026"',
      ),
    );
    expect(drawn(root, 'editions-latest').views[0].rows[0].revised).toBe('typed');
  });

  test("a figure typed by hand is given the :value of its edition: the latest's needs none, and follows the next", () => {
    const root = edited('content/articles/editions.md', (text) =>
      text.concat('\nIn 2024 Country A produced 12,000 tonnes; the 2025 edition said 13,000 tonnes for 2024.\n'),
    );
    const warnings = loadSite(root)
      .problems.filter((p) => p.severity === 'warning')
      .map((p) => p.message);
    expect(warnings).toContain(
      '12,000 matches data/fixture-editions.json (Country A, 2024, tonnes): write :value{dataset="fixture-editions" field="tonnes" where="country=Country A; year=2024"} so that it follows the data',
    );
    expect(warnings).toContain(
      '13,000 matches data/fixture-editions.json (Country A, 2024, FX 2025, tonnes): write :value{dataset="fixture-editions" field="tonnes" where="country=Country A; year=2024; edition=FX 2025"} so that it follows the data',
    );
  });

  test('"editions": "all" draws every edition', () => {
    const [view] = drawn(site, 'editions-all').views;
    expect(view.rows.map((r) => `${r.year} ${r.tonnes} ${r.edition}`)).toEqual([
      '2023 9000 FX 2025',
      '2024 13000 FX 2025',
      '2024 12000 FX 2026',
      '2025 14000 FX 2026',
    ]);
  });

  test('a filter on the edition picks it, as "editions": "all" would', () => {
    const root = edited('content/charts/editions-latest.json', (text) =>
      text.replace('"filter": { "year": 2024 }', '"filter": { "year": 2024, "edition": "FX 2025" }'),
    );
    expect(drawn(root, 'editions-latest').views[0].rows.map((r) => r.tonnes)).toEqual([13000, 5000]);
  });

  test("a share's total given in two dated editions divides by the latest, with no error", () => {
    const root = edited('content/charts/editions-latest.json', (text) =>
      text.replace(
        '"filter": { "year": 2024 }',
        '"derive": [{ "op": "share", "as": "share_pct", "value": "tonnes", "key": "country", "total": "Country A", "by": "year" }], "filter": { "year": 2024, "country": "Country B" }',
      ),
    );
    expect(errors(root)).toEqual([]);
    // Country B's 5,000 of Country A's latest 12,000 (FX 2026), not of FX 2025's 13,000.
    expect(drawn(root, 'editions-latest').views[0].rows.map((r) => Number(r.share_pct).toFixed(1))).toEqual(['41.7']);
  });

  test('editions without published dates stop the check, naming the dataset, the rows and the sources', () => {
    const root = edited('data/fixture-editions.json', (text) => text.replace(', "published": "2026-02-06"', ''));
    const found = errors(root);
    expect(found).toContain(
      'content/charts/editions-latest.json dataset: data/fixture-editions.json has 2 editions of one figure, Country A, 2024 (rows[1] and rows[3]), and 1 more figures have editions too; this chart draws one of each: give the sources\' "published" dates ("fx2026") so that the latest is drawn, or write "editions": "all" in the chart to draw every edition',
    );
    // The story's figure cannot be chosen either, and says why.
    expect(found.find((e) => e.startsWith('content/articles/editions.md'))).toContain(
      'they are editions of one figure: give the sources\' "published" dates ("fx2026") so that the latest is printed',
    );
    // The chart that draws every edition needs no dates.
    expect(found.filter((e) => e.includes('editions-all'))).toEqual([]);
  });
});
