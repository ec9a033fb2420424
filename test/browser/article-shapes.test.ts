// Stories as other editors write them (test/fixtures/article-shapes/): no headings, only ###, a chart first, two
// charts in a row. Each has one h1, an outline that never skips a level (chart titles included), and no axe
// violation, in the light and the dark scheme.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { servedFixture } from '../support/served-fixture.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/article-shapes');
const slugs = readdirSync(path.join(fixture, 'content/articles'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort();

const site = servedFixture(fixture);

test('the fixture holds the four shapes', () => {
  expect(slugs).toEqual(['chart-first', 'no-headings', 'only-h3', 'two-charts']);
});

describe.each(['light', 'dark'] as const)('%s scheme', (colorScheme) => {
  const browser = useBrowser({ colorScheme });

  test.each(slugs)('%s: one h1, no skipped level, and axe reports no violations', async (slug) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/articles/${slug}/`);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((all) => all.map((h) => Number(h.localName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((level, i) =>
      i > 0 && level > levels[i - 1] + 1 ? [`h${levels[i - 1]} then h${level}`] : [],
    );
    expect(skips).toEqual([]);
    expect(await page.locator('.chart-title').count()).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });
});
