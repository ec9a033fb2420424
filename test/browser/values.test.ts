// A figure printed from the data says where it comes from to every reader, with JavaScript off: a pointer (the
// link's title, shown on hover), a keyboard (Tab reaches it; the site's style shows the same words beside it on focus)
// and a screen reader (the title is the link's accessible description). A figure inside a :view link leaves that to
// the link. The site is test/fixtures/values/ (rows copied from data/, see test/README.md).
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch } from '../support/browser.ts';
import { servedFixture } from '../support/served-fixture.ts';

const site = servedFixture(path.resolve(import.meta.dirname, '../fixtures/values'));
const about =
  'Tonnes REO, China, 2024. Source: USGS Mineral Commodity Summaries 2025: Rare Earths, MCS 2025 (January 2025)';
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launch({ javaScriptEnabled: false });
  page = await context.newPage();
  await page.goto(`${site.url}/articles/figures/`);
}, 300_000);
afterAll(async () => {
  await context?.close();
});

test('a keyboard reaches the figure, and on focus its source and edition are shown beside it', async () => {
  const figure = page.locator('article a.value').first();
  await expect.poll(() => figure.textContent()).toBe('270,000');
  // Tab from the top of the article until the figure has focus: it is in the tab order, not only clickable.
  await page.locator('article h1').click();
  for (let i = 0; i < 40 && !(await figure.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  expect(await figure.evaluate((a) => a === document.activeElement)).toBe(true);
  const shown = await figure.evaluate((a) => ({
    content: getComputedStyle(a, '::after').content,
    display: getComputedStyle(a, '::after').display,
  }));
  expect(shown.content).toContain(about);
  expect(shown.display).not.toBe('none');
  // Without focus, nothing is drawn beside it.
  await page.locator('article h1').click();
  expect(await figure.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
});

test("a screen reader hears the source as the link's description, and a pointer sees it as its title", async () => {
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string } }[];
  };
  const link = nodes.find((n) => n.role?.value === 'link' && n.name?.value === '270,000');
  expect(link?.description?.value).toBe(about);
  expect(await page.locator('article a.value').first().getAttribute('title')).toBe(about);
});

test('inside a :view link the figure is no link of its own; the link describes it, and hovering the figure shows its own title', async () => {
  const view = page.locator('article a.view-link').first();
  expect(await view.locator('a').count()).toBe(0);
  expect(await view.getAttribute('title')).toMatch(
    /^45,000: Tonnes REO, United States, 2024\. Source: USGS .*Marked: estimate\.$/,
  );
  expect(await view.locator('.value').getAttribute('title')).toMatch(/^Tonnes REO, United States, 2024\. /);
});
