// Maps recoloured, not redrawn (src/charts/recolour.ts): a map's views after the first are written as paint over the
// first view's drawings, and the page's script (src/client/chart-paint.ts) applies it. Fixture:
// test/fixtures/charts/production-map-years/ (every row of 2017, 2018 and 2023, copied from data/mine-production.json):
// 2017's map draws China and the United States only, so every shape 2018 and 2023 paint must already be in it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { renderChart, type RenderedChart } from '../../src/charts/render.ts';
import { standaloneSvg } from '../../src/charts/standalone.ts';
import { applyPaint } from '../../src/client/chart-paint.ts';
import { resolvePlace } from '../../src/charts/places.ts';
import { chartSchema, datasetSchema } from '../../src/schemas/index.ts';
import { nonEmpty } from '../support/lists.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/charts');
function render(
  name: string,
  change: (spec: Record<string, unknown>) => void = () => {},
): { chart: RenderedChart; rows: Record<string, unknown>[] } {
  const read = (file: string) => JSON.parse(readFileSync(path.join(fixtures, name, file), 'utf8'));
  const raw = read('spec.json');
  change(raw);
  const spec = { ...chartSchema.parse(raw), id: name, file: `test/fixtures/charts/${name}/spec.json` };
  const dataset = {
    ...datasetSchema.parse(read('dataset.json')),
    id: name,
    file: `test/fixtures/charts/${name}/dataset.json`,
  };
  return { chart: renderChart(spec, dataset), rows: dataset.rows };
}
const svgOf = (markup: string) =>
  parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.body.firstElementChild!;
/** Every element of a drawing in document order, each as its tag and attributes (in any order). */
const elements = (svg: Element) =>
  [svg, ...svg.querySelectorAll('*')].map((e) => ({
    tag: e.tagName,
    attributes: Object.fromEntries(
      e
        .getAttributeNames()
        .sort()
        .map((n) => [n, e.getAttribute(n)]),
    ),
    text: e.children.length ? '' : e.textContent,
  }));

