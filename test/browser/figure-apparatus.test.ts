// Under each chart: what we don't know and a one-line source stay in view; the full sources, notes and data table
// are one tap away behind "Sources and notes" and "Table" (src/client/figure-tabs.ts). Tabs with JavaScript, by
// keyboard alone and announced; <details> without it; everything on paper; a link into a panel opens it; the DOM the
// script makes is valid HTML. Expected values come from the reader fixture's files, never from the page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { validateHtml } from '../support/html-validator.ts';
import { nonEmpty } from '../support/lists.ts';
import { leadStory, readJson, type DataFile } from './site-files.ts';

const siteUrl = inject('siteUrl');
const id = 'china-mine-share';
const spec = readJson<{
  title: string;
  notes?: string[];
  annotations: { text: string; kind: string; raisedBy?: string }[];
}>(`content/charts/${id}.json`);
const data = readJson<DataFile & { sources: { name: string; url: string }[] }>('data/mine-production.json');
const charts = leadStory.charts();
const figure = (page: Page, chart = id) => page.locator(`sl-chart[data-chart="${chart}"]`);
/** For each element: is it on screen (rendered, not hidden, not transparent, with a height)? */
const visible = (locator: Locator) =>
  locator.evaluateAll((all) =>
    all.map(
      (e) =>
        e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && e.getBoundingClientRect().height > 0,
    ),
  );
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

test('the fixture chart has uncertainties, notes and sources to show', () => {
  expect(charts).toContain(id);
  expect(spec.annotations.filter((a) => a.kind === 'uncertainty').length).toBeGreaterThan(1);
  expect(spec.notes?.length).toBeGreaterThan(0);
  expect(data.sources.length).toBeGreaterThan(1);
});

