// Editions of one figure: rows that agree on the figure's key (what is measured: its text fields and its year) but
// come from different sources. A chart draws each figure's latest edition (the row whose source was `published`
// last); what a later edition changed is a revision, computed here for tooltips, tables, `:value` and data pages.
// Pure functions: no Plot, no pages. Charts (views.ts) and the checks (src/model/) both read them.
import type { Row, Source } from '../schemas/index.ts';
import { rowList } from './row-index.ts';

/** What editions need of a dataset: its rows and sources (a `Dataset` is one). */
export interface EditionsOf {
  rows: readonly Row[];
  sources: readonly Source[];
}

/** The edition's own fields: they say where a figure was read, not what it measures. */
const flags = ['estimate', 'secondary', 'projection', 'commitments'];
const editionFields = new Set(['source', 'edition', 'revised', 'note', 'low', 'high', ...flags]);

/** A figure's key: the fields that say what is measured, with the row's values, e.g. { country: "China", year: 2024 }. */
export type FigureKey = Record<string, string | number | boolean | null>;

/**
 * The fields of a dataset's rows that say what a figure measures: every field that holds text in the rows that
 * have it (never a number, nor true or false), and `year`; not the edition's own fields (source, edition, estimate,
 * revised, note, low, high, flags), nor a text field that names its row's edition (a label "Russia, MCS 2025", a
 * "revised in MCS 2025"): such a field describes the edition, not what is measured. Sorted by name.
 */
export function figureFields(rows: readonly Row[]): string[] {
  const fields = new Set(rows.flatMap((row) => Object.keys(row)));
  return [...fields]
    .filter((field) => !editionFields.has(field))
    .filter((field) => {
      const values = rows.map((row) => row[field]).filter((value) => value !== undefined && value !== null);
      if (values.length === 0) return false;
      if (/^year$/i.test(field)) return true;
      return values.every((value) => typeof value === 'string') && !namesItsEdition(rows, field);
    })
    .sort();
}

/** Whether some row's `field` holds the name of that row's edition ("MCS 2025" in "Russia, MCS 2025"). */
function namesItsEdition(rows: readonly Row[], field: string): boolean {
  return rows.some((row) => {
    const value = row[field];
    const edition = typeof row.edition === 'string' ? row.edition.trim() : '';
    return typeof value === 'string' && edition.length > 0 && value.includes(edition);
  });
}

/** The figure key of a row: its values of `fields` (figureFields of its dataset's rows), a missing one as null. */
export function figureKey(row: Row, fields: readonly string[] = figureFields([row])): FigureKey {
  return Object.fromEntries(fields.map((field) => [field, (row[field] as FigureKey[string] | undefined) ?? null]));
}

/** "China, 2024": a key's values, for people. */
export function describeKey(key: FigureKey): string {
  return Object.values(key)
    .filter((value) => value !== null)
    .join(', ');
}

/** Rows of one figure, by figure, in the rows' order: each with its place in `rows`. */
export function figuresOf(rows: readonly Row[]): { key: FigureKey; rows: { row: Row; index: number }[] }[] {
  const fields = figureFields(rows);
  const groups = new Map<string, { key: FigureKey; rows: { row: Row; index: number }[] }>();
  rows.forEach((row, index) => {
    const key = figureKey(row, fields);
    const id = JSON.stringify(Object.values(key));
    if (!groups.has(id)) groups.set(id, { key, rows: [] });
    groups.get(id)!.rows.push({ row, index });
  });
  return [...groups.values()];
}

/** The source a row names, if the dataset lists it. */
export function sourceOf(row: Row, sources: readonly Source[]): Source | undefined {
  return row.source === undefined ? undefined : sources.find((source) => source.id === row.source);
}

/** Whether a figure's rows are editions: they name more than one source. */
const editionCount = (rows: readonly { row: Row }[]) => new Set(rows.map(({ row }) => row.source ?? null)).size;

