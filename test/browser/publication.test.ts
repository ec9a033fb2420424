// A publication readers can follow, on the built site: the feed, the sitemap and robots.txt, search, social cards
// and link previews, JSON-LD, the agreements tracker, tag pages, the home page and related stories.
// Expected values come from the reader fixture's files (test/fixtures/reader/: the loader on it, its data/*.json,
// its Markdown) and from the list of built files, never from the page under test. test/browser/publication-fixture.test.ts covers what
// the real content has no example of (drafts, updates, corrections).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, inject, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { launchPage, usePage } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { readerFixture } from '../support/site.ts';
import { decodePng } from '../support/png.ts';
import {
  builtFile,
  canonicalOf,
  existsInBuild,
  expectedModified,
  jsonLd,
  meta,
  readFeed,
  readPage,
  sitemapUrls,
  site,
} from './publication-site.ts';
import { expectedPageCount, htmlFiles, readJson } from './site-files.ts';

const siteDir = inject('siteDir');
const siteUrl = inject('siteUrl');
const { site: content } = loadSite(readerFixture);
const stories = content.articles; // published, newest first
const drafts = loadSite(readerFixture, { includeDrafts: true }).site.articles.filter((a) => a.draft);
const storyFile = (slug: string) => `articles/${slug}/index.html`;
const slugOf = (address: string) => new URL(address, site).pathname.match(/\/articles\/([^/]+)\/$/)?.[1];

const browser = usePage();

test('the real site has at least two published stories, so the order checks below compare something', () => {
  expect(stories.length).toBeGreaterThanOrEqual(2);
});

test('the build made every page the fixture calls for, so the checks below that walk them walk them all', () => {
  expect(stories.length).toBeGreaterThan(0);
  expect(htmlFiles(siteDir)).toHaveLength(expectedPageCount());
});

describe('feed', () => {
  test('/rss.xml is XML listing every published story, newest first, each with its dek and a link to its built page', async () => {
    const feed = await readFeed(browser.page, readFileSync(path.join(siteDir, 'rss.xml'), 'utf8'));
    expect(feed.root).toBe('rss');
    expect(existsInBuild(siteDir, feed.channelLink), feed.channelLink).toBe(true);
    expect(feed.items.map((item) => slugOf(item.link))).toEqual(stories.map((s) => s.slug));
    const dates = feed.items.map((item) => Date.parse(item.pubDate));
    expect(
      dates.every((d, i) => !Number.isNaN(d) && (i === 0 || d <= dates[i - 1])),
      'pubDates newest first',
    ).toBe(true);
    for (const [i, item] of feed.items.entries()) {
      const story = stories[i];
      expect(item.link).toBe(canonicalOf(storyFile(story.slug)));
      expect(existsInBuild(siteDir, item.link), item.link).toBe(true);
      expect(item.guid).toBe(item.link);
      expect(item.title).toBe(story.title);
      expect(item.description).toBe(story.description);
      expect(new Date(item.pubDate).toISOString()).toBe(story.pubDate.toISOString());
      expect(item.creators).toEqual(story.authors);
      expect(item.categories).toEqual(story.tags);
      expect(item.modified, `${story.slug}: dc:date`).toBe(expectedModified(story)?.toISOString());
    }
    for (const draft of drafts)
      expect(feed.items.map((item) => item.link).join(' ')).not.toContain(`/articles/${draft.slug}/`);
  });

  test('every page names the feed, at an address that is in the build', () => {
    for (const file of nonEmpty(
      htmlFiles(siteDir).filter((f) => !f.startsWith('embed/')),
      'pages',
    )) {
      const href = readPage(siteDir, file)
        .querySelector('link[rel="alternate"][type="application/rss+xml"]')
        ?.getAttribute('href');
      expect(href, file).toBeTruthy();
      expect(existsInBuild(siteDir, new URL(href!, canonicalOf(file)).href), `${file}: ${href}`).toBe(true);
    }
  });
});

