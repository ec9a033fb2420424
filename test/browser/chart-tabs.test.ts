// A figure with tabs (a spec's `tabs`): the bars and the map of one dataset as "Chart · Map", on a fixture site
// (test/browser/fixtures/tabs/: 2023 and 2024 rows copied from data/mine-production.json). By mouse, by keyboard, by
// the address on load, with back and forward, inside an embed on a foreign page, without JavaScript and on paper;
// the reader's places and year carry across; the table sorts by any column. Expected figures are worked out here
// from the fixture's data file, never read from the page's script.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/tabs');
const data = readJson<DataFile>(path.join(fixture, 'data/production.json'));
const title = (chart: string) => readJson<{ title: string }>(path.join(fixture, `content/charts/${chart}.json`)).title;
const tonnes = (country: string, year: number) =>
  Number(data.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo);
const story = '/articles/tabs/';
const bars = 'production-bars';
const map = 'production-map';

const site = servedFixture(fixture);
const browser = useBrowser();

type Where = Page | FrameLocator;
const group = (page: Where) => page.locator(`sl-chart-tabs[data-chart="${bars}"]`);
const chartOf = (page: Where, chart: string) => page.locator(`sl-chart[data-chart="${chart}"]`);
const tab = (page: Where, name: string) =>
  group(page).locator('.chart-tabs--charts').getByRole('tab', { name, exact: true });
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/** Which chart the figure shows (its drawing on screen), which tab says so, and the year its slider reads. */
async function shown(page: Where) {
  const visible = [];
  for (const chart of [bars, map])
    if ((await chartOf(page, chart).locator('.chart-plot:visible').count()) > 0) visible.push(chart);
  const selected = await group(page).locator('.chart-tabs--charts [aria-selected="true"]').allTextContents();
  const chart = visible[0];
  const year = chart ? await chartOf(page, chart).locator('.chart-time-year').textContent() : undefined;
  return { visible, selected, year };
}

/** The highlighted places' line of a chart ("Australia: 13,000 t in 2023..."). */
const said = (page: Where, chart: string) => chartOf(page, chart).locator('.chart-selected').textContent();

test('the fixture has the figures the tests expect', () => {
  expect(tonnes('Australia', 2023)).not.toBe(tonnes('Australia', 2024));
  expect(data.rows.some((r) => r.estimate)).toBe(true);
});

describe('by mouse', () => {
  test('Chart and Map switch the figure, say so in the live region and write the tab in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    expect(await group(page).getByRole('tablist').first().getAttribute('aria-label')).toBe(`Show as: ${title(bars)}`);
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2024' });
    await tab(page, 'Map').click();
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2024' });
    expect(await hash(page)).toBe(`#${bars}=tab:map`);
    await expect.poll(() => group(page).locator(':scope > [aria-live]').textContent()).toBe(`Map shown: ${title(map)}`);
    // The map keeps everything it has: its key, its slider, its place list, its own Sources and Table.
    const own = chartOf(page, map);
    for (const part of ['.chart-legend', '.chart-time', '.chart-select', '.chart-summary:visible'])
      expect(await own.locator(part).isVisible(), part).toBe(true);
    expect(await own.getByRole('tab').allTextContents()).toEqual(['Sources and notes', 'Table']);
    await tab(page, 'Chart').click();
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2024' });
    expect(await hash(page)).toBe('');
  });

  test('the places and year a reader picked on the bars carry to the map, and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page, bars);
    await chart.locator('.chart-select > summary').click();
    await chart.getByRole('checkbox', { name: 'Australia' }).check();
    await chart.getByRole('button', { name: 'Previous year' }).click();
    expect(await hash(page)).toBe(`#${bars}=select:Australia;year:2023`);
    await tab(page, 'Map').click();
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
    expect(await hash(page)).toBe(`#${bars}=tab:map&${map}=select:Australia;year:2023`);
    await expect.poll(() => said(page, map)).toContain(`Australia: ${figure(tonnes('Australia', 2023))}`);
    // On the map, the reader moves on a year and adds Thailand; back on the Chart tab the bars show the same.
    await chartOf(page, map).getByRole('button', { name: 'Next year' }).click();
    await chartOf(page, map).locator('.chart-select > summary').click();
    await chartOf(page, map).getByRole('checkbox', { name: 'Thailand' }).check();
    await tab(page, 'Chart').click();
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2024' });
    expect(await hash(page)).toBe(`#${bars}=select:Australia,Thailand;year:2024`);
    await expect.poll(() => said(page, bars)).toContain(`Thailand: ${figure(tonnes('Thailand', 2024))}`);
  });
});

