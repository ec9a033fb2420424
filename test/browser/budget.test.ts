// The budgets of the live site (content/ and data/ as they are), read from the built pages and checked in
// Chromium, in gzipped bytes of what a page loads at start: a story's JavaScript at most 8 KB, all charts included
// (and with every control loaded on first use opened),
// and its CSS at most 15 KB; every story whole (HTML with its SVG charts, CSS, JavaScript, fonts, images) at most
// 80 KB; an embed at most 40 KB in all; a world map's drawings (wide and narrow, and the paint of each year drawn by
// recolouring them) at most 30 KB in the page. Plot is
// never shipped to readers, and no page asks a third party for anything. On a 360 px phone, everything in the lead
// story's figures but the drawings (tabs closed) is at most 1.5 times the drawings' height.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { useLikeAReader } from './reader.ts';
import { loadSite } from '../../src/model/load.ts';
import { projectRoot } from '../support/build.ts';
import { nonEmpty } from '../support/lists.ts';
import { htmlFiles, leadStory, pageKinds, urlPath } from './site-files.ts';

const siteUrl = inject('liveUrl');
const siteDir = inject('liveDir');
const KB = 1024;
const budgets = { script: 8 * KB, style: 15 * KB, story: 80 * KB, embed: 40 * KB, map: 30 * KB, apparatus: 1.5 };
const articles = htmlFiles(siteDir).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
const embeds = htmlFiles(siteDir).filter((f) => /^embed\/[^/]+\/index\.html$/.test(f));
/** What the live content publishes, to know how many pages the build must have made. */
const live = loadSite(projectRoot).site;

/** Strings only Plot's own code contains, which survive minification. */
const plotMarkers = ['@observablehq/plot', 'plot-d6a7b5', 'invalid mark; missing render function'];

interface Asset {
  /** The address it is loaded from ("/_astro/site.css"), or "<page> (inline)" for a block inside the HTML. */
  name: string;
  kind: 'html' | 'script' | 'style' | 'font' | 'image';
  body: Buffer;
  /** A <script> or <style> block in the HTML: its bytes are the page's, not a request of its own. */
  inline?: boolean;
}

/**
 * What a page loads at start, each file once as a browser would: the HTML; the scripts it names and the modules those
 * import statically (and so load at once); its stylesheets, what they @import and the fonts and images they name;
 * icons, preloads and images that are not lazy. Inline scripts and styles are listed as well (`inline`); data
 * blocks (type="application/json") are not code.
 */
