// Derived figures (share, ratio, difference, and ranges with them) computed at build time by prepareRows, from the
// reader fixture's copy of data/mine-production.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { prepareRows, type ResolvedChart } from '../../src/charts/prepare.ts';
import type { Row } from '../../src/schemas/index.ts';

describe('derived figures are computed at build time', () => {
  // The reader fixture's copy of data/mine-production.json (test/fixtures/reader/), so an editor's update cannot fail this.
  const mine = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../fixtures/reader/data/mine-production.json'), 'utf8'),
  ) as { rows: Row[] };
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
  const find = (rows: Row[], country: string, year: number) =>
    rows.find((r) => r.country === country && r.year === year)!;

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
    expect(
      prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'part', denominator: 'whole' }]), rows).rows[0].pct,
    ).toBe(25);
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
    expect(
      prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'part', denominator: 'whole' }]), [
        { part: 1, whole: 4, pct: 25 },
      ]).problems,
    ).toHaveLength(1);
    expect(
      prepareRows(chart([{ op: 'difference', as: 'change', a: 'a', b: 'b' }]), [{ a: 10, b: 3, change: 7 }]).problems,
    ).toHaveLength(1);
    // A figure given only as a share (no inputs to compute it from) is not a conflict.
    expect(
      prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'part', denominator: 'whole' }]), [{ pct: 62 }]).problems,
    ).toEqual([]);
  });

  test("a range (low, high) is drawn in the charted field's unit: derived with a derived field, never left in tonnes", () => {
    // A range in tonnes on a share chart stretched its axis to 300,000%: the range is derived with the share.
    const rows: Row[] = [
      { year: 2024, country: 'Borduria', tonnes: 300, low: 250, high: 400 },
      { year: 2024, country: 'World total', tonnes: 1000 },
    ];
    const shared = prepareRows(
      shareChart(),
      rows.map((r) => ({ ...r, tonnes_reo: r.tonnes })),
    ).rows[0];
    expect([shared.share_pct, shared.low, shared.high]).toEqual([30, 25, 40]);
    const chart = (derive: ResolvedChart['derive'], y: string): ResolvedChart => ({ ...shareChart(), derive, y });
    const ratio = prepareRows(chart([{ op: 'ratio', as: 'pct', numerator: 'tonnes', denominator: 'whole' }], 'pct'), [
      { ...rows[0], whole: 600 },
    ]).rows[0];
    expect([ratio.pct, ratio.low, ratio.high]).toEqual([50, (250 / 600) * 100, (400 / 600) * 100]);
    const difference = prepareRows(chart([{ op: 'difference', as: 'change', a: 'tonnes', b: 'before' }], 'change'), [
      { ...rows[0], before: 100 },
    ]).rows[0];
    expect([difference.change, difference.low, difference.high]).toEqual([200, 150, 300]);
    // A derived field the chart does not draw leaves the range with the figure it bounds.
    const undrawn = prepareRows(chart([{ op: 'difference', as: 'change', a: 'tonnes', b: 'before' }], 'tonnes'), [
      { ...rows[0], before: 100 },
    ]).rows[0];
    expect([undrawn.low, undrawn.high]).toEqual([250, 400]);
  });
});
