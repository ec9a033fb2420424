// Updates, corrections and drafts on a fixture site (test/fixtures/publication/): the real content has no story
// with an updatedDate or a correction. The fixture holds a story updated on 22 October 2026 with a correction of
// 20 October naming its chart, an earlier story sharing a tag, and a draft dated after both (tag
// "unpublished-draft-tag"), which must stay out of the feed and the sitemap.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { usePage } from '../support/browser.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { canonicalOf, existsInBuild, jsonLd, readFeed, readPage, sitemapUrls } from './publication-site.ts';
import { htmlFiles } from './site-files.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/publication');
const all = loadSite(fixture, { includeDrafts: true }).site;
const published = all.articles.filter((a) => !a.draft);
const draft = all.articles.find((a) => a.draft)!;
const corrected = published.find((a) => a.corrections.length > 0 && a.updatedDate)!;
const earlier = published.find((a) => a !== corrected)!;
const correction = corrected.corrections[0];
const chartId = correction.charts[0];

const site = servedFixture(fixture);
const browser = usePage();

test('the fixture is what the tests below assume', () => {
  expect(published).toHaveLength(2);
  expect(draft.pubDate.getTime()).toBeGreaterThan(corrected.pubDate.getTime()); // a leaked draft would come first
  expect(corrected.updatedDate!.getTime()).toBeGreaterThan(correction.date.getTime());
  expect(chartId).toBeDefined();
  expect(earlier.tags.some((t) => corrected.tags.includes(t))).toBe(true);
});

test('the feed lists the published stories newest first, the updated one with its dc:date, and no draft', async () => {
  const feed = await readFeed(browser.page, readFileSync(path.join(site.outDir, 'rss.xml'), 'utf8'));
  expect(feed.items.map((item) => item.link)).toEqual(
    [corrected, earlier].map((a) => canonicalOf(`articles/${a.slug}/index.html`)),
  );
  for (const item of feed.items) expect(existsInBuild(site.outDir, item.link), item.link).toBe(true);
  expect(feed.items[0].modified).toBe(corrected.updatedDate!.toISOString());
  expect(feed.items[0].description).toBe(corrected.description);
  expect(feed.items[1].modified, 'a story never changed has no dc:date').toBeUndefined();
  expect(readFileSync(path.join(site.outDir, 'rss.xml'), 'utf8')).not.toContain(draft.slug);
});

test('the sitemap lists the published pages and neither the draft nor its tag page', async () => {
  const urls = await sitemapUrls(browser.page, site.outDir);
  for (const story of published) expect(urls).toContain(canonicalOf(`articles/${story.slug}/index.html`));
  expect(urls.filter((url) => url.includes(draft.slug) || url.includes('unpublished-draft-tag'))).toEqual([]);
  expect(
    htmlFiles(site.outDir).filter((file) => file.includes(draft.slug) || file.includes('unpublished-draft-tag')),
  ).toEqual([]);
});

test('the JSON-LD dateModified is the updatedDate of the updated story and the publication date of the other', () => {
  const ld = (slug: string) =>
    jsonLd(readPage(site.outDir, `articles/${slug}/index.html`)).find((o) => o['@type'] === 'NewsArticle')!;
  expect(ld(corrected.slug).dateModified).toBe(corrected.updatedDate!.toISOString());
  expect(ld(corrected.slug).datePublished).toBe(corrected.pubDate.toISOString());
  expect(ld(earlier.slug).dateModified).toBe(earlier.pubDate.toISOString());
});

test('the correction shows at the end of the story with its date, and "Updated <date>" beside the byline', async () => {
  await browser.page.goto(`${site.url}/articles/${corrected.slug}/`);
  const article = browser.page.locator('article');
  const section = article.locator('section', { has: browser.page.getByRole('heading', { name: 'Corrections' }) });
  await expect.poll(() => section.isVisible()).toBe(true);
  // The last part of the story: nothing of the article comes after it.
  expect(await section.evaluate((el) => el.parentElement!.lastElementChild === el)).toBe(true);
  const item = section.locator('li');
  expect(await item.textContent()).toContain(correction.text);
  expect(await item.locator('time').getAttribute('datetime')).toBe('2026-10-20');
  expect(await item.locator('time').textContent()).toBe('20 October 2026');
  const byline = browser.page.locator('.byline');
  expect(await byline.textContent()).toMatch(/Updated\s+22 October 2026/);
  expect(await byline.locator('time').nth(1).getAttribute('datetime')).toBe('2026-10-22');
});

test('a story never updated has no "Updated" and no corrections section', async () => {
  await browser.page.goto(`${site.url}/articles/${earlier.slug}/`);
  expect(await browser.page.locator('.byline').textContent()).not.toContain('Updated');
  expect(await browser.page.getByRole('heading', { name: 'Corrections' }).count()).toBe(0);
});

test('the correction is on the page of the chart it names, dated, with a link to its story', async () => {
  await browser.page.goto(`${site.url}/charts/${chartId}/`);
  const section = browser.page.locator('section', { has: browser.page.getByRole('heading', { name: 'Corrections' }) });
  await expect.poll(() => section.isVisible()).toBe(true);
  expect(await section.textContent()).toContain(correction.text);
  expect(await section.locator('time').getAttribute('datetime')).toBe('2026-10-20');
  await section.getByRole('link', { name: corrected.title }).click();
  await expect.poll(() => browser.page.locator('h1').textContent()).toBe(corrected.title);
});

test('the related stories of the updated story list the earlier one, which shares its tag, and never the draft', () => {
  const related = readPage(site.outDir, `articles/${corrected.slug}/index.html`).querySelectorAll(
    '.related a[href*="/articles/"]',
  );
  expect([...related].map((a) => a.getAttribute('href')!.match(/\/articles\/([^/]+)\/$/)?.[1])).toEqual([earlier.slug]);
});
