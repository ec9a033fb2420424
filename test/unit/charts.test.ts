// Chart SVG snapshots, in the Observable Plot style: each test is a named function that renders a spec and a
// dataset from test/fixtures/charts/<name>/ (real rows copied from data/, sources kept; see test/README.md)
// through renderChart. Its wide and narrow SVGs are compared with test/output/<name>.svg and <name>-narrow.svg
// (<name>-<view>.svg for each view of a chart with views). On a mismatch <name>-changed.svg is written beside the
// expected file (git-ignored) and the test fails: open both and look. A missing expected file is written, outside
// CI only; `UPDATE=1` rewrites them all. Deterministic: the renderer rounds decimals, ids defined in an SVG are
// renumbered here, and `npm run test:unit` pins TZ=UTC.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { formatValue } from '../../src/charts/format.ts';
import { prepareRows, type ResolvedChart } from '../../src/charts/prepare.ts';
import { renderChart, type RenderedChart } from '../../src/charts/render.ts';
import { chartSchema, datasetSchema, type ChartSpec, type Dataset, type Row } from '../../src/schemas/index.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/charts');
const outputDir = path.resolve(import.meta.dirname, '../output');

function fixture(name: string): { spec: ChartSpec; dataset: Dataset } {
  const read = (file: string) => JSON.parse(readFileSync(path.join(fixtures, name, file), 'utf8'));
  const spec = { ...chartSchema.parse(read('spec.json')), id: name, file: `test/fixtures/charts/${name}/spec.json` };
  const dataset = { ...datasetSchema.parse(read('dataset.json')), id: name, file: `test/fixtures/charts/${name}/dataset.json` };
  return { spec, dataset };
}

const render = (name: string) => {
  const { spec, dataset } = fixture(name);
  return renderChart(spec, dataset);
};

