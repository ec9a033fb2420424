// The site's history read from git (src/io/history.ts): the latest day is marked as the live content only when the
// working tree's content/ and data/ are exactly that commit's, so that a build of main loads and draws that day
// once (src/site/versions.ts) while a build with edits not yet committed keeps the two apart.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeHistory } from '../../src/cli/bench-story.ts';
import { readHistory } from '../../src/io/history.ts';

function git(repo: string, args: string[], date?: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], { cwd: repo, env });
}

/** A repository with content/ committed on two days. */
function twoDays(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'sl-history-'));
  mkdirSync(path.join(repo, 'content'));
  git(repo, ['init', '-q', '-b', 'main']);
  for (const [date, text] of [
    ['2026-01-10T09:00:00Z', 'first'],
    ['2026-02-20T09:00:00Z', 'second'],
  ]) {
    writeFileSync(path.join(repo, 'content', 'a.md'), text);
    git(repo, ['add', '-A']);
    git(repo, ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', text], date);
  }
  return repo;
}

const liveDays = (repo: string) => {
  const history = readHistory(repo);
  if ('skipped' in history) throw new Error(history.skipped);
  return history.states.map((s) => `${s.date}${s.live ? ' live' : ''}`);
};

describe('the latest day of history and the live content', () => {
  it('marks the latest day live when the working tree is that commit', () => {
    expect(liveDays(twoDays())).toEqual(['2026-01-10', '2026-02-20 live']);
  });

  it('does not when a file was changed or added since', () => {
    const edited = twoDays();
    writeFileSync(path.join(edited, 'content', 'a.md'), 'edited');
    expect(liveDays(edited)).toEqual(['2026-01-10', '2026-02-20']);
    const added = twoDays();
    writeFileSync(path.join(added, 'content', 'b.md'), 'new');
    expect(liveDays(added)).toEqual(['2026-01-10', '2026-02-20']);
  });
});

describe("npm run bench's history", () => {
  it('publishes every synthetic story on two days, its figures revised on the second', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sl-bench-history-'));
    for (const folder of ['content/charts', 'content/articles', 'data'])
      mkdirSync(path.join(dir, folder), { recursive: true });
    writeHistory(dir, 2);
    const history = readHistory(dir);
    if ('skipped' in history) throw new Error(history.skipped);
    expect(history.states).toHaveLength(2);
    expect(history.states[1]!.live).toBe(true);
    const tonnes = (root: string, file: string) =>
      (JSON.parse(readFileSync(path.join(root, 'data', file), 'utf8')) as { rows: { tonnes: number }[] }).rows.map(
        (r) => r.tonnes,
      );
    for (const file of ['bench-1.json', 'bench-2-places.json']) {
      const [before, after] = history.states.map((s) => tonnes(s.root, file));
      expect(after).not.toEqual(before);
      expect(after!.filter((t, i) => t !== before![i])).toHaveLength(file.includes('places') ? 2 : 1);
    }
  });
});
