// Reading a built site as a feed reader, a search engine or a link preview would: the feed and sitemaps parsed by
// Chromium's XML parser (strict: any error fails), pages' meta tags and JSON-LD, and where a URL lands in the build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import config from '../../astro.config.mjs';
import { urlPath } from './site-files.ts';

/** The public address the build was configured with (SITE_URL or the default in astro.config.mjs), and its base. */
export const site = new URL(config.site!);
export const basePath = (config.base ?? '/').replace(/\/?$/, '/');

/** The canonical address of a built HTML file ("articles/x/index.html" -> "https://host/articles/x/"). */
export function canonicalOf(file: string): string {
  return new URL(basePath + urlPath(file).slice(1), site).href;
}

/** The built file an address of the site lands on, or undefined when the address is another site's. */
export function builtFile(siteDir: string, address: string): string | undefined {
  const target = new URL(address, site);
  if (target.origin !== site.origin || !target.pathname.startsWith(basePath)) return undefined;
  const rel = decodeURIComponent(target.pathname.slice(basePath.length));
  return path.join(siteDir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

/** Whether an address of the site is a file of the build. */
export function existsInBuild(siteDir: string, address: string): boolean {
  const file = builtFile(siteDir, address);
  return file !== undefined && existsSync(file);
}

export function readPage(siteDir: string, file: string): Document {
  return parseHTML(readFileSync(path.join(siteDir, file), 'utf8')).document as unknown as Document;
}

export function meta(doc: Document, key: string): string | undefined {
  return doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
}

/** Every JSON-LD block of a page, parsed (a block that is not JSON throws). */
export function jsonLd(doc: Document): Record<string, unknown>[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
    JSON.parse(script.textContent ?? ''),
  );
}

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  description: string;
  pubDate: string;
  /** dc:date: when the story was last changed. */
  modified?: string;
  creators: string[];
  categories: string[];
}

const dc = 'http://purl.org/dc/elements/1.1/';

/** Parses an RSS document in Chromium; throws with the parser's message if it is not well-formed XML. */
export async function readFeed(
  page: Page,
  xml: string,
): Promise<{ root: string; channelLink: string; items: FeedItem[] }> {
  const result = await page.evaluate(
    ({ text, dcNs }) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) return { error: error.textContent ?? 'parser error' };
      const child = (el: Element, name: string) =>
        [...el.children].find((c) => c.localName === name && !c.prefix)?.textContent ?? '';
      const channel = doc.documentElement.getElementsByTagName('channel')[0];
      return {
        root: doc.documentElement.localName,
        channelLink: channel ? child(channel, 'link') : '',
        items: [...doc.getElementsByTagName('item')].map((item) => ({
          title: child(item, 'title'),
          link: child(item, 'link'),
          guid: child(item, 'guid'),
          description: child(item, 'description'),
          pubDate: child(item, 'pubDate'),
          modified: item.getElementsByTagNameNS(dcNs, 'date')[0]?.textContent ?? undefined,
          creators: [...item.getElementsByTagNameNS(dcNs, 'creator')].map((c) => c.textContent ?? ''),
          categories: [...item.getElementsByTagName('category')].map((c) => c.textContent ?? ''),
        })),
      };
    },
    { text: xml, dcNs: dc },
  );
  if ('error' in result) throw new Error(`the feed is not well-formed XML: ${result.error}`);
  return result as { root: string; channelLink: string; items: FeedItem[] };
}

/** Every <loc> of a sitemap or sitemap index, parsed in Chromium (throws if not well-formed XML). */
export async function readLocs(page: Page, xml: string): Promise<{ root: string; locs: string[] }> {
  const result = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent ?? 'parser error' };
    return {
      root: doc.documentElement.localName,
      locs: [...doc.getElementsByTagNameNS('*', 'loc')].map((loc) => (loc.textContent ?? '').trim()),
    };
  }, xml);
  if ('error' in result) throw new Error(`the sitemap is not well-formed XML: ${result.error}`);
  return result as { root: string; locs: string[] };
}

/** Every page address a sitemap index leads to, through each sitemap it names (which must be files of the build). */
export async function sitemapUrls(page: Page, siteDir: string): Promise<string[]> {
  const index = await readLocs(page, readFileSync(path.join(siteDir, 'sitemap-index.xml'), 'utf8'));
  if (index.root !== 'sitemapindex') throw new Error(`sitemap-index.xml is a <${index.root}>, not a <sitemapindex>`);
  const urls: string[] = [];
  for (const loc of index.locs) {
    const file = builtFile(siteDir, loc);
    if (!file || !existsSync(file)) throw new Error(`the sitemap index names ${loc}, which is not in the build`);
    const sitemap = await readLocs(page, readFileSync(file, 'utf8'));
    if (sitemap.root !== 'urlset') throw new Error(`${loc} is a <${sitemap.root}>, not a <urlset>`);
    urls.push(...sitemap.locs);
  }
  return urls;
}

/** The date a story last changed by its front matter: updatedDate, else its latest correction, else none. */
export function expectedModified(story: { updatedDate?: Date; corrections: { date: Date }[] }): Date | undefined {
  if (story.updatedDate) return story.updatedDate;
  const times = story.corrections.map((c) => c.date.getTime());
  return times.length ? new Date(Math.max(...times)) : undefined;
}
