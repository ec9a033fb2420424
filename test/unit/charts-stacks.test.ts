// Stacks and small multiples: snapshots, and the stacks' totals and shares and the facets' layout, worked out from
// the fixtures' rows.
// The snapshots and the checks every SVG must pass are in test/support/chart-snapshots.ts.
import { describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { all, chartGroups, fixture, render, snapshotTests, squash, svgs } from '../support/chart-snapshots.ts';
import { nonEmpty } from '../support/lists.ts';

snapshotTests(chartGroups.stacks);

describe('stacks and small multiples', () => {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const pct = (n: number) => `${n.toFixed(1)}%`;

  test("a view's own stack replaces the chart's: the same 100% stack drawn in tonnes in a second view", () => {
    const { spec, dataset } = fixture('china-rest-share-area');
    const chart = renderChart(
      {
        ...spec,
        views: [
          { id: 'share', label: 'Share' },
          { id: 'tonnes', label: 'Tonnes', stack: 'sum', format: { y: 'number' } },
        ],
      },
      dataset,
    );
    const [shares, tonnes] = chart.views;
    const figure = (country: string, year: number) =>
      dataset.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo as number;
    const last = Math.max(...dataset.rows.map((r) => r.year as number));
    // The first view keeps the chart's "share": shares computed, the axis to 100%.
    expect(nonEmpty(shares.rows, 'share view rows').every((r) => typeof r.share_of_total_pct === 'number')).toBe(true);
    expect(shares.summary).toContain(
      `China: ${((figure('China', last) / figure('World total', last)) * 100).toFixed(1)}% of the total in ${last}`,
    );
    // The second stacks the tonnes: no share, the stack's total is the world total, the axis in tonnes.
    expect(tonnes.rows.some((r) => 'share_of_total_pct' in r)).toBe(false);
    expect(tonnes.summary).toContain(
      `Stacked totals: ${figure('World total', last).toLocaleString('en-US')} in ${last}`,
    );
    const ticks = (view: typeof tonnes) =>
      all(view.drawings[0].svg, 'svg > g[text-anchor="end"] > text').map((t) => t.textContent);
    expect(ticks(shares).at(-1)).toBe('100%');
    expect(Number(ticks(tonnes).at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(figure('World total', last));
  });

  test('a 100% stack: shares computed from tonnes, the rest of the world computed from the total, figures in tooltip and summary', () => {
    const chart = render('china-rest-share-area');
    const { dataset } = fixture('china-rest-share-area');
    const tonnes = (country: string, year: number) =>
      dataset.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo as number;
    const years = [...new Set(dataset.rows.map((r) => r.year as number))].sort();
    const [first, last] = [years[0], years[years.length - 1]];
    const share = (year: number) => (tonnes('China', year) / tonnes('World total', year)) * 100;
    const view = chart.views[0];
    // The rest of the world is the total less China, never typed in; each x's shares add up to 100%.
    for (const year of nonEmpty(years, 'years')) {
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
    expect(at).toContain(
      `Rest of the world: ${pct(100 - share(last))} (${fmt(tonnes('World total', last) - tonnes('China', last))}`,
    );
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
    const chart = render('output-stack-sum-area');
    const { spec, dataset } = fixture('output-stack-sum-area');
    const rows = dataset.rows.filter((r) => (spec.filter!.country as string[]).includes(r.country as string));
    const total = (year: number) =>
      rows.filter((r) => r.year === year).reduce((sum, r) => sum + (r.tonnes as number), 0);
    const view = chart.views[0];
    expect(view.summary).toContain(`Stacked totals: ${fmt(total(2024))} in 2024, up from ${fmt(total(2021))} in 2021.`);
    for (const { drawing } of svgs(chart)) {
      const [top, bottom] = drawing.frame;
      const a = drawing.points.find((p) => p.text.startsWith('Country A, 2021'))!;
      const c = drawing.points.find((p) => p.text.startsWith('Country C, 2021'))!;
      const pxPerTonne =
        (bottom - a.y) / (rows.find((r) => r.country === 'Country A' && r.year === 2021)!.tonnes as number);
      expect(bottom - c.y).toBeCloseTo(total(2021) * pxPerTonne, 0);
      expect(top).toBeLessThan(c.y);
    }
    expect(view.xTexts!.some((t) => t.includes(`total ${fmt(total(2024))}`))).toBe(true);
  });

  test('a 100% stack of bars: every bar reaches 100%, no total written on it, each share in its segment', () => {
    const chart = render('output-stack-share-bars');
    for (const { svg, drawing } of svgs(chart)) {
      const texts = all(svg, '.chart-overlay text').map((t) => t.textContent);
      expect(texts).not.toContain('100.0%');
      expect(texts.some((t) => /^\d+\.\d%$/.test(t ?? ''))).toBe(true);
      const tops = drawing.points.filter((p) => p.text.startsWith('Rest of the world')).map((p) => p.y);
      for (const y of nonEmpty(tops, 'tops of the bars')) expect(y).toBeCloseTo(drawing.frame[0], 0);
    }
  });

  const facetTitles = (svg: string) => all(svg, '.chart-facet-title').map((t) => squash(t.textContent));
  const panelOf = (drawing: { panels?: number[][] }, p: { x: number; y: number }) =>
    drawing.panels!.findIndex(([x0, y0, x1, y1]) => p.x >= x0 - 1 && p.x <= x1 + 1 && p.y >= y0 - 1 && p.y <= y1 + 1);

  test('twelve facets: a titled small chart each, one column narrow, three wide, shared scales, one numbering of markers', () => {
    const chart = render('production-facet-twelve');
    const { dataset } = fixture('production-facet-twelve');
    const countries = [...new Set(dataset.rows.map((r) => String(r.country)))];
    expect(countries).toHaveLength(12);
    const view = chart.views[0];
    for (const { svg, drawing } of svgs(chart)) {
      expect(facetTitles(svg)).toEqual(countries.map(squash));
      const columns = new Set(drawing.panels!.map(([x0]) => x0)).size;
      expect(columns, drawing.layout).toBe(drawing.layout === 'narrow' ? 1 : 3);
      // Every point lies in its own facet's frame and names its facet first.
      for (const point of nonEmpty(drawing.points, `${drawing.layout} points`)) {
        const facet = countries[panelOf(drawing, point)];
        expect(point.text.startsWith(`${facet}; ${facet}`) || point.text.startsWith(`${facet}; `), point.text).toBe(
          true,
        );
      }
      // One y axis for all: every small chart has the same tick labels.
      const inner = all(svg, 'svg svg');
      expect(inner).toHaveLength(12);
      const ticks = inner.map((s) =>
        [...s.querySelectorAll('g[text-anchor="end"] text')].map((t) => t.textContent).join(' '),
      );
      expect(new Set(ticks).size).toBe(1);
      expect(all(svg, 'circle[fill="var(--chart-marker)"]')).toHaveLength(chart.uncertainties.length);
    }
    for (const country of countries) expect(view.summary).toContain(`${country}: `);
    expect(view.columns[0].field).toBe('country');
  });

  test('one facet: one titled chart across the whole width', () => {
    const chart = render('reserves-facet-one');
    for (const { svg, drawing } of svgs(chart)) {
      expect(facetTitles(svg)).toEqual(['Vietnam']);
      expect(drawing.panels).toHaveLength(1);
      expect(Number(all(svg, 'svg svg')[0].getAttribute('width'))).toBe(drawing.width);
      expect(nonEmpty(drawing.points, `${drawing.layout} points`).every((p) => panelOf(drawing, p) === 0)).toBe(true);
    }
    expect(chart.views[0].summary.startsWith('Vietnam: ')).toBe(true);
  });
});
