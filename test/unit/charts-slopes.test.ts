// Slopes, bands and projections: snapshots, and the slopes' lines, labels and frames and the projections' marks,
// worked out from the fixtures' rows.
// The snapshots and the checks every SVG must pass are in test/support/chart-snapshots.ts.
import { describe, expect, test } from 'vitest';
import { renderChart, type RenderedChart } from '../../src/charts/render.ts';
import { all, chartGroups, fixture, parse, render, snapshotTests, squash, svgs } from '../support/chart-snapshots.ts';
import { nonEmpty } from '../support/lists.ts';

snapshotTests(chartGroups.slopes);

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
      return {
        x: t.getAttribute('x'),
        top,
        bottom: top + lines * lh,
        text: squash(t.textContent),
        height: Number(root.getAttribute('height')),
      };
    });
  };

  test('a slope: one line per country between the two editions, the values at both ends, largest fall in the summary', () => {
    const chart = render('reserves-slope');
    const { dataset } = fixture('reserves-slope');
    const countries = [...new Set(dataset.rows.map((r) => r.country as string))];
    const value = (country: string, edition: string) =>
      dataset.rows.find((r) => r.country === country && r.edition === edition)!.tonnes_reo as number;
    const falls = countries
      .map((c) => ({ c, from: value(c, 'MCS 2023'), to: value(c, 'MCS 2025') }))
      .sort((a, b) => b.from - b.to - (a.from - a.to));
    const largest = falls[0];
    expect(chart.views[0].summary).toContain(
      `Largest fall: ${largest.c}, from ${figure(largest.from)} to ${figure(largest.to)} (down ${figure(largest.from - largest.to)})`,
    );
    expect(chart.views[0].summary).toContain('None rose.');
    for (const { svg, drawing } of svgs(chart)) {
      const where = drawing.layout;
      // A link per country (one path each), a dot per row.
      expect(
        all(svg, 'path').filter(
          (p) =>
            p.closest('g')?.getAttribute('stroke-width') === (drawing.width >= 480 ? '2.5' : '2.3') ||
            /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/.test(p.getAttribute('d') ?? ''),
        ),
        where,
      ).toHaveLength(countries.length);
      expect(
        all(svg, 'circle').filter((c) => !c.closest('.chart-marker')),
        where,
      ).toHaveLength(dataset.rows.length);
      // The largest change is labelled at both ends, with its name at the left.
      const labels = endLabels(svg);
      expect(
        labels.some((l) => l.text === squash(`${largest.c} ${figure(largest.from)}`)),
        where,
      ).toBe(true);
      expect(
        labels.some((l) => l.text === squash(figure(largest.to))),
        where,
      ).toBe(true);
      // The editions head their columns.
      const texts = all(svg, 'text').map((t) => t.textContent?.trim());
      expect(texts).toContain('MCS 2023');
      expect(texts).toContain('MCS 2025');
    }
    // Reading order: each country from its earlier edition to its later one.
    const texts = chart.views[0].drawings[0].points.map((p) => p.text.split(';')[0]);
    expect(texts.slice(0, 2).map((t) => t.split(': ')[0])).toEqual([
      `${countries[0]}, MCS 2023`,
      `${countries[0]}, MCS 2025`,
    ]);
  });

  test('a slope is drawn around its values: shares far from zero fill the frame, values near zero (or a line at zero) keep it', () => {
    /** Where each value sits in the frame, from its bottom (0) to its top (1): the drawn points, lowest first, paired
     * with the values, lowest first (the y scale keeps their order). */
    const heights = (chart: RenderedChart, values: number[]) =>
      nonEmpty(chart.views[0].drawings, 'drawings').map((drawing) => {
        const [top, bottom] = drawing.frame;
        const ups = drawing.points.map((p) => (bottom - p.y) / (bottom - top)).sort((a, b) => a - b);
        expect(ups).toHaveLength(values.length);
        return values
          .slice()
          .sort((a, b) => a - b)
          .map((value, i) => ({ value, height: ups[i] }));
      });
    // Shares of 54% to 92%: the lowest sits near the frame's bottom and the highest near its top, not 54% of the way up.
    const { spec, dataset } = fixture('china-share-projection-slope');
    const shares = dataset.rows.map((r) => r.share_pct as number);
    for (const drawn of heights(render('china-share-projection-slope'), shares)) {
      expect(drawn[0].height).toBeLessThan(0.2);
      expect(drawn.at(-1)!.height).toBeGreaterThan(0.8);
    }
    // Zero kept: each value's height is in proportion to the value.
    const proportional = (drawn: { value: number; height: number }[][]) => {
      for (const points of drawn) {
        const top = points.at(-1)!;
        for (const p of nonEmpty(points, 'points'))
          expect(p.height / top.height, String(p.value)).toBeCloseTo(p.value / top.value, 2);
      }
    };
    // A line at zero asks for zero.
    proportional(
      heights(renderChart({ ...spec, reference: [{ y: 0, label: 'Zero', kind: 'note' }] }, dataset), shares),
    );
    // Reserves of 1.9 to 22 million tonnes: zero is near, and stays.
    proportional(
      heights(
        render('reserves-slope'),
        fixture('reserves-slope').dataset.rows.map((r) => r.tonnes_reo as number),
      ),
    );
  });

  test('a slope highlights its lines (the countries), not its two ends (the editions)', () => {
    const { selection } = render('reserves-slope').views[0];
    const { dataset } = fixture('reserves-slope');
    expect(selection?.field).toBe('country');
    expect(new Set(selection?.places)).toEqual(new Set(dataset.rows.map((r) => r.country)));
  });

  test('crowded slope labels never overlap, the largest changes keep theirs, and a hostile name stays text', () => {
    const chart = render('slope-hostile-labels');
    const { dataset } = fixture('slope-hostile-labels');
    const stages = [...new Set(dataset.rows.map((r) => r.stage as string))];
    const change = (stage: string) => {
      const [a, b] = dataset.rows.filter((r) => r.stage === stage).map((r) => r.share_pct as number);
      return Math.abs(b - a);
    };
    const biggest = stages.slice().sort((a, b) => change(b) - change(a))[0];
    for (const { svg, drawing } of svgs(chart)) {
      const labels = endLabels(svg);
      for (const end of nonEmpty(new Set(labels.map((l) => l.x)), `${drawing.layout} end labels`)) {
        const column = labels.filter((l) => l.x === end).sort((a, b) => a.top - b.top);
        for (let i = 1; i < column.length; i++)
          expect(column[i].top, `${drawing.layout} ${column[i].text}`).toBeGreaterThanOrEqual(column[i - 1].bottom);
        for (const label of column) expect(label.top >= 0 && label.bottom <= label.height, label.text).toBe(true);
      }
      // Some labels had to go (the values crowd each other), but not the largest change's.
      expect(labels.length).toBeLessThan(dataset.rows.length);
      expect(
        labels.filter((l) => l.text.includes(squash(biggest).slice(0, 10))).length,
        drawing.layout,
      ).toBeGreaterThanOrEqual(1);
      expect(svg).not.toMatch(/<script|<b>/);
      expect(all(svg, 'script, b')).toHaveLength(0);
    }
    // The tooltip gives the whole name.
    expect(chart.views[0].drawings[0].points.some((p) => p.text.startsWith(`${stages[0]}, 2023: 62%`))).toBe(true);
  });

  test('projections: dashed and hollow, never joined by a solid line, and called projections in the tooltip, key and summary', () => {
    const chart = render('projection-line');
    const { dataset } = fixture('projection-line');
    const projected = dataset.rows.filter((r) => r.projection);
    const years = [...new Set(projected.map((r) => r.year))];
    expect(chart.views[0].summary).toContain(`${years.join(' and ')} figures are projections.`);
    expect(chart.legend.find((item) => item.kind === 'projection')?.label).toMatch(/^Projection/);
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    for (const [i, row] of nonEmpty(dataset.rows.entries(), 'rows'))
      expect(texts[i].split('; ').includes('projection'), `${row.country} ${row.year}`).toBe(row.projection === true);
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
      expect(
        all(svg, '.chart-projection circle').filter((c) => c.getAttribute('fill') === 'var(--chart-bg)'),
      ).toHaveLength(projected.length);
      // The solid lines end at the last measured year: no solid segment reaches a projection.
      const solid = all(svg, 'path').filter(
        (p) =>
          !p.closest('.chart-projection') &&
          !p.closest('.chart-band') &&
          p.closest('g')?.getAttribute('fill') === 'none' &&
          p.closest('g')?.getAttribute('stroke-linejoin') === 'round',
      );
      expect(solid).toHaveLength(countries);
      // (each point's pixel position is Plot's own, as the tooltips use it)
      const lastX = drawing.points[dataset.rows.findIndex((r) => r.year === lastMeasured)].x;
      const xs = solid.flatMap((p) =>
        [...(p.getAttribute('d') ?? '').matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1])),
      );
      expect(Math.max(...xs), drawing.layout).toBeCloseTo(lastX, 0);
      // Their low-high ranges are a band.
      expect(all(svg, '.chart-band path').length).toBe(countries);
    }
  });

  test('projected bars: hollow with a dashed outline, named in the key and the summary', () => {
    const chart = render('projection-bars');
    const { spec, dataset } = fixture('projection-bars');
    const rows = dataset.rows.filter((r) => r.country === spec.filter!.country);
    const projected = rows.filter((r) => r.projection);
    expect(projected.length).toBeGreaterThan(0);
    for (const { svg } of svgs(chart)) {
      const hollow = all(svg, '.chart-projection rect');
      expect(hollow).toHaveLength(projected.length);
      expect(hollow[0].closest('g')?.getAttribute('stroke-dasharray')).toBeTruthy();
      expect(
        hollow.every((r) => (r.getAttribute('fill') ?? r.closest('g')?.getAttribute('fill')) === 'var(--chart-bg)'),
      ).toBe(true);
    }
    expect(chart.legend.find((item) => item.kind === 'projection')?.label).toBe('Projection (hollow, dashed outline)');
    expect(chart.views[0].summary).toContain(`${projected.map((r) => r.year).join(' and ')} figures are projections.`);
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    expect(texts.filter((t) => t.split('; ').includes('projection'))).toHaveLength(projected.length);
  });
});
