// `npm run review` shows what a data change does to the words: a fixture git history whose base is
// test/fixtures/values/ and whose head changes one figure, the world total of 2024 in data/mine-sample.json, from
// 390,000 to 600,000 (an invented edit, not a USGS figure). The report must list, for the story that prints it, each
// figure that moves, the checked claim whose status flips, and the typed-figure warnings that go; the summary the
// pull request's comment posts must count them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { wordsMoved, wordsSummary } from '../../src/review/words.ts';

const fixture = path.join(projectRoot, 'test/fixtures/values');
const worldFrom = '"country": "World total",\n      "tonnes_reo": 390000';
const worldTo = '"country": "World total",\n      "tonnes_reo": 600000';

describe('what a data change does to the words', () => {
  let repo: string;
  let out: string;
  let result: CliResult;
  beforeAll(async () => {
    repo = mkdtempSync(path.join(tmpdir(), 'supply-lines-words-'));
    cpSync(fixture, repo, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.org', '-c', 'init.defaultBranch=main', ...args],
        { cwd: repo },
      );
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base: the values fixture');
    const file = path.join(repo, 'data/mine-sample.json');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(worldFrom)) throw new Error('the fixture has no world total of 390,000 for 2024');
    writeFileSync(file, text.replace(worldFrom, worldTo));
    git('commit', '-qam', 'head: the world total of 2024 changed');
    out = mkdtempSync(path.join(tmpdir(), 'supply-lines-words-out-'));
    result = await runCli('review', ['--base', 'HEAD~1', '--out', out], { contentRoot: repo });
  }, 300_000);
  afterAll(() => {
    for (const dir of [repo, out]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the report lists, for the story, each printed value, checked claim and typed-figure warning that moves, before and after', () => {
    expect(result.status, result.stderr).toBe(0);
    const report = parseHTML(readFileSync(path.join(out, 'index.html'), 'utf8')).document;
    expect(report.querySelector('nav a[href="#words"]')?.textContent).toBe('Words the data moves');
    const rows = (story: string, heading: string) => {
      const h4 = [...report.querySelectorAll(`#words-${story} h4`)].find((h) => h.textContent === heading);
      let list = h4?.nextElementSibling;
      while (list && !['TABLE', 'UL'].includes(list.tagName)) list = list.nextElementSibling;
      return [...(list?.querySelectorAll('tbody tr, li') ?? [])].map((el) =>
        el.tagName === 'TR'
          ? [...el.querySelectorAll('td')]
              .slice(1)
              .map((td) => td.textContent)
              .join(' -> ')
          : el.textContent,
      );
    };
    // China's share of the world, in both its forms; the tonnes and the 2017 difference do not move.
    expect(rows('figures', '2 printed values moved')).toEqual(['69.2% -> 45.0%', '69% -> 45%']);
    expect(rows('figures', '2 checked claims moved')).toEqual([
      'disputed: the data gives 69.2%, not within 5 points of 80% -> disputed: the data gives 45.0%, not within 5 points of 80%',
      'supported: the data gives 69.2%, more than 50% -> disputed: the data gives 45.0%, not more than 50%',
    ]);
    // The typed 390,000 in typed.md's prose and in its chart's subtitle no longer match the data.
    expect(rows('typed', '2 typed-figure warnings resolved')).toEqual([
      expect.stringMatching(
        /^content\/articles\/typed\.md:9:63 {2}body {2}warning: 390,000 matches data\/mine-sample\.json/,
      ),
      expect.stringMatching(
        /^content\/charts\/mine-sample-share\.json:3:3 {2}subtitle {2}warning: 390,000 matches data\/mine-sample\.json/,
      ),
    ]);
  });

  test('the summary the pull request comment posts counts them, and the comment carries it', async () => {
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain(
      'Words the data moves (section `#words` of `index.html`): 2 printed values, 2 checked claims (status or figure), 0 new and 2 resolved typed-figure warnings.',
    );
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).words).toEqual({
      values: 2,
      claims: 2,
      warnings: { new: 0, resolved: 2 },
    });
    const post = createRequire(import.meta.url)(path.join(projectRoot, '.github/scripts/review-comment.cjs'));
    const event = JSON.parse(
      readFileSync(path.join(projectRoot, 'test/fixtures/github/pull-request-opened.json'), 'utf8'),
    );
    let posted = '';
    const github = {
      paginate: async () => [],
      rest: {
        issues: {
          listComments: async () => ({ data: [] }),
          createComment: async ({ body }: { body: string }) => ((posted = body), { data: { id: 1 } }),
        },
      },
    };
    await post({
      github,
      context: { payload: event, repo: { owner: 'o', repo: 'r' } },
      summaryFile: path.join(out, 'summary.md'),
      env: {},
    });
    expect(posted).toContain(
      '2 printed values, 2 checked claims (status or figure), 0 new and 2 resolved typed-figure warnings',
    );
  });
});

test('no change to the data, no words moved', () => {
  expect(wordsMoved(fixture, fixture)).toEqual([]);
  expect(wordsSummary([])).toContain(
    '0 printed values, 0 checked claims (status or figure), 0 new and 0 resolved typed-figure warnings.',
  );
});
