// Slopes, bands and projections, on a small fixture site (test/browser/fixtures/slopes/: USGS reserves rows copied
// from data/rare-earth-reserves.json, and the contract corpus's made-up projections): a slope read point by point
// with the keyboard, projections and ranges named where readers read them (tooltip, key, summary, table), and axe
// in the light and the dark scheme. Expected values come from the fixture's files, never from the page.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { launchPage, usePage } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/slopes');
const read = (file: string) => JSON.parse(readFileSync(path.join(fixture, file), 'utf8')) as DataFile;
const reserves = read('data/reserves.json');
const projections = read('data/projections.json');

const site = servedFixture(fixture);
const browser = usePage({}, () => `${site.url}/articles/slopes/`);

const chart = (id: string) => browser.page.locator(`sl-chart[data-chart="${id}"]`);

test('a slope reads by keyboard line by line, each country from its earlier edition to its later one', async () => {
  // Lines in the order the countries first appear (the key's order), each from MCS 2023 to MCS 2025.
  const countries = [...new Set(reserves.rows.map((r) => String(r.country)))];
  const expected = countries.flatMap((country) =>
    ['MCS 2023', 'MCS 2025'].map((edition) => {
      const row = reserves.rows.find((r) => r.country === country && r.edition === edition)!;
      return `${country}, ${edition}: ${figure(Number(row.tonnes_reo))} ${reserves.unit}`;
    }),
  );
  await chart('reserves-slope').locator('.chart-plot:visible').focus();
  const live = chart('reserves-slope').locator('[aria-live]');
  const tooltip = chart('reserves-slope').locator('.chart-tooltip');
  for (const [i, text] of nonEmpty(expected.entries(), 'slope points')) {
    await browser.page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
    expect(await live.textContent()).toContain(`${i + 1} of ${expected.length}: ${text}`);
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('strong').textContent()).toBe(text);
  }
  await browser.page.keyboard.press('Home');
  expect(await live.textContent()).toContain(`1 of ${expected.length}: ${expected[0]}`);
  await browser.page.keyboard.press('Escape');
  expect(await tooltip.isVisible()).toBe(false);
});

test('the tooltip names each projection and gives its range; measured points are not called projections', async () => {
  const rows = projections.rows;
  await chart('projection-line').locator('.chart-plot:visible').focus();
  const live = chart('projection-line').locator('[aria-live]');
  for (const [i, row] of nonEmpty(rows.entries(), 'projection rows')) {
    await browser.page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
    const text = (await live.textContent()) ?? '';
    expect(text, `${row.country} ${row.year}`).toContain(`${row.country}, ${row.year}: ${figure(Number(row.tonnes))}`);
    expect(text.includes('projection'), `${row.country} ${row.year}`).toBe(row.projection === true);
    if (typeof row.low === 'number') expect(text).toContain(`range ${figure(row.low)} to ${figure(Number(row.high))}`);
  }
});

test('the key, the summary and the table say which figures are projections and show the band of ranges', async () => {
  const projected = projections.rows.filter((r) => r.projection === true);
  const years = [...new Set(projected.map((r) => r.year))].join(' and ');
  for (const id of ['projection-line', 'projection-bars']) {
    expect(await chart(id).locator('.chart-legend').innerText(), id).toMatch(/projection/i);
    expect(await chart(id).locator('.chart-summary').innerText(), id).toContain(`${years} figures are projections.`);
  }
  const key = await chart('projection-line').locator('.chart-legend').innerText();
  expect(key).toContain('Shaded: range, low to high, given by Fixture source: Outlook of Made-up Output 2025');
  // The table: a projection's row says so in its flags and gives its low and high.
  const table = chart('projection-line').locator('table');
  await chart('projection-line').getByRole('tab', { name: 'Table', exact: true }).click(); // the figure's Table tab (figure-tabs.ts)
  const heads = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim().toLowerCase());
  const flags = heads.indexOf('flags');
  const [low, high] = [heads.findIndex((h) => h.startsWith('low')), heads.findIndex((h) => h.startsWith('high'))];
  expect(flags).toBeGreaterThanOrEqual(0);
  const cells = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  expect(cells).toHaveLength(projections.rows.length);
  for (const [i, row] of nonEmpty(projections.rows.entries(), 'projection rows')) {
    expect(cells[i][flags].includes('projection'), `${row.country} ${row.year}`).toBe(row.projection === true);
    if (typeof row.low === 'number')
      expect([cells[i][low], cells[i][high]]).toEqual([figure(row.low), figure(Number(row.high))]);
  }
});

test('the band is drawn behind the projections, from low to high', async () => {
  const svg = chart('projection-line').locator('.chart-drawing svg:visible');
  const band = await svg.locator('.chart-band path').count();
  expect(band).toBe(new Set(projections.rows.filter((r) => typeof r.low === 'number').map((r) => r.country)).size);
  expect(await svg.locator('.chart-projection[stroke-dasharray]').count()).toBeGreaterThan(0);
});

describe.each(['light', 'dark'] as const)('%s scheme', (colorScheme) => {
  test('axe reports no violations on slopes, bands and projections', async () => {
    const tab = await launchPage({ colorScheme });
    await tab.goto(`${site.url}/articles/slopes/`);
    await tab.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const results = await new AxeBuilder({ page: tab }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
