// `npm run bench`: how the build grows with the archive. For each N it copies the project into a temporary
// folder, adds N synthetic stories (each with its own datasets, a line chart and a world map) and builds it, cold (an empty drawing
// cache) and warm (the cache the cold build left, content unchanged), several times, and prints the median of each
// (the options: `usage` below, or `npm run bench -- --help`). Each size is built twice over: without dated versions
// (the copy is no git repository, as a clone without history) and with them (the copy is a git repository whose
// history publishes every synthetic story on one day and revises its figures the next: two versions each).
// Each run builds every size in turn, so a burst of load from elsewhere spreads over the sizes instead of
// landing on one of them. Wall time is sensitive to other work on the machine; CPU time (user + system, of the
// build and every process it starts) much less so.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from 'd3-array';
import { fail, readArguments } from './arguments.ts';
import { printBudget } from './bench-budget.ts';
import { reviseStory, writeHistory, writeStory } from './bench-story.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

const usage = `Usage:
  npm run bench -- [N ...] [--runs <n>] [--json <file>] [--against <folder>]

Builds the project with N synthetic stories added, for each N given (default: 0 100 300), cold and warm, without
and with dated versions (a git history that revises every synthetic story's figures on a second day), --runs
times each (default: 3; at least 1; the median is printed with the range), and writes the figures to --json
(default: supply-lines-bench.json in the temporary folder). --against <folder> also builds, run by run
alternately, the project whose src/, content/ ... are in <folder> (e.g. an older commit from \`git archive\`), so
that a before/after comparison sees the same machine load on both sides.`;

