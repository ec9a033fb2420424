// Reads content/ and data/, validates every file against its schema and cross-checks them.
// One implementation with two entry points: the build (src/model/site.ts) and `npm run check`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { chartViews, availableFields, prepareRows, resolveView } from '../charts/prepare.ts';
import { renderMarkdown, type RenderedMarkdown } from '../remark/markdown.ts';
import { articleSchema, chartSchema, datasetSchema, idSchema, type ArticleData, type ChartSpec, type Dataset } from '../schemas/index.ts';
import { locateInJson, locateInYaml, type Locate } from './positions.ts';
import type { FieldPath, Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import { validate } from './validate.ts';

export interface Article extends ArticleData {
  slug: string;
  file: string;
  body: RenderedMarkdown;
  /** Words in the body, for reading time. */
  words: number;
}

export interface Site {
  datasets: Map<string, Dataset>;
  charts: Map<string, ChartSpec>;
  /** Published articles (and drafts when asked for), newest first. */
  articles: Article[];
}

export interface LoadOptions {
  /** Keep `draft: true` articles (for `npm run dev`). */
  includeDrafts?: boolean;
}

export const contentDirs = { articles: 'content/articles', charts: 'content/charts', data: 'data' } as const;

interface SourceFile {
  file: string; // path from the root, with forward slashes
  id: string;
  text: string;
}

function listFiles(root: string, dir: string, extension: string, problems: Problem[]): SourceFile[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort()
    .flatMap((name) => {
      const file = `${dir}/${name}`;
      if (!name.endsWith(extension)) {
        problems.push({ file, field: '', message: `unexpected file: ${dir}/ holds ${extension} files only`, severity: 'error' });
        return [];
      }
      const id = name.slice(0, -extension.length);
      if (!idSchema.safeParse(id).success) {
        problems.push({ file, field: '', message: `file name "${id}" must be lower-case letters, digits and hyphens, e.g. "china-mine-share${extension}"`, severity: 'error' });
        return [];
      }
      return [{ file, id, text: readFileSync(path.join(full, name), 'utf8') }];
    });
}

function parseJson(source: SourceFile, problems: Problem[]): unknown {
  try {
    return JSON.parse(source.text);
  } catch (error) {
    const match = /position (\d+)/.exec(String(error));
    const offset = match ? Number(match[1]) : 0;
    const before = source.text.slice(0, offset);
    problems.push({
      file: source.file,
      field: '',
      message: `not valid JSON: ${(error as Error).message}`,
      severity: 'error',
      line: before.split('\n').length,
      column: offset - before.lastIndexOf('\n'),
    });
    return undefined;
  }
}

export function loadSite(root: string, options: LoadOptions = {}): { site: Site; problems: Problem[] } {
  const problems: Problem[] = [];
  const locators = new Map<string, Locate>();
  const report = (file: string, field: FieldPath, message: string, severity: Problem['severity'] = 'error') => {
    const fieldText = field.reduce<string>((n, p) => (typeof p === 'number' ? `${n}[${p}]` : n ? `${n}.${p}` : p), '');
    problems.push({ file, field: fieldText, message, severity, ...locators.get(file)?.(field) });
  };

  // Datasets
  const datasets = new Map<string, Dataset>();
  for (const source of listFiles(root, contentDirs.data, '.json', problems)) {
    const raw = parseJson(source, problems);
    if (raw === undefined) continue;
    const locate = locateInJson(source.text);
    locators.set(source.file, locate);
    const { data, problems: found } = validate(datasetSchema, raw, source.file, locate);
    problems.push(...found);
    if (data) datasets.set(source.id, { ...data, id: source.id, file: source.file });
  }

  // Charts
  const charts = new Map<string, ChartSpec>();
  for (const source of listFiles(root, contentDirs.charts, '.json', problems)) {
    const raw = parseJson(source, problems);
    if (raw === undefined) continue;
    const locate = locateInJson(source.text);
    locators.set(source.file, locate);
    const { data, problems: found } = validate(chartSchema, raw, source.file, locate);
    problems.push(...found);
    if (data) charts.set(source.id, { ...data, id: source.id, file: source.file });
  }

  // Articles
  const articles: Article[] = [];
  const chartIds = new Set(charts.keys());
  for (const source of listFiles(root, contentDirs.articles, '.md', problems)) {
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(source.text, {}); // options given: gray-matter skips its cache, which drops `matter` on a re-read
    } catch (error) {
      const mark = (error as { mark?: { line?: number; column?: number } }).mark;
      problems.push({ file: source.file, field: 'front matter', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}`, severity: 'error', line: mark?.line !== undefined ? mark.line + 2 : undefined, column: mark?.column !== undefined ? mark.column + 1 : undefined });
      continue;
    }
    const yamlText = parsed.matter.replace(/^\r?\n/, '');
    const locate = locateInYaml(yamlText, 2);
    locators.set(source.file, locate);
    if (!source.text.startsWith('---')) {
      problems.push({ file: source.file, field: 'front matter', message: 'expected front matter between --- lines at the top (title, description, pubDate)', severity: 'error', line: 1, column: 1 });
      continue;
    }
    const { data, problems: found } = validate(articleSchema, parsed.data, source.file, locate);
    problems.push(...found);
    const bodyStartLine = source.text.slice(0, source.text.length - parsed.content.length).split('\n').length;
    const body = renderMarkdown(parsed.content, chartIds);
    for (const m of body.messages) {
      problems.push({ file: source.file, field: 'body', message: m.message, severity: 'error', line: m.line ? m.line + bodyStartLine - 1 : undefined, column: m.column });
    }
    if (!data) continue;
    data.uncertainties.forEach((u, i) =>
      u.charts.forEach((id, j) => {
        if (!charts.has(id)) report(source.file, ['uncertainties', i, 'charts', j], `no chart "${id}" in content/charts/${didYouMean(id, chartIds)}`);
      }),
    );
    if (data.draft && !options.includeDrafts) continue;
    const words = parsed.content.replace(/[:#*_[\]{}()=">-]/g, ' ').split(/\s+/).filter(Boolean).length;
    articles.push({ ...data, slug: source.id, file: source.file, body, words });
  }
  articles.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.slug.localeCompare(b.slug));

  // Cross-checks
  for (const dataset of datasets.values()) checkDataset(dataset, report);
  for (const chart of charts.values()) checkChart(chart, datasets, report);

  const site = { datasets, charts, articles };
  warnUnused(site, report);
  return { site, problems };
}

type Report = (file: string, field: FieldPath, message: string, severity?: Problem['severity']) => void;

function checkDataset(dataset: Dataset, report: Report) {
  const sourceIds = dataset.sources.map((s) => s.id).filter((id): id is string => Boolean(id));
  const seenSources = new Set<string>();
  dataset.sources.forEach((s, i) => {
    if (s.id && seenSources.has(s.id)) report(dataset.file, ['sources', i, 'id'], `source id "${s.id}" is used twice; ids must be unique`);
    if (s.id) seenSources.add(s.id);
    if (!s.edition) report(dataset.file, ['sources', i], `source "${s.name}" has no edition: name the edition readers should look for`, 'warning');
  });
  const rowIds = new Set<unknown>();
  dataset.rows.forEach((row, i) => {
    if (typeof row.source === 'string' && !seenSources.has(row.source)) {
      report(dataset.file, ['rows', i, 'source'], `no source with id "${row.source}" in sources${didYouMean(row.source, sourceIds)}`);
    }
    if (row.id !== undefined) {
      if (rowIds.has(row.id)) report(dataset.file, ['rows', i, 'id'], `row id ${JSON.stringify(row.id)} is used twice; ids must be unique`);
      rowIds.add(row.id);
    }
    if (typeof row.low === 'number' && typeof row.high === 'number' && row.low > row.high) {
      report(dataset.file, ['rows', i, 'low'], `low (${row.low}) is above high (${row.high})`);
    }
  });
  dataset.changes?.forEach((change, i) => {
    if (change.key !== undefined && !rowIds.has(change.key)) report(dataset.file, ['changes', i, 'key'], `no row with id "${change.key}"`);
  });
}

function checkChart(chart: ChartSpec, datasets: Map<string, Dataset>, report: Report) {
  const dataset = datasets.get(chart.dataset);
  if (!dataset) {
    report(chart.file, ['dataset'], `no dataset "${chart.dataset}" in data/${didYouMean(chart.dataset, datasets.keys())}`);
    return;
  }
  const rowFields = new Set(dataset.rows.flatMap((row) => Object.keys(row)));
  const fields = availableFields(chart, dataset.rows);
  const need = (where: FieldPath, field: string | undefined, pool: Set<string> = fields) => {
    if (field !== undefined && !pool.has(field)) {
      report(chart.file, where, `no field "${field}" in the rows of ${dataset.file}${didYouMean(field, pool)}`);
    }
  };
  chart.derive?.forEach((d, i) => {
    const inputs = d.op === 'share' ? { value: d.value, key: d.key, by: d.by } : d.op === 'ratio' ? { numerator: d.numerator, denominator: d.denominator } : { a: d.a, b: d.b };
    for (const [name, field] of Object.entries(inputs)) need(['derive', i, name], field, rowFields);
  });
  chart.fold?.fields.forEach((field, i) => need(['fold', 'fields', i], field, rowFields));
  for (const name of ['x', 'y', 'color', 'label'] as const) need([name], chart[name]);
  for (const field of Object.keys(chart.filter ?? {})) need(['filter', field], field);
  const viewIds = new Set<string>();
  chart.views?.forEach((view, i) => {
    if (viewIds.has(view.id)) report(chart.file, ['views', i, 'id'], `view id "${view.id}" is used twice; ids must be unique`);
    viewIds.add(view.id);
    need(['views', i, 'x'], view.x);
    need(['views', i, 'y'], view.y);
    for (const field of Object.keys(view.filter ?? {})) need(['views', i, 'filter', field], field);
  });
  if (problemsFor(chart, fields)) return; // drawing needs the fields to exist

  for (const view of chartViews(chart)) {
    const resolved = resolveView(chart, view);
    const { rows, problems } = prepareRows(resolved, dataset.rows);
    for (const p of problems) report(chart.file, [p.field], p.message);
    const values = (field: string) => rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined);
    if (rows.length && !values(resolved.y).length) report(chart.file, view ? ['views', chart.views!.indexOf(view), 'y'] : ['y'], `field "${resolved.y}" has no values in the rows this chart keeps`);
    chart.annotations?.forEach((a, i) => {
      for (const axis of ['x', 'y'] as const) {
        const value = a[axis];
        if (value === undefined || !rows.length) continue;
        const axisValues = values(resolved[axis]);
        if (!onAxis(value, axisValues)) {
          report(chart.file, ['annotations', i, axis], `${JSON.stringify(value)} is not on the ${axis} axis (field "${resolved[axis]}")${view ? ` in view "${view.id}"` : ''}${typeof value === 'string' ? didYouMean(value, axisValues.map(String)) : ''}`);
        }
      }
    });
  }
}

function problemsFor(chart: ChartSpec, fields: Set<string>): boolean {
  return [chart.x, chart.y, chart.color, chart.label].some((f) => f !== undefined && !fields.has(f));
}

/** Is an annotation's value on an axis: one of its categories, or within its numbers or dates. */
function onAxis(value: string | number, axisValues: unknown[]): boolean {
  if (axisValues.every((v) => typeof v === 'number')) {
    if (typeof value !== 'number') return false;
    const nums = axisValues as number[];
    return value >= Math.min(0, ...nums) && value <= Math.max(...nums) * 1.1;
  }
  const dates = axisValues.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
  if (dates && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const sorted = (axisValues as string[]).slice().sort();
    return value >= sorted[0] && value <= sorted[sorted.length - 1];
  }
  return axisValues.includes(value);
}

function warnUnused(site: Site, report: Report) {
  const usedCharts = new Set(site.articles.flatMap((a) => a.body.charts));
  const usedDatasets = new Set([...site.charts.values()].map((c) => c.dataset));
  for (const chart of site.charts.values()) {
    if (!usedCharts.has(chart.id)) report(chart.file, [], `no published story places chart "${chart.id}" (it still gets its own chart page)`, 'warning');
  }
  for (const dataset of site.datasets.values()) {
    if (!usedDatasets.has(dataset.id)) report(dataset.file, [], `no chart uses dataset "${dataset.id}" (it is still listed in the data catalogue)`, 'warning');
  }
}