function startupAssets(file: string): Asset[] {
  const html = readFileSync(path.join(siteDir, file));
  const assets: Asset[] = [{ name: urlPath(file), kind: 'html', body: html }];
  const seen = new Set<string>();
  const load = (src: string, from: string, kind: Asset['kind']) => {
    if (src.startsWith('data:')) return; // its bytes are already counted where it is written
    const resolved = new URL(src, `http://site${from}`);
    if (resolved.origin !== 'http://site') throw new Error(`${file} loads ${src} from another site`);
    if (seen.has(resolved.pathname)) return;
    seen.add(resolved.pathname);
    const onDisk = path.join(siteDir, decodeURIComponent(resolved.pathname));
    if (!existsSync(onDisk)) throw new Error(`${file} loads ${resolved.pathname}, which the build does not have`);
    const body = readFileSync(onDisk);
    assets.push({ name: resolved.pathname, kind, body });
    if (kind === 'script') {
      for (const m of body.toString().matchAll(/(?:^|[;}\s])import\s*(?:[^'"`()]*?from\s*)?["'`]([^"'`]+)["'`]/g))
        load(m[1], resolved.pathname, 'script');
    }
    if (kind === 'style') styleReferences(body.toString(), resolved.pathname);
  };
  const styleReferences = (css: string, from: string) => {
    for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) load(m[1], from, 'style');
    for (const face of css.matchAll(/@font-face\s*{[^}]*}/g)) {
      for (const m of face[0].matchAll(/url\(\s*["']?([^"')]+)/g)) load(m[1], from, 'font');
    }
    for (const m of css.replace(/@font-face\s*{[^}]*}|@import[^;]*;/g, '').matchAll(/url\(\s*["']?([^"')]+)/g))
      load(m[1], from, 'image');
  };
  const { document } = parseHTML(html.toString());
  const page = urlPath(file);
  for (const element of document.querySelectorAll('script')) {
    const type = element.getAttribute('type') ?? '';
    if (type && !/^(module|text\/javascript|application\/javascript)$/.test(type)) continue;
    const src = element.getAttribute('src');
    if (src) load(src, page, 'script');
    else if (element.textContent!.trim())
      assets.push({ name: `${page} (inline)`, kind: 'script', body: Buffer.from(element.textContent!), inline: true });
  }
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = ` ${link.getAttribute('rel')} `;
    const as = link.getAttribute('as');
    if (rel.includes(' stylesheet ') || (rel.includes(' preload ') && as === 'style'))
      load(link.getAttribute('href')!, page, 'style');
    else if (rel.includes(' modulepreload ') || (rel.includes(' preload ') && as === 'script'))
      load(link.getAttribute('href')!, page, 'script');
    else if (rel.includes(' preload ') && as === 'font') load(link.getAttribute('href')!, page, 'font');
    else if (rel.includes(' icon ') || (rel.includes(' preload ') && as === 'image'))
      load(link.getAttribute('href')!, page, 'image');
  }
  for (const style of document.querySelectorAll('style')) {
    assets.push({ name: `${page} (inline)`, kind: 'style', body: Buffer.from(style.textContent!), inline: true });
    styleReferences(style.textContent!, page);
  }
  for (const image of document.querySelectorAll('img[src], image[href], input[type="image"][src]')) {
    if (image.getAttribute('loading') !== 'lazy')
      load(image.getAttribute('src') ?? image.getAttribute('href')!, page, 'image');
  }
  return assets;
}

const startupScripts = (file: string) => startupAssets(file).filter((a) => a.kind === 'script');
const gzipped = (body: Buffer | string) => gzipSync(body).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
/** The gzipped size of a set of assets, and a line that lists each one (for assertion messages). */
function measure(assets: Asset[]): { total: number; breakdown: string } {
  const sizes = assets.map((a) => ({ ...a, gzip: gzipped(a.body) }));
  const total = sizes.reduce((sum, a) => sum + a.gzip, 0);
  return {
    total,
    breakdown: `${kb(total)} gzipped: ${sizes.map((a) => `${a.name} ${a.kind} ${a.gzip} B`).join(', ')}`,
  };
}
/** Requests of their own: everything but the blocks inside the HTML. */
const requested = (file: string) => startupAssets(file).filter((a) => !a.inline);

test('the site has a page for every published story and an embed for every chart to measure', () => {
  expect(articles.length).toBeGreaterThan(0);
  expect(articles).toHaveLength(live.articles.length);
  expect(embeds).toHaveLength(live.charts.size);
});

describe('as built', () => {
  test.each(articles)('%s starts with at most 8 KB of gzipped JavaScript', (file) => {
    const scripts = startupScripts(file);
    expect(scripts.length).toBeGreaterThan(0);
    const { total, breakdown } = measure(scripts);
    expect(total, `JavaScript at start: ${breakdown}; budget ${kb(budgets.script)}`).toBeLessThanOrEqual(
      budgets.script,
    );
  });

  test.each(articles)('%s starts with at most 15 KB of gzipped CSS', (file) => {
    const styles = startupAssets(file).filter((a) => a.kind === 'style');
    expect(styles.length).toBeGreaterThan(0);
    const { total, breakdown } = measure(styles);
    expect(total, `CSS at start: ${breakdown}; budget ${kb(budgets.style)}`).toBeLessThanOrEqual(budgets.style);
  });

  test.each(articles)(
    '%s, whole (HTML with its SVG charts, CSS, JavaScript, fonts, icons), is at most 80 KB gzipped',
    (file) => {
      const assets = requested(file);
      expect(assets.map((a) => a.kind)).toEqual(expect.arrayContaining(['html', 'script', 'style']));
      const { total, breakdown } = measure(assets);
      expect(total, `the story: ${breakdown}; budget ${kb(budgets.story)}`).toBeLessThanOrEqual(budgets.story);
    },
  );

  test.each(nonEmpty(embeds, 'embeds'))('%s is at most 40 KB gzipped in all', (file) => {
    const assets = requested(file);
    expect(assets.map((a) => a.kind)).toEqual(expect.arrayContaining(['html', 'script', 'style']));
    const { total, breakdown } = measure(assets);
    expect(total, `the embed: ${breakdown}; budget ${kb(budgets.embed)}`).toBeLessThanOrEqual(budgets.embed);
  });

  test('a world map weighs at most 30 KB gzipped in a story: its wide and narrow drawings together', () => {
    const maps = [...live.charts.values()].filter((chart) => chart.mark === 'map').map((chart) => chart.id);
    expect(maps.length, 'the live content has a map to measure').toBeGreaterThan(0);
    let measured = 0;
    for (const file of articles) {
      const { document } = parseHTML(readFileSync(path.join(siteDir, file), 'utf8'));
      for (const id of maps) {
        const figure = document.querySelector(`#chart-${id}`);
        if (!figure) continue;
        // Every drawing of every view, as the page holds them, and the paint of each view drawn by recolouring one.
        const drawings = [...figure.querySelectorAll('.chart-drawing svg')];
        expect(drawings.length, `${file}: ${id}`).toBeGreaterThanOrEqual(2);
        const paints = [...figure.querySelectorAll('script.chart-points')]
          .map((s) => (JSON.parse(s.textContent!) as { paint?: unknown }).paint)
          .filter(Boolean);
        const size = gzipped(drawings.map((svg) => svg.outerHTML).join('') + JSON.stringify(paints));
        const parts = `${drawings.length} drawings ${gzipped(drawings.map((svg) => svg.outerHTML).join(''))} B, ${paints.length} views' paint ${gzipped(JSON.stringify(paints))} B`;
        expect(
          size,
          `${file}: the map ${id}'s drawings are ${kb(size)} gzipped (${parts}); budget ${kb(budgets.map)}`,
        ).toBeLessThanOrEqual(budgets.map);
        measured++;
      }
    }
    expect(measured, 'a story places a map').toBeGreaterThan(0);
  });

  test('no page ships Plot: no script it loads contains Plot code', () => {
    for (const file of nonEmpty(htmlFiles(siteDir), 'built pages')) {
      for (const script of startupScripts(file)) {
        const code = script.body.toString();
        for (const marker of plotMarkers)
          expect(code.includes(marker), `${file}: ${script.name} contains "${marker}"`).toBe(false);
      }
    }
  });
});

describe('in the browser', () => {
  const browser = useBrowser();

  test.each(articles)('%s loads no more script than measured, none of it Plot', async (file) => {
    const page = await browser.newPage();
    const bodies: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.text());
    });
    await page.goto(`${siteUrl}${urlPath(file)}`, { waitUntil: 'networkidle' });
    const loaded = await Promise.all(bodies);
    expect(loaded.length).toBeGreaterThan(0);
    const total = loaded.reduce((sum, code) => sum + gzipped(code), 0);
    expect(total).toBeLessThanOrEqual(measure(startupScripts(file)).total);
    expect(total).toBeLessThanOrEqual(budgets.script);
    for (const code of loaded) for (const marker of plotMarkers) expect(code.includes(marker)).toBe(false);
  });

  // Controls set up on first use (the place list, the table sorting) count too, with any code they load: with every
  // one opened, the story's JavaScript still fits the start-up budget.
  test.each(articles)(
    '%s with every chart control opened loads at most 8 KB of gzipped JavaScript in all',
    async (file) => {
      const page = await browser.newPage();
      const bodies = new Map<string, Promise<string>>();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') bodies.set(response.url(), response.text());
      });
      await page.goto(`${siteUrl}${urlPath(file)}`, { waitUntil: 'networkidle' });
      const controls = page.locator('.chart-select > summary:visible');
      for (const summary of await controls.all()) await summary.click();
      if (await controls.count()) await page.locator('.chart-select-panel').first().waitFor();
      // Every Table tab shown too (its sorting, src/client/table-sort.ts, is set up then).
      const tables = page.locator('sl-figure-tabs [role="tab"]:visible', { hasText: /^Table$/ });
      for (const tab of await tables.all()) await tab.click();
      if (await tables.count()) await page.locator('.table-sort').first().waitFor();
      await page.waitForLoadState('networkidle');
      const loaded = await Promise.all(bodies.values());
      const total = loaded.reduce((sum, code) => sum + gzipped(code), 0);
      expect(total, [...bodies.keys()].join(', ')).toBeLessThanOrEqual(budgets.script);
    },
  );

  // The sizes above are only true if the walk finds everything: whatever Chromium fetches while a page loads must be
  // among the files counted for it.
  test.each([...articles, embeds[0]])(
    '%s: Chromium fetches nothing at start that the budget leaves out',
    async (file) => {
      const page = await browser.newPage();
      const fetched = new Set<string>();
      page.on('request', (request) => {
        if (!request.url().startsWith('data:')) fetched.add(new URL(request.url()).pathname);
      });
      await page.goto(`${siteUrl}${urlPath(file)}`, { waitUntil: 'networkidle' });
      const counted = requested(file).map((a) => a.name);
      expect(fetched.size).toBeGreaterThan(1);
      expect(
        [...fetched].filter((name) => !counted.includes(name)),
        `counted: ${counted.join(', ')}`,
      ).toEqual([]);
    },
  );

  // A chart reads in one screen: on a phone, the words around the drawings (title, key, summary, what we don't know,
  // the one-line source, the closed "Sources and notes" and "Table") are at most 1.5 times the drawings' height.
  test(`${leadStory.path} at 360 px: the figures' closed apparatus is at most ${budgets.apparatus} times the drawings' height`, async () => {
    const page = await launchPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${siteUrl}${leadStory.path}`, { waitUntil: 'networkidle' });
    // A figure with tabs (Figure.astro) is measured whole, its "Chart · Map" row with the chart it shows.
    const figures = await page
      .locator('sl-chart-tabs, sl-chart:not(sl-chart-tabs sl-chart) > figure')
      .evaluateAll((all) =>
        all.map((figure) => ({
          id: figure.id || `${figure.getAttribute('data-chart')} (tabs)`,
          height: figure.getBoundingClientRect().height,
          drawings: [...figure.querySelectorAll('.chart-drawing')].reduce(
            (sum, d) => sum + d.getBoundingClientRect().height,
            0,
          ),
        })),
      );
    expect(figures.length).toBeGreaterThan(0);
    const drawings = figures.reduce((sum, f) => sum + f.drawings, 0);
    const apparatus = figures.reduce((sum, f) => sum + f.height - f.drawings, 0);
    const each = figures
      .map((f) => `${f.id} ${Math.round(f.height - f.drawings)}/${Math.round(f.drawings)} px`)
      .join(', ');
    expect(drawings).toBeGreaterThan(0);
    expect(
      apparatus / drawings,
      `apparatus ${Math.round(apparatus)} px, drawings ${Math.round(drawings)} px: ${each}`,
    ).toBeLessThanOrEqual(budgets.apparatus);
  });

  test.each(nonEmpty(pageKinds(siteDir, [leadStory.path]), 'kinds of page'))(
    '$kind ($path): every request goes to our own origin',
    async ({ path: pagePath }) => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${siteUrl}${pagePath}`, { waitUntil: 'networkidle' });
      await useLikeAReader(page);
      const origin = new URL(siteUrl).origin;
      expect(requests.length).toBeGreaterThan(0);
      if (pagePath === '/search/')
        expect(
          requests.some((url) => url.includes('/pagefind/')),
          'the search ran, with its index',
        ).toBe(true);
      expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
    },
  );
});
