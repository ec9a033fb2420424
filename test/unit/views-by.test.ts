// Views made from a field ("viewsBy", src/charts/views-by.ts), on test/fixtures/views-by/ (rows copied from
// data/mine-production.json, 2017-2024): a year added to the data is a view of its own without a change to the chart,
// `{year}` is each view's year, views come in order, and the checks name what is wrong at the field's line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { timelineOf } from '../../src/charts/timeline.ts';
import { prepareViews } from '../../src/charts/views.ts';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import type { ChartSpec } from '../../src/schemas/index.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/views-by');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Json = Record<string, unknown>;
/** The fixture site, loaded as the build loads it, after `change` edits a copy's files (path -> JSON). */
function site(change: (files: { read(file: string): Json; write(file: string, json: Json): void }) => void = () => {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'views-by-'));
  copies.push(dir);
  cpSync(fixture, dir, { recursive: true });
  change({
    read: (file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Json,
    write: (file, json) => writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2)),
  });
  const { site, problems } = loadSite(dir);
  const render = (id: string) => {
    const spec = site.charts.get(id)!;
    return renderChart(spec, site.datasets.get(spec.dataset)!, site.views.get(id));
  };
  return { site, problems: problems.map(formatProblem), render };
}
const chartFile = 'content/charts/output-by-year.json';
const dataFile = 'data/production.json';
const fixtureSpec = JSON.parse(readFileSync(path.join(fixture, chartFile), 'utf8')) as { title: string };

describe('views made by year', () => {
  test('a year added to the data gets its view, its stop on the time control and its title; the chart opens at it', () => {
    const before = site().render('output-by-year');
    expect(before.views.map((v) => v.id)).toEqual(['2024', '2023', '2022', '2021', '2020', '2019', '2018', '2017']);
    const after = site(({ read, write }) => {
      const data = read(dataFile) as { rows: Json[] };
      const row = { year: 2025, country: 'China', tonnes_reo: 280000, edition: 'MCS 2025', source: 'mcs2025' };
      write(dataFile, { ...data, rows: [...data.rows, row] });
    });
    expect(after.problems).toEqual([]);
    const chart = after.render('output-by-year');
    // The time control's stops (Chart.astro writes timelineOf's years), from the earliest; the page opens at 2025.
    expect(timelineOf(chart.views)).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(chart.views[0]).toMatchObject({ id: '2025', label: '2025', rows: [{ country: 'China', year: 2025 }] });
    expect(chart.spec.title).toBe(fixtureSpec.title.replace('{year}', '2025'));
    expect(after.site.charts.get('output-by-year')!.title).toBe(fixtureSpec.title.replace('{year}', '2025'));
    expect(chart.views[0].summary).toContain('280,000');
  });

  test('{year} in the title and subtitle is each view the year it draws', () => {
    const { render } = site();
    for (const chart of [render('output-by-year'), render('output-map-by-year')]) {
      for (const view of chart.views) {
        expect(view.title).not.toContain('{');
        expect(view.subtitle).toContain(`, ${view.id}`);
        expect(view.subtitle).not.toContain('{year}');
        expect(new Set(view.rows.map((r) => r.year))).toEqual(new Set([Number(view.id)]));
      }
    }
    const bars = render('output-by-year');
    expect(bars.views.find((v) => v.id === '2019')!.title).toBe(fixtureSpec.title.replace('{year}', '2019'));
    // The chart's own words are the view it opens at, for its page, its images and the search.
    expect(bars.spec.subtitle).toBe(bars.views[0].subtitle);
  });

  test('numbers in order from the smallest, text in the order it first appears', () => {
    const { site: loaded } = site();
    const spec = loaded.charts.get('output-by-year')!;
    const rows = loaded.datasets.get('production')!.rows;
    const ids = (change: Partial<ChartSpec>) => prepareViews({ ...spec, ...change }, rows).map((v) => v.view?.id);
    const editions = [...new Set(rows.filter((r) => r.country !== 'World total').map((r) => r.edition))];
    expect(ids({ viewsBy: 'edition' })).toEqual(editions.map((e) => String(e).toLowerCase().replace(' ', '-')));
    expect(editions.slice(0, 2)).toEqual(['MCS 2019', 'MCS 2021']);
    const figures = ids({ viewsBy: 'tonnes_reo', filter: { country: 'Australia' } });
    expect(figures).toEqual(['13000', '16000', '18000']);
  });
});

describe('the checks of viewsBy', () => {
  const chartWith = (change: (spec: Json) => void) =>
    site(({ read, write }) => {
      const spec = read(chartFile);
      change(spec);
      write(chartFile, spec);
    }).problems;

  test('a field that does not exist: an error at its line, with the nearest name', () => {
    expect(chartWith((spec) => (spec.viewsBy = 'yaer'))).toContainEqual(
      expect.stringMatching(
        /^content\/charts\/output-by-year\.json:\d+:\d+ {2}viewsBy {2}no field "yaer" in the rows of data\/production\.json to make views by \(did you mean "year"\?\)$/,
      ),
    );
  });

  test('one value only: a warning naming the filter that keeps it', () => {
    const problems = chartWith((spec) => (spec.filter = { year: 2024, country: ['China', 'United States'] }));
    // The story's link to 2023 is an error too: the chart draws no 2023 any more.
    expect(problems).toContainEqual(
      expect.stringMatching(
        /output-by-year\.json:\d+:\d+ {2}viewsBy {2}warning: "viewsBy": "year" makes one view only: .* 2024; its filter keeps year = 2024: remove "year" from "filter"/,
      ),
    );
  });

  test('views written beside viewsBy: an error naming both and the fix', () => {
    const problems = chartWith((spec) => (spec.views = [{ id: '2024', label: '2024', filter: { year: 2024 } }]));
    expect(problems).toContainEqual(
      expect.stringMatching(/viewsBy {2}"viewsBy" and "views" together: .*remove "views" .* or remove "viewsBy"/),
    );
  });

  test('{field} in the title that is not the viewsBy field: a warning with the right name', () => {
    const problems = chartWith((spec) => (spec.title = 'China mined the most in {yaer}'));
    expect(problems).toEqual([
      expect.stringMatching(/ {2}title {2}warning: "\{yaer\}" in the title stands for nothing: .*write \{year\}/),
    ]);
  });
});
