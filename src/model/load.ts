// Reads content/ and data/, validates every file against its schema and cross-checks them.
// One implementation with two entry points: the build (src/model/site.ts) and `npm run check`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'astro/zod';
import { getLocation, parse as parseJsonc, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { chartViews, availableFields, prepareRows, rangeSource, resolveView, type ResolvedChart } from '../charts/prepare.ts';
import { renderMarkdown, type RenderedMarkdown } from '../remark/markdown.ts';
import { asOfDate, commitmentTimeline, signingDate, sourceIds } from '../lib/commitments.ts';
import { tagSlug } from '../lib/tags.ts';
import { articleSchema, chartSchema, datasetSchema, idSchema, type ArticleData, type ChartSpec, type Dataset, type Row, type View } from '../schemas/index.ts';
import { rowSchema } from '../schemas/row.ts';
import { locateInJson, locateInYaml, type Locate } from './positions.ts';
import { fieldName, type FieldPath, type Problem } from './problems.ts';
import { closest, didYouMean } from './suggest.ts';
import { validate } from './validate.ts';

export interface Article extends ArticleData {
  slug: string;
  file: string;
  body: RenderedMarkdown;
  /** Words in the body, for reading time. */
  words: number;
}

export interface Site {
  /** Datasets to publish: all but those only draft articles' charts draw (all of them when drafts are kept). */
  datasets: Map<string, Dataset>;
  /** Charts to publish: all but those only draft articles use (all of them when drafts are kept). */
  charts: Map<string, ChartSpec>;
  /** Published articles (and drafts when asked for), newest first. */
  articles: Article[];
}

export interface LoadOptions {
  /** Keep `draft: true` articles (for `npm run dev`). */
  includeDrafts?: boolean;
}

/** Text the starter files of `npm run new` hold where an editor has something to write. */
export const starterMark = 'FILL IN';

export const contentDirs = { articles: 'content/articles', charts: 'content/charts', data: 'data' } as const;

interface SourceFile {
  file: string; // path from the root, with forward slashes
  id: string;
  text: string;
}

function listFiles(root: string, dir: string, extension: string, problems: Problem[]): SourceFile[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  const names = readdirSync(full)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort();
  return names.flatMap((name) => {
    const file = `${dir}/${name}`;
    if (!name.endsWith(extension)) {
      problems.push({ file, field: '', message: `unexpected file: ${dir}/ holds ${extension} files only`, severity: 'error' });
      return [];
    }
    const id = name.slice(0, -extension.length);
    if (!idSchema.safeParse(id).success) {
      // Windows and macOS see Cobalt.md and cobalt.md as one file: whichever is read, the other is lost.
      const twin = names.find((other) => other !== name && other.toLowerCase() === name.toLowerCase());
      const message = twin
        ? `file name "${name}" differs from "${twin}" only by case: on Windows and macOS they are one file; keep one, in lower case`
        : `file name "${id}" must be lower-case letters, digits and hyphens, e.g. "china-mine-share${extension}"`;
      problems.push({ file, field: '', message, severity: 'error' });
      return [];
    }
    // Files saved on Windows: no byte-order mark, and \n line ends (line and column numbers are unchanged).
    const text = readFileSync(path.join(full, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    return [{ file, id, text }];
  });
}

// Plain words for the JSON syntax errors editors make: a missing or extra comma, single quotes, comments.
const jsonSyntax: Record<string, string> = {
  CommaExpected: 'expected a comma "," before this (is one missing at the end of the line above?)',
  PropertyNameExpected: 'expected a field name in double quotes, e.g. "title" (JSON allows no comma after the last field)',
  ValueExpected: 'expected a value: "text in double quotes", a number, true, false, null, [a list] or {an object} (JSON allows no comma after the last item)',
  ColonExpected: 'expected a colon ":" between the field name and its value',
  CloseBraceExpected: 'expected "}" to close this object',
  CloseBracketExpected: 'expected "]" to close this list',
  InvalidCommentToken: 'comments are not allowed in JSON: put remarks in "notes"',
  InvalidSymbol: 'unexpected character: text goes in double quotes, "like this"',
  UnexpectedEndOfString: 'text is not closed: a double quote " is missing',
  EndOfFileExpected: 'unexpected text after the end of the file\'s outer {...}',
};

// The same for the YAML front matter of articles (codes of the `yaml` library).
const yamlSyntax: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'text that holds ": " goes in double quotes, e.g. title: "Rare earths: the deals, checked" (or a line is indented too far)',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'this field appears twice: keep one',
  BAD_SCALAR_START: 'text that starts with @, `, %, | or > goes in double quotes',
  BAD_INDENT: 'the indentation is off, or a [list] is not closed with ]: items of a list, and fields of an object, line up under each other',
};

/** Parses a JSON file; syntax errors and repeated fields become problems with their line and column. */
function parseJson(source: SourceFile, problems: Problem[]): { raw: unknown; locate: Locate } | undefined {
  const errors: ParseError[] = [];
  parseJsonc(source.text, errors, { disallowComments: true, allowTrailingComma: false });
  const at = (offset: number) => {
    const before = source.text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  if (errors.length) {
    // The first error is the mistake; the ones after it usually follow from it.
    const { error, offset } = errors[0];
    const code = printParseErrorCode(error);
    // `"tonnes": 12,5` reads as 12, then a field name missing: name the number instead.
    const comma = /(-?\d+),$/.exec(source.text.slice(0, offset).trimEnd());
    const digits = /^\d+/.exec(source.text.slice(offset));
    if (comma && digits && code === 'PropertyNameExpected') {
      const start = comma.index;
      const written = `${comma[1]},${digits[0]}`;
      const fix = digits[0].length === 3 ? `write ${comma[1]}${digits[0]} if the comma separates thousands, or ${comma[1]}.${digits[0]} if it is a decimal comma` : `write ${comma[1]}.${digits[0]}`;
      const field = fieldName(getLocation(source.text, start + 1).path.filter((p) => p !== ''));
      problems.push({ file: source.file, field, message: `not valid JSON: ${written} is not a number in JSON (a dot before decimals, no thousands separators): ${fix}`, severity: 'error', ...at(start) });
      return undefined;
    }
    const field = fieldName(getLocation(source.text, offset).path.filter((p) => p !== ''));
    problems.push({ file: source.file, field, message: `not valid JSON: ${jsonSyntax[code] ?? code}`, severity: 'error', ...at(offset) });
    return undefined;
  }
  const root = parseTree(source.text);
  // JSON.parse keeps the last of two fields with one name and drops the first without a word.
  const walk = (node: JsonNode | undefined, path: FieldPath) => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key?.value);
        if (seen.has(name)) {
          problems.push({ file: source.file, field: fieldName([...path, name]), message: `field "${name}" appears twice in this object: keep one (JSON would silently use the last)`, severity: 'error', ...at(key.offset) });
        }
        seen.add(name);
        walk(value, [...path, name]);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  return { raw: JSON.parse(source.text), locate: locateInJson(source.text) };
}

export function loadSite(root: string, options: LoadOptions = {}): { site: Site; problems: Problem[] } {
  const problems: Problem[] = [];
  const locators = new Map<string, Locate>();
  const report: Report = (file, field, message, severity = 'error') => {
    problems.push({ file, field: fieldName(field), message, severity, ...locators.get(file)?.(field) });
  };
  // Files that fail their schema are cross-checked too, minus their invalid fields (`partial`), so that one
  // mistake does not hide the others; `broken` keeps them out of the site.
  const broken = new Set<string>();
  // Starter text left in, by file: a warning while the file is unpublished, an error once it would be published.
  const starters: { file: string; field: FieldPath; text: string; line?: number; column?: number }[] = [];
  const unpublished = new Set<string>(); // draft articles

  /** Reads one folder of JSON files against a schema: what validates (or partly validates) goes on. */
  const readJsonFolder = <S extends z.ZodType>(files: SourceFile[], schema: S) =>
    files.flatMap((source) => {
      const parsed = parseJson(source, problems);
      if (!parsed) return [];
      locators.set(source.file, parsed.locate);
      for (const [field, text] of starterText(parsed.raw)) starters.push({ file: source.file, field, text });
      const { data, partial, problems: found } = validate(schema, parsed.raw, source.file, parsed.locate);
      problems.push(...found);
      if (!data) broken.add(source.file);
      return [{ source, raw: parsed.raw, usable: (data ?? partial) as z.output<S> | undefined }];
    });

  // Datasets
  const datasets = new Map<string, Dataset>();
  const datasetFiles = listFiles(root, contentDirs.data, '.json', problems);
  for (const { source, usable } of readJsonFolder(datasetFiles, datasetSchema)) {
    if (!usable) continue;
    checkCommitments(source.file, usable, report);
    datasets.set(source.id, withCommitments({ ...usable, id: source.id, file: source.file }));
  }

  // Charts
  const charts = new Map<string, ChartSpec>();
  const chartFiles = listFiles(root, contentDirs.charts, '.json', problems);
  for (const { source, raw, usable } of readJsonFolder(chartFiles, chartSchema)) {
    if (usable) charts.set(source.id, { ...usable, id: source.id, file: source.file });
    else {
      // Too broken to cross-check: still say when it names a dataset that does not exist.
      const dataset = (raw as { dataset?: unknown })?.dataset;
      if (typeof dataset === 'string' && !datasetFiles.some((f) => f.id === dataset)) {
        report(source.file, ['dataset'], `no dataset "${dataset}" in data/${didYouMean(dataset, datasetFiles.map((f) => f.id))}`);
      }
    }
  }

  // Articles
  const articles: Article[] = [];
  // Every chart file counts as existing, valid or not: a chart's own errors are reported on the chart.
  const chartIds = new Set(chartFiles.map((f) => f.id));
  const placedCharts = new Set<string>(); // by articles that are not drafts, for the warnings
  // Charts an article places or names (claims, uncertainties, corrections): a chart only drafts use is a draft too.
  const usedCharts = { published: new Set<string>(), draft: new Set<string>() };
  for (const source of listFiles(root, contentDirs.articles, '.md', problems)) {
    if (!source.text.startsWith('---')) {
      problems.push({ file: source.file, field: 'front matter', message: 'expected front matter between --- lines at the top (title, description, pubDate)', severity: 'error', line: 1, column: 1 });
      continue;
    }
    let parsed: matter.GrayMatterFile<string>;
    try {
      // YAML 1.2 (the `yaml` library, as for positions): dates stay text, so 2025-02-30 is refused, not rolled over.
      parsed = matter(source.text, { engines: { yaml: (text) => parseYaml(text, { logLevel: 'error' }) ?? {} } });
    } catch (error) {
      // The YAML text starts with the newline after the opening ---, so its line numbers are the file's.
      const position = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
      const code = error instanceof YAMLParseError ? error.code : '';
      const message = yamlSyntax[code] ?? (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      problems.push({ file: source.file, field: 'front matter', message: `not valid YAML: ${message}`, severity: 'error', line: position?.line, column: position?.col });
      continue;
    }
    const yamlText = parsed.matter.replace(/^\r?\n/, '');
    const locate = locateInYaml(yamlText, 2);
    locators.set(source.file, locate);
    const { data, partial, problems: found } = validate(articleSchema, parsed.data, source.file, locate);
    problems.push(...found);
    const bodyStartLine = source.text.slice(0, source.text.length - parsed.content.length).split('\n').length;
    const body = renderMarkdown(parsed.content, chartIds);
    for (const m of body.messages) {
      problems.push({ file: source.file, field: 'body', message: m.message, severity: 'error', line: m.line ? m.line + bodyStartLine - 1 : undefined, column: m.column });
    }
    // Front matter missing a required field can still be cross-checked field by field.
    const usable = data ?? partial ?? validate(articleSchema.partial(), parsed.data, source.file, locate).partial;
    if (usable?.draft !== true) body.charts.forEach((id) => placedCharts.add(id));
    else unpublished.add(source.file);
    const named = [...body.charts, ...body.claims.flatMap((c) => c.chart ?? []), ...[...(usable?.uncertainties ?? []), ...(usable?.corrections ?? [])].flatMap((u) => u.charts)];
    for (const id of named) usedCharts[usable?.draft === true ? 'draft' : 'published'].add(id);
    for (const [field, text] of starterText(parsed.data)) starters.push({ file: source.file, field, text });
    source.text.split('\n').forEach((line, i) => {
      const column = line.indexOf(starterMark) + 1;
      if (column && i + 1 >= bodyStartLine) starters.push({ file: source.file, field: ['body'], text: line.trim(), line: i + 1, column });
    });
    if (usable) checkArticle(source.file, usable, chartIds, report);
    if (!data || (data.draft && !options.includeDrafts)) continue;
    const words = parsed.content.replace(/[:#*_[\]{}()=">-]/g, ' ').split(/\s+/).filter(Boolean).length;
    articles.push({ ...data, slug: source.id, file: source.file, body, words });
  }
  articles.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.slug.localeCompare(b.slug));

  // Cross-checks
  // Charts are checked against the datasets' rows as meant: a number typed as text is reported on its row only.
  const checkedDatasets = new Map([...datasets].map(([id, dataset]) => [id, checkDataset(dataset, report)]));
  // A dataset whose rows list commitments has a companion, `<id>-commitments`, computed from them (the timeline's).
  for (const dataset of [...datasets.values()]) {
    if (!dataset.commitments || broken.has(dataset.file)) continue;
    const companion = commitmentTimeline(dataset);
    if (datasetFiles.some((f) => f.id === companion.id)) {
      report(dataset.file, ['rows'], `the commitments' companion dataset is "${companion.id}", but data/${companion.id}.json exists: rename that file`);
      continue;
    }
    datasets.set(companion.id, companion);
    checkedDatasets.set(companion.id, companion);
  }
  const datasetIds = new Set([...datasetFiles.map((f) => f.id), ...datasets.keys()]);
  // Rows missing a charted field in a dataset with errors are mostly those errors' echo (a misspelt field).
  const withErrors = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const chart of charts.values()) checkChart(chart, checkedDatasets, datasetIds, withErrors, report);
  const publishedDatasets = new Set([...charts.values()].filter((c) => placedCharts.has(c.id)).map((c) => c.dataset));
  for (const { file, field, text, line, column } of starters) {
    const id = path.basename(file).replace(/\.[a-z]+$/, '');
    const why = file.startsWith(contentDirs.articles)
      ? !unpublished.has(file) && 'this article is not a draft, so it would be published'
      : file.startsWith(contentDirs.charts)
        ? placedCharts.has(id) && 'a published article places this chart'
        : publishedDatasets.has(id) && 'a chart in a published article uses this dataset';
    const message = `starter text to replace: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}${why ? ` (${why})` : ''}`;
    if (line) problems.push({ file, field: fieldName(field), message, severity: why ? 'error' : 'warning', line, column });
    else report(file, field, message, why ? 'error' : 'warning');
  }

  // Drafts are whole: what only drafts use stays out of the published site with them. A chart no article uses is
  // published on its own page; a dataset no chart draws is still listed in the catalogue.
  const draftCharts = new Set([...usedCharts.draft].filter((id) => !usedCharts.published.has(id)));
  const drawnBy = (datasetId: string) => [...charts.values()].filter((c) => c.dataset === datasetId);
  const draftDatasets = new Set([...datasets.keys()].filter((id) => drawnBy(id).length > 0 && drawnBy(id).every((c) => draftCharts.has(c.id))));
  const publish = <T extends { id: string; file: string }>(items: Map<string, T>, drafts: Set<string>) =>
    new Map([...items].filter(([id, item]) => !broken.has(item.file) && (options.includeDrafts || !drafts.has(id))));
  // Unused charts and datasets are worth a look once the rest is right: with errors they are mostly their echo.
  if (!problems.some((p) => p.severity === 'error')) warnUnused(charts, datasets, placedCharts, draftCharts, report);

  return { site: { datasets: publish(datasets, draftDatasets), charts: publish(charts, draftCharts), articles }, problems };
}

type Report = (file: string, field: FieldPath, message: string, severity?: Problem['severity']) => void;

/** Every text in a parsed file that still holds the starter mark, with its path. */
function starterText(value: unknown, at: FieldPath = []): [FieldPath, string][] {
  if (typeof value === 'string') return value.includes(starterMark) ? [[at, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => starterText(item, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => starterText(item, [...at, key]));
  return [];
}

function checkArticle(file: string, article: Partial<ArticleData>, chartIds: ReadonlySet<string>, report: Report) {
  for (const list of ['uncertainties', 'corrections'] as const) {
    article[list]?.forEach((item, i) =>
      item.charts.forEach((id, j) => {
        if (!chartIds.has(id)) report(file, [list, i, 'charts', j], `no chart "${id}" in content/charts/${didYouMean(id, chartIds)}`);
      }),
    );
  }
  article.tags?.forEach((tag, i) => {
    if (!tagSlug(tag)) report(file, ['tags', i], `tag "${tag}" has no letter or digit, so it gets no topic page: use a word`, 'warning');
  });
  // The build publishes what is not a draft at once, whatever its date: a future date would be printed as given.
  if (article.pubDate && article.draft !== true && isoDay(article.pubDate) > isoDay(new Date())) {
    report(file, ['pubDate'], `${isoDay(article.pubDate)} is in the future: the article is published as soon as the site is built, dated ${isoDay(article.pubDate)} (keep draft: true until the day)`, 'warning');
  }
  if (article.pubDate && article.updatedDate && article.updatedDate < article.pubDate) {
    report(file, ['updatedDate'], `expected a date on or after pubDate (${isoDay(article.pubDate)}), found ${isoDay(article.updatedDate)}`);
  }
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The row fields with a fixed meaning (estimate, secondary, edition, ...). */
// (Commitments are a list, not a mark on a figure: the schema checks them, and the typo hints leave them out.)
const reservedRowFields = Object.keys(rowSchema.shape).filter((field) => field !== 'commitments');

/**
 * A field that holds numbers in most rows and text in a few: the text silently bends the chart (a bar chart turns on
 * its side, a row drops out of a filter). Returns the rows as the editor meant them, for the chart cross-checks, so
 * one slip is reported once, on its row, and not again on each chart that draws it.
 */
function checkColumnTypes(dataset: Dataset, report: Report): Row[] {
  const rows = dataset.rows.map((row) => ({ ...row }));
  const fields = new Set(dataset.rows.flatMap((row) => Object.keys(row)));
  for (const field of fields) {
    if (reservedRowFields.includes(field)) continue; // typed by the row schema
    const numbers = dataset.rows.filter((row) => typeof row[field] === 'number').length;
    const texts = dataset.rows.flatMap((row, i) => (typeof row[field] === 'string' ? [i] : []));
    if (!texts.length || numbers <= texts.length) continue;
    for (const i of texts) {
      const text = String(dataset.rows[i][field]);
      const { value, fix } = readNumber(text.trim());
      report(dataset.file, ['rows', i, field], `rows[${i}].${field} is the text ${JSON.stringify(text)}; the other ${numbers} row${numbers === 1 ? ' has a number' : 's have numbers'}: ${fix}`);
      rows[i][field] = value;
    }
  }
  return rows;
}

/** What a number typed as text was meant to be, and how to write it. */
function readNumber(text: string): { value: number | null; fix: string } {
  if (/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return { value: Number(text), fix: 'remove the quotes' };
  const comma = /^(-?\d+),(\d+)$/.exec(text);
  if (comma && comma[2].length === 3) {
    return { value: Number(`${comma[1]}${comma[2]}`), fix: `write ${comma[1]}${comma[2]} if the comma separates thousands, or ${comma[1]}.${comma[2]} if it is a decimal comma, without quotes` };
  }
  if (comma) return { value: Number(`${comma[1]}.${comma[2]}`), fix: `write ${comma[1]}.${comma[2]}, without quotes (a dot before decimals)` };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return { value: Number(text.replace(/,/g, '')), fix: `write ${text.replace(/,/g, '')}, without quotes or thousands separators` };
  return { value: null, fix: 'write a number, or null where the source gives none' };
}

type ValidatedDataset = z.output<typeof datasetSchema>;

/** The rows made flat again (charts, tables and CSV read scalar fields), their commitments kept by row id. */
function withCommitments(dataset: ValidatedDataset & { id: string; file: string }): Dataset {
  const commitments: Record<string, NonNullable<ValidatedDataset['rows'][number]['commitments']>> = {};
  const rows = dataset.rows.map(({ commitments: list, ...row }) => {
    if (list && typeof row.id === 'string') commitments[row.id] = list;
    return row as Row;
  });
  return { ...dataset, rows, ...(Object.keys(commitments).length ? { commitments } : {}) };
}

/**
 * Commitments: a row that lists them needs an id (its page's address); ids are unique; sources exist; a due date
 * counted from the signing needs the row's date; a status is dated between the signing and the data's "as of"
 * date (asOf, else the day of the build), oldest first.
 */
function checkCommitments(file: string, dataset: ValidatedDataset, report: Report) {
  const known = dataset.sources.map((s) => s.id).filter((id): id is string => Boolean(id));
  const asOf = asOfDate(dataset);
  const limit = dataset.asOf ? `the dataset's "as of" date, ${isoDay(asOf)} (asOf)` : `today, ${isoDay(asOf)} (the dataset gives no asOf, so the build date is used)`;
  const checkSource = (source: unknown, at: FieldPath) => {
    const ids = sourceIds(source as Parameters<typeof sourceIds>[0]);
    ids.forEach((id, n) => {
      if (!known.includes(id)) report(file, Array.isArray(source) ? [...at, n] : at, `no source with id "${id}" in sources${didYouMean(id, known)}`);
    });
  };
  dataset.rows.forEach((row, i) => {
    const list = row.commitments;
    if (!list?.length) return;
    const at = (j: number, ...rest: (string | number)[]): FieldPath => ['rows', i, 'commitments', j, ...rest];
    if (typeof row.id !== 'string') report(file, ['rows', i, 'commitments'], `a row with commitments needs an "id" (text), the address of its page: /agreements/<id>/`);
    const signed = signingDate(row as Row);
    const ids = new Set<string>();
    list.forEach((commitment, j) => {
      if (ids.has(commitment.id)) report(file, at(j, 'id'), `commitment id "${commitment.id}" is used twice in rows[${i}]; ids must be unique within an instrument`);
      ids.add(commitment.id);
      checkSource(commitment.source, at(j, 'source'));
      const due = commitment.due;
      if (due && !(due instanceof Date) && due.after === 'signing' && !signed) {
        const found = row.date === undefined ? 'has no "date"' : `has "date" ${JSON.stringify(row.date)}, not a date as YYYY-MM-DD`;
        report(file, at(j, 'due', 'after'), `due counts ${due.within} from the signing, but rows[${i}] ${found}: add the signing date to the row ("date": "YYYY-MM-DD"), or count from a date ("after": "YYYY-MM-DD")`);
      }
      if (commitment.conflictsWith !== undefined && !list.some((other) => other !== commitment && other.id === commitment.conflictsWith)) {
        report(file, at(j, 'conflictsWith'), `no other commitment with id "${commitment.conflictsWith}" in rows[${i}]${didYouMean(commitment.conflictsWith, [...list.map((c) => c.id)].filter((id) => id !== commitment.id))}`);
      }
      commitment.status.forEach((entry, k) => {
        checkSource(entry.source, at(j, 'status', k, 'source'));
        const date = isoDay(entry.date);
        if (entry.date > asOf) report(file, at(j, 'status', k, 'date'), `${date} is after ${limit}: a status cannot be dated after the statuses were last checked; correct the date, or move asOf forward`);
        else if (signed && entry.date < signed) report(file, at(j, 'status', k, 'date'), `${date} is before the instrument was signed, ${isoDay(signed)}: a status reports on a commitment already made`);
        else if (k > 0 && entry.date < commitment.status[k - 1].date) report(file, at(j, 'status', k, 'date'), `${date} is before the entry above it (${isoDay(commitment.status[k - 1].date)}): status entries go oldest first, newest last`);
      });
    });
  });
}

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
  checkRowFieldNames(dataset, report);
  return { ...dataset, rows: checkColumnTypes(dataset, report) };
}

/** Misspelt row fields: rows accept any field, so a typo would otherwise pass silently. */
function checkRowFieldNames(dataset: Dataset, report: Report) {
  const rowsWith = new Map<string, number[]>();
  dataset.rows.forEach((row, i) => Object.keys(row).forEach((field) => rowsWith.set(field, [...(rowsWith.get(field) ?? []), i])));
  const everyOtherRow = (field: string, i: number) => (rowsWith.get(field)?.length ?? 0) === dataset.rows.length - 1 && !(field in dataset.rows[i]);
  for (const [field, rows] of rowsWith) {
    if (reservedRowFields.includes(field)) continue;
    // A field only one row has, where every other row has a field spelt almost the same: a typo.
    if (rows.length === 1 && dataset.rows.length > 2) {
      const others = [...rowsWith.keys()].filter((f) => everyOtherRow(f, rows[0]));
      const match = closest(field, others);
      if (match) {
        report(dataset.file, ['rows', rows[0], field], `unknown field "${field}" (did you mean "${match}"?): every other row has "${match}", this one has not`);
        continue;
      }
    }
    // A field spelt like a reserved one: the charts and tables would not show it as what it was meant to mark.
    const reserved = closest(field, reservedRowFields);
    if (reserved && distanceAtMost(field, reserved, field.length >= 7 ? 2 : 1)) {
      const more = rows.length > 1 ? ` (and ${rows.length - 1} more row${rows.length > 2 ? 's' : ''})` : '';
      report(dataset.file, ['rows', rows[0], field], `field "${field}"${more} is not a reserved field (did you mean "${reserved}"?); the reserved fields are ${reservedRowFields.join(', ')}`, 'warning');
    }
  }
}

/** Is `a` within `limit` edits of `b`: `closest` with a tighter bound, for names that may well be meant. */
function distanceAtMost(a: string, b: string, limit: number): boolean {
  return closest(a, [b], limit) !== undefined;
}

function checkChart(chart: ChartSpec, datasets: Map<string, Dataset>, datasetIds: Set<string>, withErrors: ReadonlySet<string>, report: Report) {
  const dataset = datasets.get(chart.dataset);
  if (!dataset) {
    if (!datasetIds.has(chart.dataset)) report(chart.file, ['dataset'], `no dataset "${chart.dataset}" in data/${didYouMean(chart.dataset, datasetIds)}`);
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

  const reported = new Set<string>();
  // Bar-chart notes placed by a length alone that no bar has, by note, with the lengths seen in the views.
  const offBars = new Map<number, { views: number; low: number; high: number; field: string; category: string; axis: 'x' | 'y'; other: 'x' | 'y' }>();
  for (const view of chartViews(chart)) {
    const resolved = resolveView(chart, view);
    // A filter value no row has (often a misspelt category) silently drops rows: name it.
    const filterPath: FieldPath = view?.filter ? ['views', chart.views!.indexOf(view), 'filter'] : ['filter'];
    const { rows: unfiltered } = prepareRows({ ...resolved, filter: undefined, sort: undefined }, dataset.rows);
    for (const [field, wanted] of Object.entries(resolved.filter ?? {})) {
      const present = [...new Set(unfiltered.map((r) => r[field]))];
      for (const value of Array.isArray(wanted) ? wanted : [wanted]) {
        const key = `${[...filterPath, field].join('.')} ${JSON.stringify(value)}`;
        if (present.includes(value) || reported.has(key)) continue;
        reported.add(key);
        const hint = typeof value === 'string' ? didYouMean(value, present.filter((v): v is string => typeof v === 'string')) : '';
        report(chart.file, [...filterPath, field], `no row has ${field} = ${JSON.stringify(value)}${hint}`);
      }
    }
    // Rows carry their place in the dataset through derive, fold and filter, so that problems can name them.
    const { rows, problems } = prepareRows(resolved, dataset.rows.map((row, i) => ({ ...row, [rowIndex]: i })));
    for (const p of problems) {
      // Derive problems are the same in every view: report them once. A view's own filter is the one that failed.
      const where = view?.filter && p.field[0] === 'filter' ? ['views', chart.views!.indexOf(view), ...p.field] : p.field;
      const key = `${where.join('.')} ${p.message}`;
      if (!reported.has(key)) report(chart.file, where, p.message);
      reported.add(key);
    }
    const values = (field: string) => rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined);
    if (chart.mark === 'bar') {
      // One bar per category: bars of several rows would stack, which reads as parts of a whole.
      const category = rows.every((r) => typeof r[resolved.x] === 'number') ? resolved.y : resolved.x;
      const counts = new Map<unknown, number>();
      for (const row of rows) counts.set(row[category], (counts.get(row[category]) ?? 0) + 1);
      const repeated = [...counts].find(([, n]) => n > 1);
      if (repeated) {
        const where: FieldPath = view?.filter ? ['views', chart.views!.indexOf(view), 'filter'] : ['filter'];
        const key = `${where.join('.')} one bar`;
        if (!reported.has(key)) {
          reported.add(key);
          report(chart.file, where, `a bar chart draws one bar per ${category}, but ${repeated[1]} rows have ${category} = ${JSON.stringify(repeated[0])}${chart.color ? ` (one per ${chart.color}?)` : ''}: filter to one row each, or give each its own view`);
        }
      }
    }
    if (rows.length && !values(resolved.y).length) report(chart.file, view ? ['views', chart.views!.indexOf(view), 'y'] : ['y'], `field "${resolved.y}" has no values in the rows this chart keeps`);
    const inView = view ? ` in view "${view.id}"` : '';
    // Line and area values and bar lengths are drawn from zero, so zero is on those axes.
    const fromZero = (axis: 'x' | 'y') => chart.mark === 'bar' || (axis === 'y' && (chart.mark === 'line' || chart.mark === 'area'));
    const once = (key: string) => !reported.has(key) && Boolean(reported.add(key));
    const missing = withErrors.has(dataset.file) ? new Map<Row, string[]>() : checkChartedFields(chart, resolved, dataset, rows, view, report, once);
    // The value axis of a bar chart: the bars' lengths.
    const valueAxis = chart.mark === 'bar' ? (rows.every((r) => typeof r[resolved.x] === 'number') ? 'x' : 'y') : undefined;
    chart.annotations?.forEach((a, i) => {
      for (const axis of ['x', 'y'] as const) {
        const value = a[axis];
        if (value === undefined || !rows.length) continue;
        const axisValues = values(resolved[axis]);
        if (!onAxis(value, axisValues, fromZero(axis))) {
          report(chart.file, ['annotations', i, axis], `${JSON.stringify(value)} is not on the ${axis} axis (field "${resolved[axis]}")${inView}${typeof value === 'string' ? didYouMean(value, axisValues.map(String)) : ''}`);
        } else if (axis === valueAxis && typeof value === 'number' && a[axis === 'x' ? 'y' : 'x'] === undefined) {
          // A note on a bar chart is drawn on the bar its category names; with a length only, on a bar that long.
          const lengths = values(resolved[axis]) as number[];
          const near = (Math.max(...lengths.map(Math.abs)) || 1) / 100;
          const atBar = rows.some((r) => Math.abs(Number(r[resolved[axis]]) - value) <= near || (typeof r.low === 'number' && typeof r.high === 'number' && value >= r.low && value <= r.high));
          const other = axis === 'x' ? 'y' : 'x';
          const range = offBars.get(i) ?? { views: 0, low: Infinity, high: -Infinity, field: resolved[axis], category: resolved[other], axis, other };
          if (!atBar) offBars.set(i, { ...range, views: range.views + 1, low: Math.min(range.low, ...lengths), high: Math.max(range.high, ...lengths) });
        }
      }
    });
    chart.reference?.forEach((line, i) => {
      const axis = line.x !== undefined ? 'x' : 'y';
      const value = line[axis]!;
      if (!rows.length) return;
      const axisValues = values(resolved[axis]);
      const numbers = axisValues.every((v) => typeof v === 'number');
      if (!numbers && !onAxis(value, axisValues, false)) {
        const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
        // A date outside the data's dates widens the time axis (a warning); a category that is not there draws nothing.
        const dates = axisValues.every(isDate) && isDate(value);
        if (once(`reference.${i} ${view?.id}`)) {
          report(chart.file, ['reference', i, axis], `${JSON.stringify(value)} is not on the ${axis} axis (field "${resolved[axis]}")${inView}${dates ? ': the line stretches the time axis beyond the data' : typeof value === 'string' ? didYouMean(value, axisValues.map(String)) : ''}`, dates ? 'warning' : 'error');
        }
      } else if (numbers && typeof value === 'number') {
        // A reported figure may lie beyond the data, but not so far that the data shrinks to under half the axis:
        // that is mostly a line in another unit (80000 for 80%, 0.8 for 80).
        const nums = fromZero(axis) ? [0, ...(axisValues as number[])] : (axisValues as number[]);
        const [low, high] = [Math.min(...nums), Math.max(...nums)];
        const span = high - low || Math.abs(high) || 1;
        if ((value > high + span || value < low - span) && once(`reference.${i} ${view?.id}`)) {
          report(chart.file, ['reference', i, axis], `${value} is far outside the chart's ${axis} values (field "${resolved[axis]}": ${low} to ${high})${inView}: the data would fill less than half the axis; is the line in the data's unit?`, 'warning');
        }
      }
    });
    checkNamedCategories(chart, resolved, view, rows, missing, dataset, report, once);
    checkRanges(chart, resolved, valueAxis ?? 'y', rows, dataset, report, once);
  }
  for (const [i, { views, low, high, field, category, axis, other }] of offBars) {
    if (views < chartViews(chart).length) continue; // a bar that long is in some view
    const value = chart.annotations![i][axis];
    report(chart.file, ['annotations', i, axis], `${value} is the length of no bar (field "${field}": ${low} to ${high}): a note on a bar chart marks a bar; name the bar by its ${category} as ${other}`, 'warning');
  }
}

/** The place in the dataset of a row a chart prepared (symbol-keyed, so no row field can clash with it). */
const rowIndex = Symbol('row index');
const indexOf = (row: Row) => (row as Record<symbol, number>)[rowIndex];

/** `rows[3]`, `rows[3] and rows[5]`, `rows[3], rows[5] and 4 more`. */
function rowList(indexes: number[]): string {
  const names = [...new Set(indexes)].map((i) => `rows[${i}]`);
  if (names.length <= 3) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

/** The fields a chart draws each row by that are missing from a row: absent, as opposed to null ("not available"). */
function lackedFields(chart: ResolvedChart, row: Row): string[] {
  const lacks = (field: string) => {
    const derive = chart.derive?.find((d) => d.as === field);
    // A derived field is missing where it could not be computed for want of its source (a figure typed in stays).
    if (derive) return (row[field] === undefined || row[field] === null) && row[rangeSource(derive)] === undefined;
    if (chart.fold && (field === chart.fold.key || field === chart.fold.value)) return false;
    return row[field] === undefined;
  };
  return [chart.x, chart.y, chart.color].filter((field): field is string => field !== undefined && lacks(field));
}

/** A row the chart keeps but cannot draw, for want of its x, y or colour field: a warning naming the rows. */
function checkChartedFields(chart: ChartSpec, resolved: ResolvedChart, dataset: Dataset, rows: Row[], view: View | undefined, report: Report, once: (key: string) => boolean): Map<Row, string[]> {
  const missing = new Map(rows.map((row) => [row, lackedFields(resolved, row)] as const).filter(([, fields]) => fields.length));
  const byField = new Map<string, number[]>();
  for (const [row, fields] of missing) for (const field of fields) byField.set(field, [...(byField.get(field) ?? []), indexOf(row)]);
  for (const [field, indexes] of byField) {
    const axis = field === resolved.x ? 'x' : field === resolved.y ? 'y' : 'color';
    const where: FieldPath = view && axis !== 'color' && view[axis] ? ['views', chart.views!.indexOf(view), axis] : [axis];
    if (!once(`${where.join('.')} lacks ${indexes.join(',')}`)) continue;
    const some = new Set(indexes).size === 1;
    report(chart.file, where, `${rowList(indexes)} of ${dataset.file} ${some ? 'has' : 'have'} no "${field}"${view ? ` (view "${view.id}")` : ''}: the chart keeps ${some ? 'it' : 'them'} but draws nothing for ${some ? 'it' : 'them'}; give the figure, null where the source gives none, or leave the row out with a filter`, 'warning');
  }
  return missing;
}

/** A category the chart's notes, reference lines or views name, whose rows all lack a charted field: an error. */
function checkNamedCategories(chart: ChartSpec, resolved: ResolvedChart, view: View | undefined, rows: Row[], missing: Map<Row, string[]>, dataset: Dataset, report: Report, once: (key: string) => boolean) {
  if (!missing.size) return;
  const named: { where: FieldPath; field: string; value: unknown }[] = [];
  chart.annotations?.forEach((a, i) => (['x', 'y'] as const).forEach((axis) => a[axis] !== undefined && named.push({ where: ['annotations', i, axis], field: resolved[axis], value: a[axis] })));
  chart.reference?.forEach((line, i) => (['x', 'y'] as const).forEach((axis) => line[axis] !== undefined && named.push({ where: ['reference', i, axis], field: resolved[axis], value: line[axis] })));
  if (view?.filter) {
    for (const [field, wanted] of Object.entries(view.filter)) {
      for (const value of Array.isArray(wanted) ? wanted : [wanted]) named.push({ where: ['views', chart.views!.indexOf(view), 'filter', field], field, value });
    }
  }
  for (const { where, field, value } of named) {
    const matching = rows.filter((row) => row[field] === value);
    if (!matching.length || !matching.every((row) => missing.has(row))) continue;
    if (!once(`${where.join('.')} draws nothing`)) continue;
    const lacked = [...new Set(matching.flatMap((row) => missing.get(row)!))].map((f) => `"${f}"`).join(' and ');
    report(chart.file, where, `the chart draws nothing for ${field} = ${JSON.stringify(value)}${view ? ` in view "${view.id}"` : ''}: its ${rowList(matching.map(indexOf))} in ${dataset.file} ${matching.length === 1 ? 'has' : 'have'} no ${lacked}`);
  }
}

/** low and high bound the row's charted figure in its unit: a range that does not hold the figure is an error. */
function checkRanges(chart: ChartSpec, resolved: ResolvedChart, valueAxis: 'x' | 'y', rows: Row[], dataset: Dataset, report: Report, once: (key: string) => boolean) {
  const charted = resolved[valueAxis];
  const derive = chart.derive?.find((d) => d.as === charted);
  // A derived field's range is derived from its source's (src/charts/prepare.ts): check the source's.
  for (const row of rows) {
    const original = dataset.rows[indexOf(row)];
    const field = derive && original?.[rangeSource(derive)] !== undefined ? rangeSource(derive) : charted;
    const value = original?.[field];
    const { low, high } = original ?? {};
    if (typeof value !== 'number' || (typeof low !== 'number' && typeof high !== 'number')) continue;
    const bound = typeof low === 'number' && low > value ? 'low' : typeof high === 'number' && high < value ? 'high' : undefined;
    if (!bound || !once(`range ${indexOf(row)}`)) continue;
    const range = typeof low === 'number' && typeof high === 'number' ? `the range ${low} to ${high}` : `${bound} ${original[bound]}`;
    report(dataset.file, ['rows', indexOf(row), bound], `${range} does not hold the row's ${field}, ${value}: low and high bound the charted figure${dataset.unit ? `, in its unit (${dataset.unit})` : ''}`);
  }
}

function problemsFor(chart: ChartSpec, fields: Set<string>): boolean {
  return [chart.x, chart.y, chart.color, chart.label].some((f) => f !== undefined && !fields.has(f));
}

/** Is an annotation's value on an axis: one of its categories, or within its numbers (give or take a tenth of
 * their span, as Plot rounds the axis out) or dates. */
function onAxis(value: string | number, axisValues: unknown[], fromZero: boolean): boolean {
  if (axisValues.every((v) => typeof v === 'number')) {
    if (typeof value !== 'number') return false;
    const nums = fromZero ? [0, ...(axisValues as number[])] : (axisValues as number[]);
    const [low, high] = [Math.min(...nums), Math.max(...nums)];
    const slack = (high - low) * 0.1;
    return value >= low - slack && value <= high + slack;
  }
  const dates = axisValues.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
  if (dates && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const sorted = (axisValues as string[]).slice().sort();
    return value >= sorted[0] && value <= sorted[sorted.length - 1];
  }
  return axisValues.includes(value);
}

function warnUnused(charts: Map<string, ChartSpec>, datasets: Map<string, Dataset>, placedCharts: ReadonlySet<string>, draftCharts: ReadonlySet<string>, report: Report) {
  const usedDatasets = new Set([...charts.values()].map((c) => c.dataset));
  for (const chart of charts.values()) {
    // A draft's own chart is not unused: it is published with the draft.
    if (!placedCharts.has(chart.id) && !draftCharts.has(chart.id)) report(chart.file, [], `no published story places chart "${chart.id}" (it still gets its own chart page)`, 'warning');
  }
  for (const dataset of datasets.values()) {
    if (!usedDatasets.has(dataset.id) && !dataset.derivedFrom) report(dataset.file, [], `no chart uses dataset "${dataset.id}" (it is still listed in the data catalogue)`, 'warning');
  }
}
