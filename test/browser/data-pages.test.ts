// Dataset pages (/data/<id>/), on a fixture site whose dataset holds two editions of one figure (test/fixtures/
// site-editions/: real rows, Australia's 2023 output as MCS 2024 and MCS 2025 gave it): the page lists the revision
// old -> new with both editions named, says everything with no script, is axe-clean, is in the sitemap, and the
// story's figure and the chart's "Sources and notes" lead to it.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { validateHtml } from '../support/html-validator.ts';
import { servedFixture } from '../support/served-fixture.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/site-editions');
// Built as of 15 March 2027: MCS 2026's next edition, expected in February 2027, is then due (and MCS 2025's is in the
// dataset already), whatever day the test runs.
const site = servedFixture(fixture, { SUPPLY_LINES_TODAY: '2027-03-15' });
const browser = useBrowser();

test('the page lists every figure a later edition revised, largest first: old -> new, both editions named', async () => {
  const page = await launchPage({ javaScriptEnabled: false });
  await page.goto(`${site.url}/data/australia-editions/`);
  const rows = await page.locator('table.revisions tbody tr').all();
  const cells = await Promise.all(
    rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((t) => t.trim())),
  );
  expect(cells).toEqual([
    ['Australia, 2024, Tonnes REO', '13,000 (MCS 2025)', '29,000 (MCS 2026)', '+16,000'],
    ['Australia, 2023, Tonnes REO', '18,000 (MCS 2024)', '16,000 (MCS 2025)', '−2,000'],
  ]);
});

test('a dataset with one edition per figure says plainly that nothing was revised', async () => {
  const page = await launchPage({ javaScriptEnabled: false });
  await page.goto(`${site.url}/data/australia-mine-production/`);
  const section = page.locator('section:has(#revisions)');
  expect(await section.locator('table').count()).toBe(0);
  expect(await section.innerText()).toContain(
    'No revisions to compare: no two editions in this data give the same figure. Where a row says what an earlier edition gave, its note ("revised") is in the downloads and in the tables under the charts.',
  );
});

test('with no script, the page shows what the data is, its sources, the charts and stories using it and the downloads', async () => {
  const page = await launchPage({ javaScriptEnabled: false });
  await page.goto(`${site.url}/data/australia-mine-production/`);
  const article = page.locator('article.data-page');
  expect(await article.locator('h1').innerText()).toBe('Rare-earth mine production in Australia, 2019-2024');
  const facts = await article.locator('.data-facts').innerText();
  expect(facts).toContain('tonnes of rare-earth oxide (REO) equivalent');
  expect(facts).toContain('Figures: US Geological Survey (public domain)');
  const sources = article.locator('.source-list li');
  expect(await sources.count()).toBe(3);
  expect(await sources.first().innerText()).toContain('edition: MCS 2025 (January 2025)');
  expect(await sources.first().locator('a').getAttribute('href')).toBe(
    'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf',
  );
  const chart = article.locator('section:has(#charts) a');
  expect(await chart.getAttribute('href')).toBe('/charts/australia-mine-production/');
  expect(await article.locator('section:has(#stories) a').first().getAttribute('href')).toBe(
    '/articles/australia-output/',
  );
  for (const [text, file] of [
    ['Data (CSV)', '/data/australia-mine-production.csv'],
    ['Data with its sources (JSON)', '/data/australia-mine-production.json'],
  ]) {
    const link = article.getByRole('link', { name: text, exact: true });
    expect(await link.getAttribute('href')).toBe(file);
    expect((await page.request.get(`${site.url}${file}`)).ok()).toBe(true);
  }
  expect(await article.getAttribute('data-pagefind-body')).not.toBeNull();
});

test('the data catalogue, a chart\'s "Sources and notes" and a figure printed from the data link to the page', async () => {
  const page = await launchPage({ javaScriptEnabled: false });
  await page.goto(`${site.url}/data/`);
  expect(
    await page
      .getByRole('link', { name: 'Rare-earth mine production in Australia, editions of 2023 and 2024', exact: true })
      .getAttribute('href'),
  ).toBe('/data/australia-editions/');
  await page.goto(`${site.url}/articles/australia-output/`);
  const about = page.locator('details.chart-sources a', { hasText: 'About the data' });
  expect(await about.getAttribute('href')).toBe('/data/australia-mine-production/');
  const value = page.locator('article .value', { hasText: '29,000' });
  expect(await value.getAttribute('href')).toBe('../../data/australia-editions/');
  await value.click();
  expect(new URL(page.url()).pathname).toBe('/data/australia-editions/');
});

test('every dataset page is in the sitemap', () => {
  const sitemap = readFileSync(path.join(site.outDir, 'sitemap-0.xml'), 'utf8');
  for (const id of ['australia-editions', 'australia-mine-production']) expect(sitemap).toContain(`/data/${id}/</loc>`);
});

test('the search index holds the dataset page, revision included', () => {
  // Pagefind's fragments: one gzipped JSON record per indexed page, after an 11-byte signature.
  const dir = path.join(site.outDir, 'pagefind/fragment');
  const pages = readdirSync(dir).map((file) => gunzipSync(readFileSync(path.join(dir, file))).toString('utf8'));
  const page = pages.find((text) => text.includes('"url":"/data/australia-editions/"'));
  expect(page).toContain('Revisions between editions');
  expect(page).toContain('13,000 (MCS 2025)');
});

test('axe reports no violations on the dataset page with a revision', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/data/australia-editions/`);
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the revisions are drawn: one line per revised figure, from the earlier edition to the later', async () => {
  const page = await launchPage({ javaScriptEnabled: false });
  await page.goto(`${site.url}/data/australia-editions/`);
  const chart = page.locator('section:has(#revisions) sl-chart');
  expect(await chart.getAttribute('data-chart')).toBe('revisions-australia-editions');
  const svg = chart.locator('.chart-drawing svg:visible');
  const text = (await svg.locator('text').allTextContents()).join(' ');
  // Two pairs of editions (2024 -> 2025, 2025 -> 2026): the ends are the earlier and the later edition.
  expect(text).toContain('Earlier edition');
  expect(text).toContain('Later edition');
  expect(text).toContain('Australia, 2024');
  expect(text).toContain('Australia, 2023');
  const table = await chart.locator('.chart-table table').first().textContent();
  for (const figure of ['13,000', '29,000', '18,000', '16,000']) expect(table).toContain(figure);
});

test("a source's dates read as the reader needs them: published, and the next edition due since its date", async () => {
  const page = await launchPage({ javaScriptEnabled: false });
  await page.goto(`${site.url}/data/australia-editions/`);
  const sources = page.locator('article > section:has(#sources) .source-list li');
  expect(await sources.nth(0).innerText()).toContain('Published Feb 2026 · next edition due since Feb 2027');
  // MCS 2025's next edition, expected in February 2026, is MCS 2026, beside it: not due.
  expect(await sources.nth(1).innerText()).toContain('Published Jan 2025');
  expect(await sources.nth(1).innerText()).not.toContain('next edition');
  expect(await sources.nth(2).innerText()).toContain('Published Jan 2024');
  // The chart's "Sources and notes" says the same, from the same words.
  const panel = await page.locator('details.chart-sources .chart-source').first().textContent();
  expect(panel?.replace(/\s+/g, ' ')).toContain('Published Feb 2026 · next edition due since Feb 2027');
});

test('the dataset page with its revisions and their chart is valid HTML', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-page-'));
  try {
    cpSync(path.join(site.outDir, 'data/australia-editions'), dir, { recursive: true });
    const { checked, errors } = await validateHtml(dir);
    expect(checked).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