/** A figure whose editions cannot be chosen between: a source among them has no `published` date. */
export interface UndatedEditions {
  key: FigureKey;
  /** The rows' places in the rows given. */
  rows: number[];
  /** The ids of the sources without `published` (a row without a source counts as "" here). */
  sources: string[];
}

/**
 * For each figure, its latest edition: the rows whose source was `published` last (a figure from one source keeps
 * all its rows). A figure whose editions cannot be chosen (a source without `published`) keeps every row, and is in
 * `undated`: a chart that must choose reports it.
 */
export function chooseEditions(rows: readonly Row[], dataset: Pick<EditionsOf, 'sources'>) {
  const keep = new Set<number>();
  const undated: UndatedEditions[] = [];
  for (const figure of figuresOf(rows)) {
    if (editionCount(figure.rows) < 2) {
      figure.rows.forEach(({ index }) => keep.add(index));
      continue;
    }
    const published = (row: Row) => sourceOf(row, dataset.sources)?.published;
    const missing = figure.rows.filter(({ row }) => !published(row));
    if (missing.length) {
      figure.rows.forEach(({ index }) => keep.add(index));
      undated.push({
        key: figure.key,
        rows: figure.rows.map(({ index }) => index),
        sources: [...new Set(missing.map(({ row }) => row.source ?? ''))],
      });
      continue;
    }
    const last = figure.rows.map(({ row }) => published(row)!).sort(compareDates)[figure.rows.length - 1];
    figure.rows.filter(({ row }) => published(row) === last).forEach(({ index }) => keep.add(index));
  }
  return { rows: rows.filter((_, i) => keep.has(i)), undated };
}

/** For each figure, the row whose source was `published` last (see chooseEditions). */
export function latestEditions(rows: readonly Row[], dataset: Pick<EditionsOf, 'sources'>): Row[] {
  return chooseEditions(rows, dataset).rows;
}

/** "2026-02" before "2026-02-06" before "2026-03": YYYY-MM and YYYY-MM-DD texts in time order. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One edition of a revised figure. */
export interface EditionValue {
  value: number;
  /** The row's `source` (an id of the dataset's `sources`). */
  source?: string;
  /** The row's `edition`, else its source's `edition`, else its `short`. */
  edition?: string;
  /** The row's place in the dataset's `rows`. */
  row: number;
}

/** A figure a later edition changed: `from` the earlier edition's value `to` the later one's. */
export interface Revision {
  key: FigureKey;
  /** The numeric field whose value changed, e.g. "tonnes_reo". */
  field: string;
  from: EditionValue;
  to: EditionValue;
}

/** The order of two rows' editions: by their sources' `published` dates, else by edition name ("MCS 2023" first). */
function editionOrder(dataset: EditionsOf) {
  return (a: Row, b: Row): number => {
    const [pa, pb] = [sourceOf(a, dataset.sources)?.published, sourceOf(b, dataset.sources)?.published];
    if (pa && pb && pa !== pb) return compareDates(pa, pb);
    return String(editionName(a, dataset) ?? '').localeCompare(String(editionName(b, dataset) ?? ''), 'en', {
      numeric: true,
    });
  };
}

/** A row's edition, as a reader knows it: the row's `edition`, else its source's. */
export function editionName(row: Row, dataset: Pick<EditionsOf, 'sources'>): string | undefined {
  const source = sourceOf(row, dataset.sources);
  return row.edition ?? source?.edition ?? source?.short;
}

/**
 * Every figure a later edition changed: for each figure with rows from two or more sources, each numeric field whose
 * value differs from the previous edition's (editions in `published` order; undated ones by edition name, "MCS 2023"
 * before "MCS 2025"). Largest change first: by the change relative to the earlier value, then by its size.
 */
