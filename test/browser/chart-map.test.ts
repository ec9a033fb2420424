// Reading world maps (test/browser/fixtures/maps/: rows copied from data/mine-production.json and
// data/us-import-sources.json), wide and at 360 px: the pointer over a country reads that country, a small place's
// symbol reads it too, the ocean reads nothing, the keyboard steps through every place and the live region says it;
// axe finds nothing in the light and the dark scheme. Expected texts come from the fixture's data files, and where
// each place is drawn from the SVG, never from the page's script.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchPage, usePage } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/maps');
const production = readJson<DataFile>(path.join(fixture, 'data/production.json'));
const imports = readJson<DataFile>(path.join(fixture, 'data/import-sources.json'));
// Places written as alpha-3 codes ("SGP", "BRA") beside names (test/fixtures/charts/hostile-places-symbol-map/).
const hostile = readJson<DataFile>(path.join(fixture, 'data/hostile-places.json'));
const aggregates = ['World total', 'Other countries'];
const places = (data: DataFile) => data.rows.filter((r) => !aggregates.includes(String(r.country)));

const site = servedFixture(fixture);

const plotOf = (page: Page, id: string) => page.locator(`sl-chart[data-chart="${id}"] .chart-plot`);

/** The screen box of the shape of the place `index` of a chart's rows: its outline, or its symbol. */
async function shapeBox(page: Page, id: string, index: number, kind: 'path' | 'circle') {
  return plotOf(page, id)
    .locator(`svg:visible ${kind}[data-point="${index}"]`)
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width };
    });
}

