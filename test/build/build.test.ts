// Whole-site builds of tiny fixture sites with the real Astro CLI (test/support/build.ts).
// test/fixtures/site-small/ holds one article, one chart and one dataset, none of which the code knows: that they
// appear on the built site is the proof that a story is added as files, with no code change.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { nonEmpty } from '../support/lists.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const small = path.join(fixtures, 'site-small');
const dataset = JSON.parse(readFileSync(path.join(small, 'data/australia-mine-production.json'), 'utf8'));
const spec = JSON.parse(readFileSync(path.join(small, 'content/charts/australia-mine-production.json'), 'utf8'));

function page(build: BuildResult, route: string): Document {
  return parseHTML(readFileSync(path.join(build.outDir, route, 'index.html'), 'utf8')).document;
}

describe('a small fixture site builds, and its new article, chart and dataset appear', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentRoot: small });
    if (!build.ok) throw new Error(`the fixture site did not build:\n${build.output}`);
  }, 300_000);
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

  test('the home page lists the article with its dek', () => {
    const home = page(build, '');
    const link = home.querySelector('a[href$="/articles/australia-output/"]');
    expect(link?.textContent).toContain('Australia mines fewer rare earths than five years ago');
    expect(home.body.textContent).toContain(
      'A small fixture story: one chart, one dataset, added as files with no code change.',
    );
  });

  test('the article page has the headline, dek, body and claim', () => {
    const article = page(build, 'articles/australia-output');
    expect(article.querySelector('h1')?.textContent).toBe('Australia mines fewer rare earths than five years ago');
    expect(article.querySelector('#where-the-figures-come-from')?.textContent).toBe('Where the figures come from');
    expect(article.querySelector('#claim-1')?.textContent).toContain('From 21,000 t in 2019 to 13,000 t in 2024.');
    expect(article.body.textContent).toContain("Australia's 2023 and 2024 figures are USGS estimates.");
  });

  test('the chart is a figure with its title, SVG drawn at build time, source line and data table', () => {
    const figure = page(build, 'articles/australia-output').querySelector('figure#chart-australia-mine-production');
    expect(figure).not.toBeNull();
    expect(figure!.querySelector('.chart-title')?.textContent).toBe(spec.title);
    expect(figure!.querySelector('.chart-subtitle')?.textContent).toBe(spec.subtitle);

    const svgs = [...figure!.querySelectorAll('.chart-drawing svg')];
    expect(svgs.map((svg) => svg.closest('.chart-drawing')?.getAttribute('data-layout'))).toEqual(['wide', 'narrow']);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-labelledby')).toBe('chart-australia-mine-production-title');
      expect(svg.querySelectorAll('circle').length).toBeGreaterThanOrEqual(dataset.rows.length); // a dot per figure
    }

    const sourceLine = figure!.querySelector('.chart-source')!;
    for (const source of nonEmpty<{ name: string; url: string; edition: string }>(dataset.sources, 'sources')) {
      const link = [...sourceLine.querySelectorAll('a')].find((a) => a.textContent === source.name);
      expect(link?.getAttribute('href'), source.name).toBe(source.url);
      expect(sourceLine.textContent).toContain(`${source.name}, ${source.edition}`);
    }

    const table = figure!.querySelector('.chart-table table')!;
    expect(table.querySelector('caption')?.textContent).toContain(spec.title);
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(cells).toHaveLength(dataset.rows.length);
    for (const row of dataset.rows) {
      const line = cells.find((c) => c.includes(String(row.year)));
      expect(line, String(row.year)).toContain(row.tonnes_reo.toLocaleString('en-US'));
      if (row.estimate) expect(line).toContain('estimate');
    }
  });

  test("the chart's uncertainty and notes are listed under it", () => {
    const figure = page(build, 'articles/australia-output').querySelector('figure#chart-australia-mine-production')!;
    expect(figure.querySelector('.chart-uncertainties')?.textContent).toContain(spec.annotations[0].text);
    expect(figure.textContent).toContain(spec.notes);
  });
});

test('an invalid fixture site does not build, and the output names the file, line, field and problem', async () => {
  const build = await buildSite({ contentRoot: path.join(fixtures, 'invalid/chart-field-missing') });
  rmSync(build.outDir, { recursive: true, force: true });
  expect(build.ok).toBe(false);
  expect(build.output).toContain('nothing was published');
  expect(build.output).toContain(
    'content/charts/china-production.json:6:3  x  no field "yaer" in the rows of data/production.json (did you mean "year"?)',
  );
  expect(build.output).toContain(
    'content/charts/china-production.json:8:3  color  no field "contry" in the rows of data/production.json (did you mean "country"?)',
  );
  // The list once, and nothing an editor cannot act on: no stack trace, no file of ours, no highlighter warning.
  expect(build.output.split('nothing was published')).toHaveLength(2);
  expect(build.output.split('no field "yaer"')).toHaveLength(2);
  expect(build.output).not.toMatch(/Stack trace|\bat .*\.(m?js|ts):\d+|src\/model|node_modules/);
  expect(build.output).not.toContain('Shiki');
}, 300_000);
