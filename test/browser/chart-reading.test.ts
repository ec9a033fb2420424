// Reading a chart's values with the mouse and the keyboard, and switching views, on the lead story. Expected
// values are worked out here from the data files, so a wrong figure, unit or edition on the page fails.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { figure, leadStory, readJson, type DataFile } from './site-files.ts';

const siteUrl = inject('siteUrl');
const production = readJson<DataFile>('data/mine-production.json');
const byCountry = readJson<{
  filter: { country: string[] };
  views: { id: string; subtitle: string; filter: { year: number } }[];
}>('content/charts/mine-production-by-country.json');

/** The bars of a view of mine-production-by-country, largest first, as the chart sorts them. */
function productionRows(year: number) {
  return production.rows
    .filter((r) => r.year === year && byCountry.filter.country.includes(String(r.country)))
    .sort((a, b) => Number(b.tonnes_reo) - Number(a.tonnes_reo));
}
/** What a reader should read for a bar: country, figure with unit, estimate flag and edition. */
function expectedBar(row: Record<string, unknown>): string[] {
  return [
    `${row.country}: ${figure(Number(row.tonnes_reo))} ${production.unit}`,
    ...(row.estimate ? ['estimate'] : []),
    `source: ${row.edition}`,
  ];
}

const browser = useBrowser();
/** The page the tests of a block read: opened before them (one for each block). */
let page: Page;

const chart = (id: string) => page.locator(`sl-chart[data-chart="${id}"]`);
const plotOf = (id: string) => chart(id).locator('.chart-plot:visible');
const tooltipOf = (id: string) => plotOf(id).locator('.chart-tooltip');

/** The centre of the drawn bar in the row labelled `label`, found from the axis label's position. */
async function barPoint(plot: Locator, label: string): Promise<{ x: number; y: number }> {
  return plot.locator('svg:visible').evaluate((svg, label) => {
    const tick = [...svg.querySelectorAll('text')].find((t) => t.textContent?.trim() === label);
    if (!tick) throw new Error(`no axis label ${label}`);
    const t = tick.getBoundingClientRect();
    const middle = t.top + t.height / 2;
    const bar = [...svg.querySelectorAll('rect')]
      .map((r) => r.getBoundingClientRect())
      .find((r) => r.width > 0 && Math.abs(r.top + r.height / 2 - middle) < r.height / 2);
    if (!bar) throw new Error(`no bar beside ${label}`);
    return { x: bar.left + Math.max(2, bar.width * 0.3), y: bar.top + bar.height / 2 };
  }, label);
}

