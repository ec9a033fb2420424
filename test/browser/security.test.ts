// Security on the built site. Every page carries a strict Content-Security-Policy (a <meta> tag with hashes, from
// Astro's CSP support): scripts only from our origin or by hash, never 'unsafe-inline', 'unsafe-eval', wildcards or
// bare schemes; nothing inline that runs; a referrer policy. Chromium reports no violation on any kind of page, the
// search (WebAssembly) included. A corpus of hostile strings (test/fixtures/escaping/ with test/fixtures/hostile/
// layered over it) is built into a site of its own and read in Chromium: no dialog opens, no injected script sets
// the canary, and every string is shown as the text it is, in HTML, JSON-LD, RSS and oEmbed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/build.ts';
import { layered } from '../support/cli.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { search, useLikeAReader } from './reader.ts';
import { expectedPageCount, htmlFiles, leadStory, pageKinds, readJson, readText, urlPath } from './site-files.ts';
import { tagLabel, tagSlug, topicPath } from '../../src/model/tags.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');

/** Files of a built site with this extension, relative to it (Pagefind's own bundle left out). */
function builtFiles(dir: string, extension: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(extension) && !f.startsWith('pagefind/'))
    .sort();
}

/** The page's Content-Security-Policy meta tags and, of the first, its directives ("script-src" -> sources). */
function policyOf(document: Document) {
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy',
  );
  const directives = new Map<string, string[]>();
  for (const directive of (metas[0]?.getAttribute('content') ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return { metas, directives, scriptSources: directives.get('script-src') ?? directives.get('default-src') ?? [] };
}

const isDataBlock = (script: Element) => /^application\/(ld\+)?json$/i.test(script.getAttribute('type') ?? '');
const hashes = (text: string) =>
  ['sha256', 'sha384', 'sha512'].map(
    (algorithm) => `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`,
  );
const scriptAddress = (value: string) => /^(javascript|vbscript|data):/i.test(value.replace(/[\s\u0000-\u001f]/g, ''));

/** Event-handler attributes and script addresses anywhere in a document (HTML page or SVG file). */
function inlineHandlers(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`<${element.localName} ${name}="${value}">`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(name) && scriptAddress(value))
        found.push(`<${element.localName} ${name}="${value}">`);
    }
  }
  return found;
}

