// A source's dates: "Published Feb 2026 · next edition expected Feb 2027" under a chart, "next edition due since ..."
// after the date, and `npm run check`'s warning once the next edition is late. Today is always set here, never the
// clock: loadSite's `today`, or SUPPLY_LINES_TODAY (src/util/today.ts). Fixture: test/fixtures/editions/.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasPassed, sourceDates } from '../../src/charts/source-dates.ts';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import type { Source } from '../../src/schemas/index.ts';
import { today } from '../../src/util/today.ts';

const site = path.resolve(import.meta.dirname, '../fixtures/editions');
const warnings = (day: string) =>
  loadSite(site, { today: day })
    .problems.filter((p) => p.severity === 'warning')
    .map(formatProblem);

const yearbook: Source = {
  id: 'fx2026',
  name: 'Fixture source: Yearbook 2026',
  url: 'https://example.org/',
  published: '2026-02-06',
  nextExpected: '2027-02',
};

describe("a source's dates in words", () => {
  test('published and next expected, then due since once the month is over', () => {
    expect(sourceDates(yearbook, '2027-02-28')).toBe('Published Feb 2026 · next edition expected Feb 2027');
    expect(sourceDates(yearbook, '2027-03-01')).toBe('Published Feb 2026 · next edition due since Feb 2027');
    expect(sourceDates({ ...yearbook, published: undefined }, '2026-12-01')).toBe('Next edition expected Feb 2027');
    expect(sourceDates({ ...yearbook, published: undefined, nextExpected: undefined }, '2026-12-01')).toBeUndefined();
  });
  test('a day passes when it is over, a month when it has ended', () => {
    expect([hasPassed('2027-02-10', '2027-02-10'), hasPassed('2027-02-10', '2027-02-11')]).toEqual([false, true]);
    expect([hasPassed('2027-02', '2027-02-28'), hasPassed('2027-02', '2027-03-01')]).toEqual([false, true]);
  });
  test('an earlier edition whose next one is in the dataset says nothing of it', () => {
    const earlier: Source = { ...yearbook, id: 'fx2025', published: '2025-01-31', nextExpected: '2026-02' };
    expect(sourceDates(earlier, '2026-12-01', [earlier, yearbook])).toBe('Published Jan 2025');
  });
});

describe('npm run check warns when a next edition is late', () => {
  test('after the month it was expected, naming the file, the source and the date', () => {
    expect(warnings('2027-02-28')).toEqual([]);
    expect(warnings('2027-03-01')).toEqual([
      'data/fixture-editions.json:6:199  sources[1].nextExpected  warning: the next edition of Fixture Yearbook 2026 was expected in 2027-02: add it, or move the date',
    ]);
  });
  test('today comes from SUPPLY_LINES_TODAY when it names a day', () => {
    expect(today({ SUPPLY_LINES_TODAY: '2027-03-01' })).toBe('2027-03-01');
    expect(today({ SUPPLY_LINES_TODAY: 'tomorrow' })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