function readOptions() {
  const { values, positionals } = readArguments(usage, ['runs', 'json', 'against']);
  const notSize = positionals.find((arg) => !/^\d+$/.test(arg));
  if (notSize !== undefined)
    fail(
      `"${notSize}" is not a number of stories: give whole numbers, e.g. npm run bench -- 0 100 300.\n\n${usage}`,
      2,
    );
  const runs = Number(values.runs ?? 3);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs expects a whole number, at least 1, not "${values.runs}".`, 2);
  const sizes = positionals.length ? positionals.map(Number) : [0, 100, 300];
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    json: values.json === undefined ? undefined : path.resolve(values.json),
    against: values.against === undefined ? undefined : path.resolve(values.against),
  };
}

const options = readOptions();
const variants = [
  { label: 'this checkout', root: projectRoot },
  ...(options.against ? [{ label: options.against, root: options.against }] : []),
];

/** One build: wall time, CPU time of its process tree, peak memory of its process tree. */
interface Build {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Load averages (1, 5, 15 min) as the build started: how busy the machine was. */
  load: number[];
  /** Charts the build drew (drawing cache entries it wrote): none in a warm build, whatever its versions. */
  drawings: number;
  /** Days of history the build wrote out of git (io/history.ts), in the drawing cache too. */
  checkouts: number;
}

/**
 * A copy of the project at `root` that shares this project's node_modules, with N synthetic stories added, their
 * figures revised once: with `versions`, in a git history of two days (bench-story.ts); else in a plain folder.
 */
function makeCopy(root: string, stories: number, versions: boolean): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `supply-lines-bench-${stories}-${versions ? 'versions-' : ''}`));
  for (const entry of ['src', 'content', 'data', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
  if (versions) writeHistory(dir, stories);
  else
    for (let i = 1; i <= stories; i++) {
      writeStory(dir, i);
      reviseStory(dir, i);
    }
  return dir;
}

interface ProcessMemory {
  ppid: number;
  /** Resident memory now, bytes. */
  rss: number;
  /** The most resident memory the process has had (the kernel's high-water mark), bytes. */
  hwm: number;
}

function processes(): Map<number, ProcessMemory> {
  const all = new Map<number, ProcessMemory>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const field = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      all.set(Number(name), { ppid: field('PPid'), rss: field('VmRSS') * 1024, hwm: field('VmHWM') * 1024 });
    } catch {
      // the process ended while we read it
    }
  }
  return all;
}

/** The process and its descendants. */
function tree(rootPid: number, all: Map<number, ProcessMemory>): number[] {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, p] of all) if (p.ppid === pids[i]) pids.push(pid);
  }
  return pids.filter((pid) => all.has(pid));
}

/** CPU seconds (user + system) of this process's children that have ended and been waited for, from /proc. */
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
function childrenCpuSeconds(): number {
  // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) / clockTicks;
}

/** Entries of one kind in the drawing cache written since `since` (ms). */
function written(cacheDir: string, kind: string, since: number): number {
  const folder = path.join(cacheDir, kind);
  if (!existsSync(folder)) return 0;
  return readdirSync(folder).filter((name) => statSync(path.join(folder, name)).mtimeMs >= since).length;
}

async function build(dir: string, cache: 'cold' | 'warm'): Promise<Build> {
  const cacheDir = path.join(dir, '.cache');
  // Cold: no drawing cache, and with it none of the history's checkouts (cacheDir('history')).
  if (cache === 'cold') rmSync(cacheDir, { recursive: true, force: true });
  const since = Date.now() - 1000; // mtimes are coarser than the clock on some file systems
  const load = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUPPLY_LINES_CACHE: cacheDir };
  const child = spawn('npx', ['astro', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Memory: the largest sum of the tree's resident memory seen in a sample, and no less than the high-water mark
  // of any one process in it (exact, kept by the kernel), so a peak between two samples still counts.
  let peak = 0;
  const sample = () => {
    const all = processes();
    const pids = tree(child.pid!, all);
    peak = Math.max(
      peak,
      pids.reduce((sum, pid) => sum + all.get(pid)!.rss, 0),
      ...pids.map((pid) => all.get(pid)!.hwm),
    );
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`build failed in ${dir}:\n${stderr}`);
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  return {
    seconds: round(seconds, 2),
    cpuSeconds: round(cpuSeconds, 2),
    peakRssMb: Math.round(peak / 2 ** 20),
    load,
    drawings: written(cacheDir, 'charts', since),
    checkouts: written(cacheDir, 'history', since),
  };
}

/** Pages built, of them dated versions' (HTML under a versions/ folder), and bytes of the whole output. */
function outputStats(dir: string): { pages: number; versionPages: number; bytes: number } {
  let pages = 0;
  let versionPages = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else {
        bytes += stat.size;
        if (name.endsWith('.html')) pages++;
        if (name.endsWith('.html') && full.includes(`${path.sep}versions${path.sep}`)) versionPages++;
      }
    }
  };
  walk(path.join(dir, 'dist'));
  return { pages, versionPages, bytes };
}
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAtStart: os.loadavg().map((l) => round(l, 2)),
  };
}

const host = machine();
console.error(
  `Build benchmark on ${host.cpu}, ${host.memoryGiB} GiB, Node ${host.node}; load ${host.loadAtStart.join(' ')}`,
);
// One series of sizes per project and per kind of build: without dated versions, then with them.
const series = variants.flatMap((variant) =>
  [false, true].map((versions) => ({
    variant,
    versions,
    copies: options.sizes.map((stories) => ({
      stories,
      dir: makeCopy(variant.root, stories, versions),
      cold: [] as Build[],
      warm: [] as Build[],
      pages: 0,
      versionPages: 0,
      bytes: 0,
    })),
  })),
);
const removeCopies = () => {
  for (const copy of series.flatMap((s) => s.copies)) rmSync(copy.dir, { recursive: true, force: true });
};
// Ctrl-C stops the builds (they share the terminal) and leaves no copies behind.
process.once('SIGINT', () => {
  removeCopies();
  process.exit(130);
});
const seriesLabel = (s: (typeof series)[number]) =>
  `${variants.length > 1 ? `${s.variant.label}, ` : ''}${s.versions ? 'with' : 'without'} versions`;
try {
  for (let run = 1; run <= options.runs; run++) {
    for (const [i] of options.sizes.entries()) {
      for (const one of series) {
        const copy = one.copies[i];
        const cold = await build(copy.dir, 'cold');
        Object.assign(copy, outputStats(copy.dir));
        const warm = await build(copy.dir, 'warm');
        copy.cold.push(cold);
        copy.warm.push(warm);
        console.error(
          `run ${run}/${options.runs}, N=${copy.stories} (${seriesLabel(one)}): cold ${cold.seconds} s (CPU ${cold.cpuSeconds} s, ${cold.peakRssMb} MB, ${cold.drawings} charts drawn, ${cold.checkouts} days checked out), warm ${warm.seconds} s (${warm.peakRssMb} MB, ${warm.drawings} drawn, ${warm.checkouts} checked out); ${copy.versionPages} version pages; load ${cold.load[0]}`,
        );
      }
    }
  }
} finally {
  removeCopies();
}

/** Median, lowest and highest of a measure over the runs. */
function spread(values: number[], digits: number) {
  return {
    median: round(median(values)!, digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
  };
}

const results = series.map((one) => {
  const summarise = (builds: Build[]) => ({
    seconds: spread(
      builds.map((b) => b.seconds),
      2,
    ),
    cpuSeconds: spread(
      builds.map((b) => b.cpuSeconds),
      2,
    ),
    peakRssMb: spread(
      builds.map((b) => b.peakRssMb),
      0,
    ),
    drawings: spread(
      builds.map((b) => b.drawings),
      0,
    ),
  });
  const rows = one.copies.map((copy) => ({
    stories: copy.stories,
    pages: copy.pages,
    versionPages: copy.versionPages,
    bytesPerPage: Math.round(copy.bytes / Math.max(copy.pages, 1)),
    cold: summarise(copy.cold),
    warm: summarise(copy.warm),
    runs: { cold: copy.cold, warm: copy.warm },
  }));
  // What one more story costs: in each run, the growth from the smallest size per story (the two built minutes
  // apart, under much the same load), then the median over the runs.
  const perStory = (row: (typeof rows)[number], cache: 'cold' | 'warm', pick: (b: Build) => number) => {
    const extra = row.stories - rows[0].stories;
    if (extra <= 0) return null;
    return Math.round(
      median(row.runs[cache].map((b, run) => ((pick(b) - pick(rows[0].runs[cache][run])) * 1000) / extra))!,
    );
  };
  return {
    project: one.variant.label,
    versions: one.versions,
    rows: rows.map((row) => ({
      ...row,
      msPerExtraStory: {
        cold: perStory(row, 'cold', (b) => b.seconds),
        coldCpu: perStory(row, 'cold', (b) => b.cpuSeconds),
        warm: perStory(row, 'warm', (b) => b.seconds),
        warmCpu: perStory(row, 'warm', (b) => b.cpuSeconds),
      },
    })),
  };
});

const loadAtEnd = os.loadavg().map((l) => round(l, 2));
const range = (s: { median: number; min: number; max: number }) => `${s.median} (${s.min}-${s.max})`;
console.log(
  `\nBuild benchmark, ${host.date.slice(0, 10)}: ${host.cpu}, ${host.memoryGiB} GiB, Node ${host.node}, ${host.os}`,
);
console.log(
  `Median of ${options.runs} run${options.runs > 1 ? 's' : ''} (lowest-highest); ms per extra story: median over the runs of each run's growth from the smallest size. Load averages (1, 5, 15 min): ${host.loadAtStart.join(', ')} at the start, ${loadAtEnd.join(', ')} at the end.`,
);
for (const [i, result] of results.entries()) {
  console.log(`\n${seriesLabel(series[i])}`);
  console.log(
    '\n| stories | pages (of them versions) | cold: wall (s) | cold: CPU (s) | cold: ms per extra story (CPU) | warm: wall (s) | warm: CPU (s) | warm: ms per extra story (CPU) | peak RSS, cold / warm (MB) | charts drawn, cold / warm | bytes per page |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of result.rows) {
    const ms = r.msPerExtraStory;
    const perStory = (wall: number | null, cpu: number | null) => (wall === null ? '-' : `${wall} (${cpu})`);
    console.log(
      `| ${r.stories} | ${r.pages} (${r.versionPages}) | ${range(r.cold.seconds)} | ${range(r.cold.cpuSeconds)} | ${perStory(ms.cold, ms.coldCpu)} | ${range(r.warm.seconds)} | ${range(r.warm.cpuSeconds)} | ${perStory(ms.warm, ms.warmCpu)} | ${range(r.cold.peakRssMb)} / ${range(r.warm.peakRssMb)} | ${r.cold.drawings.median} / ${r.warm.drawings.median} | ${r.bytesPerPage.toLocaleString('en-US')} |`,
    );
  }
}
// The budget is issue 13's, for a story as it was defined: without versions (the first series).
const budget = printBudget(
  results[0].rows.map((r) => ({ stories: r.stories, ...r.msPerExtraStory })),
  host.loadAtStart[0],
  os.cpus().length,
);
const out = options.json ?? path.join(os.tmpdir(), 'supply-lines-bench.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ machine: { ...host, loadAtEnd }, runs: options.runs, budget, results }, null, 2));
console.log(`\nResults as JSON: ${out}`);
