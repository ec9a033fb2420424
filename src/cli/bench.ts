// `npm run bench`: how the build grows with the archive. For each N it copies the project into a temporary
// folder, adds N synthetic stories (each with its own dataset and chart spec), builds, and measures wall time,
// peak memory (RSS of the build's process tree, sampled) and output bytes per page.
//   npm run bench                 N = 0, 100, 300, 1000
//   npm run bench -- 0 50         other values of N
//   npm run bench -- --json out.json   also write the results as JSON (default: bench-results.json in the temp root)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonOut = jsonIndex >= 0 ? path.resolve(args[jsonIndex + 1]) : undefined;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && (jsonIndex < 0 || i !== jsonIndex + 1)).map(Number);
const counts = sizes.length ? sizes : [0, 100, 300, 1000];

interface Result {
  stories: number;
  pages: number;
  wallSeconds: number;
  /** A second build of the same content: unchanged charts come from the cache. */
  rebuildSeconds: number;
  msPerExtraStory: number | null;
  peakRssMb: number;
  bytesPerPage: number;
}

/** A copy of the project that shares node_modules, with N synthetic stories added. */
function makeCopy(stories: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `supply-lines-bench-${stories}-`));
  for (const entry of ['src', 'content', 'data', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
  for (let i = 1; i <= stories; i++) writeStory(dir, i);
  return dir;
}

/** Realistic sizes: ~20 rows over two series with estimates, an annotated line chart, ~600 words. */
function writeStory(dir: string, i: number) {
  const id = `bench-${i}`;
  const rows = [];
  for (let year = 2015; year <= 2024; year++) {
    for (const country of ['Alpha', 'Beta']) {
      rows.push({ year, country, tonnes: 1000 + ((i * 37 + year * 11 + country.length * 7) % 900), edition: 'Bench 2025', ...(year === 2024 ? { estimate: true } : {}) });
    }
  }
  writeFileSync(path.join(dir, 'data', `${id}.json`), JSON.stringify({
    title: `Synthetic production ${i}`,
    unit: 'tonnes',
    sources: [{ name: 'Synthetic benchmark data', url: 'https://example.org/bench', edition: 'Bench 2025', kind: 'primary' }],
    rows,
  }, null, 2));
  writeFileSync(path.join(dir, 'content', 'charts', `${id}.json`), JSON.stringify({
    title: `Output ${i} grew unevenly`,
    subtitle: 'Tonnes, 2015-2024',
    dataset: id,
    mark: 'line',
    x: 'year',
    y: 'tonnes',
    color: 'country',
    annotations: [{ text: 'The 2024 figures are estimates.', kind: 'uncertainty', raisedBy: 'The benchmark', x: 2024, y: 1000 }],
    notes: 'Synthetic data for the build benchmark.',
  }, null, 2));
  const paragraph = 'Synthetic paragraph text for the build benchmark, about the length of a real paragraph in a story. '.repeat(6);
  const body = Array.from({ length: 8 }, (_, p) => (p === 3 ? `::chart{id="${id}"}\n\n${paragraph}` : paragraph)).join('\n\n');
  writeFileSync(path.join(dir, 'content', 'articles', `${id}.md`), `---\ntitle: "Benchmark story ${i}"\ndescription: "A synthetic story for the build benchmark."\npubDate: 2020-01-01\ntags: [bench]\n---\n\n${body}\n`);
}

function treeRss(rootPid: number): number {
  // Sum of the resident memory of the process and its descendants, from /proc.
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we read it
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function build(dir: string): Promise<{ seconds: number; peakRss: number }> {
  const started = performance.now();
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SUPPLY_LINES_CACHE: path.join(dir, '.cache') };
  const child = spawn('npx', ['astro', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let peakRss = 0;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`build failed in ${dir}:\n${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakRss };
}

function outputStats(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else {
        bytes += stat.size;
        if (name.endsWith('.html')) pages++;
      }
    }
  };
  walk(path.join(dir, 'dist'));
  return { pages, bytes };
}

const results: Result[] = [];
for (const stories of counts) {
  const dir = makeCopy(stories);
  const { seconds, peakRss } = await build(dir);
  const { pages, bytes } = outputStats(dir);
  const rebuild = await build(dir);
  const base = results[0];
  results.push({
    stories,
    pages,
    wallSeconds: Math.round(seconds * 100) / 100,
    rebuildSeconds: Math.round(rebuild.seconds * 100) / 100,
    msPerExtraStory: base && stories > base.stories ? Math.round(((seconds - base.wallSeconds) * 1000) / (stories - base.stories)) : null,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    bytesPerPage: Math.round(bytes / Math.max(pages, 1)),
  });
  rmSync(dir, { recursive: true, force: true });
  console.error(`built N=${stories}: ${seconds.toFixed(1)} s`);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nBuild benchmark on ${machine}\n`);
console.log('| stories | pages | wall time (s) | ms per extra story | rebuild, unchanged (s) | peak RSS (MB) | bytes per page |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.stories} | ${r.pages} | ${r.wallSeconds} | ${r.msPerExtraStory ?? '-'} | ${r.rebuildSeconds} | ${r.peakRssMb} | ${r.bytesPerPage.toLocaleString('en-US')} |`);
}
const out = jsonOut ?? path.join(os.tmpdir(), 'supply-lines-bench.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2));
console.log(`\nResults as JSON: ${out}`);
