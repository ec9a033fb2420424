// Dated versions from git history (src/io/history.ts, src/site/versions.ts): a fixture site committed on two days,
// the second day twice, built as CI builds main. Each version page holds its own day's figures (the day's last
// commit), the live pages list the versions with what changed and cite the dated address, an embed can be pinned,
// a shallow clone builds without versions in one line, and an old state that today's code rejects stops the build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../support/build.ts';

const fixture = path.join(projectRoot, 'test/fixtures/versions');
const site = 'https://supply-lines.example';

function git(repo: string, args: string[], date?: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A new repository holding the fixture, committed on `date`. */
function newRepo(date: string): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'sl-versions-'));
  cpSync(fixture, repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['config', 'user.name', 'Fixture Desk']);
  git(repo, ['config', 'user.email', 'desk@example.org']);
  commit(repo, date, 'First published');
  return repo;
}

function commit(repo: string, date: string, message: string) {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], date);
}

/** Rewrites a JSON file of the repository. */
function editJson(repo: string, file: string, edit: (data: { rows: Record<string, unknown>[] }) => void) {
  const data = JSON.parse(readFileSync(path.join(repo, file), 'utf8'));
  edit(data);
  writeFileSync(path.join(repo, file), JSON.stringify(data, null, 2));
}

const setExamplia2024 = (tonnes: number) => (data: { rows: Record<string, unknown>[] }) => {
  data.rows.find((r) => r.country === 'Examplia' && r.year === 2024)!.tonnes = tonnes;
};

