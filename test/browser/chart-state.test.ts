// A chart's state in the URL (src/util/chart-state.ts): the places a reader highlights, the view and the year, set by
// the place list, by the address on load, by a :view link and a claim, inside an embed and on the chart page; back
// and forward restore it; the first form (#<chart-id>=<view>) still works. On the reader fixture's story with :view
// links (content/articles/mine-output-by-country.md); expected figures are worked out here from its data files.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const siteUrl = inject('siteUrl');
const story = '/articles/mine-output-by-country/';
const id = 'mine-production-by-country';
const production = readJson<DataFile>('data/mine-production.json');
const byCountry = readJson<{ filter: { country: string[] } }>(`content/charts/${id}.json`);

/** What the highlighted line says of a country in a year: its tonnes, unit, year and share of the world total. */
function said(country: string, year: number): string {
  const row = production.rows.find((r) => r.country === country && r.year === year)!;
  const world = production.rows.find((r) => r.country === 'World total' && r.year === year)!;
  const share = ((Number(row.tonnes_reo) / Number(world.tonnes_reo)) * 100).toFixed(1);
  return `${country}: ${figure(Number(row.tonnes_reo))} ${production.unit} in ${year}, ${share}% of the world`;
}
const bars = (year: number) =>
  production.rows.filter((r) => r.year === year && byCountry.filter.country.includes(String(r.country))).length;

const browser = useBrowser();

const chartOf = (page: Page, chart = id) => page.locator(`sl-chart[data-chart="${chart}"]`);
/** The visible drawing's marks: how many are faded, how many not. */
const marks = (page: Page, chart = id) =>
  chartOf(page, chart)
    .locator('.chart-plot:visible svg:visible')
    .evaluate((svg) => ({
      faded: svg.querySelectorAll('.chart-faded').length,
      rects: svg.querySelectorAll(':scope > g:not(.chart-overlay) rect').length,
    }));
const shownView = (page: Page) => chartOf(page).locator('.chart-view:visible').getAttribute('data-view');
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const inView = (page: Page, chart = id) =>
  chartOf(page, chart)
    .locator('figure')
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });

describe('the place list', () => {
  test('with the keyboard alone: open, find, highlight, clear; labelled, announced, in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}`);
    const chart = chartOf(page);
    const summary = chart.locator('.chart-select > summary');
    expect(await summary.textContent()).toBe('Highlight a country');
    await summary.focus();
    await page.keyboard.press('Enter');
    const find = chart.getByRole('searchbox', { name: 'Find a country' });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('austr');
    expect(
      await chart
        .getByRole('checkbox')
        .evaluateAll((boxes) =>
          boxes.filter((b) => (b as HTMLElement).offsetParent).map((b) => (b as HTMLInputElement).value),
        ),
    ).toEqual(['Australia']);
    await page.keyboard.press('Enter');
    expect(await chart.getByRole('checkbox', { name: 'Australia' }).isChecked()).toBe(true);
    expect(await hash(page)).toBe(`#${id}=select:Australia`);
    expect(await chart.locator('.chart-selected').textContent()).toContain(said('Australia', 2024));
    expect(await chart.locator('[aria-live="polite"]').textContent()).toContain(said('Australia', 2024));
    expect(await summary.textContent()).toBe('Highlight a country: Australia');
    // Every bar but Australia's fades.
    expect((await marks(page)).faded).toBe(bars(2024) - 1);
    // With the search emptied, Tab reaches the checkboxes (China first, the list is alphabetical after Brazil) and
    // Space ticks a second country.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Tab');
    const order = await chart
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    for (const _ of order.slice(0, order.indexOf('China'))) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('China');
    await page.keyboard.press('Space');
    expect(await hash(page)).toBe(`#${id}=select:Australia,China`);
    expect((await marks(page)).faded).toBe(bars(2024) - 2);
    await chart.getByRole('button', { name: 'Clear' }).focus();
    await page.keyboard.press('Enter');
    expect(await hash(page)).toBe('');
    expect((await marks(page)).faded).toBe(0);
    expect(await chart.locator('[aria-live="polite"]').textContent()).toBe('Nothing highlighted');
    expect(await chart.locator('.chart-selected').isVisible()).toBe(false);
  });

  test('the tooltip of another bar reads the highlighted country of the same year beside it', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}#${id}=select:Australia`);
    const plot = chartOf(page).locator('.chart-plot:visible');
    await plot.focus();
    await page.keyboard.press('Home'); // the first bar: China
    expect(await plot.locator('.chart-tooltip').innerText()).toContain(said('Australia', 2024));
  });

  test('at 360 px: no sideways scroll, every target at least 24 px, and axe finds nothing with the list open', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${siteUrl}${story}#${id}=select:Australia`);
    await chartOf(page).locator('.chart-select > summary').click();
    await chartOf(page).getByRole('searchbox').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const small = await chartOf(page)
      .locator(
        '.chart-select summary, .chart-select label:has(input), .chart-select input[type="search"], .chart-select button',
      )
      .evaluateAll((all) =>
        all
          .filter((el) => (el as HTMLElement).offsetParent && el.getBoundingClientRect().height < 24)
          .map((el) => el.textContent),
      );
    expect(small).toEqual([]);
    const results = await new AxeBuilder({ page }).include(`sl-chart[data-chart="${id}"]`).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
});

