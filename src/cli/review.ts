// `npm run review -- [--base <git-ref>] [--out <folder>]`: what a change shows readers. Builds the site from the
// base's content/ and data/ (taken from git) and from the working tree's, both with the working tree's code (and so
// one drawing cache), compares them, and writes <out>/index.html (default review/), a self-contained report, with
// summary.md and summary.json for the pull request's comment.
//
// Why the head's code for both: the question a content pull request asks is what its stories, charts and figures do
// to the site, and one code base keeps every other difference out of the report. When code changed too, the report
// says so and names the files; the chart snapshot tests are where a drawing change from code is reviewed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareSites } from '../review/compare.ts';
import { counts, reportHtml, summaryMarkdown } from '../review/report.ts';
import { wordCounts, wordsMoved, wordsSummary, withWordsSection } from '../review/words.ts';
import { fail, readArguments } from './arguments.ts';

const usage = `Usage:
  npm run review -- [--base <git-ref>] [--out <folder>]

Builds the site at <git-ref> (default: the merge base with origin/main, else with main) and as it is here, and
writes <folder>/index.html (default: review/index.html): the stories, charts, datasets and pages this change adds,
changes or removes, each changed chart before and after, row by row changes, new and resolved check problems, and
page sizes.`;

const projectRoot = path.resolve(import.meta.dirname, '../..');
const root = path.resolve(process.env.CONTENT_ROOT ?? process.cwd());

const { values } = readArguments(usage, ['base', 'out']);
const out = path.resolve(values.out ?? path.join(process.cwd(), 'review'));

const git = (...gitArgs: string[]) =>
  execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryGit = (...gitArgs: string[]) => {
  try {
    return git(...gitArgs);
  } catch {
    return undefined;
  }
};

const mergeBase = (branch: string) => {
  const commit = tryGit('merge-base', 'HEAD', branch);
  return commit ? { ref: commit, label: `where this branch left ${branch}` } : undefined;
};
const base = values.base ? { ref: values.base, label: values.base } : (mergeBase('origin/main') ?? mergeBase('main'));
const baseRef = base?.ref;
if (!baseRef)
  fail(`No base to compare with: there is no origin/main or main here. Name one: npm run review -- --base <git-ref>`);
const baseCommit = tryGit('rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`);
if (!baseCommit) fail(`"${baseRef}" is not a commit of the repository at ${root}: name a branch, tag or commit.`);

// Build folders inside the project: Astro keeps a build's intermediate files beside it there (see test/support/build.ts).
mkdirSync(path.join(projectRoot, '.cache'), { recursive: true });
const work = mkdtempSync(path.join(projectRoot, '.cache', 'review-'));
try {
  // The base's content and data, as committed.
  const baseRoot = path.join(work, 'base-content');
  mkdirSync(baseRoot);
  const tracked = git('ls-tree', '--name-only', baseCommit).split('\n');
  const folders = ['content', 'data'].filter((f) => tracked.includes(f));
  if (folders.length)
    execFileSync('sh', ['-c', `git archive "${baseCommit}" ${folders.join(' ')} | tar -x -C "${baseRoot}"`], {
      cwd: root,
    });

  const build = (contentRoot: string, name: string) => {
    const outDir = path.join(work, name);
    // As in test/support/build.ts: Vite's variables from a parent process would make this a development build.
    const { DEV: _d, PROD: _p, MODE: _m, SSR: _s, BASE_URL: _b, NODE_ENV: _n, ...env } = process.env;
    console.log(`Building the ${name} site...`);
    try {
      execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
        cwd: projectRoot,
        // Both sides without dated versions: the review compares what the change does to the content.
        env: { ...env, CONTENT_ROOT: contentRoot, SUPPLY_LINES_VERSIONS: 'skip' },
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`The ${name} site does not build:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
    }
    return outDir;
  };
  const before = { root: baseRoot, dist: build(baseRoot, 'base') };
  const after = { root, dist: build(root, 'head') };

  const codeChanged = git('diff', '--name-only', baseCommit, '--', '.', ':(exclude)content', ':(exclude)data')
    .split('\n')
    .filter(Boolean);
  const info = { base: `${base!.label} (${baseCommit.slice(0, 12)})`, head: 'the working tree', codeChanged };
  const review = compareSites(before, after);
  const words = wordsMoved(before.root, after.root);

  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.html'), withWordsSection(reportHtml(review, info, projectRoot), words));
  const summary = summaryMarkdown(review, info) + wordsSummary(words);
  writeFileSync(path.join(out, 'summary.md'), summary);
  writeFileSync(
    path.join(out, 'summary.json'),
    `${JSON.stringify({ base: info.base, counts: counts(review), problems: { new: review.problems.added.length, resolved: review.problems.resolved.length }, words: wordCounts(words), changedCharts: review.charts.changed.map((c) => ({ id: c.id, title: c.title })), codeChanged }, null, 2)}\n`,
  );
  console.log(
    `\n${summary}\nWrote ${path.relative(process.cwd(), path.join(out, 'index.html')) || path.join(out, 'index.html')}.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
