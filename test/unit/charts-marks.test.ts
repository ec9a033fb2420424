// One chart per kind of mark (line, bars, views, cells, timeline, ranges): snapshots, and what each shows, worked out
// from its fixture's rows.
// The snapshots and the checks every SVG must pass are in test/support/chart-snapshots.ts.
import { describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import type { Row } from '../../src/schemas/index.ts';
import { all, chartGroups, fixture, parse, render, snapshotTests, squash, svgs } from '../support/chart-snapshots.ts';
import { nonEmpty } from '../support/lists.ts';

snapshotTests(chartGroups.marks);

describe('what the charts show', () => {
  test('the share line: derived shares, the reported 80% as a labelled dashed line, a marker per uncertainty', () => {
    const chart = render('china-share-line');
    const { spec, dataset } = fixture('china-share-line');
    const tonnes = (country: string, year: number) =>
      dataset.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo as number;
    const years = dataset.rows.map((r) => r.year as number);
    const [first, last] = [Math.min(...years), Math.max(...years)];
    const share = (year: number) => `${((tonnes('China', year) / tonnes('World total', year)) * 100).toFixed(1)}%`;
    expect(chart.views[0].summary).toContain(`${share(first)} in ${first}`);
    expect(chart.views[0].summary).toContain(`${share(last)} in ${last}`);
    expect(chart.views[0].summary).toContain('down overall');

    const placed = spec.annotations!.filter(
      (a) => a.kind === 'uncertainty' && (a.x !== undefined || a.y !== undefined),
    );
    expect(chart.uncertainties).toHaveLength(placed.length);
    for (const { svg } of svgs(chart)) {
      expect(all(svg, 'circle[fill="var(--chart-marker)"]')).toHaveLength(placed.length);
      expect(all(svg, '[stroke="var(--chart-reported)"][stroke-dasharray]').length).toBeGreaterThanOrEqual(1);
      expect(squash(parse(svg).documentElement.textContent)).toContain(squash(spec.reference![0].label));
    }
  });

  test('the highlighted bars: estimates drawn lighter, the highlight in the accent colour', () => {
    const chart = render('production-bar-highlight');
    const { dataset } = fixture('production-bar-highlight');
    const estimates = dataset.rows.filter((r) => r.estimate).length;
    expect(estimates).toBeGreaterThan(0);
    for (const { svg } of svgs(chart)) {
      const bars = all(svg, 'rect').filter((r) => /var\(--chart-(accent|muted)\)/.test(r.getAttribute('fill') ?? ''));
      expect(bars).toHaveLength(dataset.rows.length);
      const opacity = (r: Element) =>
        Number(r.getAttribute('fill-opacity') ?? r.parentElement?.getAttribute('fill-opacity') ?? 1);
      expect(bars.filter((r) => opacity(r) < 1)).toHaveLength(estimates);
      expect(bars.filter((r) => r.getAttribute('fill') === 'var(--chart-accent)')).toHaveLength(1);
    }
    const sorted = dataset.rows.slice().sort((a, b) => (b.tonnes_reo as number) - (a.tonnes_reo as number));
    const [top, bottom] = [sorted[0], sorted[sorted.length - 1]];
    expect(chart.views[0].summary).toContain(
      `Largest: ${top.country}, ${(top.tonnes_reo as number).toLocaleString('en-US')}`,
    );
    expect(chart.views[0].summary).toContain(
      `smallest: ${bottom.country}, ${(bottom.tonnes_reo as number).toLocaleString('en-US')}`,
    );
    expect(chart.views[0].summary).toContain(`${estimates} of the ${dataset.rows.length} figures are estimates`);
  });

  test('the bars with views: one drawing pair per view, each with its own rows and summary', () => {
    const chart = render('import-reliance-bar-views');
    const { spec, dataset } = fixture('import-reliance-bar-views');
    expect(chart.views.map((v) => v.id)).toEqual(spec.views!.map((v) => v.id));
    for (const [i, view] of nonEmpty(chart.views.entries(), 'views')) {
      const rows = dataset.rows.filter((r) => r.edition === spec.views![i].filter!.edition);
      expect(view.rows).toHaveLength(rows.length);
      expect(view.drawings.map((d) => d.layout)).toEqual(['wide', 'narrow']);
      const top = rows.reduce((a, b) => ((b.reliance_pct as number) > (a.reliance_pct as number) ? b : a));
      expect(view.summary).toContain(`Largest: ${top.year}, ${top.reliance_pct}%`);
      for (const { svg } of view.drawings) {
        // Every year of the view is written on the axis.
        const labels = all(svg, 'text').map((t) => t.textContent?.trim());
        for (const row of nonEmpty(rows, `${view.id}: rows`))
          expect(labels, `${view.id}: ${row.year}`).toContain(String(row.year));
      }
    }
  });

  test('the cell grid: one cell per folded field per row, counted in the summary', () => {
    const chart = render('agreements-cells');
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
      for (const label of nonEmpty(Object.values(spec.fold!.labels!), 'column labels'))
        expect(text).toContain(squash(label));
      expect(all(svg, 'circle[fill="var(--chart-marker)"]')).toHaveLength(1);
    }
  });

  test('the cell grid reads in the words of its key: Stated, Partly, Not stated, never a bare Yes or No', () => {
    const chart = render('agreements-cells');
    const { spec, dataset } = fixture('agreements-cells');
    const words: Record<string, string> = { stated: 'Stated', partly: 'Partly', 'not stated': 'Not stated' };
    const expected = dataset.rows.flatMap((row) => spec.fold!.fields.map((f) => words[String(row[f])])).sort();
    expect(chart.legend.filter((item) => item.kind === 'swatch').map((item) => item.label)).toEqual([
      'Stated',
      'Partly',
      'Not stated',
    ]);
    for (const { svg } of svgs(chart)) {
      // One line of text, or one tspan per wrapped line.
      const cells = all(svg, 'text[fill="var(--chart-on-cell)"]').map((t) => {
        const lines = [...t.querySelectorAll('tspan')].map((line) => line.textContent);
        return (lines.length ? lines.join(' ') : (t.textContent ?? '')).trim();
      });
      expect(cells.sort()).toEqual(expected);
    }
    // The tooltip of a cell says the same word as the cell.
    const texts = chart.views[0].drawings[0].points.map((p) => p.text);
    for (const word of Object.values(words))
      expect(
        texts.some((t) => t.split('; ')[0].endsWith(`: ${word}`)),
        word,
      ).toBe(true);
  });

  test('the timeline: a dot per event on a date axis, from the first date to the last', () => {
    const chart = render('agreements-timeline-dots');
    const { dataset } = fixture('agreements-timeline-dots');
    const byDate = dataset.rows.slice().sort((a, b) => String(a.date).localeCompare(String(b.date)));
    const [first, last] = [byDate[0], byDate[byDate.length - 1]];
    const day = (d: unknown) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
    const count = (president: string) => dataset.rows.filter((r) => r.president === president).length;
    expect(chart.views[0].summary).toBe(
      `${dataset.rows.length} events from ${day(first.date)} (${first.short}) to ${day(last.date)} (${last.short}). By president: ${count('Biden')} Biden, ${count('Trump')} Trump.`,
    );
    for (const { svg } of svgs(chart)) {
      const dots = all(svg, 'circle').filter(
        (c) => c.getAttribute('fill') !== 'var(--chart-marker)' && !c.closest('.chart-marker'),
      );
      expect(dots).toHaveLength(dataset.rows.length);
      expect(all(svg, '[stroke="var(--chart-reported)"][stroke-dasharray]').length).toBeGreaterThanOrEqual(1);
    }
  });

  test('the range line: a rule per low/high range, estimates hollow, first and last values in the summary', () => {
    const chart = render('us-production-ranges');
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
    const plain = renderChart(spec, {
      ...dataset,
      rows: dataset.rows.map(({ low: _low, high: _high, ...row }) => row),
    });
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
      expect(
        texts.some((t) =>
          t.includes(
            `range ${(row.low as number).toLocaleString('en-US')} to ${(row.high as number).toLocaleString('en-US')}`,
          ),
        ),
        String(row.year),
      ).toBe(true);
    }
    const [first, last] = [byYear[0], byYear[byYear.length - 1]];
    expect(chart.views[0].summary).toContain(
      `${(first.tonnes_reo as number).toLocaleString('en-US')} in ${first.year}`,
    );
    expect(chart.views[0].summary).toContain(`${(last.tonnes_reo as number).toLocaleString('en-US')} in ${last.year}`);
  });
});
