// Views made from a field ("viewsBy": "year", src/charts/views-by.ts), in the browser. The fixture (test/fixtures/
// views-by/: rows copied from data/mine-production.json, 2017-2024) is copied and given a 2025 its files never name,
// as a new edition would bring, then built: the year's view, its stop on the time control and its title must come
// from the data alone. Expected words and figures are worked out here from the fixture's files, not read from the page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/views-by');
const copy = mkdtempSync(path.join(tmpdir(), 'views-by-'));
cpSync(fixture, copy, { recursive: true });
const dataFile = path.join(copy, 'data/production.json');
const data = readJson<DataFile>(dataFile);
// The new year: made-up test figures, written as an editor adds a year's rows.
const added = [
  { year: 2025, country: 'China', tonnes_reo: 280000, edition: 'MCS 2025', note: 'test row', source: 'mcs2025' },
  { year: 2025, country: 'United States', tonnes_reo: 51000, edition: 'MCS 2025', note: 'test row', source: 'mcs2025' },
];
writeFileSync(dataFile, JSON.stringify({ ...data, rows: [...data.rows, ...added] }, null, 2));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const specFile = path.join(fixture, 'content/charts/output-by-year.json');
const spec = readJson<{ title: string; subtitle: string }>(specFile);
const rows = [...data.rows, ...added];
const tonnes = (country: string, year: number) =>
  Number(rows.find((r) => r.country === country && r.year === year)!.tonnes_reo);
const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const id = 'output-by-year';
const story = '/articles/years/';

const site = servedFixture(copy);
const browser = useBrowser();

const chartOf = (page: Page, chart = id) => page.locator(`sl-chart[data-chart="${chart}"]`);
const slider = (page: Page, chart = id) => chartOf(page, chart).getByRole('slider', { name: 'Year' });
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

/** The chart at `year`: its view, the slider, the title and subtitle written with the year, the summary's figure. */
async function expectYear(page: Page, year: number) {
  const chart = chartOf(page);
  await expect.poll(() => chart.locator('.chart-view:visible').getAttribute('data-view')).toBe(String(year));
  expect(await slider(page).getAttribute('aria-valuetext')).toBe(String(year));
  expect(await chart.locator('.chart-title').textContent()).toBe(spec.title.replace('{year}', String(year)));
  // The time control's group is named by the title on screen.
  expect(
    await chart.getByRole('group', { name: `Year of “${spec.title.replace('{year}', String(year))}”` }).count(),
  ).toBe(1);
  expect(await chart.locator('.chart-subtitle').textContent()).toBe(spec.subtitle.replace('{year}', String(year)));
  expect(await chart.locator('.chart-summary:visible').textContent()).toContain(figure(tonnes('China', year)));
}

describe('views made by year', () => {
  test('the chart file names no year; a year added to the data is a view with its stop, and the chart opens at it', async () => {
    expect(readFileSync(specFile, 'utf8')).not.toMatch(/20\d\d/);
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    expect(await slider(page).getAttribute('data-years')).toBe(years.join(' '));
    await expectYear(page, 2025);
    // The map made by the same field has the same stops, and its key says its colours step alike every year.
    expect(await slider(page, 'output-map-by-year').getAttribute('data-years')).toBe(years.join(' '));
    expect(await chartOf(page, 'output-map-by-year').locator('.chart-legend').textContent()).toContain(
      'Same steps every year',
    );
  });

  test('by keyboard the slider steps through every year in order; title, subtitle, summary and URL follow', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    await slider(page).focus();
    await page.keyboard.press('Home');
    await expectYear(page, 2017);
    for (const year of years.slice(1)) {
      await page.keyboard.press('ArrowRight');
      await expectYear(page, year);
      expect(await hash(page)).toBe(`#${id}=year:${year}`);
    }
    await page.keyboard.press('ArrowLeft');
    await expectYear(page, 2024);
  });

  test('a :view link and an address open a year the views were made for', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    await page.locator('a.view-link', { hasText: 'see 2023' }).click();
    await expectYear(page, 2023);
    await page.goto(`${site.url}${story}#${id}=year:2019`);
    await expectYear(page, 2019);
  });

  test('without JavaScript, the latest year is drawn under its own title', async () => {
    const page = await launchPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page);
    expect(
      await chart
        .locator('.chart-view:visible')
        .evaluateAll((views) => views.map((v) => (v as HTMLElement).dataset.view)),
    ).toEqual(['2025']);
    expect(await chart.locator('.chart-title').textContent()).toBe(spec.title.replace('{year}', '2025'));
  });
});
