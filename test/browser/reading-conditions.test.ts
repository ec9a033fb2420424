// The same pages read on a 360 px phone, in dark mode, on paper and with JavaScript off. Screenshots of the lead
// story at 360 and 1200 px, light and dark, are kept as artifacts (test/artifacts/).
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { artifact, launchPage, useBrowser } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { leadStory, pageKindNames, pageKinds, readJson, type DataFile } from './site-files.ts';

const siteUrl = inject('siteUrl');
const kinds = pageKinds(inject('siteDir'), [leadStory.path]);
const charts = leadStory.charts();

test('there is a page of every kind, and a chart in the lead story, to read', () => {
  expect(kinds.map((k) => k.kind).sort()).toEqual(pageKindNames);
  expect(charts.length).toBeGreaterThan(0);
});

describe('on a 360 px phone', () => {
  const browser = useBrowser({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });

  test.each(kinds)('$kind ($path): no sideways scrolling', async ({ path }) => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${path}`);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      viewport: innerWidth,
    }));
    expect(widths.viewport).toBe(360);
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.body).toBeLessThanOrEqual(360);
  });

  test.each(
    nonEmpty(
      kinds.filter((k) => /^(articles|charts|embed)\/\*$/.test(k.kind)),
      'pages with charts',
    ),
  )('$kind ($path): chart text is at least 11 CSS px', async ({ path }) => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${path}`);
    // Rendered size: the font size times the factor the drawing is scaled by to fit the page.
    const sizes = await page.locator('.chart-drawing svg:visible').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')]
          .filter((t) => t.textContent?.trim())
          .map((t) => ({ text: t.textContent!.slice(0, 30), px: parseFloat(getComputedStyle(t).fontSize) * scale }));
      }),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((s) => s.px < 11)).toEqual([]);
  });

  test('the phone gets the narrow drawing of each chart, and can read a point by touch', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${leadStory.path}`);
    const layouts = await page
      .locator('.chart-drawing:visible')
      .evaluateAll((all) => all.map((d) => d.getAttribute('data-layout')));
    expect(layouts.length).toBeGreaterThanOrEqual(charts.length);
    expect(new Set(layouts)).toEqual(new Set(['narrow']));
    const plot = page.locator('sl-chart[data-chart="mine-production-by-country"] .chart-plot:visible');
    await plot.scrollIntoViewIfNeeded();
    const bar = await plot.locator('svg:visible rect').first().boundingBox();
    await page.touchscreen.tap(bar!.x + 4, bar!.y + bar!.height / 2);
    const tooltip = plot.locator('.chart-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const box = (await tooltip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  });
});

describe('dark mode', () => {
  const colours = async (page: Page) =>
    page.evaluate(() => {
      const chart = document.querySelector(
        'sl-chart[data-chart="mine-production-by-country"] .chart-drawing--wide svg',
      )!;
      const bar = chart.querySelector('rect')!;
      const label = [...chart.querySelectorAll('.chart-overlay text')].find((t) => t.textContent?.trim())!;
      return {
        page: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        bar: getComputedStyle(bar).fill,
        label: getComputedStyle(label).fill,
        grid: getComputedStyle(
          document.querySelector(
            'sl-chart[data-chart="china-mine-share"] .chart-drawing--wide svg [stroke="var(--chart-grid)"]',
          )!,
        ).stroke,
      };
    });
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? [])
      .map(Number)
      .map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  test('the page turns dark and the charts take their dark colours from the same stylesheet', async () => {
    const [lightPage, darkPage] = await Promise.all([
      launchPage({ colorScheme: 'light' }),
      launchPage({ colorScheme: 'dark' }),
    ]);
    await Promise.all([lightPage.goto(`${siteUrl}${leadStory.path}`), darkPage.goto(`${siteUrl}${leadStory.path}`)]);
    const [l, d] = await Promise.all([colours(lightPage), colours(darkPage)]);
    expect(luminance(l.page)).toBeGreaterThan(0.8);
    expect(luminance(d.page)).toBeLessThan(0.05);
    expect(luminance(d.text)).toBeGreaterThan(0.6);
    for (const key of ['bar', 'label', 'grid'] as const) expect(d[key], key).not.toBe(l[key]);
    // Chart text stays readable: light on dark.
    expect(luminance(d.label)).toBeGreaterThan(0.5);
  });
});

describe('print', () => {
  test('controls are hidden; every view (of a year slider, the year on screen), note, uncertainty list and data table prints', async () => {
    const page = await launchPage();
    await page.goto(`${siteUrl}${leadStory.path}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.chart-time').first().isVisible()).toBe(false);
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    const figures = await page.locator('sl-chart').evaluateAll((all) =>
      all.map((chart) => {
        const shown = (el: Element | null) =>
          Boolean(el && (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0);
        return {
          id: chart.getAttribute('data-chart'),
          views: [...chart.querySelectorAll('.chart-view:not([data-step])')].map((v) =>
            shown(v.querySelector('.chart-drawing--wide svg')),
          ),
          years: [...chart.querySelectorAll('.chart-view[data-step]')].map((v) =>
            shown(v.querySelector('.chart-drawing--wide svg')),
          ),
          notes: [...chart.querySelectorAll('.chart-foot li')].every(shown),
          tables: [...chart.querySelectorAll('.chart-table table')].map(shown),
        };
      }),
    );
    expect(figures.map((f) => f.id)).toEqual(charts);
    for (const figure of figures) {
      expect(figure.views.every(Boolean), figure.id!).toBe(true);
      if (figure.years.length) expect(figure.years.filter(Boolean).length, figure.id!).toBe(1);
      expect(figure.notes, figure.id!).toBe(true);
      expect(figure.tables.length).toBe(figure.views.length + figure.years.length);
      expect(nonEmpty(figure.tables, `${figure.id}: tables`).every(Boolean), figure.id!).toBe(true);
    }
    await page.pdf({ path: artifact('article-print.pdf') });
  });
});