describe.each([
  { layout: 'wide', viewport: { width: 1200, height: 900 } },
  { layout: 'narrow', viewport: { width: 360, height: 800 } },
])('the pointer and the keyboard on the $layout drawing', ({ viewport }) => {
  const browser = usePage({ viewport }, () => `${site.url}/articles/maps/`);

  test('over a country the tooltip reads that country; over the ocean, nothing', async () => {
    const plot = plotOf(browser.page, 'production-map');
    await plot.scrollIntoViewIfNeeded();
    const tooltip = plot.locator('.chart-tooltip');
    const rows = places(production);
    for (const name of ['China', 'Australia', 'Brazil']) {
      const index = rows.findIndex((r) => r.country === name);
      const row = rows[index];
      const { x, y } = await shapeBox(browser.page, 'production-map', index, 'path');
      await browser.page.mouse.move(x, y);
      await expect.poll(() => tooltip.isVisible(), { message: name }).toBe(true);
      expect(await tooltip.locator('strong').innerText()).toBe(
        `${name}: ${figure(Number(row.tonnes_reo))} ${production.unit}`,
      );
      if (row.estimate) expect(await tooltip.innerText()).toContain('estimate');
    }
    // Far from a country's middle, its outline still reads it: the west of Russia, near Europe.
    const russia = rows.findIndex((r) => r.country === 'Russia');
    const west = await plotOf(browser.page, 'production-map')
      .locator(`svg:visible path[data-point="${russia}"]`)
      .evaluate((path) => {
        const r = path.getBoundingClientRect();
        for (let x = r.left + 1; x < r.left + r.width * 0.3; x += 1) {
          for (let y = r.top + 1; y < r.bottom; y += 1)
            if (document.elementFromPoint(x, y) === path) return { x, y, middle: r.left + r.width / 2, width: r.width };
        }
        return undefined;
      });
    expect(west, 'a point inside Russia').toBeDefined();
    expect(west!.middle - west!.x).toBeGreaterThan(west!.width * 0.25);
    await browser.page.mouse.move(west!.x, west!.y);
    await expect
      .poll(() => tooltip.locator('strong').innerText(), { message: 'Russia' })
      .toBe(`Russia: ${figure(Number(rows[russia].tonnes_reo))} ${production.unit}`);
    // The middle of the Pacific, far from every place with a figure.
    const svg = await plot.locator('svg:visible').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    await browser.page.mouse.move(svg.left + svg.width * 0.03, svg.top + svg.height * 0.55);
    await expect.poll(() => tooltip.isVisible()).toBe(false);
  });

  test('a place too small to see is read from its symbol', async () => {
    const plot = plotOf(browser.page, 'import-sources-map');
    await plot.scrollIntoViewIfNeeded();
    const rows = places(imports);
    const index = rows.findIndex((r) => r.country === 'Estonia');
    const { x, y } = await shapeBox(browser.page, 'import-sources-map', index, 'circle');
    await browser.page.mouse.move(x, y);
    const tooltip = plot.locator('.chart-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('strong').innerText()).toBe(`Estonia: ${rows[index].share_pct}%`);
  });

  test('the arrow keys step through every place, and the live region reads each', async () => {
    const plot = plotOf(browser.page, 'production-map');
    const live = browser.page.locator('sl-chart[data-chart="production-map"] [aria-live="polite"]');
    const rows = places(production);
    await plot.focus();
    await browser.page.keyboard.press('Home');
    await expect
      .poll(() => live.textContent())
      .toContain(`1 of ${rows.length}: ${rows[0].country}: ${figure(Number(rows[0].tonnes_reo))}`);
    await browser.page.keyboard.press('End');
    const last = rows[rows.length - 1];
    await expect
      .poll(() => live.textContent())
      .toContain(`${rows.length} of ${rows.length}: ${last.country}: ${figure(Number(last.tonnes_reo))}`);
    // The focus ring is on the place read: inside its outline's box.
    const ring = await plot.locator('svg:visible .chart-focus').evaluate((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const box = await plot.locator(`svg:visible path[data-point="${rows.length - 1}"]`).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
    });
    expect(ring.x).toBeGreaterThanOrEqual(box.x0);
    expect(ring.x).toBeLessThanOrEqual(box.x1);
    expect(ring.y).toBeGreaterThanOrEqual(box.y0);
    expect(ring.y).toBeLessThanOrEqual(box.y1);
  });
});

test('a highlighted country keeps its colour and the others fade; the countries with no figure never do', async () => {
  const page = await launchPage({ viewport: { width: 360, height: 800 } });
  const rows = places(production);
  // Every place, Vietnam among them: a thin country whose middle lies in its neighbour, which has no figure.
  for (const [index, row] of nonEmpty(rows.entries(), 'places')) {
    await page.goto(`${site.url}/articles/maps/#production-map=select:${encodeURIComponent(String(row.country))}`);
    const svg = plotOf(page, 'production-map').locator('svg:visible');
    await expect.poll(() => svg.locator('.chart-faded').count(), { message: String(row.country) }).toBeGreaterThan(0);
    const kept = await svg
      .locator('.chart-map > :not(.chart-faded)')
      .evaluateAll((shapes) => shapes.map((s) => s.getAttribute('data-point')));
    expect(kept, String(row.country)).toEqual([null, String(index)]);
  }
});

describe('places written as codes', () => {
  test("read as the countries' names in the tooltip, table, summary and place list; the CSV keeps the codes as written", async () => {
    const page = await launchPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${site.url}/articles/maps/`);
    const chart = page.locator('sl-chart[data-chart="hostile-places-map"]');
    const rows = hostile.rows.filter((r) => !aggregates.includes(String(r.place)));
    const singapore = rows.findIndex((r) => r.place === 'SGP');
    // The tooltip over Singapore's symbol.
    const plot = plotOf(page, 'hostile-places-map');
    await plot.scrollIntoViewIfNeeded();
    const { x, y } = await shapeBox(page, 'hostile-places-map', singapore, 'circle');
    await page.mouse.move(x, y);
    await expect.poll(() => plot.locator('.chart-tooltip').isVisible()).toBe(true);
    expect(await plot.locator('.chart-tooltip strong').innerText()).toMatch(/^Singapore: 40 /);
    // The data table and the summary name the countries, never the codes.
    const table = (await chart.locator('table').first().textContent()) ?? '';
    const summary = (await chart.locator('[id^="chart-hostile-places-map-summary"]').first().textContent()) ?? '';
    for (const text of [table, summary]) {
      expect(text).toContain('Singapore');
      expect(text).toContain('Brazil');
      expect(text).not.toMatch(/\b(SGP|BRA)\b/);
    }
    // The place list names them too, finds them by name, and highlights by the row's own place.
    await chart.locator('details.chart-select > summary').click();
    const labels = chart.locator('.chart-select-list label');
    await expect.poll(() => labels.count()).toBe(rows.length);
    expect((await labels.allInnerTexts()).map((l) => l.trim())).toEqual([
      'Brazil',
      'Congo (Kinshasa)',
      "Côte d'Ivoire",
      'Singapore',
    ]);
    await chart.locator('.chart-select-panel input[type="search"]').fill('singa');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => chart.locator('details.chart-select > summary').innerText())
      .toBe('Highlight a place: Singapore');
    expect(await chart.locator('.chart-selected').innerText()).toMatch(/^Singapore: 40 /);
    expect(page.url()).toContain('SGP');
    // The downloads are the editor's data: the codes as written.
    const csv = await (await fetch(`${site.url}/data/hostile-places.csv`)).text();
    expect(csv).toMatch(/^SGP,/m);
    expect(csv).not.toContain('Singapore');
  });
});

describe.each(['light', 'dark'] as const)('axe on the maps, %s scheme', (colorScheme) => {
  test('no violations, with the data tables open', async () => {
    const page = await launchPage({ colorScheme });
    await page.goto(`${site.url}/articles/maps/`);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')})`,
      ),
    ).toEqual([]);
  });
});
