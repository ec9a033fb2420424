// `npm run new`: each starter file passes `npm run check` (with what is left to write listed as warnings), an
// article starts as a draft, existing files are never overwritten, and slugs and ids are checked.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { nonEmpty } from '../support/lists.ts';
import { readerFixture } from '../support/site.ts';
import { layered, runCli } from '../support/cli.ts';

const base = path.resolve(import.meta.dirname, '../fixtures/check/base');
/** Over the base: a dataset of real countries over three years (maps and slopes need both). */
const starters = path.resolve(import.meta.dirname, '../fixtures/starters');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A temp copy of the small valid fixture site, with the starters' dataset if asked. */
function fixtureSite(...over: string[]): string {
  const root = layered(base, ...over);
  roots.push(root);
  return root;
}

/** A temp copy of the reader fixture's content and data (a frozen copy of the publication's). */
function projectContent(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'supply-lines-content-'));
  roots.push(root);
  for (const dir of ['content', 'data'])
    cpSync(path.join(readerFixture, dir), path.join(root, dir), { recursive: true });
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
    expect(made.stdout).toContain(
      'It stays a draft (off the published site) until you change "draft: true" to "draft: false".',
    );

    const text = readFileSync(path.join(root, 'content/articles/cobalt-prices.md'), 'utf8');
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toMatch(/^# draft: true keeps this story off the published site/m);

    const { status, problems, summary } = await check(root);
    expect(status).toBe(0);
    expect(summary).toMatch(/^Content OK: 2 articles \(1 draft\), 1 chart, 1 dataset, \d+ warnings/);
    expect(problems).toContain(
      'content/articles/cobalt-prices.md:4:1  title  warning: starter text to replace: "FILL IN: the headline, one line"',
    );
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
    expect(problems).toContain(
      'data/cobalt-output.json:9:7  sources[0].url  warning: starter text to replace: "https://example.org/FILL IN: the address of the document,..."',
    );
    expect(problems.every((line) => line.includes('warning: '))).toBe(true);
  });

  test('chart: a starter of every dataset in the repository passes', async () => {
    const root = projectContent();
    const ids = readdirSync(path.join(root, 'data')).map((name) => name.replace(/\.json$/, ''));
    for (const id of nonEmpty(ids, 'datasets'))
      expect((await newFile(root, 'chart', `starter-${id}`, '--dataset', id)).status).toBe(0);
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
      writeFileSync(
        full,
        edit(readFileSync(full, 'utf8').replace(/FILL IN(?:[^"\\\n]|\\.)*/g, 'Written by the editor')),
      );
    };
    fillIn('data/cobalt-output.json');
    fillIn('content/charts/cobalt-by-year.json');
    fillIn(
      'content/articles/cobalt-prices.md',
      (text) =>
        text.replace(/^draft: true$/m, 'draft: false').replace('charts: []', 'charts: [cobalt-by-year]') +
        '\n::chart{id="cobalt-by-year"}\n',
    );

    const { status, problems, summary } = await check(root);
    expect(problems).toEqual([]);
    expect(summary).toMatch(/^Content OK: 2 articles, 2 charts, 2 datasets, 0 warnings/);
    expect(status).toBe(0);
  });
});

describe('--mark, --stack and --facet: the starter is drawn as asked and passes npm run check', () => {
  for (const [args, expected] of [
    [['--dataset', 'ore-output', '--mark', 'area'], { mark: 'area', x: 'year', y: 'tonnes', color: 'country' }],
    // Three years in the data: the slope keeps the first and the last.
    [
      ['--dataset', 'mine-output', '--mark', 'slope'],
      { mark: 'slope', x: 'year', y: 'tonnes', color: 'country', filter: { year: [2022, 2024] } },
    ],
    [
      ['--dataset', 'mine-output', '--mark', 'map'],
      { mark: 'map', x: 'country', y: 'tonnes', filter: { year: 2024 }, color: undefined },
    ],
    // A country in three years would be three bars in one row: as the map, the bars keep the latest year.
    [
      ['--dataset', 'mine-output', '--mark', 'bar'],
      { mark: 'bar', x: 'tonnes', y: 'country', filter: { year: 2024 }, color: undefined },
    ],
    [['--dataset', 'ore-output', '--mark', 'cell'], { mark: 'cell', x: 'year', y: 'country', color: 'tonnes' }],
    [
      ['--dataset', 'mine-output', '--mark', 'area', '--stack', 'share'],
      { mark: 'area', x: 'year', y: 'tonnes', color: 'country', stack: 'share' },
    ],
    // The facet's field makes the small charts, so it is not the colour too.
    [
      ['--dataset', 'ore-output', '--facet', 'country'],
      { mark: 'line', x: 'year', y: 'tonnes', facet: 'country', color: undefined },
    ],
  ] as const) {
    test(args.slice(2).join(' '), async () => {
      const root = fixtureSite(starters);
      const made = await newFile(root, 'chart', 'asked-for', ...args);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      const spec = JSON.parse(readFileSync(path.join(root, 'content/charts/asked-for.json'), 'utf8'));
      // color: undefined in what is expected asks for a chart without one.
      expect({ ...spec, color: spec.color }).toMatchObject({ dataset: args[1], ...expected });
      expect(spec.notes.join(' ')).toMatch(/"low" and "high".*"projection": true/);
      const { status, problems } = await check(root);
      expect(problems.filter((line) => !line.includes('warning: '))).toEqual([]);
      expect(status).toBe(0);
    });
  }

  test('a bar of a dataset over several years keeps the latest year, and says so', async () => {
    const root = fixtureSite(starters);
    const made = await newFile(root, 'chart', 'mine-bars', '--dataset', 'mine-output', '--mark', 'bar');
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain(
      'It draws data/mine-output.json as a bar chart: x "tonnes", y "country", only the rows with year = 2024 (the latest year: one bar per country).',
    );
  });

  test("a bar refused by the check says the check's reason, not what a bar needs (which the dataset has)", async () => {
    const root = fixtureSite(starters);
    // Two editions of the same year: still two rows per country once the latest year is kept.
    const file = path.join(root, 'data/mine-output.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.rows.push(
      ...data.rows
        .filter((row: { year: number }) => row.year === 2024)
        .map((row: object) => ({ ...row, edition: 'second' })),
    );
    writeFileSync(file, JSON.stringify(data, null, 2));
    const result = await newFile(root, 'chart', 'mine-bars', '--dataset', 'mine-output', '--mark', 'bar');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('rows have country = "China"');
    expect(result.stderr).not.toContain('a bar needs');
    expect(result.stderr.trim()).toMatch(/Nothing was written\.$/);
  });

  test('"an area", not "a area", in what the command says', async () => {
    const root = fixtureSite();
    // No year or date: an area cannot be started.
    writeFileSync(
      path.join(root, 'data/ore-places.json'),
      readFileSync(path.join(root, 'data/ore-output.json'), 'utf8')
        .replace(/"year": 2023, /g, '')
        .replace(/\{ "year": 2024, [^\n]*\n/g, '')
        .replace(/\},\n(\s*\])/, '}\n$1'),
    );
    const result = await newFile(root, 'chart', 'ore-area', '--dataset', 'ore-places', '--mark', 'area');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^An area chart of data\/ore-places\.json cannot be started from its fields \(country, tonnes\): an area needs/,
    );
  });

  test('an unknown mark is a command written wrong: the nearest mark, the list, and nothing written', async () => {
    const root = fixtureSite();
    const result = await newFile(root, 'chart', 'ore-slope', '--dataset', 'ore-output', '--mark', 'slop');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^Unknown mark "slop" \(did you mean "slope"\?\): --mark is one of line, area, bar, dot, cell, slope, map\.\n\nUsage:/,
    );
    expect(readdirSync(path.join(root, 'content/charts'))).toEqual(['ore-share.json']);
  });

  test('a map of a dataset with no field of places is refused, saying what a map needs, and nothing is written', async () => {
    const root = fixtureSite();
    const result = await newFile(root, 'chart', 'ore-map', '--dataset', 'ore-output', '--mark', 'map');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'A map chart of data/ore-output.json cannot be started from its fields (year, country, tonnes): a map needs a text field whose every value is a country (e.g. "China", "Burma (Myanmar)" or "CHN") or a total row (e.g. "World total") for x, and a number field for y. Nothing was written.',
    );
    expect(readdirSync(path.join(root, 'content/charts'))).toEqual(['ore-share.json']);
  });

  test('--stack on a line chart is refused: only areas and bars stack', async () => {
    const root = fixtureSite();
    const result = await newFile(
      root,
      'chart',
      'ore-lines',
      '--dataset',
      'ore-output',
      '--mark',
      'line',
      '--stack',
      'sum',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^A line chart does not stack: --stack works with --mark area or --mark bar; choose one of them, or leave --stack out\./,
    );
    expect(readdirSync(path.join(root, 'content/charts'))).toEqual(['ore-share.json']);
  });

  test('--facet names a field of the dataset, with the nearest one when it does not', async () => {
    const root = fixtureSite();
    const result = await newFile(root, 'chart', 'ore-facets', '--dataset', 'ore-output', '--facet', 'contry');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'No field "contry" in the rows of data/ore-output.json (did you mean "country"?): --facet names the field with one small chart per value. Fields: year, country, tonnes. Nothing was written.',
    );
    expect(readdirSync(path.join(root, 'content/charts'))).toEqual(['ore-share.json']);
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
      expect(result.stderr.trim()).toBe(
        `${file} already exists, so nothing was written: choose another name, or edit that file.`,
      );
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
      expect(result.stderr.trim()).toBe(
        `"${slug}" cannot be a slug: use lower-case letters, digits and hyphens only${hint}. Nothing was written.`,
      );
      expect(readdirSync(path.join(root, 'content/articles'))).toEqual(['ore-story.md']);
      expect(readdirSync(root).sort()).toEqual(['content', 'data']);
    });
  }

  test('a chart id is checked too', async () => {
    const result = await newFile(fixtureSite(), 'chart', 'Ore_Share_2', '--dataset', 'ore-output');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      '"Ore_Share_2" cannot be an id: use lower-case letters, digits and hyphens only (did you mean "ore-share-2"?). Nothing was written.',
    );
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
    expect(result.stderr.trim()).toBe(
      'No dataset "ore-outptu" in data/ (did you mean "ore-output"?). Datasets: ore-output. Nothing was written.',
    );
    expect(readdirSync(path.join(root, 'content/charts'))).toEqual(['ore-share.json']);
  });
});