describe('by keyboard alone', () => {
  test('one tab stop; arrows, Home and End move; Enter and Space show; Tab goes on into the chart shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    await page.locator('main a.view-link').first().focus();
    for (let i = 0; i < 5 && (await focusedId(page)) !== `chart-${bars}-tab-chart-tab`; i++)
      await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(`chart-${bars}-tab-chart-tab`);
    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe(`chart-${bars}-tab-map-tab`);
    expect((await shown(page)).visible).toEqual([bars]); // arrows move the focus only
    await page.keyboard.press('Enter');
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2024' });
    expect(await focusedId(page)).toBe(`chart-${bars}-tab-map-tab`);
    await page.keyboard.press('ArrowRight'); // wraps
    expect(await focusedId(page)).toBe(`chart-${bars}-tab-chart-tab`);
    await page.keyboard.press('End');
    expect(await focusedId(page)).toBe(`chart-${bars}-tab-map-tab`);
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    expect((await shown(page)).visible).toEqual([bars]);
    expect(
      await group(page)
        .locator('.chart-tabs--charts [role="tab"]')
        .evaluateAll((all) => all.map((t) => t.getAttribute('tabindex'))),
    ).toEqual(['0', '-1']);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="tabpanel"]')?.id)).toBe(
      `chart-${bars}-tab-chart`,
    );
  });

  test('the tabs pattern is labelled: each tab controls the panel it names; axe finds nothing, light and dark; 24 px targets, no sideways scroll at 360 px', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.url}${story}#${bars}=tab:map&${map}=tab:table`);
      for (const name of ['Chart', 'Map']) {
        const panel = group(page).locator(`#${await tab(page, name).getAttribute('aria-controls')}`);
        expect(await panel.getAttribute('role')).toBe('tabpanel');
        expect(await panel.getAttribute('aria-labelledby')).toBe(await tab(page, name).getAttribute('id'));
      }
      await expect.poll(() => chartOf(page, map).locator('th .table-sort').count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).include('sl-chart-tabs').analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
        scheme,
      ).toEqual([]);
      for (const control of nonEmpty(
        await group(page).locator('[role="tab"]:visible, .table-sort:visible').all(),
        'controls',
      )) {
        const box = (await control.boundingBox())!;
        expect(Math.min(box.width, box.height), await control.evaluate((e) => e.outerHTML)).toBeGreaterThanOrEqual(24);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
  });
});

describe('the address', () => {
  test("on load: the tab, the map chart's own old links, and the host's state with its table open", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${bars}=tab:map`);
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2024' });
    // Links written before the tabs, to the map's own id: the first form, and the fields.
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}${story}#${map}=2023`);
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}${story}#${map}=select:Thailand;year:2023;tab:table`);
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
    await expect.poll(() => said(page, map)).toContain(`Thailand: ${figure(tonnes('Thailand', 2023))}`);
    expect(await chartOf(page, map).locator(`#chart-${map}-table`).isVisible()).toBe(true);
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}${story}#${bars}=select:Australia;year:2023;tab:table`);
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2023' });
    expect(await chartOf(page, bars).locator(`#chart-${bars}-table`).isVisible()).toBe(true);
    // A link into the map's panel (its table) shows the map.
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}${story}#chart-${map}-table`);
    expect((await shown(page)).visible).toEqual([map]);
  });

  test("a :view link to the map's state shows the Map tab; back and forward restore each step", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    await page.getByRole('link', { name: 'on the map, Thailand in 2023' }).click();
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
    await tab(page, 'Chart').click();
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2023' });
    await expect.poll(() => said(page, bars)).toContain(`Thailand: ${figure(tonnes('Thailand', 2023))}`);
    await page.goBack();
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
    await page.goBack();
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2024' });
    await page.goForward();
    expect(await shown(page)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
    await page.goForward();
    expect(await shown(page)).toEqual({ visible: [bars], selected: ['Chart'], year: '2023' });
  });

  test("a :view link, whose address is also an element's id, is followed as a state: the open table closes, back reopens it", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    const table = chartOf(page, bars).locator(`#chart-${bars}-table`);
    await chartOf(page, bars).getByRole('tab', { name: 'Table' }).click();
    expect(await table.isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Australia mined an estimated 13,000 tonnes' }).click();
    await expect.poll(() => said(page, bars)).toContain('Australia');
    expect(await table.isVisible()).toBe(false);
    await page.goBack();
    await expect.poll(() => table.isVisible()).toBe(true);
  });

  test('the chart page shows the tabs, and its "Link to this view" and embed code carry the map\'s state', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/charts/${bars}/`);
    await tab(page, 'Map').click();
    await chartOf(page, map).getByRole('button', { name: 'Previous year' }).click();
    // What is on screen says what it is: the map's own title, and a subtitle that names the year shown.
    await expect.poll(() => chartOf(page, map).locator('.chart-title').isVisible()).toBe(true);
    expect(await chartOf(page, map).locator('.chart-title').innerText()).toBe(title(map));
    const subtitles = await page.locator('.chart-page :is(.dek, .chart-subtitle):visible').allInnerTexts();
    expect(subtitles).toEqual(['Mine production, tonnes of rare-earth oxide equivalent, 2023']);
    const link = await page.locator('#view-link').inputValue();
    expect(decodeURIComponent(new URL(link).hash)).toBe(`#${bars}=tab:map&${map}=year:2023`);
    expect(await page.locator('#embed-code').inputValue()).toContain(
      `/embed/${bars}/#${bars}=tab:map&amp;${map}=year:2023`.replace('&amp;', '&'),
    );
    // The map keeps its own page, without tabs.
    await page.goto(`${site.url}/charts/${map}/`);
    expect(await page.locator('sl-chart-tabs').count()).toBe(0);
    expect(await chartOf(page, map).locator('.chart-plot').first().isVisible()).toBe(true);
  });
});

