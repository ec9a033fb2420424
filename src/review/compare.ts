// What a change shows readers: two content roots (base and head) and the two sites built from them, compared story
// by story, chart by chart, dataset by dataset and page by page. The result is plain data; report.ts draws it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { changeText, mergeRows, rowLabel } from '../io/dataset-file.ts';
import type { Cell, JsonRow } from '../io/spreadsheet.ts';
import { loadSite, type Article } from '../model/load.ts';
import { contentDirs } from '../model/read-files.ts';
import { formatProblem, sortProblems, type Problem } from '../model/problems.ts';
import { tabCharts } from '../charts/tabs.ts';
import type { DrawingPoints, DrawingSide } from './marks.ts';
import { compareTables, pageTables, type TableChange } from './tables.ts';

export interface Side {
  /** Folder holding content/ and data/. */
  root: string;
  /** The site built from it. */
  dist: string;
}

export interface Drawing extends DrawingSide {
  /** "view id / wide" */
  name: string;
}

export interface ChartChange {
  id: string;
  title: string;
  /** Drawing pairs that differ (before or after may be missing when a view was added or removed). */
  drawings: { name: string; before?: DrawingSide; after?: DrawingSide }[];
  /** The chart's words (title, notes, sources) before and after, when they changed. */
  text?: { before: string[]; after: string[] };
  /** Its table's rows, matched by key, when they changed. */
  table?: TableChange;
}

export interface CellChange {
  row: string;
  field: string;
  before: Cell | undefined;
  after: Cell | undefined;
  source?: string;
  edition?: string;
}

export interface DatasetChange {
  id: string;
  title: string;
  added: JsonRow[];
  removed: JsonRow[];
  cells: CellChange[];
  /** Top-level fields other than rows that changed (title, sources, notes, ...). */
  fields: { field: string; before: unknown; after: unknown }[];
  summary: string;
}

export interface StoryChange {
  slug: string;
  title: string;
  prose: { before: string[]; after: string[] };
  claims: { before: string[]; after: string[] };
  /** The charts of its figures (placed, and their tabs) that changed, were added or were removed. */
  charts: { id: string; title: string; change: 'changed' | 'added' | 'removed' }[];
}