export function revisionsOf(dataset: EditionsOf): Revision[] {
  const revisions: Revision[] = [];
  const order = editionOrder(dataset);
  const keyFields = new Set(figureFields(dataset.rows));
  for (const figure of figuresOf(dataset.rows)) {
    if (editionCount(figure.rows) < 2) continue;
    const sorted = figure.rows.slice().sort((a, b) => order(a.row, b.row) || a.index - b.index);
    for (let i = 1; i < sorted.length; i++) {
      const [before, after] = [sorted[i - 1], sorted[i]];
      if ((before.row.source ?? null) === (after.row.source ?? null)) continue;
      for (const [field, value] of Object.entries(after.row)) {
        const earlier = before.row[field];
        if (editionFields.has(field) || keyFields.has(field) || typeof value !== 'number') continue;
        if (typeof earlier !== 'number' || earlier === value) continue;
        const side = (entry: { row: Row; index: number }, figureValue: number): EditionValue => ({
          value: figureValue,
          source: entry.row.source,
          edition: editionName(entry.row, dataset),
          row: entry.index,
        });
        revisions.push({ key: figure.key, field, from: side(before, earlier), to: side(after, value) });
      }
    }
  }
  const relative = (r: Revision) =>
    r.from.value === 0 ? Infinity : Math.abs((r.to.value - r.from.value) / r.from.value);
  return revisions.sort(
    (a, b) =>
      relative(b) - relative(a) ||
      Math.abs(b.to.value - b.from.value) - Math.abs(a.to.value - a.from.value) ||
      a.to.row - b.to.row,
  );
}

/** The revisions that end at a row (its place in the dataset's rows): what its edition changed. */
export function revisionsTo(revisions: readonly Revision[], row: number): Revision[] {
  return revisions.filter((revision) => revision.to.row === row);
}

/** revisionsOf, computed once per dataset's rows. */
const revisionsCache = new WeakMap<readonly Row[], Revision[]>();
const revisionsCached = (dataset: EditionsOf): Revision[] =>
  revisionsCache.get(dataset.rows) ?? revisionsCache.set(dataset.rows, revisionsOf(dataset)).get(dataset.rows)!;

const figureFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
/** A row's computed `revised` (symbol-keyed, so no row field can clash with it; copies of the row keep it). */
const revisionMark = Symbol('computed revision');
/** What a later edition revised in this row, when it was computed (not typed). */
export const computedRevision = (row: object): string | undefined =>
  (row as Record<symbol, string | undefined>)[revisionMark];

/** "MCS 2025 gave 13,000": what earlier editions gave, as a typed `revised` says it ("; " between fields). */
export function revisedText(revisions: readonly Revision[]): string {
  return revisions
    .map((r) => `${r.from.edition ?? r.from.source ?? 'an earlier edition'} gave ${figureFormat.format(r.from.value)}`)
    .join('; ');
}

/**
 * Rows with what a later edition revised computed into their `revised` ("MCS 2025 gave 13,000"), so that tooltips,
 * tables and `:value` say it; a typed `revised` wins (it is the editor's word). `at` gives a row's place in the
 * dataset's rows (by default its place in `rows`, when they are the dataset's).
 */
export function withRevisions(
  rows: readonly Row[],
  dataset: EditionsOf,
  at: (row: Row, i: number) => number | undefined = (_, i) => i,
): Row[] {
  const revisions = revisionsCached(dataset);
  if (!revisions.length) return rows.slice();
  return rows.map((row, i) => {
    const place = at(row, i);
    const own = place === undefined ? [] : revisionsTo(revisions, place);
    if (!own.length || row.revised) return row;
    const text = revisedText(own);
    return Object.assign({ [revisionMark]: text }, row, { revised: text });
  });
}

/** What a chart (or one view) asks of editions: a filter that may pick them, and `editions`. */
interface DrawsEditions {
  filter?: Record<string, unknown>;
  editions?: 'all';
  x?: string;
  y?: string;
  color?: string;
  facet?: string;
  label?: string;
}

