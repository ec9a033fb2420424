// Ranged rows (low, high) under every form a chart takes (issue 22, items 1 and 2): a line draws them as a band or
// error bars; a stack draws its parts' central values and a map its figures, both listing each range in the tooltip
// and the table, with a key that names only what is drawn. No NaN or Infinity reaches an SVG attribute: not in the
// snapshots, not in the built fixture site (test/support/build.ts scans every site the tests build).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderChart, type RenderedChart } from '../../src/charts/render.ts';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { buildSite, type BuildResult } from '../support/build.ts';
import { nonFiniteAttributes } from '../support/svg-numbers.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/site-ranges');
const outputDir = path.resolve(import.meta.dirname, '../output');
const loaded = loadSite(root);

function render(id: string): RenderedChart {
  const spec = loaded.site.charts.get(id)!;
  return renderChart(spec, loaded.site.datasets.get(spec.dataset)!);
}
const svgs = (chart: RenderedChart) => chart.views.flatMap((view) => view.drawings.map((d) => d.svg));
const texts = (chart: RenderedChart) => chart.views.flatMap((view) => view.drawings[0].points.map((p) => p.text));
const listedNote = /^Ranges, low to high: in the tooltips and the table, not drawn/;

test('ranged rows under a stack, a map and a band are no error', () => {
  expect(loaded.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
});

describe('a stack over ranged rows', () => {
  const chart = render('stack-2023');
  test("draws its parts' central values, and no range", () => {
    for (const svg of svgs(chart)) expect(svg).not.toContain('chart-range');
    // The 100% stack ends at 100%: no range in tonnes stretches its axis.
    const shares = chart.views[0].rows.map((row) => Number(row.share_of_total_pct));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(svgs(chart)[0]).toMatch(/>100%<\/text>/);
  });
  test("lists each part's range in its tooltip, in the figure's unit, and in the table", () => {
    const china = texts(chart).find((t) => t.startsWith('China'));
    expect(china).toContain('range 240,000 to 255,000 tonnes of rare-earth oxide (REO) equivalent');
    expect(chart.views[0].columns.map((c) => c.field)).toEqual(expect.arrayContaining(['low', 'high']));
    expect(chart.views[0].rows.filter((row) => typeof row.low === 'number')).toHaveLength(5);
  });
  test('says in its key that the ranges are listed, not drawn', () => {
    expect(chart.legend.map((item) => item.kind)).not.toContain('range');
    expect(chart.legend.map((item) => item.label)).toContainEqual(expect.stringMatching(listedNote));
  });
});

describe('a map over ranged rows', () => {
  const chart = render('map-2023');
  test('writes no NaN or Infinity, and draws no range', () => {
    for (const svg of svgs(chart)) {
      expect(nonFiniteAttributes(svg)).toEqual([]);
      expect(svg).not.toContain('chart-range');
    }
  });
  test('names in its key only what it draws, and lists the ranges in the tooltip and the table', () => {
    expect(chart.legend.map((item) => item.kind)).not.toContain('range');
    expect(chart.legend.map((item) => item.label)).toContainEqual(expect.stringMatching(listedNote));
    expect(texts(chart).find((t) => t.startsWith('China'))).toContain('range 240,000 to 255,000');
    expect(chart.views[0].columns.map((c) => c.field)).toEqual(expect.arrayContaining(['low', 'high']));
  });
});

test('a line draws its ranges (a band, and an error bar for a range alone) and its key names them as drawn', () => {
  const chart = render('us-production');
  expect(svgs(chart)[0]).toContain('chart-band');
  expect(svgs(chart)[0]).toContain('chart-range');
  expect(chart.legend.map((item) => item.kind)).toEqual(expect.arrayContaining(['range', 'band']));
  expect(chart.legend.map((item) => item.label)).not.toContainEqual(expect.stringMatching(listedNote));
});

test('no snapshot in test/output holds NaN or Infinity in an attribute', () => {
  const files = readdirSync(outputDir).filter((f) => f.endsWith('.svg') && !f.endsWith('-changed.svg'));
  expect(files.length).toBeGreaterThan(20);
  expect(
    files.flatMap((f) => nonFiniteAttributes(readFileSync(path.join(outputDir, f), 'utf8')).map((a) => `${f}: ${a}`)),
  ).toEqual([]);
});

describe('the fixture site builds', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentRoot: root });
  }, 300_000);
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));
  test('with no NaN or Infinity in any SVG attribute of any page or image', () => {
    const [, nonFinite] = build.output.split('SVG attributes that are not numbers:');
    expect(build.ok, nonFinite ?? build.output.slice(-3000)).toBe(true);
  });
});
