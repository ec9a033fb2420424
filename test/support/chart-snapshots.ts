// Chart SVG snapshots, in the Observable Plot style: each fixture in test/fixtures/charts/<name>/ (a spec and a
// dataset, real rows copied from data/, sources kept; see test/README.md) is drawn through renderChart. Its wide and
// narrow SVGs are compared with test/output/<name>.svg and <name>-narrow.svg (<name>-<view>.svg for each view of a
// chart with views). On a mismatch <name>-changed.svg is written beside the expected file (git-ignored) and the test
// fails: open both and look. A missing expected file is written, outside CI only; `UPDATE=1` rewrites them all.
// Deterministic: the renderer rounds decimals, ids defined in an SVG are renumbered here, and the npm scripts pin
// TZ=UTC. The fixtures are grouped by what they draw; each group's file (test/unit/charts-<group>.test.ts) snapshots
// its fixtures with `snapshotTests` and checks what they show.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { renderChart, type RenderedChart } from '../../src/charts/render.ts';
import { chartSchema, datasetSchema, type ChartSpec, type Dataset } from '../../src/schemas/index.ts';
import { nonEmpty } from './lists.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/charts');
const outputDir = path.resolve(import.meta.dirname, '../output');

/** The snapshot fixtures, by the group of tests that draws them. */
export const chartGroups = {
  // One chart per kind of mark.
  marks: [
    'china-share-line', // line: derive share, reference line, uncertainty markers
    'production-bar-highlight', // horizontal bar: highlight, estimates
    'import-reliance-bar-views', // vertical bar with views
    'agreements-cells', // cell grid with fold
    'agreements-timeline-dots', // dot timeline with dates
    'us-production-ranges', // line with low/high ranges
  ],
  // Forms of the editors' contract (copied from test/fixtures/contract/) that were accepted and then drawn wrong.
  contract: [
    'timeline-vertical-dots', // dot: categories on x, dates on y
    'trade-grid-numeric-color', // cell grid: years on y, a number field as colour
    'output-stacked-bars', // vertical bars stacked by colour, some segments estimates
    'output-area-series', // area with colour: one area per series
    'timeline-views-colors', // timeline with views, one of which leaves a colour category out
  ],
  // Stacks and small multiples (issue 13).
  stacks: [
    'china-rest-share-area', // area, stack share: China against the rest of the world (derive rest)
    'output-stack-sum-area', // area, stack sum (contract form)
    'output-stack-share-bars', // vertical bars, stack share with a rest row (contract form)
    'output-facets-line', // line, facet: three small charts (contract form)
    'production-facet-twelve', // line, facet: twelve countries
    'reserves-facet-one', // horizontal bars, facet with one value
  ],
  // Slopes, bands and projections (issue 13).
  slopes: [
    'reserves-slope', // slope between two editions: labels of close values at both ends
    'slope-hostile-labels', // slope to a projection: six crowded labels, one hostile, one long
    'china-share-projection-slope', // slope of shares far from zero, to a projection: the axis around the data
    'projection-line', // line into dashed projections with a band of their low-high range
    'projection-bars', // vertical bars, the projected ones hollow and dashed
  ],
  // Maps.
  maps: [
    'production-map', // choropleth on log steps: estimates, aggregates left off, a marker at a country
    'import-sources-map', // choropleth of shares: Estonia too small to see, so also a symbol
    'hostile-places-symbol-map', // symbol map: names with quotes, alpha-3 codes, Singapore, hostile text
  ],
} as const;

/** A fixture's spec and dataset, parsed as the site parses them. */
export function fixture(name: string): { spec: ChartSpec; dataset: Dataset } {
  const read = (file: string) => JSON.parse(readFileSync(path.join(fixtures, name, file), 'utf8'));
  const spec = { ...chartSchema.parse(read('spec.json')), id: name, file: `test/fixtures/charts/${name}/spec.json` };
  const dataset = {
    ...datasetSchema.parse(read('dataset.json')),
    id: name,
    file: `test/fixtures/charts/${name}/dataset.json`,
  };
  return { spec, dataset };
}

export const render = (name: string) => {
  const { spec, dataset } = fixture(name);
  return renderChart(spec, dataset);
};