describe('sitemap and robots.txt', () => {
  // Pages a reader should land on from a search engine: every HTML page but embeds, the search page and the 404 page.
  const landingPages = () =>
    htmlFiles(siteDir).filter((file) => !/^(embed|search)\//.test(file) && file !== '404.html');

  test('the sitemap lists every published page of the build, by its canonical address, and nothing else', async () => {
    const urls = await sitemapUrls(browser.page, siteDir);
    expect(new Set(urls).size, 'no address twice').toBe(urls.length);
    expect([...urls].sort()).toEqual(landingPages().map(canonicalOf).sort());
    for (const url of nonEmpty(urls, 'sitemap addresses')) expect(new URL(url).origin).toBe(site.origin);
    for (const story of stories) expect(urls).toContain(canonicalOf(storyFile(story.slug)));
    for (const draft of drafts) expect(urls.join(' ')).not.toContain(`/articles/${draft.slug}/`);
  });

  test("each page's canonical link and og:url is the address the sitemap gives it", () => {
    for (const file of nonEmpty(landingPages(), 'landing pages')) {
      const doc = readPage(siteDir, file);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toBe(canonicalOf(file));
      expect(meta(doc, 'og:url'), file).toBe(canonicalOf(file));
    }
  });

  test('robots.txt points at the sitemap index and disallows no page the sitemap lists', async () => {
    const robots = readFileSync(path.join(siteDir, 'robots.txt'), 'utf8');
    const sitemaps = [...robots.matchAll(/^Sitemap:\s*(\S+)\s*$/gim)].map((m) => m[1]);
    expect(sitemaps).toEqual([new URL('sitemap-index.xml', new URL(canonicalOf('index.html'))).href]);
    expect(existsInBuild(siteDir, sitemaps[0])).toBe(true);
    const disallowed = [...robots.matchAll(/^Disallow:\s*(\S+)\s*$/gim)].map((m) => m[1]);
    for (const url of nonEmpty(await sitemapUrls(browser.page, siteDir), 'sitemap addresses')) {
      expect(
        disallowed.filter((prefix) => new URL(url).pathname.startsWith(prefix)),
        url,
      ).toEqual([]);
    }
  });
});

describe('search', () => {
  /** The text Pagefind indexes on each page: its data-pagefind-body elements (pages without one are not indexed). */
  const indexed = htmlFiles(siteDir)
    .map((file) => ({
      file,
      text: [...readPage(siteDir, file).querySelectorAll('[data-pagefind-body]')]
        .map((e) => e.textContent)
        .join(' ')
        .toLowerCase(),
    }))
    .filter((p) => p.text.trim());

  /** Words of a story's Markdown body, lower-case, in order, without directives, attributes or link targets. */
  function bodyWords(file: string): string[] {
    const body = matter(readFileSync(path.join(readerFixture, file), 'utf8'))
      .content.replace(/^::.*$/gm, ' ') // chart directives
      .replace(/\{[^}]*\}/g, ' ') // directive attributes
      .replace(/\]\([^)]*\)/g, '] ') // link targets
      .replace(/https?:\/\/\S+/g, ' ');
    return (body.match(/\p{L}{7,}/gu) ?? []).map((w) => w.toLowerCase());
  }

  /** The last word of the story's body that is in neither its headline nor its dek, nor on any other indexed page. */
  function bodyWord(story: (typeof stories)[number]): string {
    const own = indexed.find((p) => p.file === storyFile(story.slug))!.text;
    const heading = `${story.title} ${story.description}`.toLowerCase();
    const candidates = bodyWords(story.file).filter(
      (w) =>
        !heading.includes(w) &&
        own.includes(w) &&
        !indexed.some((p) => p.file !== storyFile(story.slug) && p.text.includes(w)),
    );
    expect(candidates.length, `${story.slug}: a word only its body has`).toBeGreaterThan(0);
    return candidates.at(-1)!;
  }

  async function search(query: string): Promise<{ status: string; results: { href: string; title: string }[] }> {
    await browser.page.goto(`${siteUrl}/search/`);
    await browser.page.getByLabel('Search stories and charts').fill(query);
    await browser.page.getByLabel('Search stories and charts').press('Enter');
    const status = browser.page.locator('.search-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/results? for/);
    const results = await browser.page
      .locator('.search-results li h2 a')
      .evaluateAll((links) => links.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent ?? '' })));
    return { status: (await status.textContent()) ?? '', results };
  }

  test('a word found only deep in a story’s body finds that story, and its result opens it', async () => {
    for (const story of stories) {
      const word = bodyWord(story);
      const { results } = await search(word);
      const hit = results.find(
        (r) => new URL(r.href).pathname === new URL(canonicalOf(storyFile(story.slug))).pathname,
      );
      expect(hit, `"${word}" finds ${story.slug} (results: ${results.map((r) => r.href).join(', ')})`).toBeDefined();
      expect(hit!.title).toBe(story.title);
      await browser.page.locator('.search-results li h2 a', { hasText: story.title }).first().click();
      await expect.poll(() => browser.page.locator('h1').textContent()).toBe(story.title);
    }
  });

  test('the page chrome (skip link, navigation, footer) is not indexed: its words find nothing', async () => {
    const home = readPage(siteDir, 'index.html');
    const chrome = ['.skip-link', '.site-header', '.site-footer']
      .map((s) => home.querySelector(s)!.innerHTML.replace(/<[^>]+>/g, ' '))
      .join(' ');
    // Pagefind matches stems and prefixes ("topics" finds "topic"), so a word counts as chrome-only when no indexed
    // page has even its first letters (all but the last three, at least four).
    const stem = (w: string) => w.slice(0, Math.max(4, w.length - 3));
    const words = [...new Set((chrome.match(/\p{L}{4,}/gu) ?? []).map((w) => w.toLowerCase()))].filter(
      (w) => !indexed.some((p) => p.text.includes(stem(w))),
    );
    expect(words, 'words only the chrome has (the skip link says "Skip to content")').toContain('skip');
    for (const word of words) {
      const { status, results } = await search(word);
      expect(results, `"${word}" is only in the chrome`).toEqual([]);
      expect(status).toContain('0 results');
    }
  });

  test('a result says whether it is a story or a chart, and the match is marked in its excerpt', async () => {
    // A word of a story's body that a chart page has too, on few enough pages for every result to be listed.
    const pagesWith = (w: string) => indexed.filter((p) => p.text.includes(w)).map((p) => p.file);
    const word = stories
      .flatMap((s) => bodyWords(s.file))
      .find(
        (w) =>
          pagesWith(w).length <= 10 &&
          pagesWith(w).some((f) => f.startsWith('articles/')) &&
          pagesWith(w).some((f) => f.startsWith('charts/')),
      );
    expect(word, 'a word both a story and a chart page have').toBeDefined();
    const { results } = await search(word!);
    const kinds = await browser.page.locator('.search-results li .kicker').allTextContents();
    expect(kinds).toHaveLength(results.length);
    const kindOf = (href: string) =>
      href.includes('/articles/')
        ? 'Story'
        : href.includes('/charts/')
          ? 'Chart'
          : href.includes('/agreements/')
            ? 'Agreements tracker'
            : 'Page';
    results.forEach((r, i) => expect(kinds[i], r.href).toBe(kindOf(r.href)));
    expect(kinds, word).toContain('Story');
    expect(kinds, word).toContain('Chart');
    const marks = await browser.page.locator('.search-results li mark').allTextContents();
    expect(marks.length, 'matches marked').toBeGreaterThan(0);
    // Excerpts read as text: no HTML entity or tag shows up literally.
    for (const excerpt of await browser.page.locator('.search-results li p:not(.kicker)').allTextContents())
      expect(excerpt).not.toMatch(/&(amp|lt|gt|quot|#\d+);|<\/?mark>/);
  });
});

