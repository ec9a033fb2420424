import { expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser({ javaScriptEnabled: false });

test('with JavaScript off, the lead story shows every chart as an SVG drawn at build time', async () => {
  const page = await browser.newPage();
  await page.goto(`${inject('siteUrl')}/articles/us-rare-earth-agreements/`);
  const charts = page.locator('figure.chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  for (const figure of await charts.all()) {
    await expect.poll(() => figure.locator('.chart-drawing svg').first().isVisible()).toBe(true);
  }
});
