// The checks of the chart forms that hold their rows to more than every chart: slopes (a fixed number of x values),
// stacks (parts of a whole) and small multiples (every row in a facet). check-chart.ts calls them per view.
import { stackAxes, type Orients, type ResolvedChart } from '../charts/prepare.ts';
import { stackShareField } from '../charts/format.ts';
import type { ChartSpec, Dataset, Row, View } from '../schemas/index.ts';
import type { FieldPath, Report } from './problems.ts';
import { checkOneRowPerKey } from './check-one-row.ts';
import { indexOf, rowList } from '../charts/row-index.ts';

/** A kind that draws between a fixed number of x values (slopes: two) gets exactly that many, and one row per line at each. */
export function checkXValues(chart: ChartSpec, resolved: ResolvedChart, view: View | undefined, rows: Row[], dataset: Dataset, count: number, report: Report, once: (key: string) => boolean) {
  const inView = view ? ` in view "${view.id}"` : '';
  const found = [...new Set(rows.map((r) => r[resolved.x]).filter((v) => v !== null && v !== undefined).map((v) => JSON.stringify(v)))];
  const xPath: FieldPath = view?.x ? ['views', chart.views!.indexOf(view), 'x'] : ['x'];
  if (found.length !== count) {
    if (!once(`${xPath.join('.')} values${inView}`)) return;
    const example = found.length > count ? `: keep ${count} with a filter, e.g. "filter": { "${resolved.x}": [${found.slice(0, count).join(', ')}] }` : `: add rows for another ${resolved.x}, or draw the figures as a bar or dot chart`;
    report(chart.file, xPath, `a ${chart.mark} chart draws lines between exactly ${count} values of "${resolved.x}", but the rows it keeps${inView} hold ${found.length}: ${found.join(', ')}${example}`);
    return;
  }
  // One point per line at each end: the line's category (color, else label) and x.
  const series = resolved.color ?? resolved.label;
  const x = resolved.x;
  checkOneRowPerKey(chart, view, rows, dataset, {
    fields: series ? [series, x] : [x],
    of: (row) => JSON.stringify([series ? row[series] : null, row[x]]),
    name: (row) => (series ? `${JSON.stringify(row[series])} at ${JSON.stringify(row[x])}` : JSON.stringify(row[x])),
    draws: `a ${chart.mark} chart draws one point per ${series ? `${series} at each ` : ''}${x}`,
    keep: `one row per ${series ? `${series} and ` : ''}${x}`,
    ...(series ? {} : { otherwise: ', or give the chart a "color" field (one line per category)' }),
  }, report, once);
}

/** The ends of a chart's stacks on its value axis: each stack's total. */
export function stackEnds(resolved: ResolvedChart, drawn: ResolvedChart, rows: Row[], kind: Orients | undefined): number[] {
  const { value, stackOf } = stackAxes(resolved, rows, kind);
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(stackOf(row), (totals.get(stackOf(row)) ?? 0) + (Number(row[drawn[value]]) || 0));
  return [...totals.values()];
}

/**
 * A stack adds parts of a whole: a negative part, a 100% stack whose parts add up to zero, or a range on one part
 * (the parts above it would have to move with it) cannot be drawn as one; each is an error naming its rows.
 */
export function checkStack(chart: ChartSpec, resolved: ResolvedChart, drawn: ResolvedChart, rows: Row[], dataset: Dataset, kind: Orients | undefined, report: Report, once: (key: string) => boolean) {
  const { value } = stackAxes(resolved, rows, kind);
  // A view's own stack is named at the view.
  const at: FieldPath = resolved.view?.stack ? ['views', chart.views!.indexOf(resolved.view), 'stack'] : ['stack'];
  const field = drawn.stackedField ?? drawn[value];
  const category = drawn[value === 'x' ? 'y' : 'x'];
  const where = (row: Row) => [chart.facet, chart.color, category].filter((f): f is string => Boolean(f)).map((f) => `${f} = ${JSON.stringify(row[f])}`).join(', ');
  const named = (row: Row) => (indexOf(row) === undefined ? `the derived row (${where(row)})` : `rows[${indexOf(row)}] of ${dataset.file} (${where(row)})`);
  const negative = rows.filter((r) => typeof r[field] === 'number' && (r[field] as number) < 0);
  if (negative.length && once('stack negative')) {
    const more = negative.length > 1 ? ` and ${negative.length - 1} more` : '';
    report(chart.file, at, `${named(negative[0])}${more} ${negative.length > 1 ? 'have' : 'has'} a negative ${field}, ${negative[0][field]}: a stack adds up parts of a whole, which are never below zero; remove "stack" (and draw the figures as lines or separate bars), or filter those rows out`);
  }
  if (drawn.stack === 'share') {
    const zero = rows.find((r) => typeof r[field] === 'number' && r[stackShareField] === null);
    if (zero && once('stack zero')) report(chart.file, at, `the stack at ${category} = ${JSON.stringify(zero[category])}${chart.facet ? ` (${chart.facet} = ${JSON.stringify(zero[chart.facet])})` : ''} adds up to 0, so it has no shares ("stack": "share" divides each ${field} by the stack's total): filter that ${category} out, or use "stack": "sum"`);
  }
  const ranged = rows.find((r) => typeof r.low === 'number' || typeof r.high === 'number');
  if (ranged && once('stack range')) report(chart.file, at, `${named(ranged)} has a range (low, high), which a stacked chart cannot draw: one part's range would move every part above it; remove "stack", or give the range in a note instead`);
}

/** Small multiples: one chart per value of the facet field, which every row the chart keeps must have. */
export function checkFacet(chart: ChartSpec, rows: Row[], report: Report, once: (key: string) => boolean) {
  const lacking = rows.filter((r) => r[chart.facet!] === undefined || r[chart.facet!] === null);
  if (lacking.length && once('facet lacks')) {
    report(chart.file, ['facet'], `${rowList(lacking.map(indexOf).filter((i) => i !== undefined))} ${lacking.length > 1 ? 'have' : 'has'} no "${chart.facet}", so ${lacking.length > 1 ? 'they belong' : 'it belongs'} to no small chart: give ${lacking.length > 1 ? 'them' : 'it'} a value, or leave ${lacking.length > 1 ? 'them' : 'it'} out with a filter`);
  }
}