describe('social cards and link previews', () => {
  test("every story's card is a 1200x630 PNG with its headline drawn on the left and its lead chart on the right", () => {
    for (const story of stories) {
      const png = decodePng(readFileSync(path.join(siteDir, 'cards', `${story.slug}.png`)));
      expect([png.width, png.height], story.slug).toEqual([1200, 630]);
      const at = (x: number, y: number) => png.pixels.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3);
      const background = at(20, png.height - 20);
      const differs = (x: number, y: number) => at(x, y).some((v, i) => Math.abs(v - background[i]) > 80);
      // The headline block: from the left margin to the chart's box, below the name of the publication.
      const inkRows: number[] = [];
      let ink = 0;
      for (let y = 110; y < 580; y++) {
        let row = 0;
        for (let x = 56; x < 580; x++) if (differs(x, y)) row++;
        ink += row;
        if (row > 0) inkRows.push(y);
      }
      expect(ink / (470 * 524), `${story.slug}: share of the headline area inked`).toBeGreaterThan(0.03);
      const lines = inkRows.filter((y, i) => i === 0 || y - inkRows[i - 1] > 4).length;
      expect(lines, `${story.slug}: lines of headline text`).toBeGreaterThanOrEqual(2);
      if (story.body.charts.length > 0) {
        let drawn = 0;
        for (let y = 100; y < 560; y += 2) for (let x = 640; x < 1140; x += 2) if (differs(x, y)) drawn++;
        expect(drawn, `${story.slug}: lead chart drawn`).toBeGreaterThan(500);
      }
    }
  });

  test("a story's page points og:image at its card, with its size, and carries og:title, og:description, og:type, og:url and twitter:card", () => {
    for (const story of stories) {
      const doc = readPage(siteDir, storyFile(story.slug));
      const image = meta(doc, 'og:image');
      expect(image, story.slug).toBe(new URL(`cards/${story.slug}.png`, canonicalOf('index.html')).href);
      expect(existsInBuild(siteDir, image!)).toBe(true);
      expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')]).toEqual(['1200', '630']);
      expect(meta(doc, 'og:image:alt')).toContain(story.title);
      expect(meta(doc, 'og:title')).toBe(story.title);
      expect(meta(doc, 'og:description')).toBe(story.description);
      expect(meta(doc, 'og:type')).toBe('article');
      expect(meta(doc, 'og:url')).toBe(canonicalOf(storyFile(story.slug)));
      expect(meta(doc, 'og:url')).toBe(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
      expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    }
  });

  test("a chart page's og:image is the chart's PNG, with the PNG's real size", () => {
    expect(content.charts.size).toBeGreaterThan(0);
    for (const id of content.charts.keys()) {
      const doc = readPage(siteDir, `charts/${id}/index.html`);
      const image = meta(doc, 'og:image')!;
      expect(image, id).toBe(new URL(`charts/${id}.png`, canonicalOf('index.html')).href);
      const png = decodePng(readFileSync(builtFile(siteDir, image)!));
      expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')], id).toEqual([
        String(png.width),
        String(png.height),
      ]);
      expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
      expect(meta(doc, 'og:url')).toBe(canonicalOf(`charts/${id}/index.html`));
    }
  });
});