describe('the mouse', () => {
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`${siteUrl}${leadStory.path}`);
  });

  test('hovering a bar shows its country, figure with unit and the edition it comes from', async () => {
    const [largest] = productionRows(2024);
    const plot = plotOf('mine-production-by-country');
    await plot.scrollIntoViewIfNeeded();
    const at = await barPoint(plot, String(largest.country));
    await page.mouse.move(at.x, at.y);
    const tooltip = tooltipOf('mine-production-by-country');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.innerText();
    for (const part of expectedBar(largest)) expect(text).toContain(part);
  });

  test('hovering an estimated bar says it is an estimate', async () => {
    const estimated = productionRows(2024).find((r) => r.estimate === true)!;
    expect(estimated).toBeDefined();
    const at = await barPoint(plotOf('mine-production-by-country'), String(estimated.country));
    await page.mouse.move(at.x, at.y);
    const text = await tooltipOf('mine-production-by-country').innerText();
    for (const part of expectedBar(estimated)) expect(text).toContain(part);
  });

  test("hovering a line's last point shows the share computed from the tonnes", async () => {
    const year = Math.max(...production.rows.filter((r) => r.country === 'China').map((r) => Number(r.year)));
    const tonnes = (country: string) =>
      Number(production.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo);
    const share = ((tonnes('China') / tonnes('World total')) * 100).toFixed(1);
    const plot = plotOf('china-mine-share');
    await plot.scrollIntoViewIfNeeded();
    // The data points are the circles outside the numbered markers; the last year is the right-most.
    const at = await plot.locator('svg:visible').evaluate((svg) => {
      const dots = [...svg.querySelectorAll('circle')]
        .filter((c) => !c.closest('.chart-marker'))
        .map((c) => c.getBoundingClientRect());
      const last = dots.sort((a, b) => b.left - a.left)[0];
      return { x: last.left + last.width / 2, y: last.top + last.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const tooltip = tooltipOf('china-mine-share');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toContain(`${year}: ${share}%`);
  });

  test('hovering a point of a chart with several lines reads its year and names its series', async () => {
    const reliance = readJson<DataFile>('data/us-import-reliance.json');
    const last = reliance.rows.reduce((a, b) => (Number(b.year) > Number(a.year) ? b : a));
    const plot = plotOf('us-import-reliance');
    await plot.scrollIntoViewIfNeeded();
    const at = await plot.locator('svg:visible').evaluate((svg) => {
      const dots = [...svg.querySelectorAll('circle')]
        .filter((c) => !c.closest('.chart-marker'))
        .map((c) => c.getBoundingClientRect());
      const right = dots.sort((a, b) => b.left - a.left)[0];
      return { x: right.left + right.width / 2, y: right.top + right.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const tooltip = tooltipOf('us-import-reliance');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('strong').innerText()).toBe(String(last.year));
    expect(await tooltip.innerText()).toContain(`${last.edition}: ${figure(Number(last.reliance_pct))}%`);
  });

  test('moving the pointer off the chart hides the tooltip', async () => {
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltipOf('us-import-reliance').isVisible()).toBe(false);
  });
});

describe('the keyboard', () => {
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`${siteUrl}${leadStory.path}`);
  });

  test('arrow keys, Home and End step through the points; a polite live region reads each value', async () => {
    const rows = productionRows(2024);
    const plot = plotOf('mine-production-by-country');
    const live = chart('mine-production-by-country').locator('[aria-live="polite"]');
    await plot.focus();
    const announced = async () => (await live.textContent()) ?? '';
    const step = async (key: string, index: number) => {
      await page.keyboard.press(key);
      const text = await announced();
      expect(text).toContain(`${index + 1} of ${rows.length}`);
      for (const part of expectedBar(rows[index])) expect(text).toContain(part);
      const tooltip = await tooltipOf('mine-production-by-country').innerText();
      expect(tooltip).toContain(expectedBar(rows[index])[0]);
    };
    await step('ArrowRight', 0);
    await step('ArrowRight', 1);
    await step('ArrowDown', 2);
    await step('ArrowLeft', 1);
    await step('End', rows.length - 1);
    await step('Home', 0);
    await page.keyboard.press('Escape');
    expect(await tooltipOf('mine-production-by-country').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('chart-plot'))).toBe(true);
  });

  test('each chart is one tab stop, nothing inside a drawing takes focus, and focus is always visible', async () => {
    const page2 = await browser.newPage();
    await page2.goto(`${siteUrl}${leadStory.path}`);
    const charts = leadStory.charts();
    const stops: { chart?: string; inSvg: boolean; outline: string; tag: string }[] = [];
    for (let i = 0; i < 600; i++) {
      await page2.keyboard.press('Tab');
      const stop = await page2.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.dataset.tabSeen) return null;
        el.dataset.tabSeen = '';
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return {
          chart: el.classList.contains('chart-plot')
            ? (el.closest('sl-chart')?.getAttribute('data-chart') ?? undefined)
            : undefined,
          inSvg: Boolean(el.closest('svg')),
          outline: visible ? 'visible' : `${el.tagName} ${el.className}: ${style.outlineStyle} ${style.outlineWidth}`,
          tag: el.tagName,
        };
      });
      if (!stop) break;
      stops.push(stop);
    }
    expect(stops.length).toBeGreaterThan(10);
    expect(stops.filter((s) => s.inSvg)).toEqual([]);
    expect(stops.filter((s) => s.outline !== 'visible').map((s) => s.outline)).toEqual([]);
    const chartStops = stops.filter((s) => s.chart).map((s) => s.chart);
    expect(chartStops.sort()).toEqual([...charts].sort());
  });
});

describe('views', () => {
  test('moving to another year redraws the chart and keeps the choice in the URL hash', async () => {
    page = await browser.newPage();
    await page.goto(`${siteUrl}${leadStory.path}`);
    const figure = chart('mine-production-by-country');
    const [first, second] = byCountry.views;
    const visibleView = () => figure.locator('.chart-view:visible').getAttribute('data-view');
    expect(await visibleView()).toBe(first.id);
    // The views are years (2024, then 2023): a year slider, whose previous year is the second view.
    const year = figure.getByRole('slider', { name: 'Year' });
    expect(await year.getAttribute('aria-valuetext')).toBe(first.id);
    await figure.getByRole('button', { name: 'Previous year' }).click();
    expect(await visibleView()).toBe(second.id);
    expect(await figure.locator('.chart-view').count()).toBe(byCountry.views.length);
    expect(new URL(page.url()).hash).toBe(`#mine-production-by-country=year:${second.id}`);
    expect(await year.getAttribute('aria-valuetext')).toBe(second.id);
    expect(await figure.locator('.chart-subtitle').textContent()).toBe(second.subtitle);
    // The drawing is the other year's: its bars read that year's figures.
    const [largest] = productionRows(second.filter.year);
    const at = await barPoint(plotOf('mine-production-by-country'), String(largest.country));
    await page.mouse.move(at.x, at.y);
    expect(await tooltipOf('mine-production-by-country').innerText()).toContain(expectedBar(largest)[0]);
  });

  test('a link with the view in its hash opens that view and brings the chart into sight', async () => {
    const second = byCountry.views[1];
    const fresh = await browser.newPage();
    await fresh.goto(`${siteUrl}${leadStory.path}#mine-production-by-country=${second.id}`);
    const figure = fresh.locator('sl-chart[data-chart="mine-production-by-country"]');
    await expect.poll(() => figure.locator('.chart-view:visible').getAttribute('data-view')).toBe(second.id);
    expect(await figure.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).toBe(second.id);
    await expect
      .poll(() =>
        figure.locator('.chart-plot:visible').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top < innerHeight && r.bottom > 0;
        }),
      )
      .toBe(true);
  });
});