export interface Review {
  stories: { added: { slug: string; title: string }[]; removed: { slug: string; title: string }[]; changed: StoryChange[]; unchanged: number };
  charts: { added: { id: string; title: string; drawings: Drawing[] }[]; removed: { id: string; title: string }[]; changed: ChartChange[]; unchanged: number };
  datasets: { added: { id: string; title: string; rows: number }[]; removed: { id: string; title: string }[]; changed: DatasetChange[]; unchanged: number };
  pages: { added: string[]; removed: string[]; changed: string[]; unchanged: number };
  problems: { added: string[]; resolved: string[] };
  budgets: { page: string; before?: number; after?: number }[];
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function files(dir: string, under = ''): string[] {
  if (!existsSync(path.join(dir, under))) return [];
  return readdirSync(path.join(dir, under))
    .sort()
    .flatMap((name) => {
      const rel = under ? `${under}/${name}` : name;
      return statSync(path.join(dir, rel)).isDirectory() ? files(dir, rel) : [rel];
    });
}

const text = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

/** A story as readers read it: title, dek, then each paragraph, heading and list item of the body, in order. */
function prose(article: Article): string[] {
  const blocks = article.body.segments.flatMap((segment) => {
    if (!('html' in segment)) return [`[chart ${segment.chart}]`];
    return [...text(segment.html).querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, td, th')].map((el) => el.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
  const extra = [...(article.uncertainties ?? []).map((u) => `Uncertainty: ${u.text}`), ...(article.corrections ?? []).map((c) => `Correction: ${c.text}`)];
  return [`Title: ${article.title}`, `Dek: ${article.description}`, ...blocks, ...extra];
}

const claims = (article: Article) => article.body.claims.map((c) => `${c.number}. "${c.text}": ${c.status}${c.note ? ` (${c.note})` : ''}`);

function chartPage(dist: string, id: string) {
  const file = path.join(dist, 'charts', id, 'index.html');
  if (!existsSync(file)) return undefined;
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const figure = document.querySelector('figure');
  const drawings: Drawing[] = [...document.querySelectorAll('.chart-drawing')].map((el) => {
    const view = el.closest('.chart-view')?.getAttribute('data-view') || 'chart';
    const layout = el.getAttribute('data-layout') ?? '';
    return { name: `${view} / ${layout}`, svg: el.querySelector('svg')?.outerHTML ?? '', points: pointsOf(el.closest('.chart-view')?.querySelector('.chart-points')?.textContent, layout) };
  });
  // The chart's words without its drawings, their data islands and its tables' rows (compared by key), line by line.
  const copy = figure?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('svg, script, thead, tbody').forEach((el) => el.remove());
  const words = copy ? [...copy.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, caption')].map((el) => el.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean) : [];
  return { title: document.querySelector('h1')?.textContent.trim() ?? id, drawings, words, tables: pageTables(figure) };
}

/** A drawing's reading points from its view's `.chart-points` JSON (components/Chart.astro), for one layout. */
function pointsOf(json: string | null | undefined, layout: string): DrawingPoints | undefined {
  try {
    const data = JSON.parse(json ?? '') as { texts?: string[]; drawings?: Record<string, [number, number][]> };
    const at = data.drawings?.[layout];
    return data.texts && at ? { texts: data.texts, at } : undefined;
  } catch {
    return undefined;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function compareDataset(id: string, before: Record<string, unknown>, after: Record<string, unknown>): DatasetChange | undefined {
  const beforeRows = (Array.isArray(before.rows) ? before.rows : []) as JsonRow[];
  const afterRows = (Array.isArray(after.rows) ? after.rows : []) as JsonRow[];
  const merged = mergeRows(beforeRows, afterRows);
  const sourceOf = (row: JsonRow) => ({ source: typeof row.source === 'string' ? row.source : undefined, edition: typeof row.edition === 'string' ? row.edition : undefined });
  const cells: CellChange[] = [
    ...merged.revised.map((r) => ({ row: rowLabel(r.row, merged.key), field: r.field, before: r.from, after: r.to, ...sourceOf(r.row) })),
    ...merged.edited.map((e) => {
      const old = beforeRows.find((row) => rowLabel(row, merged.key) === rowLabel(e.row, merged.key));
      return { row: rowLabel(e.row, merged.key), field: e.field, before: old?.[e.field], after: e.row[e.field], ...sourceOf(e.row) };
    }),
  ];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'rows');
  const fields = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((field) => ({ field, before: before[field], after: after[field] }));
  if (!merged.added.length && !merged.removed.length && !cells.length && !fields.length && !merged.reordered) return undefined;
  const summary = changeText(merged, 'the base')?.replace(/^Imported from the base: /, '') ?? 'rows unchanged';
  return { id, title: String(after.title ?? id), added: merged.added, removed: merged.removed, cells, fields, summary };
}

const problemKey = (p: Problem) => `${p.severity}\u0000${p.file}\u0000${p.field}\u0000${p.message}`;
const gzipSize = (file: string) => gzipSync(readFileSync(file)).length;

export function compareSites(base: Side, head: Side): Review {
  const before = loadSite(base.root);
  const after = loadSite(head.root);

  // Charts: as built, from each chart's page (every view, wide and narrow).
  const chartIds = (dist: string) => new Set(files(dist, 'charts').flatMap((f) => /^charts\/([^/]+)\/index\.html$/.exec(f)?.[1] ?? []));
  const beforeCharts = chartIds(base.dist);
  const afterCharts = chartIds(head.dist);
  const charts: Review['charts'] = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const id of [...afterCharts].sort()) {
    const a = chartPage(head.dist, id)!;
    if (!beforeCharts.has(id)) {
      charts.added.push({ id, title: a.title, drawings: a.drawings });
      continue;
    }
    const b = chartPage(base.dist, id)!;
    const names = [...new Set([...b.drawings, ...a.drawings].map((d) => d.name))];
    const drawings = names
      .map((name) => ({ name, before: b.drawings.find((d) => d.name === name), after: a.drawings.find((d) => d.name === name) }))
      .filter((d) => d.before?.svg !== d.after?.svg);
    const textChanged = JSON.stringify(b.words) !== JSON.stringify(a.words);
    const table = compareTables(b.tables, a.tables);
    if (!drawings.length && !textChanged && !table) charts.unchanged++;
    else charts.changed.push({ id, title: a.title, drawings, ...(textChanged ? { text: { before: b.words, after: a.words } } : {}), ...(table ? { table } : {}) });
  }
  for (const id of [...beforeCharts].sort()) if (!afterCharts.has(id)) charts.removed.push({ id, title: chartPage(base.dist, id)!.title });

  // Stories: published ones, by slug. A story changed when its words or claims did, or a chart of its figures.
  const chartChange = new Map<string, StoryChange['charts'][number]>([
    ...charts.changed.map((c) => [c.id, { id: c.id, title: c.title, change: 'changed' as const }] as const),
    ...charts.added.map((c) => [c.id, { id: c.id, title: c.title, change: 'added' as const }] as const),
    ...charts.removed.map((c) => [c.id, { id: c.id, title: c.title, change: 'removed' as const }] as const),
  ]);
  const figureCharts = (article: Article, site: typeof before.site) =>
    article.body.segments.flatMap((segment) => ('chart' in segment ? [segment.chart, ...tabCharts(site.charts.get(segment.chart))] : []));
  const beforeStories = new Map(before.site.articles.map((a) => [a.slug, a]));
  const afterStories = new Map(after.site.articles.map((a) => [a.slug, a]));
  const stories: Review['stories'] = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [slug, a] of afterStories) if (!beforeStories.has(slug)) stories.added.push({ slug, title: a.title });
  for (const [slug, a] of beforeStories) if (!afterStories.has(slug)) stories.removed.push({ slug, title: a.title });
  for (const [slug, a] of afterStories) {
    const b = beforeStories.get(slug);
    if (!b) continue;
    const ids = [...new Set([...figureCharts(b, before.site), ...figureCharts(a, after.site)])];
    const change = { slug, title: a.title, prose: { before: prose(b), after: prose(a) }, claims: { before: claims(b), after: claims(a) }, charts: ids.flatMap((id) => chartChange.get(id) ?? []) };
    const same = JSON.stringify(change.prose.before) === JSON.stringify(change.prose.after) && JSON.stringify(change.claims.before) === JSON.stringify(change.claims.after) && !change.charts.length;
    if (same) stories.unchanged++;
    else stories.changed.push(change);
  }

  // Datasets: the files in data/, row by row.
  const datasetIds = (root: string) => new Set(files(path.join(root, contentDirs.data)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
  const beforeData = datasetIds(base.root);
  const afterData = datasetIds(head.root);
  const datasets: Review['datasets'] = { added: [], removed: [], changed: [], unchanged: 0 };
  const dataFile = (root: string, id: string) => readJson(path.join(root, contentDirs.data, `${id}.json`)) ?? {};
  for (const id of [...afterData].sort()) {
    const a = dataFile(head.root, id);
    if (!beforeData.has(id)) {
      datasets.added.push({ id, title: String(a.title ?? id), rows: Array.isArray(a.rows) ? a.rows.length : 0 });
      continue;
    }
    // An untouched file is unchanged, whatever its rows hold.
    const bytes = (root: string) => readFileSync(path.join(root, contentDirs.data, `${id}.json`));
    const change = bytes(base.root).equals(bytes(head.root)) ? undefined : compareDataset(id, dataFile(base.root, id), a);
    if (change) datasets.changed.push(change);
    else datasets.unchanged++;
  }
  for (const id of [...beforeData].sort()) if (!afterData.has(id)) datasets.removed.push({ id, title: String(dataFile(base.root, id).title ?? id) });

  // Pages: every HTML page of the two builds, byte for byte.
  const beforePages = new Set(files(base.dist).filter((f) => f.endsWith('.html')));
  const afterPages = new Set(files(head.dist).filter((f) => f.endsWith('.html')));
  const pages: Review['pages'] = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const page of afterPages) {
    if (!beforePages.has(page)) pages.added.push(page);
    else if (readFileSync(path.join(base.dist, page)).equals(readFileSync(path.join(head.dist, page)))) pages.unchanged++;
    else pages.changed.push(page);
  }
  for (const page of beforePages) if (!afterPages.has(page)) pages.removed.push(page);

  // Problems `npm run check` reports (drafts included, as it does), new and resolved.
  const beforeAll = loadSite(base.root, { includeDrafts: true }).problems;
  const afterAll = loadSite(head.root, { includeDrafts: true }).problems;
  const beforeProblems = new Set(beforeAll.map(problemKey));
  const afterProblems = new Set(afterAll.map(problemKey));
  const problems = {
    added: sortProblems(afterAll.filter((p) => !beforeProblems.has(problemKey(p)))).map(formatProblem),
    resolved: sortProblems(beforeAll.filter((p) => !afterProblems.has(problemKey(p)))).map(formatProblem),
  };

  // Size budgets: gzipped bytes of each story page, and of the whole site.
  const storyPages = [...new Set([...beforePages, ...afterPages])].filter((p) => /^articles\/[^/]+\/index\.html$/.test(p)).sort();
  const sizeOf = (dist: string, page: string) => (existsSync(path.join(dist, page)) ? gzipSize(path.join(dist, page)) : undefined);
  const total = (dist: string) => files(dist).reduce((sum, f) => sum + gzipSize(path.join(dist, f)), 0);
  const budgets = [...storyPages.map((page) => ({ page, before: sizeOf(base.dist, page), after: sizeOf(head.dist, page) })), { page: 'whole site (every file)', before: total(base.dist), after: total(head.dist) }];

  return { stories, charts, datasets, pages, problems, budgets };
}