describe('structured data', () => {
  test('every story has a NewsArticle with headline, description, dates, author, image and publisher', () => {
    for (const story of stories) {
      const doc = readPage(siteDir, storyFile(story.slug));
      const articles = jsonLd(doc).filter((o) => o['@type'] === 'NewsArticle');
      expect(articles, story.slug).toHaveLength(1);
      const ld = articles[0] as Record<string, any>;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld.headline).toBe(story.title);
      expect(ld.description).toBe(story.description);
      expect(ld.datePublished).toBe(story.pubDate.toISOString());
      expect(ld.dateModified).toBe((expectedModified(story) ?? story.pubDate).toISOString());
      expect(ld.author).toEqual(story.authors.map((name) => ({ '@type': 'Person', name })));
      expect(ld.image).toContain(meta(doc, 'og:image'));
      expect(ld.publisher).toMatchObject({ name: 'Supply Lines' });
      expect(ld.mainEntityOfPage).toBe(canonicalOf(storyFile(story.slug)));
    }
  });

  test('the data catalogue describes every dataset as a schema.org Dataset with its licence, downloads and citation', () => {
    const doc = readPage(siteDir, 'data/index.html');
    const catalogue = jsonLd(doc).find((o) => o['@type'] === 'DataCatalog') as
      { dataset: Record<string, any>[] } | undefined;
    expect(catalogue).toBeDefined();
    const datasets = [...content.datasets.values()];
    expect(catalogue!.dataset.map((d) => d.name).sort()).toEqual(datasets.map((d) => d.title).sort());
    for (const dataset of nonEmpty(datasets, 'datasets')) {
      const ld = catalogue!.dataset.find((d) => d.name === dataset.title)!;
      expect(ld['@type']).toBe('Dataset');
      expect(ld.description, dataset.id).toBe(dataset.description ?? dataset.title);
      expect(ld.creator).toMatchObject({ name: 'Supply Lines' });
      if (dataset.license) expect(ld.license, dataset.id).toEqual({ '@type': 'CreativeWork', name: dataset.license });
      else expect(ld.license, dataset.id).toBeUndefined();
      const formats = Object.fromEntries(
        (ld.distribution as { encodingFormat: string; contentUrl: string }[]).map((d) => [
          d.encodingFormat,
          d.contentUrl,
        ]),
      );
      expect(Object.keys(formats).sort(), dataset.id).toEqual(['application/json', 'text/csv']);
      for (const url of Object.values(formats)) expect(existsInBuild(siteDir, url), url).toBe(true);
      const csv = readFileSync(builtFile(siteDir, formats['text/csv'])!, 'utf8');
      expect(csv.trim().split('\n').length - 1, `${dataset.id}: CSV rows`).toBe(dataset.rows.length);
      expect(JSON.parse(readFileSync(builtFile(siteDir, formats['application/json'])!, 'utf8')).rows).toHaveLength(
        dataset.rows.length,
      );
      expect(ld.citation).toHaveLength(dataset.sources.length);
      dataset.sources.forEach((source, i) => expect(ld.citation[i]).toContain(source.name));
      // The Dataset's url lands on its entry in the catalogue.
      expect(new URL(ld.url).hash).toBe(`#${dataset.id}`);
      expect(doc.getElementById(dataset.id), dataset.id).not.toBeNull();
    }
  });
});

