// The values fixture site (test/fixtures/values/, rows copied from data/) built with the real Astro CLI: what a reader
// gets from `:value` and checked claims with no script. Each figure is a link to the rows that hold it (a chart state
// the page's figure answers to, or the dataset's JSON), titled with its source, edition and marks; "Claims checked"
// says which claims were checked against the data and which are the editors' judgement; the page is valid HTML; and a
// typed status the data contradicts stops the build.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { validateHtml } from '../support/html-validator.ts';

const site = path.resolve(import.meta.dirname, '../fixtures/values');

describe('a story printing figures from the data, built', () => {
  let build: BuildResult;
  let page: Document;
  beforeAll(async () => {
    build = await buildSite({ contentRoot: site });
    if (!build.ok) throw new Error(`the values fixture did not build:\n${build.output}`);
    page = parseHTML(readFileSync(path.join(build.outDir, 'articles/figures/index.html'), 'utf8')).document;
  }, 300_000);
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

  test('every figure reads as the data gives it, and says where it comes from', () => {
    const body = page.querySelector('article')!;
    expect(body.textContent).toContain("China mined 270,000 tonnes in 2024, 69.2% of the world's, or 69% rounded.");
    for (const figure of body.querySelectorAll('.value')) {
      expect(figure.getAttribute('title'), figure.textContent).toMatch(
        /Sources?: USGS Mineral Commodity Summaries 20\d\d: Rare Earths, MCS 20\d\d/,
      );
    }
    expect(body.querySelectorAll('a a')).toHaveLength(0);
  });

  test("a figure the story's chart draws jumps to that chart in that state, with no script: the figure carries the id", () => {
    const china = page.querySelector('a.value')!;
    const hash = china.getAttribute('href')!;
    expect(hash).toBe('#mine-sample-bars=select:China;year:2024');
    expect(
      page
        .getElementById(decodeURIComponent(hash.slice(1)))
        ?.closest('sl-chart')
        ?.querySelector('figure')?.id,
    ).toBe('chart-mine-sample-bars');
    const other = [...page.querySelectorAll('a.value')].find((a) => a.textContent === '27,000')!;
    expect(other.getAttribute('href')).toBe('../../data/mine-sample/');
    expect(readFileSync(path.join(build.outDir, 'data/mine-sample.json'), 'utf8')).toContain('"tonnes_reo": 105000');
  });

  test('"Claims checked" says which claims the data checked, with the figure, its source and edition, and which the editors judged', () => {
    const box = page.querySelector('.claims-box')!;
    expect(box.querySelector('.claims-how')?.textContent).toBe(
      "2 of 3 checked against the data, their status computed from it; the others are the editors' judgement.",
    );
    const [first, second, third] = [...box.querySelectorAll('.claims > li')];
    expect(first.querySelector('.claim-status')?.textContent).toBe('Disputed');
    expect(first.querySelector('.claim-check')?.textContent).toBe(
      'Checked against the data: the claim states 80%; the data gives 69.2%, which is not within 5 points of 80%. Tonnes REO, China, 2024, as a share of World total, 2024 (computed). Source: USGS Mineral Commodity Summaries 2025: Rare Earths, MCS 2025 (January 2025).',
    );
    expect(second.querySelector('.claim-status')?.textContent).toBe('Supported');
    expect(second.querySelector('.claim-check a.value')?.getAttribute('href')).toBe(
      '#mine-sample-bars=select:China;year:2024',
    );
    expect(third.querySelector('.claim-check')).toBeNull();
    expect(third.querySelector('.claim-judged')?.textContent).toBe(
      "The editors' judgement, not a figure checked against a dataset.",
    );
  });

  test('the story page is valid HTML', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'values-html-'));
    try {
      cpSync(path.join(build.outDir, 'articles/figures'), dir, { recursive: true });
      expect((await validateHtml(dir)).errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

test('a typed status the data contradicts stops the build, naming the file, line, words and what the data gives', async () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'values-broken-'));
  cpSync(site, copy, { recursive: true });
  const file = path.join(copy, 'content/articles/figures.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('{status="disputed" states="80%"', '{status="supported" states="80%"'),
  );
  const build = await buildSite({ contentRoot: copy });
  rmSync(copy, { recursive: true, force: true });
  rmSync(build.outDir, { recursive: true, force: true });
  expect(build.ok).toBe(false);
  expect(build.output).toContain('content/articles/figures.md:21:');
  expect(build.output).toContain(
    'claim "approximately 80% of global supply": status="supported" is typed, but the data gives 69.2%',
  );
}, 300_000);
