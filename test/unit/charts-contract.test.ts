// Forms of the editors' contract that were accepted and then drawn wrong (test/fixtures/contract/ copies): snapshots,
// and each form drawn as the editor asked.
// The snapshots and the checks every SVG must pass are in test/support/chart-snapshots.ts.
import { describe, expect, test } from 'vitest';
import { all, chartGroups, fixture, render, snapshotTests, svgs } from '../support/chart-snapshots.ts';
import { nonEmpty } from '../support/lists.ts';

snapshotTests(chartGroups.contract);

describe('contract forms draw what the editor asked for', () => {
  const dataDots = (svg: string) => all(svg, 'circle').filter((c) => !c.closest('.chart-marker'));
  const attr = (el: Element, name: string) => Number(el.getAttribute(name));

  test('dots with categories on x and dates on y: a dot per row, later dates higher, one column per category', () => {
    const chart = render('timeline-vertical-dots');
    const { spec, dataset } = fixture('timeline-vertical-dots');
    const rows = dataset.rows.filter((r) => r.binding === spec.filter!.binding);
    expect(rows.length).toBeGreaterThan(1);
    for (const { svg } of svgs(chart)) {
      const dots = dataDots(svg);
      expect(dots).toHaveLength(rows.length);
      // Plot draws the rows in order: each dot's height follows its date, its column its category.
      const byDate = rows
        .map((r, i) => ({ date: String(r.date), cy: attr(dots[i], 'cy'), cx: attr(dots[i], 'cx') }))
        .sort((a, b) => a.date.localeCompare(b.date));
      for (let i = 1; i < byDate.length; i++) expect(byDate[i].cy).toBeLessThan(byDate[i - 1].cy);
      expect(new Set(byDate.map((d) => d.cx)).size).toBe(new Set(rows.map((r) => r.partner)).size);
      for (const dot of dots) expect(Number.isFinite(attr(dot, 'cy')) && Number.isFinite(attr(dot, 'cx'))).toBe(true);
      // The y axis is read in years.
      const labels = all(svg, 'text').map((t) => t.textContent?.trim());
      for (const row of rows) expect(labels).toContain(String(row.date).slice(0, 4));
    }
    const byDate = rows.slice().sort((a, b) => String(a.date).localeCompare(String(b.date)));
    const [first, last] = [byDate[0], byDate[byDate.length - 1]];
    const day = (d: unknown) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
    expect(chart.views[0].summary).toBe(
      `${rows.length} events from ${day(first.date)} (${first.partner}) to ${day(last.date)} (${last.partner}).`,
    );
  });

  test('a cell grid coloured by a number: a cell per value, a sequential scale, a legend of ranges', () => {
    const chart = render('trade-grid-numeric-color');
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
    const stepOf = (value: number) =>
      bounds.findIndex(([from, to], i) => value >= from && (value < to || (i === bounds.length - 1 && value <= to)));
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
    expect(chart.views[0].summary).toContain(
      `${Math.min(...values).toLocaleString('en-US')} to ${Math.max(...values).toLocaleString('en-US')}`,
    );
  });

  test('stacked bars: each x stacks to its total, estimates in the same stack, each value inside its segment', () => {
    const chart = render('output-stacked-bars');
    const { spec, dataset } = fixture('output-stacked-bars');
    const rows = dataset.rows.filter((r) => (spec.filter!.country as string[]).includes(r.country as string));
    const years = [...new Set(rows.map((r) => r.year as number))];
    const total = (year: number) =>
      rows.filter((r) => r.year === year).reduce((sum, r) => sum + (r.tonnes as number), 0);
    expect(rows.some((r) => r.estimate) && rows.some((r) => !r.estimate)).toBe(true);
    for (const { svg } of svgs(chart)) {
      const bars = all(svg, 'rect').filter((r) => /var\(--chart-c\d\)/.test(r.getAttribute('fill') ?? ''));
      expect(bars).toHaveLength(rows.length);
      const columns = years.map((year) => {
        const x = attr(bars[rows.findIndex((r) => r.year === year)], 'x');
        const segments = bars.filter((b) => attr(b, 'x') === x).sort((a, b) => attr(a, 'y') - attr(b, 'y'));
        return {
          year,
          segments,
          top: attr(segments[0], 'y'),
          bottom: Math.max(...segments.map((s) => attr(s, 'y') + attr(s, 'height'))),
        };
      });
      const bottom = columns[0].bottom;
      const pxPerTonne = (bottom - columns[0].top) / total(columns[0].year);
      for (const column of columns) {
        expect(column.segments, String(column.year)).toHaveLength(rows.filter((r) => r.year === column.year).length);
        // One stack from the axis: segments touch, and the top is at the year's total.
        expect(column.bottom).toBeCloseTo(bottom, 0);
        for (let i = 1; i < column.segments.length; i++)
          expect(attr(column.segments[i], 'y')).toBeCloseTo(
            attr(column.segments[i - 1], 'y') + attr(column.segments[i - 1], 'height'),
            0,
          );
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
          const segment = column.segments.find(
            (s) => Math.abs(attr(s, 'height') - (row.tonnes as number) * pxPerTonne) < 1.5,
          )!;
          expect(attr(label, 'x'), `${row.year} ${row.country}`).toBeCloseTo(
            attr(segment, 'x') + attr(segment, 'width') / 2,
            0,
          );
          expect(attr(label, 'y'), `${row.year} ${row.country}`).toBeGreaterThan(attr(segment, 'y'));
          expect(attr(label, 'y'), `${row.year} ${row.country}`).toBeLessThan(
            attr(segment, 'y') + attr(segment, 'height'),
          );
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
    const chart = render('output-area-series');
    const { spec, dataset } = fixture('output-area-series');
    const rows = dataset.rows.filter((r) => (spec.filter!.country as string[]).includes(r.country as string));
    for (const { svg, drawing } of svgs(chart)) {
      const areas = all(svg, 'path').filter(
        (p) => p.getAttribute('fill-opacity') || p.parentElement?.getAttribute('fill-opacity'),
      );
      expect(areas.length).toBeGreaterThanOrEqual(1);
      const vertices = areas.flatMap((p) =>
        [...(p.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
      );
      // The frame's top is the end of the y axis: nothing drawn above it.
      for (const [, y] of nonEmpty(vertices, 'area vertices')) expect(y).toBeGreaterThanOrEqual(drawing.frame[0] - 0.5);
      const dots = dataDots(svg);
      expect(dots).toHaveLength(rows.length);
      for (const dot of nonEmpty(dots, 'dots')) {
        const [cx, cy] = [attr(dot, 'cx'), attr(dot, 'cy')];
        expect(
          vertices.some(([x, y]) => Math.abs(x - cx) < 0.6 && Math.abs(y - cy) < 0.6),
          `dot at ${cx},${cy}`,
        ).toBe(true);
      }
    }
  });

  test('views: a colour category keeps its legend colour in every view', () => {
    const chart = render('timeline-views-colors');
    const legend = new Map(
      chart.legend.filter((item) => item.kind === 'swatch').map((item) => [item.label, item.color]),
    );
    expect(chart.views.length).toBeGreaterThan(1);
    expect(new Set(chart.views.map((v) => v.rows.length)).size).toBeGreaterThan(1); // a view leaves rows out
    for (const view of chart.views) {
      for (const { value, color } of nonEmpty(view.colors, `${view.id}: colours`))
        expect(color, `${view.id}: ${value}`).toBe(legend.get(value));
      for (const { svg } of nonEmpty(view.drawings, `${view.id}: drawings`)) {
        const dots = dataDots(svg);
        expect(dots).toHaveLength(view.rows.length);
        nonEmpty(view.rows, `${view.id}: rows`).forEach((row, i) =>
          expect(dots[i].getAttribute('stroke'), `${view.id}: ${row.form}`).toBe(legend.get(String(row.form))),
        );
      }
    }
  });
});
