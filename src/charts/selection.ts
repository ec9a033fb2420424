// What a reader can highlight on a chart: its place field (the country, the series), and for each drawn point the
// place it belongs to, the year it reads and the sentence the summary line gives it when highlighted ("Australia:
// 13,000 t in 2024, 3.3% of the world"). Worked out from the chart's fields and rows, so a kind that draws places
// another way (a map: x holds the place) gets it too; a kind whose places are elsewhere says so (kind.placeField).
// No Plot here: `npm run check` uses it.
import type { Row } from '../schemas/index.ts';
import { formatValue, isComputed, isDateText, type ValueFormat } from './format.ts';
import type { FormatName } from '../schemas/format.ts';
import { kindOf } from './kinds/index.ts';
import type { PreparedView, ResolvedChart } from './prepare.ts';
import type { Dataset } from '../schemas/index.ts';

/** What the build writes in a view's points JSON for the client's place selection (src/client/chart.ts). */
export interface Selection {
  /** The field whose values are the places, e.g. "country". */
  field: string;
  /** Per drawn point, in the points' order: its place. */
  places: string[];
  /** Per drawn point: what the summary line says of it when its place is highlighted. */
  says: string[];
  /** Per drawn point: the year it reads ("2024"), or "" when it has none. */
  years: string[];
  /** What a reader reads for the places written otherwise (a map's "SGP": "Singapore"), when there are any. */
  names?: Record<string, string>;
}

const isText = (value: unknown) => typeof value === 'string' && !isDateText(value);
/** A dataset row that stands for the whole world, the base of a share. */
const worldRow = /^world( total)?$/i;

/**
 * The place field: the one axis that holds text (the bars' categories, a map's places); with none, or two (a grid),
 * the colour field (lines by country); with two and no colour, y (the grid's rows). Undefined when there is
 * nothing to pick between: no such field, or fewer than two places. A kind may name its own (kind.placeField).
 */
export function placeFieldOf(chart: ResolvedChart, rows: readonly Row[]): string | undefined {
  const textual = (field: string) => rows.length > 0 && rows.every((row) => isText(row[field]));
  const axes = [chart.x, chart.y].filter(textual);
  const kind = kindOf(chart.mark);
  const field = kind.placeField
    ? kind.placeField(chart)
    : axes.length === 1
      ? axes[0]
      : (chart.color ?? (axes.length === 2 ? chart.y : undefined));
  if (!field) return undefined;
  return new Set(rows.map((row) => String(row[field]))).size > 1 ? field : undefined;
}

/** The year a row reads: its `year` field, or its x when x is a year. */
export function yearOf(chart: ResolvedChart, row: Row, xFormat?: ValueFormat): string {
  if (typeof row.year === 'number' || typeof row.year === 'string') return String(row.year);
  return xFormat === 'year' && row[chart.x] !== undefined ? String(row[chart.x]) : '';
}

/** The views of a chart, and the places and years its views draw (as prepared: views.ts): what a `:view` link may name. */
export function statesOf(prepared: readonly PreparedView[]): {
  views: string[];
  field?: string;
  places: string[];
  years: string[];
} {
  const drawn = prepared.map(({ resolved: chart, rows }) => ({
    chart,
    rows: rows.filter((r) => r[chart.x] != null && r[chart.y] != null),
  }));
  // From the first view that has places to tell apart (a year `viewsBy` made may hold one place so far).
  const field = drawn.map(({ chart, rows }) => placeFieldOf(chart, rows)).find(Boolean);
  const places = field ? [...new Set(drawn.flatMap(({ rows }) => rows.map((r) => String(r[field]))))] : [];
  const years = [
    ...new Set(drawn.flatMap(({ chart, rows }) => rows.map((r) => yearOf(chart, r, chart.format?.x)))),
  ].filter(Boolean);
  // A view named by its year ("2023") is that year too. The views as prepared: those `viewsBy` made, or the spec's own.
  const views = prepared.flatMap(({ view }) => (view ? [view.id] : []));
  for (const id of views) if (/^\d{4}$/.test(id) && !years.includes(id)) years.push(id);
  return { views, field, places, years };
}

interface Formats {
  xFormat: ValueFormat;
  yFormat: FormatName;
  orientation: 'vertical' | 'horizontal';
}

/** The selection data of one view, for the rows as drawn (in the points' order). */
export function selectionOf(
  chart: ResolvedChart,
  rows: readonly Row[],
  shape: Formats,
  dataset: Dataset,
): Selection | undefined {
  const field = placeFieldOf(chart, rows);
  if (!field) return undefined;
  const horizontal = shape.orientation === 'horizontal';
  const [valueField, format] = horizontal ? [chart.x, shape.xFormat] : [chart.y, shape.yFormat];
  const percent = shape.xFormat === 'percent' || shape.yFormat === 'percent';
  const unit = dataset.unit && !percent ? ` ${dataset.unit}` : '';
  // The world row a point's share is taken of: same year, edition and other axis, when the dataset has one.
  const keys = [...new Set([chart.x, chart.y, 'year', 'edition'])].filter((k) => k !== field && k !== valueField);
  const totals = dataset.rows.filter((r) => worldRow.test(String(r[field] ?? '')) && typeof r[valueField] === 'number');
  const share = (row: Row) => {
    const value = row[valueField];
    if (percent || typeof value !== 'number' || worldRow.test(String(row[field]))) return '';
    const total = totals.find((t) => keys.every((k) => t[k] === row[k]));
    return total && Number(total[valueField]) > 0
      ? `, ${((value / Number(total[valueField])) * 100).toFixed(1)}% of the world`
      : '';
  };
  const years = rows.map((row) => yearOf(chart, row, shape.xFormat));
  const nameOf = (row: Row) => formatValue(row[field], field === chart.x ? shape.xFormat : 'text');
  const names = Object.fromEntries(
    rows.filter((row) => nameOf(row) !== String(row[field])).map((row) => [String(row[field]), nameOf(row)]),
  );
  const says = rows.map((row, i) => {
    const qualifier = typeof row.qualifier === 'string' && row.qualifier ? `${row.qualifier} ` : '';
    const value = `${qualifier}${formatValue(row[valueField], format, isComputed(valueField, chart))}${unit}`;
    // "in 2024" when the point reads a year; else the other axis's text when it is not the place ("Mining, 2023").
    const other = horizontal ? chart.y : chart.x;
    const at = years[i] ? ` in ${years[i]}` : other !== field && isText(row[other]) ? ` (${row[other]})` : '';
    return `${nameOf(row)}: ${value}${at}${share(row)}${row.estimate ? ' (estimate)' : ''}`;
  });
  return {
    field,
    places: rows.map((row) => String(row[field])),
    says,
    years,
    ...(Object.keys(names).length ? { names } : {}),
  };
}
