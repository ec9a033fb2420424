// Embeds as another site gets them. The built site is served on one loopback port (global set-up) and a host page
// holding the oEmbed `html` of every chart on another, so the frames are cross-origin as they would be in the wild.
// The global build uses the default SITE_URL, so the host page rewrites the code's absolute URLs to the origin the
// build is served from, as a newsroom pastes code that points wherever the site lives; /embed.js works out our
// origin from its own address, so nothing else changes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { artifact, useBrowser } from '../support/browser.ts';
import { readerFixture } from '../support/site.ts';
import { readJson } from './site-files.ts';
import { serve } from '../support/serve.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');

interface OEmbed {
  html: string;
  height: number;
  provider_url: string;
  title: string;
}
const ids = readdirSync(path.join(siteDir, 'oembed'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

test('every chart has an oEmbed answer (and so an embed) to test', () => {
  expect(ids.length).toBeGreaterThan(0);
  expect(ids).toEqual([...loadSite(readerFixture).site.charts.keys()].sort());
});

const oembedOf = (id: string): OEmbed => JSON.parse(readFileSync(path.join(siteDir, 'oembed', `${id}.json`), 'utf8'));
/** The code with the build's public origin swapped for the loopback origin that serves the build. */
const codeOf = (id: string) => {
  const answer = oembedOf(id);
  return answer.html.replaceAll(answer.provider_url, `${siteUrl}/`);
};

let host: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supply-lines-host-'));
  // A strict CSP on the host: no inline script or style at all, scripts and frames only from the two origins.
  const csp = `default-src 'self'; script-src 'self' ${siteUrl}; frame-src 'self' ${siteUrl}; style-src 'self'`;
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}"><title>Another newsroom</title><link rel="stylesheet" href="host.css"></head>` +
    `<body><h1>Another newsroom</h1>${body}</body></html>`;
  writeFileSync(
    path.join(dir, 'host.css'),
    'body { margin: 0; font: 16px/1.5 serif; } h1, p { margin: 0 8px 1rem; } iframe { display: block; margin: 0 0 2rem; }',
  );
  writeFileSync(
    path.join(dir, 'index.html'),
    page(ids.map((id) => `<p>Our story, then their chart:</p>\n${codeOf(id)}`).join('\n')),
  );
  // The same code where the host strips scripts: the frame keeps its default height.
  writeFileSync(
    path.join(dir, 'no-script.html'),
    page(ids.map((id) => codeOf(id).replace(/<script[^>]*><\/script>/, '')).join('\n')),
  );
  // A frame of the host's own that posts our message type: it is not one of our frames, so it must be ignored.
  writeFileSync(path.join(dir, 'rogue.html'), '<!doctype html><title>rogue</title><script src="rogue.js"></script>');
  writeFileSync(
    path.join(dir, 'rogue.js'),
    `parent.postMessage({ type: 'supply-lines:height', id: ${JSON.stringify(ids[0])}, height: 4321 }, '*');`,
  );
  writeFileSync(
    path.join(dir, 'rogue-host.html'),
    page(`${codeOf(ids[0])}\n<iframe src="rogue.html" title="rogue" width="300" height="100"></iframe>`),
  );
  host = await serve(dir);
  expect(new URL(host.url).origin).not.toBe(new URL(siteUrl).origin);
});

afterAll(async () => {
  await host?.close();
});

const browser = useBrowser();

const frameSelector = (id: string) => `iframe[src="${siteUrl}/embed/${id}/"]`;

/** The iframe's inner height (what the embed's content gets) and the height of that content. */
async function heights(page: Page, id: string): Promise<{ frame: number; content: number }> {
  const iframe = page.locator(frameSelector(id));
  await iframe.scrollIntoViewIfNeeded(); // loading="lazy": a frame loads when it nears the viewport
  const frame = await iframe.evaluate((el: HTMLIFrameElement) => el.clientHeight);
  const content = await iframe
    .contentFrame()
    .locator('[data-embed-content]')
    .evaluate((el) => el.getBoundingClientRect().height);
  return { frame, content };
}

