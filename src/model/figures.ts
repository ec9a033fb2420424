// Figures read from the datasets' rows for the prose: the one place a `:value` (or a checked claim) selects its row by
// `where`, computes a share, change or ratio and writes it as the charts write that field, for the build, `npm run
// check` and the review. The Markdown pipeline gets `figureLookup(...)` passed in (remark comes below the model).
import { drawsEdition, editionsSelected } from '../charts/editions.ts';
import { formatFor, formatValue } from '../charts/format.ts';
import type { ChartStates } from '../remark/remark-view.ts';
import type { FigureLookup, PrintedFigure } from '../remark/figures.ts';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import type { ValueAttributes } from '../schemas/value.ts';
import { stateEntry } from '../util/chart-state.ts';
import { closest, didYouMean } from '../util/suggest.ts';
import { fieldLabel } from '../charts/labels.ts';

type Keys = [field: string, value: string][];

/** "country=China; year=2024" as pairs, or the reason it cannot be read. */
export function parseWhere(text: string, what: string): Keys | string {
  const keys: Keys = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    if (at < 1) return `${what}: "${part}" is not <field>=<value>; write e.g. "country=China; year=2024"`;
    keys.push([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
  }
  return keys.length ? keys : `${what}: empty; write e.g. "country=China; year=2024"`;
}

const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const matches = (row: Row, keys: Keys) => keys.every(([field, value]) => cell(row[field]) === value);
const quoted = (values: Iterable<unknown>) => [...new Set([...values].map(cell))].map((v) => `"${v}"`).join(', ');
const fieldsOf = (rows: readonly Row[]) => [...new Set(rows.flatMap((row) => Object.keys(row)))];

/** Why no row matches: a value no row has (with the nearest), or the values the other keys leave. */
function noRow(dataset: Dataset, keys: Keys, label: string): string {
  for (const [field, value] of keys) {
    const values = new Set(dataset.rows.map((row) => cell(row[field])));
    if (!values.has(value)) {
      return `${label} selects no row of ${dataset.file}: no row has ${field} "${value}"${didYouMean(value, values)}`;
    }
  }
  // Every value exists, not together: the values the last key takes where the others hold.
  const [field, value] = keys[keys.length - 1];
  const others = keys.slice(0, -1);
  const left = dataset.rows.filter((row) => matches(row, others)).map((row) => row[field]);
  const near = closest(value, left.map(cell));
  const which = others.map(([f, v]) => `${f} "${v}"`).join(' and ');
  return `${label} selects no row of ${dataset.file}: no row has ${keys.map(([f, v]) => `${f} "${v}"`).join(' and ')}; rows with ${which} have ${field} ${quoted(left) || 'nothing'}${near ? ` (did you mean ${field}=${near}?)` : ''}`;
}

/** The rows found and a key that would tell them apart. */
function severalRows(dataset: Dataset, rows: Row[], keys: Keys, label: string): string {
  const differ = fieldsOf(rows).filter(
    (f) =>
      !keys.some(([k]) => k === f) &&
      typeof rows[0][f] !== 'object' &&
      rows.some((r) => cell(r[f]) !== cell(rows[0][f])),
  );
  const shown = rows.slice(0, 5).map(
    (row) =>
      `{ ${differ
        .slice(0, 3)
        .map((f) => `${f}: ${JSON.stringify(row[f] ?? null)}`)
        .join(', ')} }`,
  );
  const hint = differ[0]
    ? `; add a key that picks one, e.g. "${[...keys.map(([f, v]) => `${f}=${v}`), `${differ[0]}=${cell(rows[0][differ[0]])}`].join('; ')}"`
    : '';
  return `${label} selects ${rows.length} rows of ${dataset.file}, not one: ${shown.join(', ')}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}${hint}`;
}

/** The one row the keys select, or why there is none. */
function oneRow(dataset: Dataset, keys: Keys, label: string): Row | string {
  const known = fieldsOf(dataset.rows);
  for (const [field] of keys) {
    if (!known.includes(field)) {
      return `${label}: ${dataset.file} has no field "${field}"${didYouMean(field, known)}; its fields: ${known.join(', ')}`;
    }
  }
  // Editions of one figure: the latest, with what it revised, unless `where` picks the edition (edition, source).
  const found = dataset.rows.filter((row) => matches(row, keys));
  const { rows, dates } = editionsSelected(found, dataset, keys);
  if (rows.length === 1) return rows[0];
  return rows.length ? severalRows(dataset, rows, keys, label) + dates : noRow(dataset, keys, label);
}

/** `where` with some keys replaced (an `of` or `from`). */
const replaced = (keys: Keys, by: Keys): Keys => [...keys.filter(([f]) => !by.some(([b]) => b === f)), ...by];

const formats = new Map<string, Intl.NumberFormat>();
/** Source figures as given (never rounded), or to `digits` decimals. */
function numberFormat(digits: number | undefined): Intl.NumberFormat {
  const key = String(digits);
  if (!formats.has(key)) {
    const fraction =
      digits === undefined
        ? { maximumFractionDigits: 20 }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    formats.set(key, new Intl.NumberFormat('en-US', fraction));
  }
  return formats.get(key)!;
}

const scales = { thousand: 1e3, million: 1e6, billion: 1e9 };
/** Floating-point noise off a scaled or subtracted figure (22 - 3.5 = 18.5, not 18.499999...). */
const clean = (n: number) => Number(n.toPrecision(12));

/** The row named by its keys' values, "China, 2024". */
const rowName = (row: Row, keys: Keys) => keys.map(([field]) => cell(row[field])).join(', ');

/** The source a row names (or the dataset's only one), with its edition: "USGS ..., MCS 2025 (January 2025)". */
function sourceOf(dataset: Dataset, row: Row): string {
  const source =
    (row.source ? dataset.sources.find((s) => s.id === row.source) : undefined) ??
    (dataset.sources.length === 1 ? dataset.sources[0] : undefined);
  const edition = source?.edition ?? row.edition;
  if (!source) return `${dataset.title}${row.edition ? `, ${row.edition}` : ''}`;
  return `${source.name}${edition && !source.name.includes(edition) ? `, ${edition}` : ''}${source.kind === 'secondary' ? ' (read at second hand)' : ''}`;
}

/** A row's marks in words: "estimate", "revised (MCS 2024 gave 43,000)". */
function marksOf(row: Row): string[] {
  return [
    typeof row.qualifier === 'string' && row.qualifier ? `the source says "${row.qualifier}" this figure` : '',
    row.estimate ? 'estimate' : '',
    row.projection ? 'projection' : '',
    row.revised ? `revised (${row.revised})` : '',
    row.secondary ? 'read at second hand' : '',
  ].filter(Boolean);
}

/** What a figure is, its source and edition, and its rows' marks, in a sentence or three. */
function provenance(
  dataset: Dataset,
  what: string,
  rows: readonly Row[],
  names: readonly string[],
  link: boolean,
): string {
  const sources = [...new Set(rows.map((row) => sourceOf(dataset, row)))];
  const marks = rows.flatMap((row, i) => {
    const list = marksOf(row);
    return list.length ? [rows.length > 1 ? `${names[i]}: ${list.join(', ')}` : list.join('; ')] : [];
  });
  return [
    what,
    `${sources.length > 1 ? 'Sources' : 'Source'}: ${sources.join('; ')}`,
    marks.length ? `Marked: ${marks.join('; ')}` : '',
    link ? '' : `Rows: data/${dataset.id}.json`,
  ]
    .filter(Boolean)
    .join('. ');
}

/** A chart's places, years and views, from its views as the loader prepared them (`undefined`: not drawable). */
type StatesOf = (chart: string) => ChartStates | undefined;

/** The in-article chart state that draws the row's field, else the dataset's page. */
function whereItIs(
  charts: ReadonlyMap<string, ChartSpec>,
  statesOf: StatesOf,
  dataset: Dataset,
  field: string,
  row: Row,
  placed: readonly string[],
): Pick<PrintedFigure, 'href' | 'link'> {
  for (const id of placed) {
    const chart = charts.get(id);
    if (!chart || chart.dataset !== dataset.id) continue;
    const drawn = [chart, ...(chart.views ?? [])].some((v) => v.x === field || v.y === field);
    if (!drawn || !drawsEdition(chart, dataset, row)) continue;
    try {
      const states = statesOf(id);
      if (!states) continue;
      const place = states.field ? cell(row[states.field]) : '';
      const year = cell(row.year);
      if (states.field && !states.places.includes(place)) continue;
      const state = { select: place ? [place] : [], ...(year && states.years.includes(year) ? { year } : {}) };
      const entry = stateEntry(id, state);
      return { href: `#${entry || `chart-${id}`}`, link: { chart: id, state, entry } };
    } catch {
      continue;
    }
  }
  return { href: `../../data/${dataset.id}/` };
}

/**
 * Reads figures from these datasets, linking to these charts' states when the article shows them: the lookup the
 * Markdown pipeline calls for each `:value` and each checked claim.
 */
export function figureLookup(
  datasets: ReadonlyMap<string, Dataset>,
  charts: ReadonlyMap<string, ChartSpec>,
  statesOf: StatesOf = () => undefined,
): FigureLookup {
  return (request: ValueAttributes, placed) => {
    const dataset = datasets.get(request.dataset);
    if (!dataset) {
      return { error: `no dataset "${request.dataset}" in data/${didYouMean(request.dataset, datasets.keys())}` };
    }
    const fields = fieldsOf(dataset.rows);
    if (!fields.includes(request.field)) {
      return {
        error: `field: ${dataset.file} has no field "${request.field}"${didYouMean(request.field, fields)}; its fields: ${fields.join(', ')}`,
      };
    }
    const keys = parseWhere(request.where, 'where');
    if (typeof keys === 'string') return { error: keys };
    const row = oneRow(dataset, keys, 'where');
    if (typeof row === 'string') return { error: row };
    const as = request.as ?? 'value';
    const other = as === 'value' ? undefined : ((as === 'share' || as === 'ratio' ? request.of : request.from) ?? '');
    const otherName = as === 'share' || as === 'ratio' ? 'of' : 'from';
    let second: Row | undefined;
    if (other !== undefined) {
      const by = parseWhere(other, otherName);
      if (typeof by === 'string') return { error: by };
      const found = oneRow(dataset, replaced(keys, by), `${otherName} (with where)`);
      if (typeof found === 'string') return { error: found };
      second = found;
    }
    const value = row[request.field];
    // As a chart writes the field when it names no format: a chart's own format may be for what it derives.
    const format = formatFor(request.field, undefined, {}, dataset.rows);
    const digits = request.digits === undefined ? undefined : Number(request.digits);
    const name = rowName(row, keys);
    const label = fieldLabel(request.field);
    const at = whereItIs(charts, statesOf, dataset, request.field, row, placed);
    const about = (what: string, rows: Row[]) =>
      provenance(
        dataset,
        what,
        rows,
        rows.map((r) => rowName(r, keys)),
        Boolean(at.link),
      );

    if (as === 'value' && typeof value !== 'number') {
      if (value === null || value === undefined || value === '')
        return { error: `the row (${name}) has no figure for "${request.field}"` };
      return { text: formatValue(value, format), percent: false, about: about(`${label}, ${name}`, [row]), ...at };
    }
    const found = second?.[request.field];
    if (typeof value !== 'number')
      return {
        error: `the row (${name}) has no number for "${request.field}" (found ${JSON.stringify(value ?? null)}), so no ${as} can be computed`,
      };
    if (second && typeof found !== 'number')
      return {
        error: `the row ${otherName} selects (${rowName(second, keys)}) has no number for "${request.field}" (found ${JSON.stringify(found ?? null)})`,
      };
    const base = typeof found === 'number' ? found : 0;
    const scale = request.scale ? scales[request.scale] : 1;
    const scaled = (n: number) =>
      request.scale ? `${numberFormat(digits).format(clean(n / scale))} ${request.scale}` : undefined;
    const percentField = format === 'percent';
    switch (as) {
      case 'value': {
        const text =
          scaled(value) ??
          (digits === undefined
            ? formatValue(value, format)
            : `${numberFormat(digits).format(value)}${percentField ? '%' : ''}`);
        return { text, number: value, percent: percentField, about: about(`${label}, ${name}`, [row]), ...at };
      }
      case 'share':
      case 'ratio': {
        if (base === 0) return { error: `the row of selects (${rowName(second!, keys)}) is 0: no ${as} of it` };
        const ratio = value / base;
        const number = as === 'share' ? ratio * 100 : ratio;
        const text = `${numberFormat(digits ?? 1).format(number)}${as === 'share' ? '%' : ' times'}`;
        const what = `${label}, ${name}, as ${as === 'share' ? 'a share' : 'a multiple'} of ${rowName(second!, keys)} (computed)`;
        return { text, number, percent: as === 'share', about: about(what, [row, second!]), ...at };
      }
      default: {
        const number = clean(value - base);
        const unit = percentField ? ' percentage points' : '';
        const written = scaled(number) ?? `${numberFormat(digits).format(number)}${unit}`;
        const text = as === 'change' && number > 0 ? `+${written}` : written;
        const what = `${label}, ${name}, minus ${rowName(second!, keys)} (computed)`;
        return { text, number, percent: false, about: about(what, [row, second!]), ...at };
      }
    }
  };
}

/**
 * The body as reading time counts it: each `:value` is the words it prints (`values`, in order), and the attributes
 * that check a claim or a `:view` against the data are not read, so that printing figures from the data changes no
 * story's reading time.
 */
export function withoutFigureSyntax(markdown: string, values: readonly { directive: string; text: string }[]): string {
  let text = markdown;
  for (const value of values) text = text.replace(value.directive, () => value.text);
  return text.replace(/\s(?:states|within|dataset|field|where|as|of|from)="[^"]*"/g, '');
}