describe('with JavaScript off', () => {
  test('every chart, note and table is there', async () => {
    const page = await launchPage({ javaScriptEnabled: false });
    await page.goto(`${siteUrl}${leadStory.path}`);
    const figures = await page.locator('sl-chart').evaluateAll((all) =>
      all.map((chart) => ({
        id: chart.getAttribute('data-chart')!,
        drawings: [...chart.querySelectorAll('.chart-drawing svg')].filter(
          (svg) => svg.getBoundingClientRect().height > 0,
        ).length,
        views: chart.querySelectorAll('.chart-view').length,
        // A year slider's years: the first drawn, every year's figures in the table.
        years: chart.querySelectorAll('.chart-view[data-step]').length,
        notes: [...chart.querySelectorAll('.chart-foot li')].map((li) => li.textContent ?? ''),
        tableRows: [...chart.querySelectorAll<HTMLTableSectionElement>('.chart-table tbody')].map(
          (body) => body.rows.length,
        ),
        summary: chart.querySelector('.chart-summary')?.textContent ?? '',
      })),
    );
    expect(figures.map((f) => f.id)).toEqual(charts);
    for (const figure of figures) {
      const spec = readJson<{ notes?: string[]; annotations?: { text: string }[] }>(`content/charts/${figure.id}.json`);
      expect(figure.drawings, figure.id).toBe(figure.years ? figure.views - figure.years + 1 : figure.views);
      for (const text of [...(spec.notes ?? []), ...(spec.annotations ?? []).map((a) => a.text)]) {
        expect(
          figure.notes.some((n) => n.includes(text)),
          `${figure.id}: ${text}`,
        ).toBe(true);
      }
      expect(figure.tableRows.length).toBe(figure.views);
      expect(nonEmpty(figure.tableRows, `${figure.id}: tables`).every((n) => n > 0)).toBe(true);
      expect(figure.summary.length).toBeGreaterThan(20);
    }
    // One table checked against the data: every bar of a year is a row.
    const production = readJson<DataFile>('data/mine-production.json');
    const spec = readJson<{ filter: { country: string[] }; views: { filter: { year: number } }[] }>(
      'content/charts/mine-production-by-country.json',
    );
    const byCountry = figures.find((f) => f.id === 'mine-production-by-country')!;
    expect(byCountry.tableRows).toEqual(
      spec.views.map(
        (v) =>
          production.rows.filter((r) => r.year === v.filter.year && spec.filter.country.includes(String(r.country)))
            .length,
      ),
    );
    // Figures are written as the source gives them, years as years.
    const table = page.locator('sl-chart[data-chart="mine-production-by-country"] .chart-table table').first();
    const headers = await table.locator('thead th').allTextContents();
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    const first = production.rows
      .filter((r) => r.year === spec.views[0].filter.year && spec.filter.country.includes(String(r.country)))
      .sort((a, b) => Number(b.tonnes_reo) - Number(a.tonnes_reo))[0];
    expect(cells[headers.indexOf('Year')]).toBe(String(first.year));
    expect(cells).toContain(Number(first.tonnes_reo).toLocaleString('en-US'));
    // Controls that need JavaScript do not show: every view is drawn instead, so a view switch would do nothing.
    expect(await page.locator('.chart-time button').count()).toBeGreaterThan(0);
    expect(await page.locator(':is(.chart-views-switch, .chart-time) :is(button, input):visible').count()).toBe(0);
    // The data tables open without JavaScript.
    await page.locator('sl-chart').first().locator('.chart-table summary').click();
    expect(await page.locator('sl-chart').first().locator('.chart-table table').first().isVisible()).toBe(true);
  });
});

describe('screenshots', () => {
  test.each([
    [360, 'light'],
    [360, 'dark'],
    [1200, 'light'],
    [1200, 'dark'],
  ] as const)('the lead story at %i px, %s', async (width, colorScheme) => {
    const page = await launchPage({
      viewport: { width, height: 900 },
      colorScheme,
      deviceScaleFactor: width === 360 ? 2 : 1,
    });
    await page.goto(`${siteUrl}${leadStory.path}`);
    await page.screenshot({ path: artifact(`article-${width}-${colorScheme}.png`), fullPage: true });
    for (const id of charts) {
      await page
        .locator(`sl-chart[data-chart="${id}"] figure`)
        .screenshot({ path: artifact(`chart-${id}-${width}-${colorScheme}.png`) });
    }
    expect(await page.locator('sl-chart').count()).toBe(charts.length);
  });
});
