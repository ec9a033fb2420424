// One row per key: a chart that draws one mark for each key (a map's country, a slope's line at each of its ends)
// cannot draw two rows of one key, and would silently draw whichever came last. The error is at the filter that
// keeps both, and names the rows, the fields they differ in and a filter that would keep one. The kinds' checks
// (kinds/types.ts: KindChecks) share it.
import { group } from 'd3-array';
import type { ChartSpec, Row, View } from '../schemas/index.ts';
import type { FieldPath } from '../util/positions.ts';
import type { ChartCheck, ViewCheck } from './kinds/types.ts';
import { indexOf, rowList } from './row-index.ts';
import { viewFieldPath } from './views-by.ts';

/** Where a problem with the rows a view keeps is reported: at the view's own filter, else at the chart's (a view
 * `viewsBy` made keeps the chart's filter's rows of its value). */
export const filterPath = (chart: ChartSpec, view: View | undefined): FieldPath =>
  view?.filter ? viewFieldPath(chart, view, 'filter') : ['filter'];

export interface RowKey {
  /** The fields the key is made of (the rows of one key differ in others). */
  fields: string[];
  /** A row's key; undefined for a row this check leaves to others (a place that is no country). */
  of(row: Row): string | undefined;
  /** The key as the message names it: "China", or "Russia" at "MCS 2025". */
  name(row: Row): string;
  /** What the chart draws, as the message starts: "a map draws one figure per country". */
  draws: string;
  /** What the filter should keep: "one row per country". */
  keep: string;
  /** Another way out, after the filter: ', or give the chart a "color" field (one line per category)'. */
  otherwise?: string;
}

export function checkOneRowPerKey(
  { chart, dataset, report, once }: ChartCheck,
  { view, rows }: ViewCheck,
  key: RowKey,
) {
  const repeated = [...group(rows, (row) => key.of(row))].find(([k, list]) => k !== undefined && list.length > 1)?.[1];
  const where = filterPath(chart, view);
  if (!repeated || !once(`${where.join('.')} one row per key ${view?.id}`)) return;
  const [first] = repeated;
  const differ = differingFields(repeated, key.fields).slice(0, 2);
  // A filter keeps rows by a value every one of them has: the first field that tells them apart, as JSON.
  const by = differ.find((f) => repeated.every((r) => r[f] !== undefined));
  const example = by ? `, e.g. "filter": { "${by}": [${JSON.stringify(repeated[repeated.length - 1][by])}] }` : '';
  const rowsNamed = `${rowList(repeated.map(indexOf))} of ${dataset.file}${differ.length ? `, which differ in ${differ.map((f) => `"${f}"`).join(' and ')}` : ''}`;
  report(
    chart.file,
    where,
    `${key.draws}, but the rows it keeps${view ? ` in view "${view.id}"` : ''} give ${key.name(first)} ${repeated.length} (${rowsNamed}): keep ${key.keep} with a filter${example}${key.otherwise ?? ''}`,
  );
}

/**
 * The fields rows that should be one differ in, those that tell them apart best first: every row has it, as text
 * or true/false (an edition, a source); every row has it, as a number (a year, then the figure itself); some rows
 * lack it (a flag only one row has). Fields the rows share by definition (`same`) and lists are left out.
 */
export function differingFields(rows: Row[], same: string[] = []): string[] {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter(
    (f) =>
      !same.includes(f) &&
      rows.some((r) => r[f] !== rows[0][f]) &&
      rows.every((r) => typeof r[f] !== 'object' || r[f] === null),
  );
  const rank = (f: string) =>
    !rows.every((r) => r[f] !== undefined && r[f] !== null)
      ? 2
      : rows.every((r) => typeof r[f] === 'string' || typeof r[f] === 'boolean')
        ? 0
        : 1;
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}