/** A fixture's name as its tests are named ("china-share-line" -> "chinaShareLine"). */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Ids defined inside an SVG (clip paths, gradients) renumbered in order, with the references to them. */
function renumberIds(svg: string): string {
  const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  return ids.reduce(
    (text, id, i) =>
      text
        .replaceAll(`id="${id}"`, `id="svg-id-${i}"`)
        .replaceAll(`url(#${id})`, `url(#svg-id-${i})`)
        .replaceAll(`href="#${id}"`, `href="#svg-id-${i}"`),
    svg,
  );
}

/** Compares with test/output/<file>.svg; see the top of this file. */
function compareSnapshot(file: string, svg: string) {
  const actual = `${renumberIds(svg)}\n`;
  const expectedFile = path.join(outputDir, `${file}.svg`);
  const changedFile = path.join(outputDir, `${file}-changed.svg`);
  if (process.env.UPDATE || (!existsSync(expectedFile) && !process.env.CI)) {
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(expectedFile, actual);
    rmSync(changedFile, { force: true });
    return;
  }
  if (!existsSync(expectedFile)) throw new Error(`test/output/${file}.svg is missing (written outside CI only)`);
  if (readFileSync(expectedFile, 'utf8') === actual) {
    rmSync(changedFile, { force: true });
    return;
  }
  writeFileSync(changedFile, actual);
  expect.fail(
    `test/output/${file}.svg differs from the chart drawn now: compare it with test/output/${file}-changed.svg`,
  );
}

/** Every drawing of a chart, with its view and SVG; the test fails if the chart drew none. */
export const svgs = (chart: RenderedChart) =>
  nonEmpty(
    chart.views.flatMap((v) => v.drawings.map((d) => ({ view: v, drawing: d, svg: d.svg }))),
    `${chart.id}: drawings`,
  );
export const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
export const all = (svg: string, selector: string) => [...parse(svg).querySelectorAll(selector)];
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');

/**
 * For each fixture named: a test that compares its drawings with their snapshots, and one that holds every SVG to
 * what it must be whatever the snapshots say (accessible, valid in HTML, no source code written out as a value).
 */
export function snapshotTests(names: readonly string[]) {
  describe('SVG snapshots', () => {
    test.for(names.map((name) => [camel(name), name] as const))('%s', ([, name]) => {
      const chart = render(name);
      for (const view of nonEmpty(chart.views, `${name}: views`)) {
        const base = name + (chart.views.length > 1 ? `-${view.id}` : '');
        for (const drawing of nonEmpty(view.drawings, `${name} ${view.id ?? ''}: drawings`))
          compareSnapshot(drawing.layout === 'wide' ? base : `${base}-${drawing.layout}`, drawing.svg);
      }
    });
  });

  describe('every SVG is accessible and valid in HTML', () => {
    test.for(names.map((name) => [camel(name), name] as const))('%s', ([fnName, name]) => {
      const chart = render(name);
      for (const { view, drawing, svg } of svgs(chart)) {
        const where = `${fnName} ${view.id ?? ''} ${drawing.layout}`;
        const root = parse(svg).documentElement;
        expect(root.localName, where).toBe('svg');
        expect(root.getAttribute('role'), where).toBe('img');
        expect(root.getAttribute('aria-labelledby'), where).toBe(`chart-${chart.id}-title`);
        expect(root.getAttribute('aria-describedby'), where).toBe(
          `chart-${chart.id}-summary${view.id ? `-${view.id}` : ''}`,
        );
        expect(svg, where).not.toMatch(/ font-variant=/);
        expect(svg, where).not.toMatch(/<g[^>]* aria-label=/);
        expect(svg, where).not.toMatch(/<style/);
        // A function given where Plot takes a constant is written out as its source code.
        for (const element of nonEmpty(parse(svg).querySelectorAll('*'), `${where}: elements`)) {
          for (const { name: attribute, value } of element.attributes)
            expect(value, `${where}: ${element.localName} ${attribute}`).not.toMatch(/=>|function|\bundefined\b|NaN/);
        }
        expect(Number(root.getAttribute('width')), where).toBe(drawing.width);
      }
    });
  });
}
