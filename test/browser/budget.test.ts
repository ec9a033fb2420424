// The JavaScript budget, read from the built pages and checked in Chromium: a story loads at most 8 KB of gzipped
// JavaScript at start, all charts included; Plot is never shipped to readers; no page asks a third party for
// anything.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch } from '../support/browser.ts';
import { htmlFiles, leadStory, pageKinds, urlPath } from './site-files.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const budget = 8 * 1024;
const articles = htmlFiles(siteDir).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));

/** Strings only Plot's own code contains, which survive minification. */
const plotMarkers = ['@observablehq/plot', 'plot-d6a7b5', 'invalid mark; missing render function'];

/**
 * The JavaScript a page runs at start: each external script it names, the modules those import statically (and so
 * load at once), and inline scripts; data blocks (type="application/json") are not code.
 */
function startupScripts(file: string): { name: string; code: string }[] {
  const html = readFileSync(path.join(siteDir, file), 'utf8');
  const scripts: { name: string; code: string }[] = [];
  const seen = new Set<string>();
  const load = (src: string, from: string) => {
    const resolved = new URL(src, `http://site${from}`).pathname;
    if (seen.has(resolved)) return;
    seen.add(resolved);
    const onDisk = path.join(siteDir, decodeURIComponent(resolved));
    if (!existsSync(onDisk)) throw new Error(`${file} loads ${resolved}, which the build does not have`);
    const code = readFileSync(onDisk, 'utf8');
    scripts.push({ name: resolved, code });
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+)["'`]/g)) load(m[1], resolved);
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attributes, body] = m;
    const type = attributes.match(/\btype="([^"]*)"/)?.[1] ?? '';
    if (type && !/^(module|text\/javascript|application\/javascript)$/.test(type)) continue;
    const src = attributes.match(/\bsrc="([^"]*)"/)?.[1];
    if (src) load(src, urlPath(file));
    else if (body.trim()) scripts.push({ name: `${file} (inline)`, code: body });
  }
  return scripts;
}

const gzipped = (code: string) => gzipSync(code).length;

test('the site has stories to measure', () => {
  expect(articles).toContain('articles/us-rare-earth-agreements/index.html');
});

describe('as built', () => {
  test.each(articles)('%s starts with at most 8 KB of gzipped JavaScript', (file) => {
    const scripts = startupScripts(file);
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, s) => sum + gzipped(s.code), 0);
    expect(total, scripts.map((s) => `${s.name}: ${gzipped(s.code)} B`).join(', ')).toBeLessThanOrEqual(budget);
  });

  test('no page ships Plot: no script it loads contains Plot code', () => {
    for (const file of htmlFiles(siteDir)) {
      for (const script of startupScripts(file)) {
        for (const marker of plotMarkers) expect(script.code.includes(marker), `${file}: ${script.name} contains "${marker}"`).toBe(false);
      }
    }
  });
});

describe('in the browser', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch();
  });
  afterAll(async () => {
    await context?.close();
  });

  test('the lead story loads no more script than measured, none of it Plot', async () => {
    const page = await context.newPage();
    const bodies: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.text());
    });
    await page.goto(`${siteUrl}${leadStory.path}`, { waitUntil: 'networkidle' });
    const loaded = await Promise.all(bodies);
    expect(loaded.length).toBeGreaterThan(0);
    const total = loaded.reduce((sum, code) => sum + gzipped(code), 0);
    const measured = startupScripts('articles/us-rare-earth-agreements/index.html').reduce((sum, s) => sum + gzipped(s.code), 0);
    expect(total).toBeLessThanOrEqual(measured);
    expect(total).toBeLessThanOrEqual(budget);
    for (const code of loaded) for (const marker of plotMarkers) expect(code.includes(marker)).toBe(false);
    await page.close();
  });

  test.each(pageKinds(siteDir, [leadStory.path]))('$kind ($path): every request goes to our own origin', async ({ path: pagePath }) => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${siteUrl}${pagePath}`, { waitUntil: 'networkidle' });
    // Use the page as a reader would: scroll to the end, open the tables, switch views.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    for (const button of await page.locator('.chart-views-switch button').all()) await button.click();
    await page.waitForLoadState('networkidle');
    const origin = new URL(siteUrl).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
    await page.close();
  });
});