describe('a map of several years is drawn once and recoloured', () => {
  const { chart, rows } = render('production-map-years');
  const [first, ...others] = chart.views;

  test('every view after the first is paint, and the first drawing painted is that view drawn', () => {
    expect(first.paint).toBeUndefined();
    expect(others.length).toBeGreaterThan(0);
    for (const view of others) {
      expect(view.paint, view.id).toBeDefined();
      for (const drawing of nonEmpty(view.drawings, `${view.id} drawings`)) {
        const base = svgOf(first.drawings.find((d) => d.layout === drawing.layout)!.svg);
        const before = elements(base);
        applyPaint(base, view.paint![drawing.layout]);
        const painted = elements(base);
        expect(painted, `${view.id} ${drawing.layout}`).toEqual(elements(svgOf(drawing.svg)));
        // The paint did something: this year is not the first year's picture.
        expect(painted).not.toEqual(before);
      }
    }
  });

  test('each year\'s places are painted in the colour of their step, estimates dashed, the rest "no data"', () => {
    const steps = chart.legend
      .filter((item) => item.kind === 'swatch' && item.label !== 'No data')
      .map((s) => ({ color: s.color, bounds: s.label!.split(' to ').map((n) => Number(n.replaceAll(',', ''))) }));
    for (const view of nonEmpty(chart.views, 'views')) {
      const svg = svgOf(first.drawings[0].svg);
      if (view.paint) applyPaint(svg, view.paint[first.drawings[0].layout]);
      const year = Number(view.id);
      const places = rows.filter((r) => r.year === year && resolvePlace(r.country).kind === 'country');
      const shapes = [...svg.querySelectorAll('.chart-map [data-point]')];
      const points = view.drawings[0].points;
      // A shape per place (a symbol too, for a place too small to see), each naming its point, whose text names it.
      expect(new Set(shapes.map((s) => points[Number(s.getAttribute('data-point'))].text.split(':')[0]))).toEqual(
        new Set(places.map((r) => r.country)),
      );
      for (const shape of nonEmpty(shapes, `${view.id} shapes`)) {
        const row = places.find((r) =>
          points[Number(shape.getAttribute('data-point'))].text.startsWith(`${r.country}:`),
        )!;
        const value = row.tonnes_reo as number;
        const step = steps.find(({ bounds }) => value >= bounds[0] && value < bounds[1]);
        expect(shape.getAttribute('fill'), `${view.id} ${row.country}`).toBe(step!.color);
        expect(shape.hasAttribute('stroke-dasharray'), `${view.id} ${row.country} estimate`).toBe(
          Boolean(row.estimate),
        );
      }
      // Places only other years draw are "no data" this year: grey, naming no point; their symbols hidden.
      for (const shape of svg.querySelectorAll('.chart-map > :not([data-point])')) {
        expect(shape.getAttribute('fill')).toBe('var(--chart-nodata)');
        if (shape.tagName.toLowerCase() === 'circle') expect(shape.getAttribute('visibility')).toBe('hidden');
      }
      expect(svg.getAttribute('aria-describedby')).toBe(`chart-production-map-years-summary-${view.id}`);
    }
  });

  test("one colour scale for every year, over every year's figures, and the key says so", () => {
    const steps = chart.legend
      .filter((item) => item.kind === 'swatch' && item.label !== 'No data')
      .map((s) => s.label!.split(' to ').map((n) => Number(n.replaceAll(',', ''))));
    const figures = rows.filter((r) => resolvePlace(r.country).kind === 'country').map((r) => r.tonnes_reo as number);
    expect(steps[0][0]).toBeLessThanOrEqual(Math.min(...figures));
    expect(steps.at(-1)![1]).toBeGreaterThanOrEqual(Math.max(...figures));
    expect(chart.legend.filter((item) => item.kind === 'scale').map((item) => item.label)).toEqual([
      'Same steps every year',
    ]);
    // A map of one year has no other year to compare.
    const single = render('production-map-years', (spec) => delete spec.views).chart;
    expect(single.legend.some((item) => item.kind === 'scale')).toBe(false);
  });

  test('the rows left off the map are noted per year', () => {
    expect(chart.dataNotes).toHaveLength(chart.views.length);
    for (const view of nonEmpty(chart.views, 'views')) {
      const total = rows.find((r) => r.year === Number(view.id) && r.country === 'World total')!.tonnes_reo as number;
      const note = new RegExp(
        `^${view.id}: not drawn on the map, .*World total \\(${total.toLocaleString('en-US')}\\)`,
      );
      expect(
        chart.dataNotes.filter((n) => note.test(n)),
        chart.dataNotes.join('\n'),
      ).toHaveLength(1);
    }
  });

  test('a map whose views draw other shapes (circles sized by each year) keeps each view whole', () => {
    const symbols = render('production-map-years', (spec) => (spec.map = { style: 'symbol' })).chart;
    expect(symbols.views.filter((v) => v.paint)).toEqual([]);
  });
});

describe('the images of a chart with a year slider', () => {
  const drawingsIn = (svg: string) => svg.match(/<svg x=/g)?.length ?? 0;

  test('draw the year the chart opens on, not a stack of every year, and say where the other years are', () => {
    const { chart } = render('production-map-years');
    const { svg } = standaloneSvg(chart, { pageUrl: 'https://example.org/charts/production-map-years/' });
    expect(drawingsIn(svg)).toBe(1);
    expect(svg).toContain(chart.views[0].summary.slice(0, 40));
    expect(svg).not.toContain(chart.views[1].summary.slice(0, 40));
    expect(svg).toContain("Every year from 2017 to 2023 is on the chart's page.");
  });

  test('views that are not years still stack, each under its label', () => {
    const { chart } = render('import-reliance-bar-views');
    expect(chart.views.length).toBeGreaterThan(1);
    const { svg } = standaloneSvg(chart, { pageUrl: 'https://example.org/charts/import-reliance-bar-views/' });
    expect(drawingsIn(svg)).toBe(chart.views.length);
    expect(svg).not.toContain('Every year from');
  });
});
