// What the drawings show, with JavaScript off so every view is on the page: numbered uncertainty markers that
// match the list under each chart, estimates drawn apart and explained, reported figures as labelled lines, and
// labels and markers that neither leave the drawing nor sit on each other, at phone and desktop widths.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { loadSite } from '../../src/model/load.ts';
import { nonEmpty } from '../support/lists.ts';
import { readerFixture } from '../support/site.ts';
import { htmlFiles, leadStory, readJson, urlPath, type DataFile } from './site-files.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
/** Every page that shows charts with their notes: stories and the charts' own pages. */
const chartPages = htmlFiles(siteDir)
  .map(urlPath)
  .filter((p) => /^\/(articles|charts)\/[^/]+\/$/.test(p));

const browser = useBrowser({ javaScriptEnabled: false });

async function open(path: string, width = 1200): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${siteUrl}${path}`);
  return page;
}

test('the built site has a page for each story and each chart to check', () => {
  const { articles, charts } = loadSite(readerFixture).site;
  expect(chartPages.length).toBeGreaterThan(0);
  expect(chartPages).toHaveLength(articles.length + charts.size);
  expect(chartPages).toContain(leadStory.path);
  expect(chartPages.some((p) => p.startsWith('/charts/'))).toBe(true);
});

describe('uncertainty markers', () => {
  test.each(chartPages)('%s: each drawing numbers the same uncertainties the list under it gives', async (path) => {
    const page = await open(path);
    const figures = await page.locator('sl-chart').evaluateAll((charts) =>
      charts.map((chart) => ({
        id: chart.getAttribute('data-chart'),
        listed: [...chart.querySelectorAll('.chart-uncertainties li')].map((li) =>
          li.querySelector('.swatch--marker')?.textContent?.trim(),
        ),
        // Who raised each is one tap away, under "Sources and notes", numbered the same.
        raisedBy: Object.fromEntries(
          [...chart.querySelectorAll('.chart-raised-by li')].map((li) => [
            li.querySelector('.swatch--marker')?.textContent?.trim(),
            li.textContent ?? '',
          ]),
        ),
        drawings: [...chart.querySelectorAll('.chart-drawing svg')].map((svg) =>
          [...svg.querySelectorAll('.chart-marker')].map((m) => m.querySelector('text')?.textContent?.trim()),
        ),
      })),
    );
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const spec = readJson<{ annotations?: { kind?: string; raisedBy?: string }[] }>(
        `content/charts/${figure.id}.json`,
      );
      const uncertainties = (spec.annotations ?? []).filter((a) => a.kind === 'uncertainty');
      expect(figure.listed, figure.id!).toEqual(uncertainties.map((_, i) => String(i + 1)));
      uncertainties.forEach((u, i) => {
        if (u.raisedBy) expect(figure.raisedBy[String(i + 1)]).toContain(`Raised by ${u.raisedBy}`);
      });
      for (const markers of nonEmpty(figure.drawings, `${figure.id}: drawings`))
        expect(markers, figure.id!).toEqual(figure.listed);
    }
  });
});

describe('legibility of the drawings', () => {
  test.each([360, 1200])('at %i px, no label or marker leaves its drawing or sits on another', async (width) => {
    const problems: string[] = [];
    for (const path of chartPages) {
      const page = await open(path, width);
      problems.push(
        ...(await page.locator('.chart-drawing svg:visible').evaluateAll((svgs) =>
          svgs.flatMap((svg) => {
            const id = svg.closest('sl-chart')?.getAttribute('data-chart');
            const view = svg.closest('.chart-view')?.getAttribute('data-view');
            const frame = svg.getBoundingClientRect();
            const found: string[] = [];
            // Each text element, or each marker as a whole (its circle and number).
            const items = [
              ...[...svg.querySelectorAll('text')]
                .filter((t) => !t.closest('.chart-marker') && t.textContent?.trim())
                .map((t) => ({ name: `"${t.textContent}"`, box: t.getBoundingClientRect() })),
              ...[...svg.querySelectorAll('.chart-marker circle')].map((c) => ({
                name: `marker ${c.parentElement?.textContent}`,
                box: c.getBoundingClientRect(),
              })),
            ];
            for (const { name, box } of items) {
              if (
                box.left < frame.left - 0.5 ||
                box.right > frame.right + 0.5 ||
                box.top < frame.top - 0.5 ||
                box.bottom > frame.bottom + 0.5
              )
                found.push(`${id} ${view}: ${name} is cut off`);
            }
            for (let i = 0; i < items.length; i++) {
              for (let j = i + 1; j < items.length; j++) {
                const [a, b] = [items[i].box, items[j].box];
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                // Text boxes include the font's line gap; a sliver of overlap is not two labels on each other.
                if (w > 2 && h > 3) found.push(`${id} ${view}: ${items[i].name} overlaps ${items[j].name}`);
              }
            }
            return found;
          }),
        )),
      );
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});

describe('estimates and reported figures', () => {
  test('estimated bars are drawn apart (lighter, dashed) and the key explains them', async () => {
    const page = await open(leadStory.path);
    const production = readJson<DataFile>('data/mine-production.json');
    const spec = readJson<{ filter: { country: string[] }; views: { id: string; filter: { year: number } }[] }>(
      'content/charts/mine-production-by-country.json',
    );
    const figure = page.locator('sl-chart[data-chart="mine-production-by-country"]');
    for (const view of nonEmpty(spec.views, 'views')) {
      const rows = production.rows.filter(
        (r) => r.year === view.filter.year && spec.filter.country.includes(String(r.country)),
      );
      const estimates = rows.filter((r) => r.estimate === true).length;
      expect(estimates).toBeGreaterThan(0);
      const bars = await figure
        .locator(`.chart-view[data-view="${view.id}"] .chart-drawing--wide svg rect`)
        .evaluateAll((rects) =>
          rects.map((r) => ({
            dashed: getComputedStyle(r).strokeDasharray !== 'none',
            opacity: Number(getComputedStyle(r).fillOpacity),
          })),
        );
      expect(bars.length).toBe(rows.length);
      expect(bars.filter((b) => b.dashed && b.opacity < 1).length).toBe(estimates);
      expect(bars.filter((b) => !b.dashed && b.opacity === 1).length).toBe(rows.length - estimates);
    }
    const key = await figure.locator('.chart-legend').innerText();
    expect(key).toMatch(/estimate/i);
  });

  test('a figure as reported is a dashed reference line with its label, and the key names it', async () => {
    const reportedOf = (id: string) =>
      (readJson<{ reference?: { label: string; kind: string }[] }>(`content/charts/${id}.json`).reference ?? []).filter(
        (r) => r.kind === 'reported',
      );
    for (const id of nonEmpty(
      leadStory.charts().filter((id) => reportedOf(id).length),
      'charts with a figure as reported',
    )) {
      const reported = reportedOf(id);
      const page = await open(leadStory.path);
      const figure = page.locator(`sl-chart[data-chart="${id}"]`);
      const drawn = await figure
        .locator('.chart-drawing--wide svg')
        .first()
        .evaluate((svg) => ({
          labels: [...svg.querySelectorAll('text')].map((t) =>
            [...(t.children.length ? t.children : [t])].map((l) => l.textContent).join(' '),
          ),
          dashed: svg.querySelectorAll('[stroke="var(--chart-reported)"][stroke-dasharray]').length,
        }));
      for (const ref of reported) expect(drawn.labels, id).toContain(ref.label);
      expect(drawn.dashed).toBeGreaterThanOrEqual(reported.length);
      expect(await figure.locator('.chart-legend').innerText()).toMatch(/as reported/i);
      await page.close();
    }
  });
});
