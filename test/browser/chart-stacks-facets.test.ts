// Reading stacked charts and small multiples with the pointer, and axe on them in light and dark, on a fixture site
// (test/browser/fixtures/stacks/: rows copied from data/mine-production.json). Expected values come from the
// fixture's data file (shares and the rest of the world computed here from its tonnes), and where each year is
// drawn from the dots and bars in the SVG, never from the page's script.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { launchPage, usePage } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/stacks');
const data = readJson<DataFile>(path.join(fixture, 'data/production.json'));
const unit = data.unit!;
const tonnes = (country: string, year: number) =>
  Number(data.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo);
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

const site = servedFixture(fixture);
const browser = usePage();

const plotOf = (id: string) => browser.page.locator(`sl-chart[data-chart="${id}"] .chart-plot`);

/** Screen boxes of the visible drawing's data marks (dots or bars, not markers), by the selector given. */
async function marks(plot: Locator, selector: string) {
  return plot
    .locator('svg:visible')
    .first()
    .evaluate((svg, selector) => {
      const box = svg.getBoundingClientRect();
      const found = [...svg.querySelectorAll(selector)].filter(
        (c) => !c.closest('.chart-marker') && !c.classList.contains('chart-focus'),
      );
      return {
        box: { left: box.left, top: box.top, width: box.width, height: box.height },
        marks: found.map((c) => {
          const r = c.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
        }),
      };
    }, selector);
}

describe.each([
  { layout: 'wide', viewport: { width: 1200, height: 900 } },
  { layout: 'narrow', viewport: { width: 360, height: 800 } },
])('the pointer on the $layout drawing', ({ viewport }) => {
  beforeAll(async () => {
    await browser.page.setViewportSize(viewport);
    await browser.page.goto(`${site.url}/articles/stacks/`);
  });

  test('a 100% stacked area reads every category at the year: its share and the tonnes it comes from, and the total', async () => {
    const plot = plotOf('china-rest-share-area');
    await plot.scrollIntoViewIfNeeded();
    const { box, marks: dots } = await marks(plot, 'circle');
    const xs = [...new Set(dots.map((d) => Math.round(d.x)))].sort((a, b) => a - b);
    const years = [...new Set(data.rows.filter((r) => r.country === 'World total').map((r) => Number(r.year)))].sort(
      (a, b) => a - b,
    );
    expect(xs).toHaveLength(years.length);
    const tooltip = plot.locator('.chart-tooltip');
    for (const [i, year] of nonEmpty(years.entries(), 'years')) {
      // Low in the plot, inside China's band: the whole stack at that year is read.
      await browser.page.mouse.move(xs[i], box.top + box.height * 0.7);
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      const [china, world] = [tonnes('China', year), tonnes('World total', year)];
      expect(await tooltip.locator('strong').innerText()).toBe(String(year));
      const text = await tooltip.innerText();
      expect(text).toContain(`total ${figure(world)} ${unit}`);
      expect(text).toContain(`China: ${share(china, world)} (${figure(china)} ${unit})`);
      expect(text).toContain(`Rest of the world: ${share(world - china, world)} (${figure(world - china)} ${unit})`);
    }
  });

  test('a stacked bar reads every segment of its column and the column total', async () => {
    const plot = plotOf('china-us-stacked-bars');
    await plot.scrollIntoViewIfNeeded();
    const { marks: bars } = await marks(plot, 'rect');
    const xs = [...new Set(bars.map((b) => Math.round(b.x)))].sort((a, b) => a - b);
    const years = [...new Set(data.rows.filter((r) => r.country === 'China').map((r) => Number(r.year)))].sort(
      (a, b) => a - b,
    );
    expect(xs).toHaveLength(years.length);
    const tooltip = plot.locator('.chart-tooltip');
    const last = years.length - 1;
    const column = bars.filter((b) => Math.round(b.x) === xs[last]);
    // The top segment (the United States) under the pointer.
    const top = column.reduce((a, b) => (b.top < a.top ? b : a));
    await browser.page.mouse.move(xs[last], top.y);
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const [china, us] = [tonnes('China', years[last]), tonnes('United States', years[last])];
    const text = await tooltip.innerText();
    expect(await tooltip.locator('strong').innerText()).toBe(String(years[last]));
    expect(text).toContain(`total ${figure(china + us)} ${unit}`);
    expect(text).toContain(`China: ${figure(china)} ${unit}`);
    expect(text).toContain(`United States: ${figure(us)} ${unit}`);
  });

  test('small multiples: the pointer reads the facet it is over, with the rule in that facet only', async () => {
    const plot = plotOf('production-facets');
    await plot.scrollIntoViewIfNeeded();
    const titles = await plot.locator('svg:visible .chart-facet-title').evaluateAll((all) =>
      all.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, top: r.top, left: r.left };
      }),
    );
    expect(titles.map((t) => t.text)).toEqual(['China', 'United States']);
    const { marks: dots } = await marks(plot, 'circle');
    const tooltip = plot.locator('.chart-tooltip');
    for (const [i, country] of ['China', 'United States'].entries()) {
      // The facet's own dots: those below its title and, in a row of facets, right of it.
      const own = dots.filter(
        (d) =>
          d.y > titles[i].top &&
          (titles[i + 1] === undefined || d.y < titles[i + 1].top || d.x < titles[i + 1].left) &&
          d.x >= titles[i].left - 2,
      );
      const rightmost = own.reduce((a, b) => (b.x > a.x ? b : a));
      const year = Math.max(...data.rows.filter((r) => r.country === country).map((r) => Number(r.year)));
      await browser.page.mouse.move(rightmost.x, rightmost.y + 2);
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      expect(await tooltip.locator('strong').innerText()).toBe(country);
      expect(await tooltip.innerText()).toContain(`${year}: ${figure(tonnes(country, year))} ${unit}`);
      const rule = await plot.locator('svg:visible .chart-focus-rule').evaluate((l) => {
        const r = l.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      expect(rule.top).toBeGreaterThan(titles[i].top);
      if (titles[i + 1] && titles[i + 1].top > titles[i].top) expect(rule.bottom).toBeLessThan(titles[i + 1].top);
    }
  });
});

describe.each(['light', 'dark'] as const)('axe, %s scheme', (colorScheme) => {
  test('the stacks and small multiples, wide and narrow, tables open: no violations', async () => {
    const tab = await launchPage({ colorScheme });
    for (const width of [1200, 360]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(`${site.url}/articles/stacks/`);
      await tab.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const results = await new AxeBuilder({ page: tab }).analyze();
      expect(
        results.violations.map(
          (v) =>
            `${width}px ${v.id}: ${v.help} ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        ),
      ).toEqual([]);
    }
  });
});