// One chart per kind of mark, each a named function.
function chinaShareLine() {
  return render('china-share-line'); // line: derive share, reference line, uncertainty markers
}
function productionBarHighlight() {
  return render('production-bar-highlight'); // horizontal bar: highlight, estimates
}
function importRelianceBarViews() {
  return render('import-reliance-bar-views'); // vertical bar with views
}
function agreementsCells() {
  return render('agreements-cells'); // cell grid with fold
}
function agreementsTimelineDots() {
  return render('agreements-timeline-dots'); // dot timeline with dates
}
function usProductionRanges() {
  return render('us-production-ranges'); // line with low/high ranges
}
// Forms of the editors' contract (copied from test/fixtures/contract/) that were accepted and then drawn wrong.
function timelineVerticalDots() {
  return render('timeline-vertical-dots'); // dot: categories on x, dates on y
}
function tradeGridNumericColor() {
  return render('trade-grid-numeric-color'); // cell grid: years on y, a number field as colour
}
function outputStackedBars() {
  return render('output-stacked-bars'); // vertical bars stacked by colour, some segments estimates
}
function outputAreaSeries() {
  return render('output-area-series'); // area with colour: one area per series
}
function timelineViewsColors() {
  return render('timeline-views-colors'); // timeline with views, one of which leaves a colour category out
}
// Stacks and small multiples (issue 13).
function chinaRestShareArea() {
  return render('china-rest-share-area'); // area, stack share: China against the rest of the world (derive rest)
}
function outputStackSumArea() {
  return render('output-stack-sum-area'); // area, stack sum (contract form)
}
function outputStackShareBars() {
  return render('output-stack-share-bars'); // vertical bars, stack share with a rest row (contract form)
}
function outputFacetsLine() {
  return render('output-facets-line'); // line, facet: three small charts (contract form)
}
function productionFacetTwelve() {
  return render('production-facet-twelve'); // line, facet: twelve countries
}
function reservesFacetOne() {
  return render('reserves-facet-one'); // horizontal bars, facet with one value
}
// Slopes, bands and projections (issue 13).
function reservesSlope() {
  return render('reserves-slope'); // slope between two editions: labels of close values at both ends
}
function slopeHostileLabels() {
  return render('slope-hostile-labels'); // slope to a projection: six crowded labels, one hostile, one long
}
function chinaShareProjectionSlope() {
  return render('china-share-projection-slope'); // slope of shares far from zero, to a projection: the axis around the data
}
function projectionLine() {
  return render('projection-line'); // line into dashed projections with a band of their low-high range
}
function projectionBars() {
  return render('projection-bars'); // vertical bars, the projected ones hollow and dashed
}
// Maps.
function productionMap() {
  return render('production-map'); // choropleth on log steps: estimates, aggregates left off, a marker at a country
}
function importSourcesMap() {
  return render('import-sources-map'); // choropleth of shares: Estonia too small to see, so also a symbol
}
function hostilePlacesSymbolMap() {
  return render('hostile-places-symbol-map'); // symbol map: names with quotes, alpha-3 codes, Singapore, hostile text
}
const charts = [
  chinaShareLine,
  productionBarHighlight,
  importRelianceBarViews,
  agreementsCells,
  agreementsTimelineDots,
  usProductionRanges,
  timelineVerticalDots,
  tradeGridNumericColor,
  outputStackedBars,
  outputAreaSeries,
  timelineViewsColors,
  chinaRestShareArea,
  outputStackSumArea,
  outputStackShareBars,
  outputFacetsLine,
  productionFacetTwelve,
  reservesFacetOne,
  reservesSlope,
  slopeHostileLabels,
  chinaShareProjectionSlope,
  projectionLine,
  projectionBars,
  productionMap,
  importSourcesMap,
  hostilePlacesSymbolMap,
];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Ids defined inside an SVG (clip paths, gradients) renumbered in order, with the references to them. */
function renumberIds(svg: string): string {
  const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  return ids.reduce(
    (text, id, i) => text.replaceAll(`id="${id}"`, `id="svg-id-${i}"`).replaceAll(`url(#${id})`, `url(#svg-id-${i})`).replaceAll(`href="#${id}"`, `href="#svg-id-${i}"`),
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
  expect.fail(`test/output/${file}.svg differs from the chart drawn now: compare it with test/output/${file}-changed.svg`);
}

describe('SVG snapshots', () => {
  test.for(charts.map((fn) => [fn.name, fn] as const))('%s', ([, fn]) => {
    const chart = fn();
    for (const view of chart.views) {
      const base = kebab(fn.name) + (chart.views.length > 1 ? `-${view.id}` : '');
      for (const drawing of view.drawings) compareSnapshot(drawing.layout === 'wide' ? base : `${base}-${drawing.layout}`, drawing.svg);
    }
  });

  test('drawing the same chart twice gives the same SVG', () => {
    for (const fn of charts) {
      expect(fn().views.flatMap((v) => v.drawings.map((d) => d.svg))).toEqual(fn().views.flatMap((v) => v.drawings.map((d) => d.svg)));
    }
  });
});

// ---- What every SVG must be, whatever the snapshots say ----

const svgs = (chart: RenderedChart) => chart.views.flatMap((v) => v.drawings.map((d) => ({ view: v, drawing: d, svg: d.svg })));
const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
const all = (svg: string, selector: string) => [...parse(svg).querySelectorAll(selector)];
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');

describe('every SVG is accessible and valid in HTML', () => {
  test.for(charts.map((fn) => [fn.name, fn] as const))('%s', ([, fn]) => {
    const chart = fn();
    for (const { view, drawing, svg } of svgs(chart)) {
      const where = `${fn.name} ${view.id ?? ''} ${drawing.layout}`;
      const root = parse(svg).documentElement;
      expect(root.localName, where).toBe('svg');
      expect(root.getAttribute('role'), where).toBe('img');
      expect(root.getAttribute('aria-labelledby'), where).toBe(`chart-${chart.id}-title`);
      expect(root.getAttribute('aria-describedby'), where).toBe(`chart-${chart.id}-summary${view.id ? `-${view.id}` : ''}`);
      expect(svg, where).not.toMatch(/ font-variant=/);
      expect(svg, where).not.toMatch(/<g[^>]* aria-label=/);
      expect(svg, where).not.toMatch(/<style/);
      // A function given where Plot takes a constant is written out as its source code.
      for (const element of parse(svg).querySelectorAll('*')) {
        for (const { name, value } of element.attributes) expect(value, `${where}: ${element.localName} ${name}`).not.toMatch(/=>|function|\bundefined\b|NaN/);
      }
      expect(Number(root.getAttribute('width')), where).toBe(drawing.width);
    }
  });
});

describe('what the charts show', () => {
  test('the share line: derived shares, the reported 80% as a labelled dashed line, a marker per uncertainty', () => {
    const chart = chinaShareLine();
    const { spec, dataset } = fixture('china-share-line');
    const tonnes = (country: string, year: number) => dataset.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo as number;
    const years = dataset.rows.map((r) => r.year as number);
    const [first, last] = [Math.min(...years), Math.max(...years)];
    const share = (year: number) => `${((tonnes('China', year) / tonnes('World total', year)) * 100).toFixed(1)}%`;
    expect(chart.views[0].summary).toContain(`${share(first)} in ${first}`);
    expect(chart.views[0].summary).toContain(`${share(last)} in ${last}`);
    expect(chart.views[0].summary).toContain('down overall');

    const placed = spec.annotations!.filter((a) => a.kind === 'uncertainty' && (a.x !== undefined || a.y !== undefined));
    expect(chart.uncertainties).toHaveLength(placed.length);
    for (const { svg } of svgs(chart)) {
      expect(all(svg, 'circle[fill="var(--chart-marker)"]')).toHaveLength(placed.length);
      expect(all(svg, '[stroke="var(--chart-reported)"][stroke-dasharray]').length).toBeGreaterThanOrEqual(1);
      expect(squash(parse(svg).documentElement.textContent)).toContain(squash(spec.reference![0].label));
    }
  });

  test('the highlighted bars: estimates drawn lighter, the highlight in the accent colour', () => {
    const chart = productionBarHighlight();
    const { dataset } = fixture('production-bar-highlight');
    const estimates = dataset.rows.filter((r) => r.estimate).length;
    expect(estimates).toBeGreaterThan(0);
    for (const { svg } of svgs(chart)) {
      const bars = all(svg, 'rect').filter((r) => /var\(--chart-(accent|muted)\)/.test(r.getAttribute('fill') ?? ''));
      expect(bars).toHaveLength(dataset.rows.length);
      const opacity = (r: Element) => Number(r.getAttribute('fill-opacity') ?? r.parentElement?.getAttribute('fill-opacity') ?? 1);
      expect(bars.filter((r) => opacity(r) < 1)).toHaveLength(estimates);
      expect(bars.filter((r) => r.getAttribute('fill') === 'var(--chart-accent)')).toHaveLength(1);
    }
    const sorted = dataset.rows.slice().sort((a, b) => (b.tonnes_reo as number) - (a.tonnes_reo as number));
    const [top, bottom] = [sorted[0], sorted[sorted.length - 1]];
    expect(chart.views[0].summary).toContain(`Largest: ${top.country}, ${(top.tonnes_reo as number).toLocaleString('en-US')}`);
    expect(chart.views[0].summary).toContain(`smallest: ${bottom.country}, ${(bottom.tonnes_reo as number).toLocaleString('en-US')}`);
    expect(chart.views[0].summary).toContain(`${estimates} of the ${dataset.rows.length} figures are estimates`);
  });

  test('the bars with views: one drawing pair per view, each with its own rows and summary', () => {
    const chart = importRelianceBarViews();
    const { spec, dataset } = fixture('import-reliance-bar-views');
    expect(chart.views.map((v) => v.id)).toEqual(spec.views!.map((v) => v.id));
    for (const [i, view] of chart.views.entries()) {
      const rows = dataset.rows.filter((r) => r.edition === spec.views![i].filter!.edition);
      expect(view.rows).toHaveLength(rows.length);
      expect(view.drawings.map((d) => d.layout)).toEqual(['wide', 'narrow']);
      const top = rows.reduce((a, b) => ((b.reliance_pct as number) > (a.reliance_pct as number) ? b : a));
      expect(view.summary).toContain(`Largest: ${top.year}, ${top.reliance_pct}%`);
      for (const { svg } of view.drawings) {
        // Every year of the view is written on the axis.
        const labels = all(svg, 'text').map((t) => t.textContent?.trim());
        for (const row of rows) expect(labels, `${view.id}: ${row.year}`).toContain(String(row.year));
      }
    }
  });

  test('the cell grid: one cell per folded field per row, counted in the summary', () => {
    const chart = agreementsCells();
    const { spec, dataset } = fixture('agreements-cells');
    const fields = spec.fold!.fields;
    const cells = dataset.rows.flatMap((row) => fields.map((f) => row[f]));
    expect(chart.views[0].rows).toHaveLength(dataset.rows.length * fields.length);
    for (const status of ['stated', 'partly', 'not stated']) {
      expect(chart.views[0].summary).toContain(`${cells.filter((c) => c === status).length} ${status}`);
    }
    expect(chart.views[0].summary).toContain(`${dataset.rows.length} rows by ${fields.length} columns`);
    for (const { svg } of svgs(chart)) {
      // Column headers may wrap, and a long word may be hyphenated at the break.
      const text = squash(parse(svg).documentElement.textContent).replaceAll('-', '');
      for (const label of Object.values(spec.fold!.labels!)) expect(text).toContain(squash(label));
      expect(all(svg, 'circle[fill="var(--chart-marker)"]')).toHaveLength(1);
    }
  });

  test('the cell grid reads in the words of its key: Stated, Partly, Not stated, never a bare Yes or No', () => {
    const chart = agreementsCells();
    const { spec, dataset } = fixture('agreements-cells');
    const words: Record<string, string> = { stated: 'Stated', partly: 'Partly', 'not stated': 'Not stated' };
    const expected = dataset.rows.flatMap((row) => spec.fold!.fields.map((f) => words[String(row[f])])).sort();
    expect(chart.legend.filter((item) => item.kind === 'swatch').map((item) => item.label)).toEqual(['Stated', 'Partly', 'Not stated']);
    for (const { svg } of svgs(chart)) {
      // One line of text, or one tspan per wrapped line.
      const cells = all(svg, 'text[fill="var(--chart-on-cell)"]').map((t) => {
        const lines = [...t.querySelectorAll('tspan')].map((line) => line.textContent);
        return (lines.length ? lines.join(' ') : t.textContent ?? '').trim();
      });
      expect(cells.sort()).toEqual(expected);
    }
    // The tooltip of a cell says the same word as the cell.
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    for (const word of Object.values(words)) expect(texts.some((t) => t.split('; ')[0].endsWith(`: ${word}`)), word).toBe(true);
  });

  test('the timeline: a dot per event on a date axis, from the first date to the last', () => {
    const chart = agreementsTimelineDots();
    const { dataset } = fixture('agreements-timeline-dots');
    const byDate = dataset.rows.slice().sort((a, b) => String(a.date).localeCompare(String(b.date)));
    const [first, last] = [byDate[0], byDate[byDate.length - 1]];
    const day = (d: unknown) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const count = (president: string) => dataset.rows.filter((r) => r.president === president).length;
    expect(chart.views[0].summary).toBe(
      `${dataset.rows.length} events from ${day(first.date)} (${first.short}) to ${day(last.date)} (${last.short}). By president: ${count('Biden')} Biden, ${count('Trump')} Trump.`,
    );
    for (const { svg } of svgs(chart)) {
      const dots = all(svg, 'circle').filter((c) => c.getAttribute('fill') !== 'var(--chart-marker)' && !c.closest('.chart-marker'));
      expect(dots).toHaveLength(dataset.rows.length);
      expect(all(svg, '[stroke="var(--chart-reported)"][stroke-dasharray]').length).toBeGreaterThanOrEqual(1);
    }
  });

  test('the range line: a rule per low/high range, estimates hollow, first and last values in the summary', () => {
    const chart = usProductionRanges();
    const { spec, dataset } = fixture('us-production-ranges');
    const ranged = dataset.rows.filter((r) => typeof r.low === 'number');
    const estimates = dataset.rows.filter((r) => r.estimate);
    expect(ranged.length).toBeGreaterThan(0);
    expect(estimates.length).toBeGreaterThan(0);

    // Ranges of neighbouring years are one shaded band; a range alone (no ranged year beside it) keeps its error bar.
    const byYear = dataset.rows.slice().sort((a, b) => (a.year as number) - (b.year as number));
    const hasRange = (row?: Row) => typeof row?.low === 'number';
    const alone = byYear.filter((row, i) => hasRange(row) && !hasRange(byYear[i - 1]) && !hasRange(byYear[i + 1]));
    expect(alone.length).toBeGreaterThan(0);
    expect(alone.length).toBeLessThan(ranged.length);
    const plain = renderChart(spec, { ...dataset, rows: dataset.rows.map(({ low: _low, high: _high, ...row }) => row) });
    for (const [i, { svg }] of svgs(chart).entries()) {
      expect(all(svg, '.chart-range')).toHaveLength(alone.length);
      expect(all(svg, '.chart-band path')).toHaveLength(1);
      expect(all(plain.views[0].drawings[i].svg, '.chart-band')).toHaveLength(0);
      expect(all(svg, 'circle[fill="var(--chart-bg)"]')).toHaveLength(estimates.length);
    }
    // The key explains the band and names where the ranges come from.
    const band = chart.legend.find((item) => item.kind === 'band');
    expect(band?.label).toMatch(/^Shaded: range, low to high/);
    expect(chart.legend.some((item) => item.kind === 'range')).toBe(true);
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    for (const row of ranged) {
      expect(texts.some((t) => t.includes(`range ${(row.low as number).toLocaleString('en-US')} to ${(row.high as number).toLocaleString('en-US')}`)), String(row.year)).toBe(true);
    }
    const [first, last] = [byYear[0], byYear[byYear.length - 1]];
    expect(chart.views[0].summary).toContain(`${(first.tonnes_reo as number).toLocaleString('en-US')} in ${first.year}`);
    expect(chart.views[0].summary).toContain(`${(last.tonnes_reo as number).toLocaleString('en-US')} in ${last.year}`);
  });
});

describe('contract forms draw what the editor asked for', () => {
  const dataDots = (svg: string) => all(svg, 'circle').filter((c) => !c.closest('.chart-marker'));
  const attr = (el: Element, name: string) => Number(el.getAttribute(name));

  test('dots with categories on x and dates on y: a dot per row, later dates higher, one column per category', () => {
    const chart = timelineVerticalDots();
    const { spec, dataset } = fixture('timeline-vertical-dots');
    const rows = dataset.rows.filter((r) => r.binding === spec.filter!.binding);
    expect(rows.length).toBeGreaterThan(1);
    for (const { svg } of svgs(chart)) {
      const dots = dataDots(svg);
      expect(dots).toHaveLength(rows.length);
      // Plot draws the rows in order: each dot's height follows its date, its column its category.
      const byDate = rows.map((r, i) => ({ date: String(r.date), cy: attr(dots[i], 'cy'), cx: attr(dots[i], 'cx') })).sort((a, b) => a.date.localeCompare(b.date));
      for (let i = 1; i < byDate.length; i++) expect(byDate[i].cy).toBeLessThan(byDate[i - 1].cy);
      expect(new Set(byDate.map((d) => d.cx)).size).toBe(new Set(rows.map((r) => r.partner)).size);
      for (const dot of dots) expect(Number.isFinite(attr(dot, 'cy')) && Number.isFinite(attr(dot, 'cx'))).toBe(true);
      // The y axis is read in years.
      const labels = all(svg, 'text').map((t) => t.textContent?.trim());
      for (const row of rows) expect(labels).toContain(String(row.date).slice(0, 4));
    }
    const byDate = rows.slice().sort((a, b) => String(a.date).localeCompare(String(b.date)));
    const [first, last] = [byDate[0], byDate[byDate.length - 1]];
    const day = (d: unknown) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(chart.views[0].summary).toBe(`${rows.length} events from ${day(first.date)} (${first.partner}) to ${day(last.date)} (${last.partner}).`);
  });

  test('a cell grid coloured by a number: a cell per value, a sequential scale, a legend of ranges', () => {
    const chart = tradeGridNumericColor();
    const { spec, dataset } = fixture('trade-grid-numeric-color');
    const values = dataset.rows.flatMap((row) => spec.fold!.fields.map((f) => row[f] as number));
    const swatches = chart.legend.filter((item) => item.kind === 'swatch');
    // A few steps, each a range of values, not one category per number.
    expect(swatches.length).toBeGreaterThanOrEqual(3);
    expect(swatches.length).toBeLessThanOrEqual(7);
    expect(swatches.length).toBeLessThan(new Set(values).size);
    const bounds = swatches.map((s) => s.label.split(' to ').map((n) => Number(n.replaceAll(',', ''))));
    for (const [from, to] of bounds) expect(from).toBeLessThan(to);
    expect(bounds[0][0]).toBeLessThanOrEqual(Math.min(...values));
    expect(bounds[bounds.length - 1][1]).toBeGreaterThanOrEqual(Math.max(...values));
    const stepOf = (value: number) => bounds.findIndex(([from, to], i) => value >= from && (value < to || (i === bounds.length - 1 && value <= to)));
    for (const { svg } of svgs(chart)) {
      const cells = all(svg, 'rect').filter((r) => swatches.some((s) => s.color === r.getAttribute('fill')));
      expect(cells).toHaveLength(values.length);
      // Each cell has the colour of its value's step: its text says the value.
      const texts = all(svg, '.chart-overlay text').filter((t) => /^[\d,]+$/.test((t.textContent ?? '').trim()));
      expect(texts).toHaveLength(values.length);
      for (const [i, cell] of cells.entries()) {
        const value = Number(texts[i].textContent!.trim().replaceAll(',', ''));
        expect(cell.getAttribute('fill'), String(value)).toBe(swatches[stepOf(value)].color);
      }
    }
    expect(chart.views[0].summary).toContain(`${Math.min(...values).toLocaleString('en-US')} to ${Math.max(...values).toLocaleString('en-US')}`);
  });

  test('stacked bars: each x stacks to its total, estimates in the same stack, each value inside its segment', () => {
    const chart = outputStackedBars();
    const { spec, dataset } = fixture('output-stacked-bars');
    const rows = dataset.rows.filter((r) => (spec.filter!.country as string[]).includes(r.country as string));
    const years = [...new Set(rows.map((r) => r.year as number))];
    const total = (year: number) => rows.filter((r) => r.year === year).reduce((sum, r) => sum + (r.tonnes as number), 0);
    expect(rows.some((r) => r.estimate) && rows.some((r) => !r.estimate)).toBe(true);
    for (const { svg } of svgs(chart)) {
      const bars = all(svg, 'rect').filter((r) => /var\(--chart-c\d\)/.test(r.getAttribute('fill') ?? ''));
      expect(bars).toHaveLength(rows.length);
      const columns = years.map((year) => {
        const x = attr(bars[rows.findIndex((r) => r.year === year)], 'x');
        const segments = bars.filter((b) => attr(b, 'x') === x).sort((a, b) => attr(a, 'y') - attr(b, 'y'));
        return { year, segments, top: attr(segments[0], 'y'), bottom: Math.max(...segments.map((s) => attr(s, 'y') + attr(s, 'height'))) };
      });
      const bottom = columns[0].bottom;
      const pxPerTonne = (bottom - columns[0].top) / total(columns[0].year);
      for (const column of columns) {
        expect(column.segments, String(column.year)).toHaveLength(rows.filter((r) => r.year === column.year).length);
        // One stack from the axis: segments touch, and the top is at the year's total.
        expect(column.bottom).toBeCloseTo(bottom, 0);
        for (let i = 1; i < column.segments.length; i++) expect(attr(column.segments[i], 'y')).toBeCloseTo(attr(column.segments[i - 1], 'y') + attr(column.segments[i - 1], 'height'), 0);
        expect(bottom - column.top, String(column.year)).toBeCloseTo(total(column.year) * pxPerTonne, 0);
      }
      // A value written on the chart sits inside its own segment (segments too short for it go without), and the
      // total above its stack.
      const texts = all(svg, '.chart-overlay text');
      let inside = 0;
      for (const column of columns) {
        for (const row of rows.filter((r) => r.year === column.year)) {
          const label = texts.find((t) => t.textContent === (row.tonnes as number).toLocaleString('en-US'));
          if (!label) continue;
          const segment = column.segments.find((s) => Math.abs(attr(s, 'height') - (row.tonnes as number) * pxPerTonne) < 1.5)!;
          expect(attr(label, 'x'), `${row.year} ${row.country}`).toBeCloseTo(attr(segment, 'x') + attr(segment, 'width') / 2, 0);
          expect(attr(label, 'y'), `${row.year} ${row.country}`).toBeGreaterThan(attr(segment, 'y'));
          expect(attr(label, 'y'), `${row.year} ${row.country}`).toBeLessThan(attr(segment, 'y') + attr(segment, 'height'));
          inside++;
        }
        const totalLabel = texts.find((t) => t.textContent === total(column.year).toLocaleString('en-US'));
        expect(totalLabel, `total ${column.year}`).toBeDefined();
        expect(attr(totalLabel!, 'y')).toBeLessThan(column.top);
      }
      expect(inside).toBeGreaterThanOrEqual(rows.length / 2);
    }
    expect(chart.views[0].summary).toContain(`Largest total: 2024, ${total(2024).toLocaleString('en-US')}`);
  });

  test('areas with colour: each line and dot on its own area, every area inside the y axis', () => {
    const chart = outputAreaSeries();
    const { spec, dataset } = fixture('output-area-series');
    const rows = dataset.rows.filter((r) => (spec.filter!.country as string[]).includes(r.country as string));
    for (const { svg, drawing } of svgs(chart)) {
      const areas = all(svg, 'path').filter((p) => p.getAttribute('fill-opacity') || p.parentElement?.getAttribute('fill-opacity'));
      expect(areas.length).toBeGreaterThanOrEqual(1);
      const vertices = areas.flatMap((p) => [...(p.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
      // The frame's top is the end of the y axis: nothing drawn above it.
      for (const [, y] of vertices) expect(y).toBeGreaterThanOrEqual(drawing.frame[0] - 0.5);
      const dots = dataDots(svg);
      expect(dots).toHaveLength(rows.length);
      for (const dot of dots) {
        const [cx, cy] = [attr(dot, 'cx'), attr(dot, 'cy')];
        expect(vertices.some(([x, y]) => Math.abs(x - cx) < 0.6 && Math.abs(y - cy) < 0.6), `dot at ${cx},${cy}`).toBe(true);
      }
    }
  });

  test('views: a colour category keeps its legend colour in every view', () => {
    const chart = timelineViewsColors();
    const legend = new Map(chart.legend.filter((item) => item.kind === 'swatch').map((item) => [item.label, item.color]));
    expect(chart.views.length).toBeGreaterThan(1);
    expect(new Set(chart.views.map((v) => v.rows.length)).size).toBeGreaterThan(1); // a view leaves rows out
    for (const view of chart.views) {
      for (const { value, color } of view.colors) expect(color, `${view.id}: ${value}`).toBe(legend.get(value));
      for (const { svg } of view.drawings) {
        const dots = dataDots(svg);
        expect(dots).toHaveLength(view.rows.length);
        view.rows.forEach((row, i) => expect(dots[i].getAttribute('stroke'), `${view.id}: ${row.form}`).toBe(legend.get(String(row.form))));
      }
    }
  });
});

describe('derived figures are computed at build time', () => {
  // The reader fixture's copy of data/mine-production.json (test/fixtures/reader/), so an editor's update cannot fail this.
  const mine = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/reader/data/mine-production.json'), 'utf8')) as { rows: Row[] };
  const shareChart = (): ResolvedChart => ({
    id: 'share',
    file: 'content/charts/share.json',
    title: 'Share',
    dataset: 'mine-production',
    mark: 'line',
    x: 'year',
    y: 'share_pct',
    derive: [{ op: 'share', as: 'share_pct', value: 'tonnes_reo', key: 'country', total: 'World total', by: 'year' }],
  });
  const find = (rows: Row[], country: string, year: number) => rows.find((r) => r.country === country && r.year === year)!;

  test('share: China 2024 = China tonnes / world total tonnes x 100, from the rows of mine-production', () => {
    const { rows, problems } = prepareRows(shareChart(), mine.rows);
    expect(problems).toEqual([]);
    const china = find(mine.rows, 'China', 2024).tonnes_reo as number;
    const world = find(mine.rows, 'World total', 2024).tonnes_reo as number;
    expect([china, world]).toEqual([270000, 390000]);
    expect(find(rows, 'China', 2024).share_pct).toBe((270000 / 390000) * 100);
    expect(find(rows, 'China', 2024).share_pct).toBeCloseTo(69.23, 2);
    expect(find(rows, 'World total', 2024).share_pct).toBe(100);
  });

  test('a share computed from an estimate is an estimate; a year without a total has no share', () => {
    const { rows } = prepareRows(shareChart(), mine.rows);
    expect(find(mine.rows, 'United States', 2024).estimate).toBe(true);
    expect(find(rows, 'United States', 2024).estimate).toBe(true);
    expect(find(rows, 'United States', 2015).share_pct).toBeNull(); // no world total for 2015 in the data
  });

  test('ratio and difference', () => {
    const chart = (derive: ResolvedChart['derive']): ResolvedChart => ({ ...shareChart(), derive });
    const rows = [{ part: 1, whole: 4, a: 10, b: 3 }];
    expect(prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'part', denominator: 'whole' }]), rows).rows[0].pct).toBe(25);
    expect(prepareRows(chart([{ op: 'difference', as: 'change', a: 'a', b: 'b' }]), rows).rows[0].change).toBe(7);
  });

  test('a derived field typed in beside the figures it comes from is reported, for every operation', () => {
    const typed = mine.rows.map((r) => (r.country === 'China' && r.year === 2024 ? { ...r, share_pct: 69.2 } : r));
    const index = typed.findIndex((r) => r.share_pct !== undefined);
    expect(prepareRows(shareChart(), typed).problems).toEqual([
      {
        field: ['derive', 0],
        message: `"share_pct" is typed in the dataset's rows[${index}] beside "tonnes_reo", which it is computed from: remove "share_pct" from the dataset (derived figures are never typed in)`,
      },
    ]);
    const chart = (derive: ResolvedChart['derive']): ResolvedChart => ({ ...shareChart(), derive });
    expect(prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'part', denominator: 'whole' }]), [{ part: 1, whole: 4, pct: 25 }]).problems).toHaveLength(1);
    expect(prepareRows(chart([{ op: 'difference', as: 'change', a: 'a', b: 'b' }]), [{ a: 10, b: 3, change: 7 }]).problems).toHaveLength(1);
    // A figure given only as a share (no inputs to compute it from) is not a conflict.
    expect(prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'part', denominator: 'whole' }]), [{ pct: 62 }]).problems).toEqual([]);
  });

  test("a range (low, high) is drawn in the charted field's unit: derived with a derived field, never left in tonnes", () => {
    // A range in tonnes on a share chart stretched its axis to 300,000%: the range is derived with the share.
    const rows: Row[] = [
      { year: 2024, country: 'Borduria', tonnes: 300, low: 250, high: 400 },
      { year: 2024, country: 'World total', tonnes: 1000 },
    ];
    const shared = prepareRows(shareChart(), rows.map((r) => ({ ...r, tonnes_reo: r.tonnes }))).rows[0];
    expect([shared.share_pct, shared.low, shared.high]).toEqual([30, 25, 40]);
    const chart = (derive: ResolvedChart['derive'], y: string): ResolvedChart => ({ ...shareChart(), derive, y });
    const ratio = prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'tonnes', denominator: 'whole' }], 'pct'), [{ ...rows[0], whole: 600 }]).rows[0];
    expect([ratio.pct, ratio.low, ratio.high]).toEqual([50, (250 / 600) * 100, (400 / 600) * 100]);
    const difference = prepareRows(chart([{ op: 'difference', as: 'change', a: 'tonnes', b: 'before' }], 'change'), [{ ...rows[0], before: 100 }]).rows[0];
    expect([difference.change, difference.low, difference.high]).toEqual([200, 150, 300]);
    // A derived field the chart does not draw leaves the range with the figure it bounds.
    const undrawn = prepareRows(chart([{ op: 'difference', as: 'change', a: 'tonnes', b: 'before' }], 'tonnes'), [{ ...rows[0], before: 100 }]).rows[0];
    expect([undrawn.low, undrawn.high]).toEqual([250, 400]);
  });
});