describe('the Content-Security-Policy, as built', () => {
  const pages = htmlFiles(siteDir).map((file) => ({
    file,
    document: parseHTML(readFileSync(path.join(siteDir, file), 'utf8')).document,
  }));

  test('the site has pages of every kind to check', () => {
    expect(pages.map((p) => p.file)).toEqual(
      expect.arrayContaining(['index.html', 'search/index.html', `${leadStory.path.slice(1)}index.html`]),
    );
    expect(pages.some((p) => p.file.startsWith('embed/'))).toBe(true);
    expect(pages).toHaveLength(expectedPageCount());
  });

  test("every page has one policy whose script-src allows only our origin and hashes: no 'unsafe-inline', 'unsafe-eval', wildcard or bare scheme", () => {
    const problems: string[] = [];
    for (const { file, document } of pages) {
      const { metas, directives, scriptSources } = policyOf(document);
      if (metas.length !== 1) {
        problems.push(`${file}: ${metas.length} Content-Security-Policy meta tags`);
        continue;
      }
      if (!scriptSources.length) problems.push(`${file}: no script-src or default-src`);
      for (const source of scriptSources) {
        if (/^'unsafe-(inline|eval|hashes)'$/i.test(source)) problems.push(`${file}: script-src ${source}`);
        if (source.includes('*')) problems.push(`${file}: script-src wildcard ${source}`);
        if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) problems.push(`${file}: script-src bare scheme ${source}`);
        // Pagefind compiles WebAssembly: only the search page may.
        if (source === "'wasm-unsafe-eval'" && file !== 'search/index.html')
          problems.push(`${file}: script-src ${source} outside the search page`);
      }
      if (directives.get('object-src')?.join(' ') !== "'none'") problems.push(`${file}: object-src is not 'none'`);
      if (!directives.has('base-uri')) problems.push(`${file}: no base-uri`);
    }
    expect(problems).toEqual([]);
    expect(policyOf(pages.find((p) => p.file === 'search/index.html')!.document).scriptSources).toContain(
      "'wasm-unsafe-eval'",
    );
  });

  test('nothing that runs comes before the policy (a <meta> policy governs only what follows it)', () => {
    const problems: string[] = [];
    for (const { file, document } of pages) {
      const meta = policyOf(document).metas[0];
      if (!meta) continue;
      for (const element of document.querySelectorAll('script, style, link[rel~="stylesheet"]')) {
        if (meta.compareDocumentPosition(element) & 4) continue; // it follows the policy
        if (element.localName === 'script' && isDataBlock(element)) continue;
        const src = element.getAttribute('src');
        // A file from our own origin is what the policy would allow anyway; anything inline or from elsewhere is not.
        if (element.localName === 'script' && src && new URL(src, 'http://site/').origin === 'http://site') continue;
        problems.push(`${file}: ${element.outerHTML.slice(0, 100)} before the policy`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('no inline script unless the policy names its hash; JSON blocks are data', () => {
    const problems: string[] = [];
    let dataBlocks = 0;
    for (const { file, document } of pages) {
      const { scriptSources } = policyOf(document);
      for (const script of document.querySelectorAll('script:not([src])')) {
        if (isDataBlock(script)) {
          dataBlocks++;
          continue;
        }
        if (!hashes(script.textContent ?? '').some((hash) => scriptSources.includes(hash)))
          problems.push(`${file}: inline script without its hash in script-src: ${script.outerHTML.slice(0, 100)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(dataBlocks).toBeGreaterThan(0); // the points and JSON-LD blocks were seen, and let through as data
  });

  test('no inline event handler or script address in any built HTML page or SVG file, and no script in an SVG file', () => {
    const problems = pages.flatMap(({ file, document }) => inlineHandlers(document).map((h) => `${file}: ${h}`));
    const svgs = builtFiles(siteDir, '.svg');
    expect(svgs.length).toBeGreaterThan(0);
    for (const file of svgs) {
      const document = new DOMParser().parseFromString(
        readFileSync(path.join(siteDir, file), 'utf8'),
        'image/svg+xml',
      ) as unknown as Document;
      expect(document.querySelector('svg'), file).not.toBeNull();
      problems.push(...inlineHandlers(document).map((h) => `${file}: ${h}`));
      // An SVG file opened on its own has no policy: it must hold nothing that runs.
      for (const element of document.querySelectorAll('script, foreignObject'))
        problems.push(`${file}: <${element.localName}>`);
    }
    expect(problems).toEqual([]);
  });

  test('every page sets a referrer policy that keeps paths to itself', () => {
    const safe = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
    const problems = pages
      .map(
        ({ file, document }) =>
          [file, document.querySelector('meta[name="referrer"]')?.getAttribute('content')] as const,
      )
      .filter(([, policy]) => !policy || !safe.includes(policy))
      .map(([file, policy]) => `${file}: referrer ${policy ?? 'not set'}`);
    expect(problems).toEqual([]);
  });
});

type Violations = { __violations?: string[] };

/** Collects the policy violations Chromium reports on a page: `securitypolicyviolation` events and console messages. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) messages.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const w = window as unknown as Violations;
      (w.__violations ??= []).push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as Violations).__violations ?? [])),
    ...messages,
  ];
}

describe('the Content-Security-Policy, in Chromium', () => {
  const browser = useBrowser();

  test('the watch works: an inline script added to a page is blocked and reported', async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${siteUrl}${leadStory.path}`, { waitUntil: 'networkidle' });
    expect(await violations()).toEqual([]);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
    });
    await expect
      .poll(violations)
      .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src(-elem)? blocked inline/)]));
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  });

  test.each(nonEmpty(pageKinds(siteDir, [leadStory.path]), 'kinds of page'))(
    '$kind ($path): read and used, it breaks no rule of its policy',
    async ({ path: pagePath }) => {
      const page = await browser.newPage();
      const violations = await watchViolations(page);
      await page.goto(`${siteUrl}${pagePath}`, { waitUntil: 'networkidle' });
      await useLikeAReader(page);
      // On /search/ the reader's search ran Pagefind (WebAssembly) and listed what it found.
      if (pagePath === '/search/') expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
      expect(await violations()).toEqual([]);
    },
  );
});

