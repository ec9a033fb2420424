// What a reader does on a page, for tests that must see every script of the page at work (requests it makes, the
// Content-Security-Policy, hostile text): scroll to the end, open every <details> and chart tab, switch every chart
// view and year, read points with the keyboard (tooltips), open a claim, and on the search page run a search.
import type { Page } from 'playwright-core';

export async function useLikeAReader(page: Page, query = 'rare earth'): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // Each figure's tabs; in a figure with tabs (Chart · Map), each chart's in turn, the last left shown.
  const panelTabs = async () => {
    for (const tab of await page.locator('sl-figure-tabs [role="tab"]:visible').all()) await tab.click();
  };
  await panelTabs();
  for (const tab of await page.locator('sl-chart-tabs > [role="tablist"] [role="tab"]').all()) {
    await tab.click();
    await panelTabs();
  }
  for (const button of await page.locator('.chart-views-switch button:visible, .chart-time-step:visible').all())
    await button.click({ force: true });
  for (const plot of await page.locator('.chart-plot[tabindex="0"]:visible').all()) {
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await plot.hover();
  }
  const claim = page.locator('a.claim').first();
  if (await claim.count()) {
    await claim.click();
    await page.keyboard.press('Escape');
  }
  if (await page.locator('site-search').count()) await search(page, query);
  await page.waitForLoadState('networkidle');
}

/** Runs a search on /search/ as a reader would (type, press Enter); resolves with the number of results listed. */
export async function search(page: Page, query: string): Promise<number> {
  await page.locator('#search-query').fill(query);
  await page.locator('#search-query').press('Enter');
  await page.waitForFunction(
    () => /\bresults? for\b/.test(document.querySelector('.search-status')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  );
  return page.locator('.search-results li').count();
}