test("inside an embed on a foreign page: the frame's address opens the map with its state, and the tabs switch", async () => {
  const page = await browser.newPage();
  await page.setContent(
    `<iframe title="chart" width="600" height="1400" src="${site.url}/embed/${bars}/#${bars}=tab:map&${map}=select:Thailand;year:2023"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect.poll(async () => (await shown(frame)).selected).toEqual(['Map']);
  expect(await shown(frame)).toEqual({ visible: [map], selected: ['Map'], year: '2023' });
  await expect.poll(() => said(frame, map)).toContain(`Thailand: ${figure(tonnes('Thailand', 2023))}`);
  await tab(frame, 'Chart').click();
  expect(await shown(frame)).toEqual({ visible: [bars], selected: ['Chart'], year: '2023' });
  await expect.poll(() => said(frame, bars)).toContain(`Thailand: ${figure(tonnes('Thailand', 2023))}`);
});

describe('the table', () => {
  test('sorts by any column, by mouse and keyboard, with aria-sort and the sort said; estimates are marked', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${bars}=tab:map&${map}=tab:table`);
    const table = chartOf(page, map).locator('.chart-table-view:visible table');
    const heads = table.locator('thead th');
    const column = async (i: number) => table.locator(`tbody tr td:nth-child(${i + 1})`).allTextContents();
    const names = await heads.allTextContents();
    const place = names.findIndex((n) => /country/i.test(n));
    const value = names.findIndex((n) => /tonnes/i.test(n));
    const flags = names.findIndex((n) => /flags/i.test(n));
    expect(
      [place, value, flags].every((i) => i >= 0),
      names.join(' | '),
    ).toBe(true);
    const rows2024 = data.rows.filter((r) => r.year === 2024);
    // Estimates marked, row by row.
    const flagged = Object.fromEntries((await column(place)).map((c, i) => [c, i]));
    const flagCells = await column(flags);
    for (const row of nonEmpty(rows2024, '2024 rows'))
      expect(flagCells[flagged[String(row.country)]].includes('estimate'), String(row.country)).toBe(
        Boolean(row.estimate),
      );

    await heads.nth(value).getByRole('button').click();
    expect(await heads.nth(value).getAttribute('aria-sort')).toBe('ascending');
    const ascending = rows2024
      .map((r) => Number(r.tonnes_reo))
      .sort((a, b) => a - b)
      .map(figure);
    expect(await column(value)).toEqual(ascending);
    await expect
      .poll(() => chartOf(page, map).locator('figure > [aria-live]').textContent())
      .toMatch(/^Table sorted by .*tonnes.*, ascending$/i);
    await heads.nth(value).getByRole('button').press('Enter');
    expect(await heads.nth(value).getAttribute('aria-sort')).toBe('descending');
    expect(await column(value)).toEqual([...ascending].reverse());
    await heads.nth(place).getByRole('button').press('Space');
    expect(await heads.nth(value).getAttribute('aria-sort')).toBeNull();
    expect(await heads.nth(place).getAttribute('aria-sort')).toBe('ascending');
    expect(await column(place)).toEqual(rows2024.map((r) => String(r.country)).sort((a, b) => a.localeCompare(b)));
  });
});

describe('without JavaScript, and on paper', () => {
  test('the bars show; the map is a <details> under them with every value in its table', async () => {
    const page = await launchPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}${story}`);
    expect(await chartOf(page, bars).locator('.chart-drawing--wide').first().isVisible()).toBe(true);
    const details = group(page).locator('details.chart-tab-panel');
    expect(await details.locator(':scope > summary').textContent()).toBe(`Map: ${title(map)}`);
    expect(await chartOf(page, map).locator('.chart-plot').first().isVisible()).toBe(false);
    await details.locator(':scope > summary').click();
    expect(await chartOf(page, map).locator('.chart-drawing--wide').first().isVisible()).toBe(true);
    const cells = await chartOf(page, map).locator('.chart-table td').allTextContents();
    for (const row of nonEmpty(data.rows, 'rows'))
      expect(cells, `${row.country} ${row.year}`).toContain(figure(Number(row.tonnes_reo)));
  });

  test('printed, both charts and their tables are there', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${bars}=tab:map`);
    await page.emulateMedia({ media: 'print' });
    for (const chart of [bars, map]) {
      expect(await chartOf(page, chart).locator('.chart-drawing--wide').first().isVisible(), chart).toBe(true);
      expect(await chartOf(page, chart).locator('.chart-table').isVisible(), chart).toBe(true);
    }
    expect(await group(page).locator('.chart-tabs--charts').isVisible()).toBe(false);
  });
});