function page(build: BuildResult, route: string) {
  const file = path.join(build.outDir, route, route.endsWith('.html') ? '' : 'index.html');
  return parseHTML(readFileSync(file, 'utf8')).document;
}
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Examplia's rows in the figure's table, as "Examplia 2024 240". */
function tableRows(doc: Document): string[] {
  const table = doc.querySelector('figure table');
  const heads = [...(table?.querySelectorAll('thead th') ?? [])].map(text);
  return [...(table?.querySelectorAll('tbody tr') ?? [])]
    .map((tr) => {
      const cells = Object.fromEntries([...tr.children].map((cell, i) => [heads[i], text(cell)]));
      return `${cells.Country} ${cells.Year} ${cells.Tonnes}`;
    })
    .filter((row) => row.startsWith('Examplia'));
}
/** A copy field's text as the reader copies it (linkedom leaves a textarea's entities undecoded). */
const copied = (el: Element | null) =>
  text(el)
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('dated versions from the history of a fixture site', () => {
  let repo: string;
  let build: BuildResult;
  let first: string;
  // A drawing cache of this build's own, empty at the start: what it holds afterwards is what the build drew.
  const cache = mkdtempSync(path.join(tmpdir(), 'sl-versions-cache-'));
  beforeAll(async () => {
    repo = newRepo('2026-01-10T09:00:00Z');
    first = git(repo, ['rev-parse', 'HEAD']);
    // Day two: a figure revised twice (only the day's last commit is a version), a year added, a correction.
    editJson(repo, 'data/ore-output.json', setExamplia2024(210));
    commit(repo, '2026-02-20T08:00:00Z', 'A first revision, replaced the same day');
    editJson(repo, 'data/ore-output.json', (data) => {
      setExamplia2024(240)(data);
      data.rows.push({ year: 2025, country: 'Examplia', tonnes: 250, source: 'survey' });
    });
    const story = path.join(repo, 'content/articles/ore-story.md');
    writeFileSync(
      story,
      readFileSync(story, 'utf8').replace(
        'tags: [ore]',
        'tags: [ore]\ncorrections:\n  - date: 2026-02-20\n    text: "The 2024 figure for Examplia was revised by the survey."\n    charts: [ore-output]',
      ),
    );
    // A draft written the same day was never published: it has no versions.
    writeFileSync(
      path.join(repo, 'content/articles/draft-story.md'),
      '---\ntitle: "A draft"\ndescription: "Not published."\npubDate: 2026-02-20\nauthors: [Fixture Desk]\ndraft: true\n---\n\nNot yet.\n',
    );
    commit(repo, '2026-02-20T17:00:00Z', 'The survey revises 2024 and adds 2025');
    build = await buildSite({ contentRoot: repo, env: { SITE_URL: site, SUPPLY_LINES_CACHE: cache } });
    expect(build.ok, build.output).toBe(true);
  }, 240_000);

  it('draws a chart once per state it had: the latest version shares the live drawing from the cache', () => {
    // ore-output had two states (10 January, 20 February); the live site, the second day's version, the story's
    // versions and the embeds show one of them: two drawings (charts/ in the cache), not one per page or per day.
    expect(readdirSync(path.join(cache, 'charts'))).toHaveLength(2);
    // The history's checkouts live in the same cache, so a cold build (an empty cache) reads them afresh.
    expect(readdirSync(path.join(cache, 'history'))).toHaveLength(2);
  });

  it('builds a page per day, each with that day’s figures: the first day’s, and the second day’s last commit', () => {
    expect(tableRows(page(build, 'charts/ore-output/versions/2026-01-10'))).toContain('Examplia 2024 200');
    const second = tableRows(page(build, 'charts/ore-output/versions/2026-02-20'));
    expect(second).toContain('Examplia 2024 240');
    expect(second).toContain('Examplia 2025 250');
    expect(second.join('\n')).not.toMatch(/\b210\b/);
    expect(existsSync(path.join(build.outDir, 'charts/ore-output/versions/2026-01-10.csv'))).toBe(true);
    expect(readFileSync(path.join(build.outDir, 'charts/ore-output/versions/2026-01-10.csv'), 'utf8')).toContain(
      '2024,Examplia,200',
    );
  });

  it('says which day a version shows and that a newer one exists, with the live page as its canonical address', () => {
    const old = page(build, 'charts/ore-output/versions/2026-01-10');
    expect(text(old.querySelector('.version-note'))).toMatch(
      /As published on 10 January 2026.*A newer version exists: the latest version \(of 20 February 2026\)/,
    );
    expect(old.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${site}/charts/ore-output/`);
    expect(old.querySelector('[data-pagefind-body]')).toBeNull();
    const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/charts/ore-output/');
    expect(sitemap).not.toContain('/versions/');
  });

  it('lists both versions on the live chart page, newest first, with what changed', () => {
    const live = page(build, 'charts/ore-output');
    const items = [...live.querySelectorAll('.versions > li')].map(text);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^20 February 2026/);
    expect(items[0]).toContain('1 figure revised: 2024, Examplia: 200 → 240');
    expect(items[0]).toContain('1 row added: 2025, Examplia');
    expect(items[1]).toMatch(/^10 January 2026.*First published/);
  });

  it('cites the dated version beside the live address, and offers an embed pinned to it', () => {
    const live = page(build, 'charts/ore-output');
    expect(copied(live.querySelector('#citation'))).toBe(
      `Supply Lines, “Examplia mines more ore than Testland”, chart, version of 20 February 2026, ${site}/charts/ore-output/versions/2026-02-20/ (latest version: ${site}/charts/ore-output/)`,
    );
    expect(copied(live.querySelector('#embed-code'))).toContain(`src="${site}/embed/ore-output/"`);
    expect(copied(live.querySelector('#embed-code-pinned'))).toContain(
      `src="${site}/embed/ore-output/versions/2026-02-20/"`,
    );
  });

  it('keeps a pinned embed on its day, saying a newer version and a correction exist', () => {
    const pinned = page(build, 'embed/ore-output/versions/2026-01-10');
    expect(tableRows(pinned)).toContain('Examplia 2024 200');
    expect(text(pinned.querySelector('.embed-version'))).toContain('A newer version exists');
    expect(text(pinned.querySelector('.embed-corrections'))).toContain(
      'The 2024 figure for Examplia was revised by the survey.',
    );
    const latest = page(build, 'embed/ore-output/versions/2026-02-20');
    expect(text(latest.querySelector('.embed-version'))).not.toContain('newer');
    expect(latest.querySelector('.embed-corrections')).toBeNull();
  });

  it("keeps a story's versions with their printed figures, and none for a draft", () => {
    const old = page(build, 'articles/ore-story/versions/2026-01-10');
    expect(text(old.querySelector('.prose'))).toContain('Examplia mined 200 tonnes of ore in 2024');
    expect(text(page(build, 'articles/ore-story').querySelector('.prose'))).toContain('Examplia mined 240 tonnes');
    // The story's relative links lead where the live page's do, from a page two folders deeper.
    const link = [...old.querySelectorAll('.prose a')].find((a) => text(a) === "chart's own page");
    expect(link?.getAttribute('href')).toBe('/charts/ore-output/');
    const versions = [...page(build, 'articles/ore-story').querySelectorAll('.story-versions li')].map(text);
    expect(versions[0]).toMatch(/^20 February 2026: .*1 correction added.*1 chart revised/);
    expect(existsSync(path.join(build.outDir, 'articles/draft-story/versions'))).toBe(false);
    expect(first).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('a clone without history, and a past that no longer builds', () => {
  it('builds a shallow clone without versions, saying so in one line', async () => {
    const repo = newRepo('2026-01-10T09:00:00Z');
    editJson(repo, 'data/ore-output.json', setExamplia2024(240));
    commit(repo, '2026-02-20T17:00:00Z', 'Revised');
    const shallow = mkdtempSync(path.join(tmpdir(), 'sl-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const build = await buildSite({ contentRoot: shallow, env: { SITE_URL: site } });
    expect(build.ok, build.output).toBe(true);
    const notes = build.output.split('\n').filter((line) => line.includes('Versions skipped'));
    expect(notes).toEqual([
      'Versions skipped: this clone is shallow (git fetch --unshallow, or fetch-depth: 0 in CI, brings the history); the live site is built without its dated versions.',
    ]);
    expect(existsSync(path.join(build.outDir, 'charts/ore-output/versions'))).toBe(false);
    expect(tableRows(page(build, 'charts/ore-output'))).toContain('Examplia 2024 240');
  }, 240_000);

  it('stops the build when a published day no longer passes today’s checks, naming the commit, date and file', async () => {
    const repo = newRepo('2026-01-10T09:00:00Z');
    const broken = git(repo, ['rev-parse', 'HEAD']);
    // Stands for a state today's code would reject: written by hand into the history, as an old schema allowed it.
    const chart = path.join(repo, 'content/charts/ore-output.json');
    const good = readFileSync(chart, 'utf8');
    writeFileSync(chart, good.replace('"mark": "line"', '"mark": "sparkle"'));
    git(repo, ['commit', '-q', '--amend', '-a', '--no-edit'], '2026-01-10T09:00:00Z');
    const amended = git(repo, ['rev-parse', 'HEAD']);
    writeFileSync(chart, good);
    commit(repo, '2026-02-20T17:00:00Z', 'Fixed');
    const build = await buildSite({ contentRoot: repo, env: { SITE_URL: site } });
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`The site as published on 2026-01-10 (commit ${amended.slice(0, 10)})`);
    expect(build.output).toMatch(/content\/charts\/ore-output\.json:\d+:\d+ {2}mark/);
    expect(broken).not.toBe(amended);
  }, 240_000);
});
