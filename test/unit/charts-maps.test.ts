// Maps: snapshots, and each place drawn where it is in the colour of its figure, worked out from the fixtures' rows.
// The snapshots and the checks every SVG must pass are in test/support/chart-snapshots.ts.
import { describe, expect, test } from 'vitest';
import { formatValue } from '../../src/charts/format.ts';
import { type RenderedChart } from '../../src/charts/render.ts';
import { all, chartGroups, fixture, render, snapshotTests, svgs } from '../support/chart-snapshots.ts';
import { nonEmpty } from '../support/lists.ts';

snapshotTests(chartGroups.maps);

describe('maps draw each place where it is, in the colour of its figure', () => {
  const dataShapes = (svg: string) => all(svg, '[data-point]');
  const point = (chart: RenderedChart, layout: string, i: number) =>
    chart.views[0].drawings.find((d) => d.layout === layout)!.points[i];

  test('a choropleth: a country per row in its step colour, "no data" apart from zero, estimates dashed, aggregates only in the notes', () => {
    const chart = render('production-map');
    const { dataset } = fixture('production-map');
    const aggregates = ['World total', 'Other countries'];
    const countries = dataset.rows.filter((r) => !aggregates.includes(r.country as string));
    const view = chart.views[0];
    expect(view.rows.map((r) => r.country)).toEqual(countries.map((r) => r.country));
    const swatches = chart.legend.filter((item) => item.kind === 'swatch');
    expect(swatches.at(-1)).toEqual({ kind: 'swatch', label: 'No data', color: 'var(--chart-nodata)' });
    // Log steps: each tenfold, and each country in the step its figure falls in.
    const steps = swatches
      .slice(0, -1)
      .map((s) => ({ ...s, bounds: s.label.split(' to ').map((n) => Number(n.replaceAll(',', ''))) }));
    for (const { bounds } of nonEmpty(steps, 'steps')) expect(bounds[1] / bounds[0]).toBe(10);
    for (const { svg } of svgs(chart)) {
      expect(all(svg, 'path[fill="var(--chart-nodata)"]')).toHaveLength(1);
      const shapes = dataShapes(svg);
      expect(shapes.map((s) => Number(s.getAttribute('data-point'))).sort((a, b) => a - b)).toEqual(
        countries.map((_, i) => i),
      );
      for (const shape of nonEmpty(shapes, 'shapes')) {
        const row = countries[Number(shape.getAttribute('data-point'))];
        const value = row.tonnes_reo as number;
        const step = steps.find(({ bounds }) => value >= bounds[0] && value < bounds[1])!;
        expect(shape.getAttribute('fill'), String(row.country)).toBe(step.color);
        expect(shape.hasAttribute('stroke-dasharray'), `${row.country} estimate`).toBe(Boolean(row.estimate));
        // No figure is zero's colour: "no data" is its own.
        expect(shape.getAttribute('fill')).not.toBe('var(--chart-nodata)');
      }
    }
    expect(chart.legend.some((item) => item.kind === 'estimate' && item.label === 'Estimate (dashed outline)')).toBe(
      true,
    );
    const total = dataset.rows.find((r) => r.country === 'World total')!.tonnes_reo as number;
    const other = dataset.rows.find((r) => r.country === 'Other countries')!.tonnes_reo as number;
    expect(chart.dataNotes).toEqual([
      `Not drawn on the map, as they stand for many places: Other countries (${other.toLocaleString('en-US')}), World total (${total.toLocaleString('en-US')}).`,
    ]);
    const top = countries.slice().sort((a, b) => (b.tonnes_reo as number) - (a.tonnes_reo as number))[0];
    const share = (((top.tonnes_reo as number) / total) * 100).toFixed(1);
    expect(view.summary).toContain(
      `Largest: ${top.country}, ${(top.tonnes_reo as number).toLocaleString('en-US')} (${share}% of the World total, ${total.toLocaleString('en-US')})`,
    );
    expect(view.summary).toContain(
      `${countries.filter((r) => r.estimate).length} of the ${countries.length} figures are estimates`,
    );
    expect(view.summary).toMatch(/ (\d+) countries on the map have no figure\./);
  });

  test("a country's point is inside its outline, and its numbered marker is at it", () => {
    const chart = render('production-map');
    const china = chart.views[0].rows.findIndex((r) => r.country === 'China');
    for (const drawing of nonEmpty(chart.views[0].drawings, 'drawings')) {
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
      expect(
        Math.hypot(Number(marker[0].getAttribute('cx')) - x, Number(marker[0].getAttribute('cy')) - y),
      ).toBeLessThanOrEqual(3 * R + 12);
    }
  });

  test('a country too small to see at 360 px gets a symbol at its point as well as its outline; one the base map lacks, a symbol alone', () => {
    const shares = render('import-sources-map');
    const estonia = shares.views[0].rows.findIndex((r) => r.country === 'Estonia');
    const china = shares.views[0].rows.findIndex((r) => r.country === 'China');
    for (const drawing of nonEmpty(shares.views[0].drawings, 'drawings')) {
      const shapes = all(drawing.svg, `[data-point="${estonia}"]`);
      expect(shapes.map((s) => s.localName).sort()).toEqual(['circle', 'path']);
      const circle = shapes.find((s) => s.localName === 'circle')!;
      const { x, y } = point(shares, drawing.layout, estonia);
      expect([Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))]).toEqual([x, y]);
      expect(circle.getAttribute('fill')).toBe(shapes.find((s) => s.localName === 'path')!.getAttribute('fill'));
      // A large country gets no symbol.
      expect(all(drawing.svg, `circle[data-point="${china}"]`)).toHaveLength(0);
    }
    const hostile = render('hostile-places-symbol-map');
    const singapore = hostile.views[0].rows.findIndex((r) => r.place === 'SGP');
    for (const drawing of nonEmpty(hostile.views[0].drawings, 'drawings')) {
      const { x, y } = point(hostile, drawing.layout, singapore);
      // Singapore (1 degree north, 104 east) is right of the middle and just above it, inside the drawing.
      expect(x).toBeGreaterThan(drawing.width * 0.75);
      expect(x).toBeLessThan(drawing.width);
      expect(y).toBeGreaterThan(drawing.height * 0.4);
      expect(y).toBeLessThan(drawing.height * 0.6);
      expect(all(drawing.svg, `circle[data-point="${singapore}"]`)).toHaveLength(1);
    }
  });

  test("a place written as an alpha-3 code reads as its country's name (tooltip, summary, highlight, table); the rows keep the code", () => {
    const view = render('hostile-places-symbol-map').views[0];
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
    expect(view.rows.map((r) => formatValue(r.place, column.format))).toEqual([
      "Côte d'Ivoire",
      'Singapore',
      'Congo (Kinshasa)',
      'Brazil',
    ]);
  });

  test('a symbol map: one circle per place, its area in proportion to its figure, the largest drawn first', () => {
    const chart = render('hostile-places-symbol-map');
    const rows = chart.views[0].rows;
    for (const { svg } of svgs(chart)) {
      const circles = all(svg, 'circle[data-point]');
      expect(circles).toHaveLength(rows.length);
      const radius = (i: number) =>
        Number(circles.find((c) => c.getAttribute('data-point') === String(i))!.getAttribute('r'));
      const byValue = rows
        .map((r, i) => ({ value: r.tonnes as number, r: radius(i) }))
        .sort((a, b) => b.value - a.value);
      const [largest] = byValue;
      for (const { value, r } of nonEmpty(
        byValue.filter((c) => c.r > 2),
        'circles large enough to measure',
      ))
        expect((r / largest.r) ** 2).toBeCloseTo(value / largest.value, 1);
      const drawn = circles.map((c) => Number(c.getAttribute('r')));
      expect(drawn).toEqual(drawn.slice().sort((a, b) => b - a));
    }
  });

  test('hostile place names and texts never reach the SVG as markup; the tooltip keeps them as text', () => {
    const chart = render('hostile-places-symbol-map');
    for (const { svg } of svgs(chart)) {
      expect(svg).not.toMatch(/<script|onerror|<img|<\/figure|__pwned/);
      expect(nonEmpty(all(svg, '*'), 'elements').every((el) => !el.localName.includes('script'))).toBe(true);
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
    const numbers = ring
      .replace(/[lz]/g, ' ')
      .match(/-?\d+(\.\d+)?/g)!
      .map(Number);
    let [x, y] = [numbers[0], numbers[1]];
    const visit = () =>
      Object.assign(box, {
        x0: Math.min(box.x0, x),
        y0: Math.min(box.y0, y),
        x1: Math.max(box.x1, x),
        y1: Math.max(box.y1, y),
      });
    visit();
    for (let i = 2; i + 1 < numbers.length; i += 2) {
      [x, y] = [x + numbers[i], y + numbers[i + 1]];
      visit();
    }
  }
  return box;
}