describe('stacks and small multiples', () => {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const pct = (n: number) => `${n.toFixed(1)}%`;

  test('a view\'s own stack replaces the chart\'s: the same 100% stack drawn in tonnes in a second view', () => {
    const { spec, dataset } = fixture('china-rest-share-area');
    const chart = renderChart({ ...spec, views: [{ id: 'share', label: 'Share' }, { id: 'tonnes', label: 'Tonnes', stack: 'sum', format: { y: 'number' } }] }, dataset);
    const [shares, tonnes] = chart.views;
    const figure = (country: string, year: number) => dataset.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo as number;
    const last = Math.max(...dataset.rows.map((r) => r.year as number));
    // The first view keeps the chart's "share": shares computed, the axis to 100%.
    expect(shares.rows.every((r) => typeof r.share_of_total_pct === 'number')).toBe(true);
    expect(shares.summary).toContain(`China: ${((figure('China', last) / figure('World total', last)) * 100).toFixed(1)}% of the total in ${last}`);
    // The second stacks the tonnes: no share, the stack's total is the world total, the axis in tonnes.
    expect(tonnes.rows.some((r) => 'share_of_total_pct' in r)).toBe(false);
    expect(tonnes.summary).toContain(`Stacked totals: ${figure('World total', last).toLocaleString('en-US')} in ${last}`);
    const ticks = (view: typeof tonnes) => all(view.drawings[0].svg, 'svg > g[text-anchor="end"] > text').map((t) => t.textContent);
    expect(ticks(shares).at(-1)).toBe('100%');
    expect(Number(ticks(tonnes).at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(figure('World total', last));
  });

  test('a 100% stack: shares computed from tonnes, the rest of the world computed from the total, figures in tooltip and summary', () => {
    const chart = chinaRestShareArea();
    const { dataset } = fixture('china-rest-share-area');
    const tonnes = (country: string, year: number) => dataset.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo as number;
    const years = [...new Set(dataset.rows.map((r) => r.year as number))].sort();
    const [first, last] = [years[0], years[years.length - 1]];
    const share = (year: number) => (tonnes('China', year) / tonnes('World total', year)) * 100;
    const view = chart.views[0];
    // The rest of the world is the total less China, never typed in; each x's shares add up to 100%.
    for (const year of years) {
      const rest = view.rows.find((r) => r.country === 'Rest of the world' && r.year === year)!;
      expect(rest.tonnes_reo).toBe(tonnes('World total', year) - tonnes('China', year));
      const shares = view.rows.filter((r) => r.year === year).map((r) => r.share_of_total_pct as number);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    }
    expect(view.summary).toContain(
      `China: ${pct(share(last))} of the total in ${last} (${fmt(tonnes('China', last))} of ${fmt(tonnes('World total', last))}), down from ${pct(share(first))} in ${first} (${fmt(tonnes('China', first))} of ${fmt(tonnes('World total', first))}).`,
    );
    // The table shows the share and the figure it came from.
    expect(view.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['share_of_total_pct', 'tonnes_reo']));
    // The reading at the last year lists both categories, each with its share and its tonnes.
    const at = view.xTexts![view.drawings[0].points.find((p) => p.text.includes(`, ${last}:`))!.xGroup!];
    expect(at).toContain(`China: ${pct(share(last))} (${fmt(tonnes('China', last))}`);
    expect(at).toContain(`Rest of the world: ${pct(100 - share(last))} (${fmt(tonnes('World total', last) - tonnes('China', last))}`);
    // The legend is in stack order: China (bottom) first.
    expect(chart.legend.filter((i) => i.kind === 'swatch').map((i) => i.label)).toEqual(['China', 'Rest of the world']);
    for (const { drawing } of svgs(chart)) {
      // China's band ends at its share; the whole stack at 100%, the top of the frame.
      const points = drawing.points;
      const china = points.find((p) => p.text.startsWith(`China, ${last}`))!;
      const rest = points.find((p) => p.text.startsWith(`Rest of the world, ${last}`))!;
      const [top, bottom] = drawing.frame;
      expect(rest.y).toBeCloseTo(top, 0);
      expect((bottom - china.y) / (bottom - top)).toBeCloseTo(share(last) / 100, 2);
    }
  });

  test('a sum stack: each series on the one below it, the top at the total of the x', () => {
    const chart = outputStackSumArea();
    const { spec, dataset } = fixture('output-stack-sum-area');
    const rows = dataset.rows.filter((r) => (spec.filter!.country as string[]).includes(r.country as string));
    const total = (year: number) => rows.filter((r) => r.year === year).reduce((sum, r) => sum + (r.tonnes as number), 0);
    const view = chart.views[0];
    expect(view.summary).toContain(`Stacked totals: ${fmt(total(2024))} in 2024, up from ${fmt(total(2021))} in 2021.`);
    for (const { drawing } of svgs(chart)) {
      const [top, bottom] = drawing.frame;
      const a = drawing.points.find((p) => p.text.startsWith('Country A, 2021'))!;
      const c = drawing.points.find((p) => p.text.startsWith('Country C, 2021'))!;
      const pxPerTonne = (bottom - a.y) / (rows.find((r) => r.country === 'Country A' && r.year === 2021)!.tonnes as number);
      expect(bottom - c.y).toBeCloseTo(total(2021) * pxPerTonne, 0);
      expect(top).toBeLessThan(c.y);
    }
    expect(view.xTexts!.some((t) => t.includes(`total ${fmt(total(2024))}`))).toBe(true);
  });

  test('a 100% stack of bars: every bar reaches 100%, no total written on it, each share in its segment', () => {
    const chart = outputStackShareBars();
    for (const { svg, drawing } of svgs(chart)) {
      const texts = all(svg, '.chart-overlay text').map((t) => t.textContent);
      expect(texts).not.toContain('100.0%');
      expect(texts.some((t) => /^\d+\.\d%$/.test(t ?? ''))).toBe(true);
      const tops = drawing.points.filter((p) => p.text.startsWith('Rest of the world')).map((p) => p.y);
      for (const y of tops) expect(y).toBeCloseTo(drawing.frame[0], 0);
    }
  });

  const facetTitles = (svg: string) => all(svg, '.chart-facet-title').map((t) => squash(t.textContent));
  const panelOf = (drawing: { panels?: number[][] }, p: { x: number; y: number }) => drawing.panels!.findIndex(([x0, y0, x1, y1]) => p.x >= x0 - 1 && p.x <= x1 + 1 && p.y >= y0 - 1 && p.y <= y1 + 1);

  test('twelve facets: a titled small chart each, one column narrow, three wide, shared scales, one numbering of markers', () => {
    const chart = productionFacetTwelve();
    const { dataset } = fixture('production-facet-twelve');
    const countries = [...new Set(dataset.rows.map((r) => String(r.country)))];
    expect(countries).toHaveLength(12);
    const view = chart.views[0];
    for (const { svg, drawing } of svgs(chart)) {
      expect(facetTitles(svg)).toEqual(countries.map(squash));
      const columns = new Set(drawing.panels!.map(([x0]) => x0)).size;
      expect(columns, drawing.layout).toBe(drawing.layout === 'narrow' ? 1 : 3);
      // Every point lies in its own facet's frame and names its facet first.
      for (const point of drawing.points) {
        const facet = countries[panelOf(drawing, point)];
        expect(point.text.startsWith(`${facet}; ${facet}`) || point.text.startsWith(`${facet}; `), point.text).toBe(true);
      }
      // One y axis for all: every small chart has the same tick labels.
      const inner = all(svg, 'svg svg');
      expect(inner).toHaveLength(12);
      const ticks = inner.map((s) => [...s.querySelectorAll('g[text-anchor="end"] text')].map((t) => t.textContent).join(' '));
      expect(new Set(ticks).size).toBe(1);
      expect(all(svg, 'circle[fill="var(--chart-marker)"]')).toHaveLength(chart.uncertainties.length);
    }
    for (const country of countries) expect(view.summary).toContain(`${country}: `);
    expect(view.columns[0].field).toBe('country');
  });

  test('one facet: one titled chart across the whole width', () => {
    const chart = reservesFacetOne();
    for (const { svg, drawing } of svgs(chart)) {
      expect(facetTitles(svg)).toEqual(['Vietnam']);
      expect(drawing.panels).toHaveLength(1);
      expect(Number(all(svg, 'svg svg')[0].getAttribute('width'))).toBe(drawing.width);
      expect(drawing.points.every((p) => panelOf(drawing, p) === 0)).toBe(true);
    }
    expect(chart.views[0].summary.startsWith('Vietnam: ')).toBe(true);
  });
});

describe('slopes, bands and projections', () => {
  const figure = (n: unknown) => (n as number).toLocaleString('en-US');
  /** The end labels of a drawing, each with the vertical extent of its lines, grouped by the end they are at. */
  const endLabels = (svg: string) => {
    const root = parse(svg).documentElement;
    return all(svg, 'text.chart-series-label').map((t) => {
      const size = Number(t.getAttribute('font-size'));
      const lh = Math.round(size * 1.25);
      const lines = Math.max(1, t.querySelectorAll('tspan').length);
      const top = Number(t.getAttribute('y')) - lh / 2 - size * 0.32;
      return { x: t.getAttribute('x'), top, bottom: top + lines * lh, text: squash(t.textContent), height: Number(root.getAttribute('height')) };
    });
  };

  test('a slope: one line per country between the two editions, the values at both ends, largest fall in the summary', () => {
    const chart = reservesSlope();
    const { dataset } = fixture('reserves-slope');
    const countries = [...new Set(dataset.rows.map((r) => r.country as string))];
    const value = (country: string, edition: string) => dataset.rows.find((r) => r.country === country && r.edition === edition)!.tonnes_reo as number;
    const falls = countries.map((c) => ({ c, from: value(c, 'MCS 2023'), to: value(c, 'MCS 2025') })).sort((a, b) => b.from - b.to - (a.from - a.to));
    const largest = falls[0];
    expect(chart.views[0].summary).toContain(`Largest fall: ${largest.c}, from ${figure(largest.from)} to ${figure(largest.to)} (down ${figure(largest.from - largest.to)})`);
    expect(chart.views[0].summary).toContain('None rose.');
    for (const { svg, drawing } of svgs(chart)) {
      const where = drawing.layout;
      // A link per country (one path each), a dot per row.
      expect(all(svg, 'path').filter((p) => p.closest('g')?.getAttribute('stroke-width') === (drawing.width >= 480 ? '2.5' : '2.3') || /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/.test(p.getAttribute('d') ?? '')), where).toHaveLength(countries.length);
      expect(all(svg, 'circle').filter((c) => !c.closest('.chart-marker')), where).toHaveLength(dataset.rows.length);
      // The largest change is labelled at both ends, with its name at the left.
      const labels = endLabels(svg);
      expect(labels.some((l) => l.text === squash(`${largest.c} ${figure(largest.from)}`)), where).toBe(true);
      expect(labels.some((l) => l.text === squash(figure(largest.to))), where).toBe(true);
      // The editions head their columns.
      const texts = all(svg, 'text').map((t) => t.textContent?.trim());
      expect(texts).toContain('MCS 2023');
      expect(texts).toContain('MCS 2025');
    }
    // Reading order: each country from its earlier edition to its later one.
    const texts = chart.views[0].drawings[0].points.map((p) => p.text.split(';')[0]);
    expect(texts.slice(0, 2).map((t) => t.split(': ')[0])).toEqual([`${countries[0]}, MCS 2023`, `${countries[0]}, MCS 2025`]);
  });

  test('a slope is drawn around its values: shares far from zero fill the frame, values near zero (or a line at zero) keep it', () => {
    /** Where each value sits in the frame, from its bottom (0) to its top (1): the drawn points, lowest first, paired
     * with the values, lowest first (the y scale keeps their order). */
    const heights = (chart: RenderedChart, values: number[]) =>
      chart.views[0].drawings.map((drawing) => {
        const [top, bottom] = drawing.frame;
        const ups = drawing.points.map((p) => (bottom - p.y) / (bottom - top)).sort((a, b) => a - b);
        expect(ups).toHaveLength(values.length);
        return values.slice().sort((a, b) => a - b).map((value, i) => ({ value, height: ups[i] }));
      });
    // Shares of 54% to 92%: the lowest sits near the frame's bottom and the highest near its top, not 54% of the way up.
    const { spec, dataset } = fixture('china-share-projection-slope');
    const shares = dataset.rows.map((r) => r.share_pct as number);
    for (const drawn of heights(chinaShareProjectionSlope(), shares)) {
      expect(drawn[0].height).toBeLessThan(0.2);
      expect(drawn.at(-1)!.height).toBeGreaterThan(0.8);
    }
    // Zero kept: each value's height is in proportion to the value.
    const proportional = (drawn: { value: number; height: number }[][]) => {
      for (const points of drawn) {
        const top = points.at(-1)!;
        for (const p of points) expect(p.height / top.height, String(p.value)).toBeCloseTo(p.value / top.value, 2);
      }
    };
    // A line at zero asks for zero.
    proportional(heights(renderChart({ ...spec, reference: [{ y: 0, label: 'Zero', kind: 'note' }] }, dataset), shares));
    // Reserves of 1.9 to 22 million tonnes: zero is near, and stays.
    proportional(heights(reservesSlope(), fixture('reserves-slope').dataset.rows.map((r) => r.tonnes_reo as number)));
  });

  test('a slope highlights its lines (the countries), not its two ends (the editions)', () => {
    const { selection } = reservesSlope().views[0];
    const { dataset } = fixture('reserves-slope');
    expect(selection?.field).toBe('country');
    expect(new Set(selection?.places)).toEqual(new Set(dataset.rows.map((r) => r.country)));
  });

  test('crowded slope labels never overlap, the largest changes keep theirs, and a hostile name stays text', () => {
    const chart = slopeHostileLabels();
    const { dataset } = fixture('slope-hostile-labels');
    const stages = [...new Set(dataset.rows.map((r) => r.stage as string))];
    const change = (stage: string) => {
      const [a, b] = dataset.rows.filter((r) => r.stage === stage).map((r) => r.share_pct as number);
      return Math.abs(b - a);
    };
    const biggest = stages.slice().sort((a, b) => change(b) - change(a))[0];
    for (const { svg, drawing } of svgs(chart)) {
      const labels = endLabels(svg);
      for (const end of new Set(labels.map((l) => l.x))) {
        const column = labels.filter((l) => l.x === end).sort((a, b) => a.top - b.top);
        for (let i = 1; i < column.length; i++) expect(column[i].top, `${drawing.layout} ${column[i].text}`).toBeGreaterThanOrEqual(column[i - 1].bottom);
        for (const label of column) expect(label.top >= 0 && label.bottom <= label.height, label.text).toBe(true);
      }
      // Some labels had to go (the values crowd each other), but not the largest change's.
      expect(labels.length).toBeLessThan(dataset.rows.length);
      expect(labels.filter((l) => l.text.includes(squash(biggest).slice(0, 10))).length, drawing.layout).toBeGreaterThanOrEqual(1);
      expect(svg).not.toMatch(/<script|<b>/);
      expect(all(svg, 'script, b')).toHaveLength(0);
    }
    // The tooltip gives the whole name.
    expect(chart.views[0].drawings[0].points.some((p) => p.text.startsWith(`${stages[0]}, 2023: 62%`))).toBe(true);
  });

  test('projections: dashed and hollow, never joined by a solid line, and called projections in the tooltip, key and summary', () => {
    const chart = projectionLine();
    const { dataset } = fixture('projection-line');
    const projected = dataset.rows.filter((r) => r.projection);
    const years = [...new Set(projected.map((r) => r.year))];
    expect(chart.views[0].summary).toContain(`${years.join(' and ')} figures are projections.`);
    expect(chart.legend.find((item) => item.kind === 'projection')?.label).toMatch(/^Projection/);
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    for (const [i, row] of dataset.rows.entries()) expect(texts[i].split('; ').includes('projection'), `${row.country} ${row.year}`).toBe(row.projection === true);
    // The readings by year name the projection and its range too.
    const xText = chart.views[0].xTexts!.find((t) => t.startsWith(String(years[0])))!;
    const first = projected[0];
    expect(xText).toContain(`range ${figure(first.low)} to ${figure(first.high)}`);
    expect(xText).toContain('projection');
    const lastMeasured = Math.max(...dataset.rows.filter((r) => !r.projection).map((r) => r.year as number));
    const countries = new Set(dataset.rows.map((r) => r.country)).size;
    for (const { svg, drawing } of svgs(chart)) {
      const dashed = all(svg, '.chart-projection[stroke-dasharray] path');
      // Per country: the segment from the last measurement into the first projection, and each one after it.
      expect(dashed, drawing.layout).toHaveLength(projected.length);
      expect(all(svg, '.chart-projection circle').filter((c) => c.getAttribute('fill') === 'var(--chart-bg)')).toHaveLength(projected.length);
      // The solid lines end at the last measured year: no solid segment reaches a projection.
      const solid = all(svg, 'path').filter((p) => !p.closest('.chart-projection') && !p.closest('.chart-band') && p.closest('g')?.getAttribute('fill') === 'none' && p.closest('g')?.getAttribute('stroke-linejoin') === 'round');
      expect(solid).toHaveLength(countries);
      // (each point's pixel position is Plot's own, as the tooltips use it)
      const lastX = drawing.points[dataset.rows.findIndex((r) => r.year === lastMeasured)].x;
      const xs = solid.flatMap((p) => [...(p.getAttribute('d') ?? '').matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1])));
      expect(Math.max(...xs), drawing.layout).toBeCloseTo(lastX, 0);
      // Their low-high ranges are a band.
      expect(all(svg, '.chart-band path').length).toBe(countries);
    }
  });

  test('projected bars: hollow with a dashed outline, named in the key and the summary', () => {
    const chart = projectionBars();
    const { spec, dataset } = fixture('projection-bars');
    const rows = dataset.rows.filter((r) => r.country === spec.filter!.country);
    const projected = rows.filter((r) => r.projection);
    expect(projected.length).toBeGreaterThan(0);
    for (const { svg } of svgs(chart)) {
      const hollow = all(svg, '.chart-projection rect');
      expect(hollow).toHaveLength(projected.length);
      expect(hollow[0].closest('g')?.getAttribute('stroke-dasharray')).toBeTruthy();
      expect(hollow.every((r) => (r.getAttribute('fill') ?? r.closest('g')?.getAttribute('fill')) === 'var(--chart-bg)')).toBe(true);
    }
    expect(chart.legend.find((item) => item.kind === 'projection')?.label).toBe('Projection (hollow, dashed outline)');
    expect(chart.views[0].summary).toContain(`${projected.map((r) => r.year).join(' and ')} figures are projections.`);
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    expect(texts.filter((t) => t.split('; ').includes('projection'))).toHaveLength(projected.length);
  });
});