/** The fields that say which edition a row is. */
const editionNames = new Set(['edition', 'source']);

/**
 * Whether a chart draws every edition: it says `"editions": "all"`, its filter picks editions (by edition or source),
 * or it draws the edition itself (on x or y, as colours, small multiples or labels: a slope from one edition to the
 * next), as charts of revisions did before editions were chosen.
 */
export function drawsAllEditions(chart: DrawsEditions): boolean {
  const drawn = [chart.x, chart.y, chart.color, chart.facet, chart.label];
  return (
    chart.editions === 'all' ||
    Object.keys(chart.filter ?? {}).some((f) => editionNames.has(f)) ||
    drawn.some((f) => f !== undefined && editionNames.has(f))
  );
}

/**
 * The rows a chart view draws: each figure's latest edition (unless it draws every edition), each with what it
 * revised. Editions that cannot be chosen (a source without `published`) are kept, and are a problem naming the
 * dataset file, the rows and the sources whose dates are missing. `at` gives a row's place in the dataset's rows.
 */
export function editionsToDraw(
  chart: DrawsEditions,
  rows: readonly Row[],
  dataset: EditionsOf & { file: string },
  at: (row: Row, i: number) => number | undefined = (_, i) => i,
): { rows: Row[]; problems: { field: string[]; message: string }[] } {
  const places = new Map(rows.map((row, i) => [row, at(row, i)]));
  const placeOf = (row: Row) => places.get(row);
  if (drawsAllEditions(chart)) return { rows: withRevisions(rows, dataset, placeOf), problems: [] };
  const chosen = chooseEditions(rows, dataset);
  const problems = chosen.undated.slice(0, 1).map((figure) => {
    const more = chosen.undated.length > 1 ? `, and ${chosen.undated.length - 1} more figures have editions too` : '';
    const sources = figure.sources.map((s) => (s ? `"${s}"` : 'rows without a source')).join(', ');
    const places = rowList(figure.rows.map((i) => at(rows[i], i) ?? i));
    return {
      field: ['dataset'],
      message: `${dataset.file} has ${figure.rows.length} editions of one figure, ${describeKey(figure.key)} (${places})${more}; this chart draws one of each: give the sources' "published" dates (${sources}) so that the latest is drawn, or write "editions": "all" in the chart to draw every edition`,
    };
  });
  return { rows: withRevisions(chosen.rows, dataset, placeOf), problems };
}

/** The rows a `:value`'s `where` selects (`keys`: its field=value pairs), each figure's latest edition unless `where`
 * picks editions, with what they revised; `dates` asks for the sources' published dates when they cannot be chosen. */
export function editionsSelected(found: readonly Row[], dataset: EditionsOf, keys: readonly [string, string][]) {
  const picks = drawsAllEditions({ filter: Object.fromEntries(keys) });
  const { rows, undated } = picks ? { rows: found.slice(), undated: [] } : chooseEditions(found, dataset);
  const ids = undated[0]?.sources.map((s) => `"${s}"`).join(', ');
  const dates = ids
    ? `; they are editions of one figure: give the sources' "published" dates (${ids}) so that the latest is printed`
    : '';
  return { rows: withRevisions(rows, dataset, (row) => dataset.rows.indexOf(row)), dates };
}

/** Whether a chart (or one of its views) draws a row of its dataset: it draws every edition, or the row's source gave
 * its figure's latest edition. */
export function drawsEdition(chart: DrawsEditions & { views?: DrawsEditions[] }, dataset: EditionsOf, row: Row) {
  if ([chart, ...(chart.views ?? [])].some((v) => drawsAllEditions({ ...v, editions: chart.editions }))) return true;
  const fields = figureFields(dataset.rows);
  const key = (r: Row) => JSON.stringify(Object.values(figureKey(r, fields)));
  return latestEditions(dataset.rows, dataset).some((r) => r.source === row.source && key(r) === key(row));
}