async function fits(page: Page, id: string): Promise<number> {
  await expect
    .poll(
      async () => {
        const { frame, content } = await heights(page, id);
        return Math.abs(frame - content);
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(2);
  return (await heights(page, id)).frame;
}

describe('on another origin, each embed sizes its iframe to its content', () => {
  test('at 360 px and at 1000 px wide, growing and shrinking as the width changes', async () => {
    const page = await browser.newPage();
    const at = async (width: number, shot: string) => {
      await page.setViewportSize({ width, height: 800 });
      const fitted = new Map<string, number>();
      for (const id of ids) fitted.set(id, await fits(page, id));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300); // let the out-of-process frames paint after the scroll
      await page.screenshot({ path: artifact(shot) });
      return fitted;
    };
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${host.url}/`);
    const narrow = await at(360, 'embed-host-360.png');
    const wide = await at(1000, 'embed-host-1000.png');
    const narrowAgain = await at(360, 'embed-host-360-again.png');
    for (const id of ids) {
      // Each frame changed height with the width (text wraps differently), and came back: both directions work.
      expect(wide.get(id), id).not.toBe(narrow.get(id));
      expect(Math.abs(narrowAgain.get(id)! - narrow.get(id)!), id).toBeLessThanOrEqual(2);
    }
  });

  test('opening "Table" inside the frame grows the frame to the table, and closing it shrinks it back', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${host.url}/`);
    const id = 'china-mine-share'; // a table of eight rows
    const closed = await fits(page, id);
    const tab = page.frameLocator(frameSelector(id)).getByRole('tab', { name: 'Table' });
    const frame = async () => (await heights(page, id)).frame;
    await tab.click();
    await expect.poll(frame, { timeout: 10_000 }).toBeGreaterThan(closed + 50);
    expect(await fits(page, id)).toBeGreaterThan(closed + 50);
    await tab.click();
    await expect.poll(frame, { timeout: 10_000 }).toBeLessThanOrEqual(closed + 2);
  });

  test('messages that do not come from one of our frames change nothing', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${host.url}/rogue-host.html`);
    const id = ids[0];
    const fitted = await fits(page, id);
    // The host page itself, with our type, our id and a sane height; then nonsense heights.
    await page.evaluate((id) => {
      window.postMessage({ type: 'supply-lines:height', id, height: 2345 }, '*');
      window.postMessage({ type: 'supply-lines:height', id, height: Number.POSITIVE_INFINITY }, '*');
      window.postMessage({ type: 'other', id, height: 600 }, '*');
    }, id);
    // The rogue frame posted on load; reload it to post again now that the embed has been sized.
    await page
      .locator('iframe[title="rogue"]')
      .evaluate((el: HTMLIFrameElement) => el.contentWindow!.location.reload());
    await page.waitForTimeout(500);
    expect(await page.locator(frameSelector(id)).evaluate((el: HTMLIFrameElement) => el.clientHeight)).toBe(fitted);
  });
});

describe('where the host strips the script', () => {
  test('the default height holds the content at 640 px wide without much empty space', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(`${host.url}/no-script.html`);
    for (const id of ids) {
      const { frame, content } = await heights(page, id);
      expect(frame, id).toBe(oembedOf(id).height);
      expect(content, `${id}: content taller than the default height`).toBeLessThanOrEqual(frame);
      expect(frame - content, `${id}: default height leaves too much space`).toBeLessThan(Math.max(60, content * 0.12));
    }
  });
});

describe('the embed page', () => {
  test('shows the caveats, asks nothing of third parties and links to the chart page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    for (const id of ids) {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${siteUrl}/embed/${id}/`);
      // The caveats, in the chart's own figure (the chart page's component), every one in view.
      const uncertainties = (
        readJson<{ annotations?: { kind: string }[] }>(`content/charts/${id}.json`).annotations ?? []
      ).filter((a) => a.kind === 'uncertainty');
      const items = page.locator('.chart-unknowns li');
      expect(await items.count(), id).toBe(uncertainties.length);
      for (const item of await items.all()) expect(await item.isVisible()).toBe(true);
      expect(await page.getByRole('tab').allTextContents()).toEqual(['Sources and notes', 'Table']);
      expect(await page.locator('h2.chart-title').textContent()).toBe(oembedOf(id).title);
      expect(await page.locator('header, nav, footer').count()).toBe(0); // no site chrome
      expect(await page.locator('.embed-more a').getAttribute('href')).toBe(`/charts/${id}/`);
      expect(requests.filter((u) => !u.startsWith(`${siteUrl}/`))).toEqual([]);
      page.removeAllListeners('request');
    }
  });

  test('follows prefers-color-scheme, and ?theme= forces one', async () => {
    const page = await browser.newPage();
    const id = ids[0];
    const look = () =>
      page.evaluate(() => ({
        scheme: getComputedStyle(document.documentElement).colorScheme,
        background: getComputedStyle(document.body).backgroundColor,
      }));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${siteUrl}/embed/${id}/`);
    const light = await look();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await look();
    expect(dark.background).not.toBe(light.background);
    await page.goto(`${siteUrl}/embed/${id}/?theme=light`);
    expect(await look()).toEqual({ scheme: 'light', background: light.background });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${siteUrl}/embed/${id}/?theme=dark`);
    expect(await look()).toEqual({ scheme: 'dark', background: dark.background });
    await page.screenshot({ path: artifact('embed-dark-360.png'), fullPage: true });
  });
});

describe('the chart page', () => {
  test('offers the oEmbed answer and the same embed code, with a copy button', async () => {
    const id = ids[0];
    const page = await browser.newPage();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
    await page.goto(`${siteUrl}/charts/${id}/`);
    const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
    expect(await link.getAttribute('href')).toBe(`${oembedOf(id).provider_url}oembed/${id}.json`);
    expect(await link.getAttribute('title')).toBe(oembedOf(id).title);
    const field = page.locator('textarea#embed-code');
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await field.inputValue()).toBe(oembedOf(id).html);
    const copy = page.locator('sl-copy-field:has(#embed-code) button');
    await copy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(oembedOf(id).html);
  });
});