describe('with JavaScript, on a 360 px phone', () => {
  const browser = useBrowser({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  /** A fresh page for each test, closed after it. */
  let page: Page;
  beforeEach(async () => {
    page = await browser.newPage();
  });

  test("what we don't know and the one-line source are in view; sources, notes and table start closed", async () => {
    await page.goto(`${siteUrl}${leadStory.path}`);
    const chart = figure(page);
    for (const u of spec.annotations.filter((a) => a.kind === 'uncertainty'))
      await expect.poll(() => chart.getByText(u.text).isVisible()).toBe(true);
    const credit = chart.locator('.chart-credit');
    expect(await credit.isVisible()).toBe(true);
    expect(await credit.textContent()).toMatch(/^Sources?: /);
    expect((await credit.boundingBox())!.height).toBeLessThan(40); // a line, or two at most
    expect(await chart.getByRole('tab').allTextContents()).toEqual(['Sources and notes', 'Table']);
    expect(await chart.locator('[role="tab"][aria-selected="true"]').count()).toBe(0);
    expect(await visible(chart.locator('[role="tabpanel"]'))).toEqual([false, false]);
    expect(await chart.locator('details').count()).toBe(0);
  });

  test('the tabs by keyboard alone: one tab stop, arrows move, Enter and Space open and close, each announced', async () => {
    await page.goto(`${siteUrl}${leadStory.path}`);
    const chart = figure(page);
    const tabs = chart.getByRole('tab');
    const live = chart.locator('[aria-live]');
    const [sources, table] = [chart.locator(`#chart-${id}-sources`), chart.locator(`#chart-${id}-table`)];
    // Tab from the drawing onwards, as a keyboard reader does, until a tab has focus.
    await chart.locator('.chart-plot[tabindex="0"]').first().focus();
    for (let i = 0; i < 10 && (await focused(page)) !== `chart-${id}-sources-tab`; i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`chart-${id}-sources-tab`);

    await page.keyboard.press('Enter');
    expect(await sources.isVisible()).toBe(true);
    expect(await table.isVisible()).toBe(false);
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => live.textContent()).toBe('Sources and notes: shown');

    // Arrows move focus only (manual activation), and wrap; Home and End go to the ends.
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`chart-${id}-table-tab`);
    expect(await sources.isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`chart-${id}-sources-tab`);
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe(`chart-${id}-table-tab`);
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe(`chart-${id}-sources-tab`);
    await page.keyboard.press('End');
    expect(await focused(page)).toBe(`chart-${id}-table-tab`);

    await page.keyboard.press('Space');
    expect(await table.isVisible()).toBe(true);
    expect(await sources.isVisible()).toBe(false);
    expect(
      await tabs.evaluateAll((all) => all.map((t) => [t.getAttribute('aria-selected'), t.getAttribute('tabindex')])),
    ).toEqual([
      ['false', '-1'],
      ['true', '0'],
    ]);
    await expect.poll(() => live.textContent()).toBe('Table: shown');

    // Tab goes into the open panel, and Shift+Tab back to its tab: the tab list is one stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="tabpanel"]')?.id)).toBe(
      `chart-${id}-table`,
    );
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(`chart-${id}-table-tab`);

    await page.keyboard.press('Enter');
    expect(await table.isVisible()).toBe(false);
    expect(await tabs.last().getAttribute('aria-selected')).toBe('false');
    await expect.poll(() => live.textContent()).toBe('Table: closed');
  });

  test('tabs and panels are labelled: the tab list names the chart, each panel its tab', async () => {
    await page.goto(`${siteUrl}${leadStory.path}`);
    const chart = figure(page);
    expect(await chart.getByRole('tablist').getAttribute('aria-label')).toContain(spec.title);
    for (const name of ['Sources and notes', 'Table']) {
      const tab = chart.getByRole('tab', { name, exact: true });
      await tab.click();
      const panel = chart.getByRole('tabpanel', { name, exact: true });
      expect(await panel.isVisible(), name).toBe(true);
      expect(await panel.getAttribute('id')).toBe(await tab.getAttribute('aria-controls'));
    }
  });

  test('the panels hold the full sources, the notes, who raised each unknown and every row', async () => {
    await page.goto(`${siteUrl}${leadStory.path}`);
    const chart = figure(page);
    await chart.getByRole('tab', { name: 'Sources and notes' }).click();
    const sources = chart.locator(`#chart-${id}-sources`);
    for (const source of data.sources)
      expect(await sources.locator(`a[href="${source.url}"]`).first().isVisible(), source.name).toBe(true);
    for (const note of spec.notes ?? []) expect(await sources.textContent()).toContain(note);
    for (const u of nonEmpty(
      spec.annotations.filter((a) => a.kind === 'uncertainty' && a.raisedBy),
      'uncertainties with who raised them',
    ))
      expect(await sources.textContent()).toContain(`Raised by ${u.raisedBy}`);
    await chart.getByRole('tab', { name: 'Table' }).click();
    const rows = chart.locator(`#chart-${id}-table tbody tr`);
    const china = data.rows.filter((r) => r.country === 'China').length;
    expect(await rows.count()).toBe(china);
    expect(nonEmpty(await visible(rows), 'table rows').every(Boolean)).toBe(true);
  });

  test('a link to the table or the notes opens the panel that holds it, on load and on a change of address', async () => {
    await page.goto(`${siteUrl}${leadStory.path}#chart-${id}-table`);
    const table = figure(page).locator(`#chart-${id}-table`);
    await expect.poll(() => table.isVisible()).toBe(true);
    await expect
      .poll(() =>
        table.evaluate((e) => e.getBoundingClientRect().top < innerHeight && e.getBoundingClientRect().bottom > 0),
      )
      .toBe(true);
    await page.evaluate((hash) => (location.hash = hash), `#chart-${id}-notes`);
    const sources = figure(page).locator(`#chart-${id}-sources`);
    await expect.poll(() => sources.isVisible()).toBe(true);
    expect(await table.isVisible()).toBe(false);
    await expect
      .poll(() =>
        page
          .locator(`#chart-${id}-notes`)
          .evaluate((e) => e.getBoundingClientRect().top < innerHeight && e.getBoundingClientRect().bottom > 0),
      )
      .toBe(true);
  });

  test('the open tab is part of the chart state in the address: a shared link reopens it, back and forward restore it', async () => {
    // A reader's whole state, the tab included, as "Link to this view" would give it.
    await page.goto(`${siteUrl}${leadStory.path}#${id}=select:China;tab:table`);
    const table = figure(page).locator(`#chart-${id}-table`);
    const sources = figure(page).locator(`#chart-${id}-sources`);
    await expect.poll(() => table.isVisible()).toBe(true);
    await figure(page).getByRole('tab', { name: 'Sources and notes', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toBe(`#${id}=select:China;tab:sources`);
    await figure(page).getByRole('tab', { name: 'Sources and notes', exact: true }).click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${id}=select:China`);
    expect(await sources.isVisible()).toBe(false);
    await page.goBack();
    await expect.poll(() => sources.isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(() => table.isVisible()).toBe(true);
    await page.goForward();
    await expect.poll(() => sources.isVisible()).toBe(true);
  });

  test('the page with its tabs made and a panel open is valid HTML', async () => {
    await page.goto(`${siteUrl}${leadStory.path}`);
    await figure(page).getByRole('tab', { name: 'Table' }).click();
    await figure(page, 'agreements-timeline').getByRole('tab', { name: 'Sources and notes' }).click();
    const dir = mkdtempSync(path.join(tmpdir(), 'supply-lines-tabs-'));
    writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`,
    );
    const { errors } = await validateHtml(dir);
    expect(errors.map((e) => `${e.line}: ${e.message}`)).toEqual([]);
  }, 120_000);
});