describe('agreements tracker', () => {
  const data = readJson<{ rows: Record<string, string>[]; changes?: { date: string; text: string; key?: string }[] }>(
    'data/agreements.json',
  );
  const rows = data.rows;
  const visibleIds = () =>
    browser.page.locator('.tracker-entry:visible').evaluateAll((entries) => entries.map((e) => e.id));

  test('one entry per row of data/agreements.json, each with its dated history and links to the stories and charts that use it', async () => {
    await browser.page.goto(`${siteUrl}/agreements/`);
    expect(await browser.page.locator('.tracker-entry').evaluateAll((entries) => entries.map((e) => e.id))).toEqual(
      [...rows].sort((a, b) => a.date.localeCompare(b.date)).map((r) => r.id),
    );
    const agreementCharts = [...content.charts.values()].filter((c) => c.dataset === 'agreements').map((c) => c.id);
    const linkedCharts = new Set<string>();
    for (const row of nonEmpty(rows, 'agreements')) {
      const entry = browser.page.locator(`.tracker-entry[id="${row.id}"]`);
      await expect.poll(() => entry.locator('h2').textContent()).toContain(row.partner);
      // History: the dataset's change notes about this row and about the whole dataset, each dated.
      const expected = (data.changes ?? []).filter((c) => c.key === undefined || c.key === row.id);
      expect(expected.length, 'data/agreements.json has change notes').toBeGreaterThan(0);
      const history = await entry
        .locator('.tracker-history li')
        .evaluateAll((items) =>
          items.map((li) => ({ date: li.querySelector('time')?.getAttribute('datetime'), text: li.textContent })),
        );
      expect(
        history.map((h) => h.date),
        row.id,
      ).toEqual(expected.map((c) => c.date));
      expected.forEach((c, i) => expect(history[i].text).toContain(c.text));
      // Usage: every linked chart draws on the agreements data; every linked story is published and places one of them.
      const links = await entry
        .locator('.tracker-usage a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const charts = links
        .map((l) => new URL(l).pathname.match(/\/charts\/([^/]+)\/$/)?.[1])
        .filter((id): id is string => Boolean(id));
      const storySlugs = links.map((l) => slugOf(l)).filter((slug): slug is string => Boolean(slug));
      expect(charts.length, `${row.id}: charts`).toBeGreaterThan(0);
      expect(storySlugs.length, `${row.id}: stories`).toBeGreaterThan(0);
      for (const id of charts) expect(agreementCharts, id).toContain(id);
      for (const slug of storySlugs)
        expect(
          stories.find((s) => s.slug === slug)?.body.charts.some((id) => charts.includes(id)),
          slug,
        ).toBe(true);
      for (const link of links)
        expect(existsInBuild(siteDir, new URL(new URL(link).pathname, site).href), link).toBe(true);
      charts.forEach((id) => linkedCharts.add(id));
    }
    expect([...linkedCharts].sort()).toEqual(agreementCharts.sort());
  });

  test('filtering by partner and by year shows only the matching entries, keeps the choice in the URL, and a reload restores it', async () => {
    await browser.page.goto(`${siteUrl}/agreements/`);
    await expect.poll(visibleIds).toHaveLength(rows.length);
    const partner = browser.page.getByLabel('Partner');
    const year = browser.page.getByLabel('Year');
    for (const name of nonEmpty(new Set(rows.map((r) => r.partner)), 'partners')) {
      await partner.selectOption(name);
      await expect.poll(visibleIds).toEqual(
        rows
          .filter((r) => r.partner === name)
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((r) => r.id),
      );
      expect(new URL(browser.page.url()).searchParams.get('partner')).toBe(name);
    }
    await partner.selectOption('');
    expect(new URL(browser.page.url()).search).toBe('');
    for (const y of nonEmpty(new Set(rows.map((r) => r.date.slice(0, 4))), 'years')) {
      await year.selectOption(y);
      await expect.poll(visibleIds).toEqual(
        rows
          .filter((r) => r.date.startsWith(y))
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((r) => r.id),
      );
      expect(new URL(browser.page.url()).searchParams.get('year')).toBe(y);
    }
    // Both at once, then a reload.
    const row =
      rows.find((r) => rows.some((o) => o.partner === r.partner && o.date.slice(0, 4) !== r.date.slice(0, 4))) ??
      rows[0];
    const expected = rows
      .filter((r) => r.partner === row.partner && r.date.startsWith(row.date.slice(0, 4)))
      .map((r) => r.id);
    await partner.selectOption(row.partner);
    await year.selectOption(row.date.slice(0, 4));
    await expect.poll(visibleIds).toEqual(expected);
    const params = new URL(browser.page.url()).searchParams;
    expect([params.get('partner'), params.get('year')]).toEqual([row.partner, row.date.slice(0, 4)]);
    await browser.page.reload();
    await expect.poll(visibleIds).toEqual(expected);
    expect([await partner.inputValue(), await year.inputValue()]).toEqual([row.partner, row.date.slice(0, 4)]);
    await expect
      .poll(() => browser.page.locator('.tracker-count').textContent())
      .toBe(`Showing ${expected.length} of ${rows.length} agreements.`);
  });

  test('with JavaScript off, every entry shows and the filter (which needs it) is hidden', async () => {
    const p = await launchPage({ javaScriptEnabled: false });
    await p.goto(`${siteUrl}/agreements/?partner=${encodeURIComponent(rows[0].partner)}`);
    expect(await p.locator('.tracker-entry:visible').count()).toBe(rows.length);
    expect(await p.locator('form.tracker-filter').isVisible()).toBe(false);
  });
});

describe('tag pages, home page and related stories', () => {
  const linksIn = (doc: Document, selector: string) =>
    [...doc.querySelectorAll(`${selector} a[href*="/articles/"]`)].map((a) => slugOf(a.getAttribute('href')!));

  test('every tag of every published story has a page listing its stories, newest first; the topics page links to each', () => {
    const tags = [...new Set(stories.flatMap((s) => s.tags))];
    expect(tags.length).toBeGreaterThan(0);
    const topics = readPage(siteDir, 'tags/index.html');
    const topicLinks = [...topics.querySelectorAll('main a')].map(
      (a) => new URL(a.getAttribute('href')!, site).pathname,
    );
    for (const tag of tags) {
      const file = `tags/${tag}/index.html`;
      expect(topicLinks, tag).toContain(new URL(canonicalOf(file)).pathname);
      expect(linksIn(readPage(siteDir, file), 'main'), tag).toEqual(
        stories.filter((s) => s.tags.includes(tag)).map((s) => s.slug),
      );
    }
    // No tag page for a tag no published story has (a draft's, for instance).
    const tagPages = htmlFiles(siteDir)
      .filter((f) => /^tags\/[^/]+\/index\.html$/.test(f))
      .map((f) => f.split('/')[1]);
    expect(tagPages.sort()).toEqual([...tags].sort());
  });

  test('the home page shows the lead story first, then the others newest first', () => {
    const home = readPage(siteDir, 'index.html');
    expect(linksIn(home, '.lead-story')).toEqual([stories[0].slug]);
    expect(home.querySelector('.lead-story h2')?.textContent).toBe(stories[0].title);
    expect(linksIn(home, 'main')).toEqual(stories.map((s) => s.slug));
    const dates = [...home.querySelectorAll('main time')].map((t) => t.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('the related stories at the end of an article share a tag with it, and every story that could have some has some', () => {
    for (const story of stories) {
      const related = linksIn(readPage(siteDir, storyFile(story.slug)), '.related');
      for (const slug of related) {
        expect(slug).not.toBe(story.slug);
        expect(
          stories.find((s) => s.slug === slug)!.tags.some((t) => story.tags.includes(t)),
          `${story.slug} -> ${slug}`,
        ).toBe(true);
      }
      if (stories.some((s) => s.slug !== story.slug && s.tags.some((t) => story.tags.includes(t))))
        expect(related.length, story.slug).toBeGreaterThan(0);
    }
  });
});