describe('maps draw each place where it is, in the colour of its figure', () => {
  const dataShapes = (svg: string) => all(svg, '[data-point]');
  const point = (chart: RenderedChart, layout: string, i: number) => chart.views[0].drawings.find((d) => d.layout === layout)!.points[i];

  test('a choropleth: a country per row in its step colour, "no data" apart from zero, estimates dashed, aggregates only in the notes', () => {
    const chart = productionMap();
    const { dataset } = fixture('production-map');
    const aggregates = ['World total', 'Other countries'];
    const countries = dataset.rows.filter((r) => !aggregates.includes(r.country as string));
    const view = chart.views[0];
    expect(view.rows.map((r) => r.country)).toEqual(countries.map((r) => r.country));
    const swatches = chart.legend.filter((item) => item.kind === 'swatch');
    expect(swatches.at(-1)).toEqual({ kind: 'swatch', label: 'No data', color: 'var(--chart-nodata)' });
    // Log steps: each tenfold, and each country in the step its figure falls in.
    const steps = swatches.slice(0, -1).map((s) => ({ ...s, bounds: s.label.split(' to ').map((n) => Number(n.replaceAll(',', ''))) }));
    for (const { bounds } of steps) expect(bounds[1] / bounds[0]).toBe(10);
    for (const { svg } of svgs(chart)) {
      expect(all(svg, 'path[fill="var(--chart-nodata)"]')).toHaveLength(1);
      const shapes = dataShapes(svg);
      expect(shapes.map((s) => Number(s.getAttribute('data-point'))).sort((a, b) => a - b)).toEqual(countries.map((_, i) => i));
      for (const shape of shapes) {
        const row = countries[Number(shape.getAttribute('data-point'))];
        const value = row.tonnes_reo as number;
        const step = steps.find(({ bounds }) => value >= bounds[0] && value < bounds[1])!;
        expect(shape.getAttribute('fill'), String(row.country)).toBe(step.color);
        expect(shape.hasAttribute('stroke-dasharray'), `${row.country} estimate`).toBe(Boolean(row.estimate));
        // No figure is zero's colour: "no data" is its own.
        expect(shape.getAttribute('fill')).not.toBe('var(--chart-nodata)');
      }
    }
    expect(chart.legend.some((item) => item.kind === 'estimate' && item.label === 'Estimate (dashed outline)')).toBe(true);
    const total = dataset.rows.find((r) => r.country === 'World total')!.tonnes_reo as number;
    const other = dataset.rows.find((r) => r.country === 'Other countries')!.tonnes_reo as number;
    expect(chart.dataNotes).toEqual([`Not drawn on the map, as they stand for many places: Other countries (${other.toLocaleString('en-US')}), World total (${total.toLocaleString('en-US')}).`]);
    const top = countries.slice().sort((a, b) => (b.tonnes_reo as number) - (a.tonnes_reo as number))[0];
    const share = (((top.tonnes_reo as number) / total) * 100).toFixed(1);
    expect(view.summary).toContain(`Largest: ${top.country}, ${(top.tonnes_reo as number).toLocaleString('en-US')} (${share}% of the World total, ${total.toLocaleString('en-US')})`);
    expect(view.summary).toContain(`${countries.filter((r) => r.estimate).length} of the ${countries.length} figures are estimates`);
    expect(view.summary).toMatch(/ (\d+) countries on the map have no figure\./);
  });

  test("a country's point is inside its outline, and its numbered marker is at it", () => {
    const chart = productionMap();
    const china = chart.views[0].rows.findIndex((r) => r.country === 'China');
    for (const drawing of chart.views[0].drawings) {
      const { x, y } = point(chart, drawing.layout, china);
      const outline = all(drawing.svg, `path[data-point="${china}"]`)[0].getAttribute('d')!;
      // The outline's box holds the point: China's points are in China, not at the origin.
      const box = pathBox(outline);
      expect(x).toBeGreaterThan(box.x0);
      expect(x).toBeLessThan(box.x1);
      expect(y).toBeGreaterThan(box.y0);
      expect(y).toBeLessThan(box.y1);
      const marker = all(drawing.svg, '.chart-marker circle[fill="var(--chart-marker)"]');
      expect(marker).toHaveLength(1);
      const R = Number(marker[0].getAttribute('r'));
      expect(Math.hypot(Number(marker[0].getAttribute('cx')) - x, Number(marker[0].getAttribute('cy')) - y)).toBeLessThanOrEqual(3 * R + 12);
    }
  });

  test('a country too small to see at 360 px gets a symbol at its point as well as its outline; one the base map lacks, a symbol alone', () => {
    const shares = importSourcesMap();
    const estonia = shares.views[0].rows.findIndex((r) => r.country === 'Estonia');
    const china = shares.views[0].rows.findIndex((r) => r.country === 'China');
    for (const drawing of shares.views[0].drawings) {
      const shapes = all(drawing.svg, `[data-point="${estonia}"]`);
      expect(shapes.map((s) => s.localName).sort()).toEqual(['circle', 'path']);
      const circle = shapes.find((s) => s.localName === 'circle')!;
      const { x, y } = point(shares, drawing.layout, estonia);
      expect([Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))]).toEqual([x, y]);
      expect(circle.getAttribute('fill')).toBe(shapes.find((s) => s.localName === 'path')!.getAttribute('fill'));
      // A large country gets no symbol.
      expect(all(drawing.svg, `circle[data-point="${china}"]`)).toHaveLength(0);
    }
    const hostile = hostilePlacesSymbolMap();
    const singapore = hostile.views[0].rows.findIndex((r) => r.place === 'SGP');
    for (const drawing of hostile.views[0].drawings) {
      const { x, y } = point(hostile, drawing.layout, singapore);
      // Singapore (1 degree north, 104 east) is right of the middle and just above it, inside the drawing.
      expect(x).toBeGreaterThan(drawing.width * 0.75);
      expect(x).toBeLessThan(drawing.width);
      expect(y).toBeGreaterThan(drawing.height * 0.4);
      expect(y).toBeLessThan(drawing.height * 0.6);
      expect(all(drawing.svg, `circle[data-point="${singapore}"]`)).toHaveLength(1);
    }
  });

  test('a place written as an alpha-3 code reads as its country\'s name (tooltip, summary, highlight, table); the rows keep the code', () => {
    const view = hostilePlacesSymbolMap().views[0];
    const singapore = view.rows.findIndex((r) => r.place === 'SGP');
    expect(singapore).toBeGreaterThanOrEqual(0);
    expect(view.drawings[0].points[singapore].text).toMatch(/^Singapore: 40 /);
    expect(view.summary).toContain('Brazil, 100');
    expect(view.summary).toContain('Smallest: Singapore, 40.');
    expect(view.summary).not.toMatch(/\b(SGP|BRA)\b/);
    expect(view.selection?.says[singapore]).toMatch(/^Singapore: 40 /);
    expect(view.selection?.places[singapore]).toBe('SGP');
    expect(view.selection?.names).toEqual({ SGP: 'Singapore', BRA: 'Brazil' });
    const column = view.columns.find((c) => c.field === 'place')!;
    expect(view.rows.map((r) => formatValue(r.place, column.format))).toEqual(["Côte d'Ivoire", 'Singapore', 'Congo (Kinshasa)', 'Brazil']);
  });

  test('a symbol map: one circle per place, its area in proportion to its figure, the largest drawn first', () => {
    const chart = hostilePlacesSymbolMap();
    const rows = chart.views[0].rows;
    for (const { svg } of svgs(chart)) {
      const circles = all(svg, 'circle[data-point]');
      expect(circles).toHaveLength(rows.length);
      const radius = (i: number) => Number(circles.find((c) => c.getAttribute('data-point') === String(i))!.getAttribute('r'));
      const byValue = rows.map((r, i) => ({ value: r.tonnes as number, r: radius(i) })).sort((a, b) => b.value - a.value);
      const [largest] = byValue;
      for (const { value, r } of byValue.filter((c) => c.r > 2)) expect((r / largest.r) ** 2).toBeCloseTo(value / largest.value, 1);
      const drawn = circles.map((c) => Number(c.getAttribute('r')));
      expect(drawn).toEqual(drawn.slice().sort((a, b) => b - a));
    }
  });

  test('hostile place names and texts never reach the SVG as markup; the tooltip keeps them as text', () => {
    const chart = hostilePlacesSymbolMap();
    for (const { svg } of svgs(chart)) {
      expect(svg).not.toMatch(/<script|onerror|<img|<\/figure|__pwned/);
      expect(all(svg, '*').every((el) => !el.localName.includes('script'))).toBe(true);
    }
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    expect(texts[0].startsWith("Côte d'Ivoire: 900")).toBe(true);
    expect(texts.some((t) => t.includes('<script>window.__pwned = 1</script>'))).toBe(true);
  });
});

/** The box of an SVG path written in absolute moves and relative lines ("M1,2l3,4 -1,2z"). */
function pathBox(d: string) {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ring of d.split('M').filter(Boolean)) {
    const numbers = ring.replace(/[lz]/g, ' ').match(/-?\d+(\.\d+)?/g)!.map(Number);
    let [x, y] = [numbers[0], numbers[1]];
    const visit = () => Object.assign(box, { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) });
    visit();
    for (let i = 2; i + 1 < numbers.length; i += 2) {
      [x, y] = [x + numbers[i], y + numbers[i + 1]];
      visit();
    }
  }
  return box;
}
