// The site's published states, read from git: for each UTC day on which a commit of the checked-out branch's
// first-parent history (main's, in CI and the publish workflow) changed content/ or data/, those folders as the
// day's last such commit left them, written once per commit under the drawing cache (a commit never changes).
// Nothing for an editor to keep: the history is the store. A clone without history (shallow, or no git at all)
// has no past states, and says why in one line.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../charts/cache.ts';
import { isoDate } from '../util/dates.ts';

/** content/ and data/ as they stood at the end of one UTC day. */
export interface DayState {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /** The day's last commit that changed content/ or data/. */
  commit: string;
  /** A folder holding that commit's content/ and data/. */
  root: string;
  /** The latest day only, when the working tree's content/ and data/ are that commit's (a build of main): the live content. */
  live?: boolean;
}

export type History = { states: DayState[] } | { skipped: string };

const folders = ['content', 'data'];

function git(root: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}
const gitText = (root: string, args: string[]) => git(root, args).toString('utf8').trim();

/** Why `root` has no history to read, or undefined when it has. */
function noHistory(root: string): string | undefined {
  let top: string;
  try {
    top = gitText(root, ['rev-parse', '--show-toplevel']);
  } catch {
    return `${root} is not a git clone`;
  }
  // A folder inside another project's repository (a test fixture) is not a site with a history of its own.
  if (path.resolve(top) !== path.resolve(root)) return `${root} is not the top of its git repository`;
  if (gitText(root, ['rev-parse', '--is-shallow-repository']) === 'true')
    return 'this clone is shallow (git fetch --unshallow, or fetch-depth: 0 in CI, brings the history)';
  return undefined;
}

/** Every day's last state, oldest first. */
export function readHistory(root: string): History {
  // `npm run review` builds both sides without versions: it compares what a change does to the content.
  if (process.env.SUPPLY_LINES_VERSIONS === 'skip') return { skipped: 'SUPPLY_LINES_VERSIONS=skip' };
  const why = noHistory(root);
  if (why) return { skipped: why };
  let log: string;
  try {
    log = gitText(root, ['log', '--first-parent', '--format=%H %ct', 'HEAD', '--', ...folders]);
  } catch {
    return { skipped: `${root} has no commits` };
  }
  const lastOfDay = new Map<string, string>(); // the log is newest first: the first commit seen of a day is its last
  for (const line of log.split('\n').filter(Boolean)) {
    const [commit, seconds] = line.split(' ');
    const date = isoDate(new Date(Number(seconds) * 1000));
    if (!lastOfDay.has(date)) lastOfDay.set(date, commit!);
  }
  const states: DayState[] = [...lastOfDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, commit]) => ({ date, commit, root: checkout(root, commit) }));
  const latest = states.at(-1);
  if (latest && isWorkingTree(root, latest.commit)) latest.live = true;
  return { states };
}

/** Whether the working tree's content/ and data/ are exactly the commit's: no file changed, added or left untracked. */
function isWorkingTree(root: string, commit: string): boolean {
  try {
    git(root, ['diff', '--quiet', commit, '--', ...folders]); // exits with 1 when a tracked file differs
  } catch {
    return false;
  }
  // Untracked files too, ignored ones included: the live site reads whatever is in the folders.
  return gitText(root, ['ls-files', '--others', '-z', '--', ...folders]) === '';
}

/** The commit's content/ and data/ in a folder of their own, written once (from one `git cat-file --batch`). */
function checkout(root: string, commit: string): string {
  const dir = path.join(cacheDir('history'), commit);
  if (existsSync(dir)) return dir;
  // "<mode> blob <object>\t<path>", NUL-separated.
  const listing = git(root, ['ls-tree', '-r', '-z', commit, '--', ...folders]).toString('utf8');
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => ({ object: line.split('\t')[0]!.split(' ')[2]!, file: line.slice(line.indexOf('\t') + 1) }));
  const blobs = execFileSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: entries.map((e) => e.object).join('\n') + '\n',
    maxBuffer: 1 << 30,
  });
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  let at = 0;
  for (const { file } of entries) {
    // Each answer is "<object> blob <size>\n", the bytes, then "\n".
    const headerEnd = blobs.indexOf(10, at);
    const size = Number(blobs.subarray(at, headerEnd).toString('latin1').split(' ')[2]);
    const target = path.join(temp, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, blobs.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  mkdirSync(temp, { recursive: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    renameSync(temp, dir); // whole or not at all: a concurrent build never reads half a state
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another build wrote it first
  }
  return dir;
}
