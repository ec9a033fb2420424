// Ranges and estimates, on a small fixture site (the lead story has no ranges; its rows are copied from
// data/mine-production.json, low and high being the figures two USGS editions gave): low/high are drawn as error
// bars at the data's positions (on the line, neighbouring ranges as a band), estimated points are hollow, and the key
// and the tooltips say so.
import path from 'node:path';
import { expect, test } from 'vitest';
import { usePage } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/ranges');
const data = readJson<DataFile>(path.join(fixture, 'data/production.json'));
const us = data.rows.filter((r) => r.country === 'United States');
const revised = data.rows.filter((r) => r.year === 2023);
const ranged = (rows: Record<string, unknown>[]) =>
  rows.filter((r) => typeof r.low === 'number' && typeof r.high === 'number');

const site = servedFixture(fixture);
const browser = usePage({}, () => `${site.url}/articles/ranges/`);

const drawing = (id: string) => browser.page.locator(`sl-chart[data-chart="${id}"] .chart-drawing svg:visible`);

test('on bars each range is an error bar with caps; on a line, neighbouring ranges are a band and a range alone a bar', async () => {
  const bars = await drawing('revisions-2023').locator('.chart-range').count();
  expect(bars).toBe(ranged(revised).length);
  expect(await drawing('revisions-2023').locator('.chart-range').first().locator('line').count()).toBe(3);
  // The line: years in order; a range with no ranged year beside it keeps its error bar, the rest are one band.
  const years = us.slice().sort((a, b) => Number(a.year) - Number(b.year));
  const hasRange = (row?: Record<string, unknown>) => typeof row?.low === 'number';
  const alone = years.filter((row, i) => hasRange(row) && !hasRange(years[i - 1]) && !hasRange(years[i + 1]));
  expect(alone.length).toBeLessThan(ranged(us).length);
  expect(await drawing('us-production').locator('.chart-range').count()).toBe(alone.length);
  expect(await drawing('us-production').locator('.chart-band path').count()).toBe(1);
});

test('an error bar spans low to high on the same scale as the bar it belongs to', async () => {
  // Horizontal bars start at zero: bar length / value = error bar length / (high - low).
  const geometry = await drawing('revisions-2023').evaluate((svg) => {
    const bars = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect()).filter((r) => r.width > 0);
    const ranges = [...svg.querySelectorAll('.chart-range')].map((g) => {
      const r = g.querySelector('line')!.getBoundingClientRect();
      return { width: r.width, middle: r.top + r.height / 2 };
    });
    return { bars: bars.map((b) => ({ width: b.width, middle: b.top + b.height / 2 })), ranges };
  });
  // Rows top to bottom are the bars sorted by value, largest first.
  const sorted = [...revised].sort((a, b) => Number(b.tonnes_reo) - Number(a.tonnes_reo));
  const bars = geometry.bars.sort((a, b) => a.middle - b.middle);
  expect(bars.length).toBe(sorted.length);
  expect(geometry.ranges.length).toBe(ranged(revised).length);
  for (const range of nonEmpty(geometry.ranges, 'ranges')) {
    const index = bars.findIndex((b) => Math.abs(b.middle - range.middle) < 2);
    const row = sorted[index];
    expect(typeof row?.low).toBe('number');
    const perTonne = bars[index].width / Number(row.tonnes_reo);
    // Within a pixel: coordinates are written to a tenth of a pixel.
    expect(Math.abs(range.width - (Number(row.high) - Number(row.low)) * perTonne)).toBeLessThan(1);
  }
});

test('estimated points are hollow and the keys explain estimates and ranges', async () => {
  const background = await browser.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const fills = await drawing('us-production').evaluate((svg) =>
    [...svg.querySelectorAll('circle')].filter((c) => !c.closest('.chart-marker')).map((c) => getComputedStyle(c).fill),
  );
  expect(fills.length).toBe(us.length);
  expect(fills.filter((f) => f === background).length).toBe(us.filter((r) => r.estimate).length);
  const lineKey = await browser.page.locator('sl-chart[data-chart="us-production"] .chart-legend').innerText();
  expect(lineKey).toMatch(/estimate \(hollow\)/i);
  expect(lineKey).toMatch(/range/i);
  const barKey = await browser.page.locator('sl-chart[data-chart="revisions-2023"] .chart-legend').innerText();
  expect(barKey).toMatch(/estimate \(lighter, dashed outline\)/i);
});

test('the tooltip gives the range and says when a figure is an estimate', async () => {
  const plot = browser.page.locator('sl-chart[data-chart="us-production"] .chart-plot:visible');
  await plot.focus();
  const live = browser.page.locator('sl-chart[data-chart="us-production"] [aria-live]');
  for (const [i, row] of nonEmpty(us.entries(), 'United States rows')) {
    await browser.page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
    const text = (await live.textContent()) ?? '';
    expect(text).toContain(`${row.year}: ${figure(Number(row.tonnes_reo))} ${data.unit}`);
    if (typeof row.low === 'number')
      expect(text).toContain(`range ${figure(Number(row.low))} to ${figure(Number(row.high))}`);
    expect(text.includes('estimate')).toBe(row.estimate === true);
  }
});
