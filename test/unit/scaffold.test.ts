// `npm run new`: each starter file passes `npm run check` (with what is left to write listed as warnings), an
// article starts as a draft, existing files are never overwritten, and slugs and ids are checked.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readerFixture } from '../support/site.ts';
import { layered, runCli } from '../support/cli.ts';

const base = path.resolve(import.meta.dirname, '../fixtures/check/base');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A temp copy of the small valid fixture site. */
function fixtureSite(): string {
  const root = layered(base);
  roots.push(root);
  return root;
}

/** A temp copy of the reader fixture's content and data (a frozen copy of the publication's). */
function projectContent(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'supply-lines-content-'));
  roots.push(root);
  for (const dir of ['content', 'data']) cpSync(path.join(readerFixture, dir), path.join(root, dir), { recursive: true });
  return root;
}

const newFile = (root: string, ...args: string[]) => runCli('new', args, { contentRoot: root });
const check = async (root: string) => {
  const result = await runCli('check', [], { contentRoot: root });
  const lines = result.stdout.split('\n').filter(Boolean);
  return { ...result, problems: lines.slice(0, -1), summary: lines.at(-1) ?? '' };
};

describe('each starter passes npm run check', () => {
  test('article: a draft, so it never publishes by accident, whose blanks the check lists as warnings', async () => {
    const root = fixtureSite();
    const made = await newFile(root, 'article', 'cobalt-prices');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Wrote content/articles/cobalt-prices.md, a starter that passes npm run check.');
    expect(made.stdout).toContain('It stays a draft (off the published site) until you change "draft: true" to "draft: false".');

    const text = readFileSync(path.join(root, 'content/articles/cobalt-prices.md'), 'utf8');
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toMatch(/^# draft: true keeps this story off the published site/m);

    const { status, problems, summary } = await check(root);
    expect(status).toBe(0);
    expect(summary).toMatch(/^Content OK: 2 articles \(1 draft\), 1 chart, 1 dataset, \d+ warnings/);
    expect(problems).toContain('content/articles/cobalt-prices.md:4:1  title  warning: starter text to replace: "FILL IN: the headline, one line"');
    expect(problems.every((line) => line.includes('warning: '))).toBe(true);
  });

  test('dataset, and a chart of it: both pass, and the chart uses fields the dataset has', async () => {
    const root = fixtureSite();
    expect((await newFile(root, 'dataset', 'cobalt-output')).status).toBe(0);
    const chart = await newFile(root, 'chart', 'cobalt-by-year', '--dataset', 'cobalt-output');
    expect(chart.status).toBe(0);
    expect(chart.stdout).toContain('It draws data/cobalt-output.json as a line chart: x "year", y "value".');

    const spec = JSON.parse(readFileSync(path.join(root, 'content/charts/cobalt-by-year.json'), 'utf8'));
    const dataset = JSON.parse(readFileSync(path.join(root, 'data/cobalt-output.json'), 'utf8'));
    expect(spec).toMatchObject({ dataset: 'cobalt-output', mark: 'line', x: 'year', y: 'value' });
    for (const field of [spec.x, spec.y]) expect(Object.keys(dataset.rows[0])).toContain(field);

    const { status, problems } = await check(root);
    expect(status).toBe(0);
    expect(problems).toContain('data/cobalt-output.json:9:7  sources[0].url  warning: starter text to replace: "https://example.org/FILL IN: the address of the document,..."');
    expect(problems.every((line) => line.includes('warning: '))).toBe(true);
  });

  test('chart: a starter of every dataset in the repository passes', async () => {
    const root = projectContent();
    const ids = readdirSync(path.join(root, 'data')).map((name) => name.replace(/\.json$/, ''));
    for (const id of ids) expect((await newFile(root, 'chart', `starter-${id}`, '--dataset', id)).status).toBe(0);
    const { status, problems } = await check(root);
    expect(problems.filter((line) => !line.includes('warning: '))).toEqual([]);
    expect(status).toBe(0);
  });

  test('filled in, the three starters make a published story that passes with no warning at all', async () => {
    const root = fixtureSite();
    await newFile(root, 'dataset', 'cobalt-output');
    await newFile(root, 'chart', 'cobalt-by-year', '--dataset', 'cobalt-output');
    await newFile(root, 'article', 'cobalt-prices');
    // What an editor does: write over every FILL IN, publish the story, place the chart.
    const fillIn = (file: string, edit: (text: string) => string = (t) => t) => {
      const full = path.join(root, file);
      writeFileSync(full, edit(readFileSync(full, 'utf8').replace(/FILL IN(?:[^"\\\n]|\\.)*/g, 'Written by the editor')));
    };
    fillIn('data/cobalt-output.json');
    fillIn('content/charts/cobalt-by-year.json');
    fillIn('content/articles/cobalt-prices.md', (text) => text.replace(/^draft: true$/m, 'draft: false').replace('charts: []', 'charts: [cobalt-by-year]') + '\n::chart{id="cobalt-by-year"}\n');

    const { status, problems, summary } = await check(root);
    expect(problems).toEqual([]);
    expect(summary).toMatch(/^Content OK: 2 articles, 2 charts, 2 datasets, 0 warnings/);
    expect(status).toBe(0);
  });
});

describe('never overwrites', () => {
  for (const [kind, id, file, extra] of [
    ['article', 'ore-story', 'content/articles/ore-story.md', []],
    ['chart', 'ore-share', 'content/charts/ore-share.json', ['--dataset', 'ore-output']],
    ['dataset', 'ore-output', 'data/ore-output.json', []],
  ] as const) {
    test(`an existing ${kind} is refused and left untouched`, async () => {
      const root = fixtureSite();
      const before = readFileSync(path.join(root, file));
      const result = await newFile(root, kind, id, ...extra);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`${file} already exists, so nothing was written: choose another name, or edit that file.`);
      expect(readFileSync(path.join(root, file)).equals(before)).toBe(true);
    });
  }
});

describe('slugs and ids are lower-case letters, digits and hyphens', () => {
  for (const [slug, hint] of [
    ['Cobalt Prices', ' (did you mean "cobalt-prices"?)'],
    ['cobalt_prices', ' (did you mean "cobalt-prices"?)'],
    ['cobalt-', ' (did you mean "cobalt"?)'],
    ['../escape', ' (did you mean "escape"?)'],
  ]) {
    test(`"${slug}" is refused and nothing is written`, async () => {
      const root = fixtureSite();
      const result = await newFile(root, 'article', slug);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`"${slug}" cannot be a slug: use lower-case letters, digits and hyphens only${hint}. Nothing was written.`);
      expect(readdirSync(path.join(root, 'content/articles'))).toEqual(['ore-story.md']);
      expect(readdirSync(root).sort()).toEqual(['content', 'data']);
    });
  }

  test('a chart id is checked too', async () => {
    const result = await newFile(fixtureSite(), 'chart', 'Ore_Share_2', '--dataset', 'ore-output');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('"Ore_Share_2" cannot be an id: use lower-case letters, digits and hyphens only (did you mean "ore-share-2"?). Nothing was written.');
  });
});

describe('a command written wrong gets the usage (exit status 2); a refusal exits 1', () => {
  test('no kind', async () => {
    const result = await newFile(fixtureSite());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm run new -- article <slug>');
  });

  test('an unknown kind', async () => {
    const result = await newFile(fixtureSite(), 'story', 'cobalt');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unknown kind "story": write article, chart or dataset\.\n\nUsage:/);
  });

  test('a chart without its dataset', async () => {
    const result = await newFile(fixtureSite(), 'chart', 'ore-tonnes');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^A chart draws one dataset: name it with --dataset <dataset-id>\./);
  });

  test('a chart of a dataset that does not exist', async () => {
    const root = fixtureSite();
    const result = await newFile(root, 'chart', 'ore-tonnes', '--dataset', 'ore-outptu');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('No dataset "ore-outptu" in data/ (did you mean "ore-output"?). Datasets: ore-output. Nothing was written.');
    expect(readdirSync(path.join(root, 'content/charts'))).toEqual(['ore-share.json']);
  });
});