describe('the state in the address', () => {
  test('on load: the year opens its view, the place is highlighted and the chart brought into sight', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}#${id}=select:Australia;year:2023`);
    await expect.poll(() => shownView(page)).toBe('2023');
    expect(await chartOf(page).locator('.chart-selected').textContent()).toContain(said('Australia', 2023));
    expect((await marks(page)).faded).toBe(bars(2023) - 1);
    await expect.poll(() => inView(page)).toBe(true);
  });

  test('the first form, #<chart-id>=<view>, still opens the view with nothing highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}#${id}=2023`);
    await expect.poll(() => shownView(page)).toBe('2023');
    expect((await marks(page)).faded).toBe(0);
    await chartOf(page).getByRole('button', { name: 'Next year' }).click();
    expect(await hash(page)).toBe(`#${id}=year:2024`);
  });

  test('two charts keep their own state in one hash', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}#${id}=select:Australia&us-import-reliance=select:MCS%202025`);
    expect(await chartOf(page).locator('.chart-selected').textContent()).toContain('Australia: ');
    expect(await chartOf(page, 'us-import-reliance').locator('.chart-selected').textContent()).toMatch(/^MCS 2025: /);
    await chartOf(page).getByRole('button', { name: 'Previous year' }).click();
    expect(await hash(page)).toBe(`#${id}=select:Australia;year:2023&us-import-reliance=select:MCS+2025`);
    expect(await chartOf(page, 'us-import-reliance').locator('.chart-selected').textContent()).toMatch(/^MCS 2025: /);
  });

  test('back and forward restore each state a reader made', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}`);
    const chart = chartOf(page);
    await chart.locator('.chart-select > summary').click();
    await chart.getByRole('checkbox', { name: 'Australia' }).check();
    await chart.getByRole('button', { name: 'Previous year' }).click();
    expect(await shownView(page)).toBe('2023');
    await page.goBack();
    await expect.poll(() => shownView(page)).toBe('2024');
    expect(await chart.getByRole('checkbox', { name: 'Australia' }).isChecked()).toBe(true);
    expect(await chart.locator('.chart-selected').textContent()).toContain(said('Australia', 2024));
    await page.goBack();
    await expect.poll(() => chart.locator('.chart-selected').isVisible()).toBe(false);
    expect((await marks(page)).faded).toBe(0);
    expect(await chart.getByRole('checkbox', { name: 'Australia' }).isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => chart.locator('.chart-selected').textContent()).toContain(said('Australia', 2024));
    expect((await marks(page)).faded).toBe(bars(2024) - 1);
  });
});

describe('links from the story', () => {
  test("a :view link sets the chart's state and brings it into view", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}`);
    const link = page.locator('a.view-link', { hasText: 'in 2023 Burma (Myanmar) mined more' });
    expect(await link.getAttribute('href')).toBe(`#${id}=select:Burma+(Myanmar),United+States;year:2023`);
    await link.click();
    await expect.poll(() => shownView(page)).toBe('2023');
    expect(await chartOf(page).locator('.chart-selected').textContent()).toBe(
      `${said('Burma (Myanmar)', 2023)} (estimate); ${said('United States', 2023)}`,
    );
    expect((await marks(page)).faded).toBe(bars(2023) - 2);
    await expect.poll(() => inView(page)).toBe(true);
  });

  test('without JavaScript a :view link still jumps to its figure', async () => {
    const page = await launchPage({ javaScriptEnabled: false });
    await page.goto(`${siteUrl}${story}`);
    expect(await inView(page, 'us-import-reliance')).toBe(false);
    await page.locator('a.view-link', { hasText: "the 2025 edition's line" }).click();
    // Jumped to: the figure's top at the top of the window, not merely near the link that was clicked.
    await expect
      .poll(() =>
        chartOf(page, 'us-import-reliance')
          .locator('figure')
          .evaluate((el) => Math.round(el.getBoundingClientRect().top)),
      )
      .toBeLessThan(80);
    expect(
      await chartOf(page, 'us-import-reliance')
        .locator('figure')
        .evaluate((el) => el.getBoundingClientRect().top),
    ).toBeGreaterThan(-40);
  });

  test('a claim naming a chart and places opens the chart with those places highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${story}`);
    await page.locator('a.claim').first().click();
    await page.locator('#claim-popover a.claim-chart').click();
    expect(await hash(page)).toBe(`#${id}=select:China;year:2024`);
    await expect.poll(() => chartOf(page).locator('.chart-selected').textContent()).toContain(said('China', 2024));
  });
});

describe('the chart page and the embed', () => {
  test('the chart page offers a link to this view, and its embed code carries the state', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/charts/${id}/`);
    const link = page.getByRole('textbox', { name: 'Link to this view' });
    expect(await link.inputValue()).toMatch(new RegExp(`/charts/${id}/$`));
    await chartOf(page).locator('.chart-select > summary').click();
    await chartOf(page).getByRole('checkbox', { name: 'Australia' }).check();
    expect(await link.inputValue()).toMatch(new RegExp(`/charts/${id}/#${id}=select:Australia$`));
    expect(await page.getByRole('textbox', { name: 'Embed code (HTML)' }).inputValue()).toContain(
      `/embed/${id}/#${id}=select:Australia"`,
    );
  });

  test('an embed opens at the state in its address', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/embed/${id}/#${id}=select:Australia;year:2023`);
    await expect.poll(() => shownView(page)).toBe('2023');
    expect(await chartOf(page).locator('.chart-selected').textContent()).toContain(said('Australia', 2023));
    expect((await marks(page)).faded).toBe(bars(2023) - 1);
  });
});