describe('with JavaScript off', () => {
  test('"Sources and notes" and "Table" are <details> that open and show every value', async () => {
    const page = await launchPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto(`${siteUrl}${leadStory.path}`);
    for (const chart of charts) {
      const details = figure(page, chart).locator('details');
      expect(
        await details.locator('summary').evaluateAll((all) => all.map((s) => s.firstChild?.textContent)),
        chart,
      ).toEqual(['Sources and notes', 'Table']);
      expect(await details.evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open))).toEqual([
        false,
        false,
      ]);
      for (const summary of await details.locator('summary').all()) await summary.click();
      const cells = details.locator('td');
      expect(await cells.count(), chart).toBeGreaterThan(0);
      expect((await visible(cells)).every(Boolean), chart).toBe(true);
      expect(
        nonEmpty(await visible(details.locator('.chart-source a')), `${chart}: source links`).every(Boolean),
        chart,
      ).toBe(true);
    }
    // Every figure of the dataset is a cell, as the source gives it.
    const cells = await figure(page).locator('details td').allTextContents();
    for (const row of nonEmpty(
      data.rows.filter((r) => r.country === 'China'),
      'China rows',
    ))
      expect(cells).toContain(Number(row.tonnes_reo).toLocaleString('en-US'));
  });
});

describe('print', () => {
  test.each([true, false])(
    'with JavaScript %s, every panel prints open and no tab or summary shows',
    async (javaScriptEnabled) => {
      const page = await launchPage({ javaScriptEnabled });
      await page.goto(`${siteUrl}${leadStory.path}`);
      await page.emulateMedia({ media: 'print' });
      for (const chart of charts) {
        const root = figure(page, chart);
        expect(await root.locator('[role="tab"]:visible, summary:visible').count(), chart).toBe(0);
        for (const part of ['.chart-source', '.chart-table table', '.chart-table td']) {
          const shown = await visible(root.locator(part));
          expect(shown.length, `${chart} ${part}`).toBeGreaterThan(0);
          expect(shown.every(Boolean), `${chart} ${part}`).toBe(true);
        }
      }
    },
  );
});
