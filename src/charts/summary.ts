// A text summary of a chart, computed from its data: never hand-typed.
import type { Row } from '../schemas/index.ts';
import { formatValue, isComputed } from './format.ts';
import type { ChartShape } from './plot-options.ts';
import type { ResolvedChart } from './prepare.ts';

export function summarize(chart: ResolvedChart, shape: ChartShape): string {
  const { rows } = shape;
  const fx = (v: unknown) => formatValue(v, shape.xFormat, isComputed(chart.x, chart));
  const fy = (v: unknown) => formatValue(v, shape.yFormat, isComputed(chart.y, chart));
  const estimates = rows.filter((r) => r.estimate).length;
  const estimateNote = estimates ? ` ${estimates} of the ${rows.length} figures are estimates.` : '';

  if (chart.mark === 'line' || chart.mark === 'area') {
    const series = chart.color ? groupBy(rows, chart.color) : new Map([['', rows]]);
    const parts = [...series].map(([name, unordered]) => {
      const list = inXOrder(unordered); // first and last in time, whatever the order of the rows
      const first = list[0];
      const last = list[list.length - 1];
      const high = list.reduce((a, b) => ((b.__y as number) > (a.__y as number) ? b : a));
      const low = list.reduce((a, b) => ((b.__y as number) < (a.__y as number) ? b : a));
      const change = (last.__y as number) - (first.__y as number);
      const trend = Math.abs(change) < 1e-9 ? 'unchanged overall' : change > 0 ? 'up overall' : 'down overall';
      const who = name ? `${name}: ` : '';
      return `${who}${fy(first[chart.y])} in ${fx(first[chart.x])} and ${fy(last[chart.y])} in ${fx(last[chart.x])}, ${trend}; highest ${fy(high[chart.y])} (${fx(high[chart.x])}), lowest ${fy(low[chart.y])} (${fx(low[chart.x])}).`;
    });
    return `${parts.join(' ')}${estimateNote}`;
  }
  if (chart.mark === 'bar') {
    const valueField = shape.orientation === 'horizontal' ? chart.x : chart.y;
    const nameField = shape.orientation === 'horizontal' ? chart.y : chart.x;
    const fv = shape.orientation === 'horizontal' ? fx : fy;
    const stacks = [...groupBy(rows, nameField).values()];
    if (stacks.some((stack) => stack.length > 1)) {
      // Stacked bars: the totals the reader sees, largest and smallest.
      const totals = stacks.map((stack) => ({ name: stack[0][nameField], total: stack.reduce((sum, r) => sum + Number(r[valueField]), 0) })).sort((a, b) => b.total - a.total);
      const [most, least] = [totals[0], totals[totals.length - 1]];
      return `${stacks.length} stacked bars of ${rows.length} figures. Largest total: ${most.name}, ${fv(most.total)}; smallest total: ${least.name}, ${fv(least.total)}.${estimateNote}`;
    }
    const sorted = rows.slice().sort((a, b) => Number(b[valueField]) - Number(a[valueField]));
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    return `${rows.length} bars. Largest: ${top[nameField]}, ${fv(top[valueField])}; smallest: ${bottom[nameField]}, ${fv(bottom[valueField])}.${estimateNote}`;
  }
  if (chart.mark === 'cell' && chart.color) {
    const columns = new Set(rows.map((r) => r.__x)).size;
    const lines = new Set(rows.map((r) => r.__y)).size;
    if (shape.colorSteps) {
      // A number as the colour: the range of the figures, not a count per figure.
      const values = rows.map((r) => Number(r[chart.color!]));
      const fv = (v: number) => formatValue(v, 'number');
      return `A grid of ${lines} rows by ${columns} columns (${rows.length} cells): ${chart.color} from ${fv(Math.min(...values))} to ${fv(Math.max(...values))}, darker for more.${estimateNote}`;
    }
    const counts = [...groupBy(rows, chart.color)].map(([value, list]) => `${list.length} ${value}`);
    return `A grid of ${lines} rows by ${columns} columns (${rows.length} cells): ${counts.join(', ')}.`;
  }
  const groups = chart.color ? ` By ${chart.color}: ${[...groupBy(rows, chart.color)].map(([value, list]) => `${list.length} ${value}`).join(', ')}.` : '';
  if (rows.length && rows.every((r) => (r as Row & { __y: unknown }).__y instanceof Date)) {
    // Dates running up the chart: the first and last events by date, each with its category.
    const byDate = rows.slice().sort((a, b) => String(a[chart.y]).localeCompare(String(b[chart.y])));
    const [first, last] = [byDate[0], byDate[byDate.length - 1]];
    const name = (row: Row) => String(row[chart.label ?? chart.x]);
    return `${rows.length} events from ${fy(first[chart.y])} (${name(first)}) to ${fy(last[chart.y])} (${name(last)}).${groups}${estimateNote}`;
  }
  const ordered = inXOrder(rows as (Row & { __x: unknown; __y: unknown })[]);
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const name = (row: Row) => String(row[chart.label ?? chart.y]);
  // Timelines: the first and last events by name, and how many fall in each colour category.
  return `${rows.length} ${shape.xFormat === 'date' ? 'events' : 'points'} from ${fx(first[chart.x])} (${name(first)}) to ${fx(last[chart.x])} (${name(last)}).${groups}${estimateNote}`;
}

/** Rows from left to right when x holds numbers or dates, so "first" and "last" mean earliest and latest. */
function inXOrder<T extends { __x: unknown }>(rows: T[]): T[] {
  const at = (row: T) => (row.__x instanceof Date ? row.__x.getTime() : row.__x);
  if (!rows.every((row) => typeof at(row) === 'number')) return rows;
  return rows.slice().sort((a, b) => (at(a) as number) - (at(b) as number));
}

function groupBy(rows: Row[], field: string): Map<string, (Row & { __x: unknown; __y: unknown })[]> {
  const groups = new Map<string, (Row & { __x: unknown; __y: unknown })[]>();
  for (const row of rows as (Row & { __x: unknown; __y: unknown })[]) {
    const key = String(row[field]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
