// Pieces of a chart's text summary, computed from its data (never hand-typed). Each kind writes its own summary
// (kinds/*.ts) from these.
import { computedRevision } from './editions.ts';
import { formatValue, isComputed } from './format.ts';
import type { ResolvedChart } from './prepare.ts';
import { entryOf, seriesOf, type ChartShape, type DrawRow } from './shape.ts';

/** Formatters of x and y values as the summary writes them. */
export function summaryFormats(chart: ResolvedChart, shape: ChartShape) {
  return {
    fx: (v: unknown) => formatValue(v, shape.xFormat, isComputed(chart.x, chart)),
    fy: (v: unknown) => formatValue(v, shape.yFormat, isComputed(chart.y, chart)),
  };
}

/** " 3 of the 12 figures are estimates.", and what a later edition revised ("1 figure is revised from an earlier
 * edition: FX 2025 gave 13,000."), or nothing. */
export function estimateNote(rows: DrawRow[]): string {
  const estimates = rows.filter((r) => r.estimate).length;
  const revised = rows.flatMap((r) => computedRevision(r) ?? []);
  const shown = revised.slice(0, 3).join('; ') + (revised.length > 3 ? `; and ${revised.length - 3} more` : '');
  return (
    (estimates ? ` ${estimates} of the ${rows.length} figures are estimates.` : '') +
    (revised.length
      ? ` ${revised.length} ${revised.length === 1 ? 'figure is' : 'figures are'} revised from an earlier edition: ${shown}.`
      : '')
  );
}

/** "12 stated, 3 partly": how many rows each value of a field has, in first-seen order. */
export function countsBy(rows: DrawRow[], field: string): string[] {
  return [...seriesOf(rows, field)].map(([value, list]) => `${list.length} ${value}`);
}

/** Rows from left to right when x holds numbers or dates, so "first" and "last" mean earliest and latest. */
export function inXOrder<T extends { __x: unknown }>(rows: T[]): T[] {
  const at = (row: T) => (row.__x instanceof Date ? row.__x.getTime() : row.__x);
  if (!rows.every((row) => typeof at(row) === 'number')) return rows;
  return rows.slice().sort((a, b) => (at(a) as number) - (at(b) as number));
}

/** Points and events: the first and last (by date up the chart, else along x), and how many per colour. */
export function pointsSummary(chart: ResolvedChart, shape: ChartShape): string {
  const { rows } = shape;
  const { fx, fy } = summaryFormats(chart, shape);
  const note = estimateNote(rows);
  const groups = chart.color ? ` By ${chart.color}: ${countsBy(rows, chart.color).join(', ')}.` : '';
  if (rows.length && rows.every((r) => r.__y instanceof Date)) {
    // Dates running up the chart: the first and last events by date, each with its category.
    const byDate = rows.slice().sort((a, b) => String(a[chart.y]).localeCompare(String(b[chart.y])));
    const [first, last] = [byDate[0], byDate[byDate.length - 1]];
    const name = (row: DrawRow) => String(row[chart.label ?? chart.x]);
    return `${rows.length} events from ${fy(first[chart.y])} (${name(first)}) to ${fy(last[chart.y])} (${name(last)}).${groups}${note}`;
  }
  const ordered = inXOrder(rows);
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const name = (row: DrawRow) => String(row[chart.label ?? chart.y]);
  // Timelines: the first and last events by name, and how many fall in each colour category.
  return `${rows.length} ${shape.xFormat === 'date' ? 'events' : 'points'} from ${fx(first[chart.x])} (${name(first)}) to ${fx(last[chart.x])} (${name(last)}).${groups}${note}`;
}

/**
 * Stacked areas and bars (`stack`): each colour category at the last x (or bar category) and at the first, in the
 * key's order; a 100% stack gives each share with the figures it comes from, a sum stack the totals first.
 */
export function stackSummary(chart: ResolvedChart, shape: ChartShape): string {
  const horizontal = shape.orientation === 'horizontal';
  const [valueField, placeField] = horizontal ? [chart.x, chart.y] : [chart.y, chart.x];
  const { fx, fy } = summaryFormats(chart, shape);
  const fv = horizontal ? fx : fy;
  const fp = horizontal ? (v: unknown) => String(v) : fx;
  const rows = horizontal ? shape.rows : inXOrder(shape.rows);
  const places = [...new Set(rows.map((r) => r[placeField]))];
  const at = !horizontal && (shape.xFormat === 'year' || shape.xFormat === 'date') ? 'in' : 'for';
  const figureField = chart.stackedField ?? valueField;
  const total = (place: unknown) =>
    rows.filter((r) => r[placeField] === place).reduce((sum, r) => sum + (Number(r[figureField]) || 0), 0);
  const figure = (v: unknown) => formatValue(v, 'number');
  const trend = (from: number, to: number) =>
    Math.abs(to - from) < 1e-9 ? 'the same as' : to > from ? 'up from' : 'down from';
  const order = (name: string) => shape.colors.findIndex((c) => c.value === entryOf({ other: shape.colorOther }, name));
  const series = [...seriesOf(rows, chart.color ?? undefined)].sort(([a], [b]) => order(a) - order(b));
  const [first, last] = [places[0], places[places.length - 1]];
  const parts = series.map(([name, list]) => {
    const [a, b] = [list[0], list[list.length - 1]];
    const who = name ? `${name}: ` : '';
    const share = (row: DrawRow) =>
      chart.stack === 'share'
        ? ` of the total ${at} ${fp(row[placeField])} (${figure(row[figureField])} of ${figure(total(row[placeField]))})`
        : ` ${at} ${fp(row[placeField])}`;
    if (a === b) return `${who}${fv(b[valueField])}${share(b)}.`;
    return `${who}${fv(b[valueField])}${share(b)}, ${trend(Number(a[valueField]), Number(b[valueField]))} ${fv(a[valueField])}${share(a).replace(/ of the total/, '')}.`;
  });
  const totals =
    chart.stack === 'sum'
      ? `Stacked totals: ${fv(total(last))} ${at} ${fp(last)}${places.length > 1 ? `, ${trend(total(first), total(last))} ${fv(total(first))} ${at} ${fp(first)}` : ''}. `
      : '';
  return `${totals}${parts.join(' ')}${estimateNote(rows)}`;
}
