// Reading line and area charts with the pointer, on a fixture site (test/browser/fixtures/pointer/: rows copied from
// data/mine-production.json): anywhere over the plot, the pointer reads the year nearest it, with every series'
// value in that year, a thin rule at that year and a focus ring on each point. Expected values come from the fixture's
// data file, and where each year is drawn from the dots in the SVG, never from the page's script.
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { usePage } from '../support/browser.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/pointer');
const data = readJson<DataFile>(path.join(fixture, 'data/production.json'));
const unit = data.unit!;
/** The charts of the fixture story and the series each draws, in the order of its key. */
const charts = [
  { id: 'us-production-line', series: ['United States'] },
  { id: 'production-by-country-line', series: ['China', 'United States'] },
  { id: 'production-by-country-area', series: ['China'] },
];
const tonnes = (country: string, year: number) =>
  Number(data.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo);

const site = servedFixture(fixture);
const browser = usePage();

const plotOf = (id: string) => browser.page.locator(`sl-chart[data-chart="${id}"] .chart-plot`);

/** The drawn SVG's box on screen, and the screen x of each year's dots (data dots, not markers), left to right. */
async function geometry(plot: Locator) {
  return plot.locator('svg:visible').evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const dots = [...svg.querySelectorAll('circle')].filter(
      (c) => !c.closest('.chart-marker') && !c.classList.contains('chart-focus'),
    );
    const xs = [
      ...new Set(
        dots.map((c) => {
          const r = c.getBoundingClientRect();
          return Math.round((r.left + r.width / 2) * 10) / 10;
        }),
      ),
    ].sort((a, b) => a - b);
    return { left: box.left, top: box.top, width: box.width, height: box.height, xs };
  });
}

describe.each([
  { layout: 'wide', viewport: { width: 1200, height: 900 } },
  { layout: 'narrow', viewport: { width: 360, height: 800 } },
])('the pointer on the $layout drawing', ({ viewport }) => {
  beforeAll(async () => {
    await browser.page.setViewportSize(viewport);
    await browser.page.goto(`${site.url}/articles/pointer/`);
  });

  test.each(charts)(
    '$id: 15 positions across the plot, near the line or far from it, each read the nearest year',
    async ({ id, series }) => {
      const plot = plotOf(id);
      await plot.scrollIntoViewIfNeeded();
      const { left, top, width, height, xs } = await geometry(plot);
      const years = [
        ...new Set(data.rows.filter((r) => series.includes(String(r.country))).map((r) => Number(r.year))),
      ].sort((a, b) => a - b);
      expect(xs, 'one x per year').toHaveLength(years.length);
      const tooltip = plot.locator('.chart-tooltip');
      const read: number[] = [];
      for (let i = 0; i < 15; i++) {
        const x = left + 2 + ((width - 4) * i) / 14;
        const y = top + height * [0.08, 0.5, 0.92][i % 3];
        await browser.page.mouse.move(x, y);
        const nearest = xs.reduce((best, at, k) => (Math.abs(at - x) < Math.abs(xs[best] - x) ? k : best), 0);
        const year = years[nearest];
        read.push(year);
        await expect.poll(() => tooltip.isVisible(), { message: `at x ${x.toFixed(0)}, y ${y.toFixed(0)}` }).toBe(true);
        const text = await tooltip.innerText();
        const heading = await tooltip.locator('strong').innerText();
        if (series.length === 1) expect(heading).toBe(`${year}: ${figure(tonnes(series[0], year))} ${unit}`);
        else {
          expect(heading).toBe(String(year));
          for (const name of series) expect(text).toContain(`${name}: ${figure(tonnes(name, year))} ${unit}`);
        }
        // The rule runs down the frame at that year, and each series' point there has a focus ring.
        const marks = await plot.locator('svg:visible').evaluate((svg) => ({
          rules: [...svg.querySelectorAll('.chart-focus-rule')].map((l) => {
            const r = l.getBoundingClientRect();
            return { x: r.left + r.width / 2, height: r.height };
          }),
          rings: [...svg.querySelectorAll('.chart-focus')].map((c) => {
            const r = c.getBoundingClientRect();
            return r.left + r.width / 2;
          }),
        }));
        expect(marks.rules).toHaveLength(1);
        expect(marks.rules[0].x).toBeCloseTo(xs[nearest], 0);
        expect(marks.rules[0].height).toBeGreaterThan(height * 0.4);
        expect(marks.rings).toHaveLength(series.length);
        for (const ring of marks.rings) expect(ring).toBeCloseTo(xs[nearest], 0);
      }
      // Spread across the plot, the positions reach the first year and the last.
      expect(read[0]).toBe(years[0]);
      expect(read[read.length - 1]).toBe(years[years.length - 1]);
      await browser.page.mouse.move(1, 1);
      await expect.poll(() => tooltip.isVisible()).toBe(false);
      expect(await plot.locator('.chart-focus, .chart-focus-rule').count()).toBe(0);
    },
  );
});

describe('touch and keyboard', () => {
  beforeAll(async () => {
    await browser.page.setViewportSize({ width: 1200, height: 900 });
    await browser.page.goto(`${site.url}/articles/pointer/`);
  });

  test('a tap far from the lines reads every series in the nearest year and says it in the live region', async () => {
    const plot = plotOf('production-by-country-line');
    await plot.scrollIntoViewIfNeeded();
    const { left, top, width, height, xs } = await geometry(plot);
    const years = [...new Set(data.rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
    // Nearer 2019 than 2020, but further from either than a finger's width.
    const x = xs[2] + (xs[3] - xs[2]) * 0.49;
    expect(x).toBeLessThan(left + width);
    await plot.dispatchEvent('pointerdown', {
      pointerType: 'touch',
      clientX: x,
      clientY: top + height * 0.1,
      bubbles: true,
    });
    const live = browser.page.locator('sl-chart[data-chart="production-by-country-line"] [aria-live="polite"]');
    for (const name of ['China', 'United States'])
      await expect.poll(() => live.textContent()).toContain(`${name}: ${figure(tonnes(name, years[2]))} ${unit}`);
    expect(await plot.locator('.chart-tooltip').isVisible()).toBe(true);
  });

  test('arrow keys still step point by point, one series at a time, and the live region reads each', async () => {
    const plot = plotOf('production-by-country-line');
    const live = browser.page.locator('sl-chart[data-chart="production-by-country-line"] [aria-live="polite"]');
    const [first, second] = data.rows
      .filter((r) => r.country === 'China')
      .sort((a, b) => Number(a.year) - Number(b.year));
    await plot.focus();
    await browser.page.keyboard.press('Home');
    await expect
      .poll(() => live.textContent())
      .toContain(`1 of ${data.rows.length}: China, ${first.year}: ${figure(Number(first.tonnes_reo))} ${unit}`);
    await browser.page.keyboard.press('ArrowRight');
    await expect
      .poll(() => live.textContent())
      .toContain(`2 of ${data.rows.length}: China, ${second.year}: ${figure(Number(second.tonnes_reo))} ${unit}`);
    expect(await plot.locator('.chart-tooltip').innerText()).not.toContain('United States');
    expect(await plot.locator('svg:visible .chart-focus').count()).toBe(1);
  });
});