describe('a hostile corpus, built and read in Chromium', () => {
  const fixtures = path.join(projectRoot, 'test/fixtures');
  const pwned = readJson<Record<string, any>>(`${fixtures}/hostile/data/pwned.json`);
  const agreements = readJson<Record<string, any>>(`${fixtures}/hostile/data/agreements.json`);
  const lines = readJson<Record<string, any>>(`${fixtures}/hostile/content/charts/pwned-lines.json`);
  const timeline = readJson<Record<string, any>>(`${fixtures}/hostile/content/charts/pwned-agreements.json`);
  const markdown = readText(`${fixtures}/hostile/content/articles/pwned.md`);
  const article = parseYaml(markdown.match(/^---\n([\s\S]*?)\n---/)![1]) as Record<string, any>;
  const tag: string = article.tags[0];
  const tagPage = decodeURIComponent(topicPath({ slug: tagSlug(tag) }));
  // The claim's note as the reader reads it: the one character reference the Markdown uses, decoded.
  const claimNote = markdown.match(/note='([^']*)'/)![1].replaceAll('&#39;', "'");
  const agreement = agreements.rows[0];

  const contentRoot = layered(path.join(fixtures, 'escaping'), path.join(fixtures, 'hostile'));
  afterAll(() => rmSync(contentRoot, { recursive: true, force: true }));
  const site = servedFixture(contentRoot);
  // The site's own policy would stop an injected handler from running; it is set aside here so that the test
  // proves the escaping on its own.
  const browser = useBrowser({ bypassCSP: true });

  const address = (pagePath: string) => new URL(pagePath, site.url).href;

  /** Opens a page with a dialog handler and reads it as a reader would; `dialogs` lists every dialog that opened. */
  async function visit(pagePath: string, query = 'Headline') {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(address(pagePath), { waitUntil: 'networkidle' });
    expect(response?.status(), pagePath).toBe(200);
    if (await page.evaluate(() => document.body !== null)) await useLikeAReader(page, query);
    return { page, dialogs };
  }

  /** What an injected string would have left: the canary's value, handler attributes, foreign elements, scripts. */
  async function traces(page: Page) {
    return page.evaluate(() => {
      const found: string[] = [];
      const pwnedValue = (window as unknown as { __pwned?: unknown }).__pwned;
      if (pwnedValue !== undefined) found.push(`window.__pwned = ${String(pwnedValue)}`);
      for (const element of document.querySelectorAll('*')) {
        for (const { name, value } of element.attributes) {
          if (/^on/i.test(name)) found.push(`<${element.localName} ${name}="${value}">`);
          if (
            /^(href|src|action|formaction|xlink:href)$/i.test(name) &&
            /^(javascript|vbscript|data):/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))
          )
            found.push(`<${element.localName} ${name}="${value}">`);
        }
      }
      for (const element of document.querySelectorAll('img[src="x"], iframe, object, embed, foreignObject'))
        found.push(element.outerHTML.slice(0, 100));
      for (const script of document.querySelectorAll('script')) {
        if (!/json/.test(script.getAttribute('type') ?? '') && /__pwned|alert\(/.test(script.textContent ?? ''))
          found.push(`script: ${script.textContent!.slice(0, 100)}`);
      }
      return found;
    });
  }

  /** Of these strings, those not found whole in a visible text node of the page. */
  // A chart's tabs show one panel at a time ("Sources and notes" or "Table"): each is opened in turn, as a reader can.
  async function notShownAsText(page: Page, texts: string[]): Promise<string[]> {
    const visibleTexts = () =>
      page.evaluate(() => {
        const visible: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('script, style, textarea, title')) continue;
          if (node.parentElement?.checkVisibility({ visibilityProperty: true })) visible.push((node as Text).data);
        }
        return visible;
      });
    const visible = await visibleTexts();
    for (const name of ['Sources and notes', 'Table']) {
      for (const tab of await page.getByRole('tab', { name, exact: true }).all())
        if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
      visible.push(...(await visibleTexts()));
    }
    // The Table tab shows the rows of the view on screen: with it open, every view in turn.
    for (const button of await page.locator('.chart-views-switch button').all()) {
      if (!(await button.isVisible())) continue;
      await button.click();
      visible.push(...(await visibleTexts()));
    }
    return texts.filter((text) => !visible.some((data) => data.includes(text)));
  }

  test('the detectors work: an injected handler sets the canary and an alert is caught, with the policy set aside', async () => {
    const { page, dialogs } = await visit('/articles/pwned/');
    expect(await traces(page)).toEqual([]);
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', `<img src=x onerror="window.__pwned='control'">`),
    );
    await expect.poll(() => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe('control');
    await page.evaluate(() => setTimeout(() => alert('control')));
    await expect.poll(() => dialogs).toEqual(['alert: control']);
  });

  test('every page and drawing: no dialog opens, the canary stays unset, nothing is injected', async () => {
    const pages = htmlFiles(site.outDir).map(urlPath);
    const drawings = builtFiles(site.outDir, '.svg').map((file) => `/${file}`);
    expect(pages).toHaveLength(expectedPageCount(contentRoot));
    expect(pages).toEqual(
      expect.arrayContaining([
        '/articles/pwned/',
        '/articles/hostile/',
        '/charts/pwned-lines/',
        '/embed/pwned-lines/',
        '/agreements/',
        '/data/',
        tagPage,
        '/search/',
      ]),
    );
    expect(drawings).toEqual(expect.arrayContaining(['/charts/pwned-lines.svg', '/charts/hostile-bars.svg']));
    const results: { page: string; dialogs: string[]; traces: string[] }[] = [];
    for (const pagePath of [...pages, ...drawings]) {
      const { page, dialogs } = await visit(pagePath);
      results.push({ page: pagePath, dialogs, traces: await traces(page) });
      await page.close();
    }
    expect(results.filter((r) => r.dialogs.length || r.traces.length)).toEqual([]);
  }, 300_000);

  // The reader switches every chart to its last view, so a chart shows that view's subtitle.
  test.each([
    [
      '/articles/pwned/',
      () => [
        article.title,
        article.description,
        article.authors[0],
        article.uncertainties[0].text,
        article.uncertainties[0].raisedBy,
        article.corrections[0].text,
        claimNote,
        lines.title,
        lines.views[1].subtitle,
        lines.notes[0],
        lines.annotations[0].text,
        lines.annotations[0].raisedBy,
        timeline.title,
        pwned.sources[0].name,
        pwned.rows[0].category,
        pwned.rows[0].note,
        pwned.rows[2].note,
      ],
    ],
    [
      '/charts/pwned-lines/',
      () => [
        lines.title,
        lines.subtitle,
        lines.views[0].label,
        lines.annotations[0].text,
        pwned.title,
        pwned.description,
        pwned.sources[0].name,
        pwned.sources[0].edition,
        pwned.sources[0].note,
        pwned.license,
        ...pwned.notes,
        pwned.changes[0].text,
        pwned.rows[0].category,
        pwned.rows[1].revised,
      ],
    ],
    [
      '/embed/pwned-lines/',
      () => [
        lines.title,
        lines.views[1].subtitle,
        lines.views[1].label,
        lines.annotations[0].text,
        pwned.sources[0].name,
      ],
    ],
    [
      '/charts/pwned-agreements/',
      () => [timeline.title, timeline.subtitle, agreements.title, agreements.sources[0].name, agreement.partner],
    ],
    [
      '/agreements/',
      () => [
        agreement.partner,
        agreement.instrument,
        agreement.president,
        agreement.signedBy,
        agreement.commits,
        agreement.rareEarths,
        agreement.money,
        agreement.binding,
        agreement.status_form,
        agreement.note,
        agreements.sources[0].name,
        agreements.changes[0].text,
      ],
    ],
    [
      '/data/',
      () => [
        pwned.title,
        pwned.description,
        pwned.unit,
        pwned.sources[0].name,
        agreements.title,
        agreements.description,
      ],
    ],
    [tagPage, () => [tagLabel(tag), article.title, article.description]],
    ['/tags/', () => [tagLabel(tag)]],
    ['/', () => [article.title, article.description]],
    ['/charts/', () => [lines.title, timeline.title]],
  ] as [string, () => string[]][])('%s shows its hostile strings as text', async (pagePath, expected) => {
    const { page } = await visit(pagePath);
    expect(await notShownAsText(page, expected())).toEqual([]);
    // Structured data still parses, and holds the strings exactly as written.
    for (const block of await page.locator('script[type="application/ld+json"]').allTextContents())
      expect(() => JSON.parse(block), block).not.toThrow();
  });

  test('the search finds the hostile story and lists its headline as text', async () => {
    const { page, dialogs } = await visit('/search/');
    expect(await search(page, 'Headline')).toBeGreaterThan(0);
    expect(await page.locator('.search-results a').allTextContents()).toContain(article.title);
    expect(await traces(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test("the story's tag links to its own page", async () => {
    const { page } = await visit('/tags/');
    const link = page
      .locator('main a')
      .filter({ hasText: tagLabel(tag) })
      .first();
    await link.click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe(tagLabel(tag));
    expect(await traces(page)).toEqual([]);
  });

  test('JSON-LD: the story and the data catalogue parse and carry every hostile string intact', async () => {
    const blocks = async (pagePath: string) => {
      const { page } = await visit(pagePath);
      const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
      await page.close();
      return texts.map((text) => JSON.parse(text) as Record<string, any>);
    };
    const story = (await blocks('/articles/pwned/')).find((b) => b['@type'] === 'NewsArticle')!;
    expect(story).toMatchObject({
      headline: article.title,
      description: article.description,
      author: [{ name: article.authors[0] }],
    });
    expect(story.keywords).toContain(tag);
    const catalogue = (await blocks('/data/')).find((b) => b['@type'] === 'DataCatalog')!;
    const dataset = catalogue.dataset.find((d: { name: string }) => d.name === pwned.title);
    expect(dataset).toMatchObject({ description: pwned.description, isBasedOn: [pwned.sources[0].url] });
    expect([dataset.license, dataset.license?.name]).toContain(pwned.license);
    expect(dataset.citation).toEqual([`${pwned.sources[0].name}, ${pwned.sources[0].edition}`]);
  });

  test('the RSS feed is well-formed XML whose items carry the hostile strings as text', async () => {
    const { page } = await visit('/');
    const feed = await page.evaluate(async () => {
      const xml = new window.DOMParser().parseFromString(await (await fetch('/rss.xml')).text(), 'application/xml');
      return {
        error: xml.querySelector('parsererror')?.textContent ?? null,
        items: [...xml.querySelectorAll('item')].map((item) => ({
          title: item.querySelector('title')?.textContent,
          description: item.querySelector('description')?.textContent,
          // RSS's <author> (an e-mail address) or Dublin Core's <dc:creator> (a name).
          authors: [...item.children]
            .filter((e) => e.localName === 'author' || e.localName === 'creator')
            .map((e) => e.textContent),
          categories: [...item.querySelectorAll('category')].map((c) => c.textContent),
          elements: [...item.querySelectorAll('*')].map((e) => e.localName),
        })),
      };
    });
    await page.close();
    expect(feed.error).toBeNull();
    const item = feed.items.find((i) => i.title === article.title);
    expect(item).toMatchObject({ description: article.description, categories: article.tags });
    expect(item!.authors.join(', ')).toContain(article.authors[0]);
    // No element came from the strings: only those of RSS 2.0 and Dublin Core.
    const known = [
      'title',
      'link',
      'guid',
      'description',
      'pubDate',
      'category',
      'author',
      'comments',
      'enclosure',
      'source',
      'creator',
      'date',
    ];
    expect(feed.items.flatMap((i) => i.elements).filter((name) => !known.includes(name))).toEqual([]);
  });

  test('the oEmbed answer parses and its embed code holds the title as an attribute, nothing more', async () => {
    const { page } = await visit('/charts/pwned-lines/');
    const answer = await page.evaluate(async () => {
      const json = (await (await fetch('/oembed/pwned-lines.json')).json()) as { title: string; html: string };
      const body = new window.DOMParser().parseFromString(json.html, 'text/html').body;
      return {
        title: json.title,
        elements: [...body.querySelectorAll('*')].map((e) => e.localName),
        frameTitle: body.querySelector('iframe')?.title,
        attributes: [...body.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()),
      };
    });
    await page.close();
    expect(answer.title).toBe(lines.title);
    expect(answer.elements).toEqual(['iframe', 'script']);
    expect(answer.frameTitle).toBe(`Supply Lines chart: ${lines.title}`);
    expect(answer.attributes.filter((name) => /^on/i.test(name))).toEqual([]);
  });
});
