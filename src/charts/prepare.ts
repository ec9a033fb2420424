// From a dataset's rows to the rows one chart view draws: derive, then fold, then filter, then sort; a 100% stack's
// shares (shareOfStack) follow the kind's orientation, and views.ts prepares each view once with its kind.
// Pure functions: no Plot, no pages. Problems are returned as values.
import type { ChartSpec, Derive, Row } from '../schemas/index.ts';
import type { Filter } from '../schemas/filter.ts';
import type { Fold } from '../schemas/fold.ts';
import type { View } from '../schemas/view.ts';
import { derivedField } from '../schemas/derive.ts';
import { stackShareField } from './format.ts';

/** A chart spec with one view's overrides applied: what one drawing needs. */
export type ResolvedChart = Omit<ChartSpec, 'views'> & { view?: View; stackedField?: string };

/** What a stack needs of its kind: the kind's orientation rule (a ShapeHooks one, kinds/*.ts), 'horizontal' for
 * rows it draws on their side. */
export interface Orients {
  orientation?(xNumeric: boolean, yNumeric: boolean): 'vertical' | 'horizontal';
}

export interface PreparedRows {
  rows: Row[];
  /** The rows after derive and fold, before the filter: what the filter's values are checked against. */
  unfiltered: Row[];
  /** Problems found while preparing, with the path of the spec field they concern, e.g. ["derive", 0]. */
  problems: { field: (string | number)[]; message: string }[];
}

/** One view of a chart as prepared with its kind (views.ts). */
export interface PreparedView extends PreparedRows {
  view?: View;
  /** The spec as seen in this view: the view's fields over the chart's. */
  resolved: ResolvedChart;
  /** The chart as drawn: with `"stack": "share"`, its value axis names the computed share (stackShareField) and
   * `stackedField` the figure the share is computed from; else `resolved`. */
  chart: ResolvedChart;
}

/** The spec as seen in one view: the view's fields replace the chart's own. */
export function resolveView(spec: ChartSpec, view?: View): ResolvedChart {
  const { views: _views, ...base } = spec;
  if (!view) return base;
  return {
    ...base,
    view,
    x: view.x ?? base.x,
    y: view.y ?? base.y,
    filter: view.filter ?? base.filter,
    subtitle: view.subtitle ?? base.subtitle,
    xLabel: view.xLabel ?? base.xLabel,
    yLabel: view.yLabel ?? base.yLabel,
    format: { ...base.format, ...view.format },
    stack: view.stack ?? base.stack,
  };
}

/** The views a chart draws: its own list, or one unnamed view. */
export function chartViews(spec: ChartSpec): (View | undefined)[] {
  return spec.views?.length ? spec.views : [undefined];
}

export function prepareRows(chart: ResolvedChart, rows: readonly Row[]): PreparedRows {
  const problems: PreparedRows['problems'] = [];
  let result = rows.map((row) => ({ ...row }));
  (chart.derive ?? []).forEach((derive, i) => {
    const charted = derivedField(derive) === chart.x || derivedField(derive) === chart.y;
    result = applyDerive(derive, result, (message) => problems.push({ field: ['derive', i], message }), charted);
  });
  if (chart.fold) result = applyFold(chart.fold, result);
  const unfiltered = result;
  if (chart.filter) result = applyFilter(chart.filter, result);
  if (result.length === 0)
    problems.push({
      field: ['filter'],
      message: `the chart keeps no rows${chart.view ? ` in view "${chart.view.id}"` : ''}: check the filter values against the dataset`,
    });
  return { rows: sortRows(chart, result), unfiltered, problems };
}

/** Whether the kind draws these rows on their side (its `orientation`, given whether every x and every y is a
 * number): a bar chart with numbers on x and categories on y. */
export function isSideways(chart: ResolvedChart, rows: readonly Row[], kind: Orients | undefined): boolean {
  const everyNumber = (axis: 'x' | 'y') => rows.every((r) => typeof r[chart[axis]] === 'number');
  return kind?.orientation?.(everyNumber('x'), everyNumber('y')) === 'horizontal';
}

/**
 * Where a stack of `chart` stands, and the figure each of its rows adds to it: along x (its category axis) with
 * the figures on y, or, for a kind on its side (numbers on x, categories on y), the other way round. Rows of
 * different small multiples never share a stack.
 */
export function stackAxes(
  chart: ResolvedChart,
  rows: readonly Row[],
  kind: Orients | undefined,
): { value: 'x' | 'y'; stackOf(row: Row): string } {
  const sideways = isSideways(chart, rows, kind);
  const category = sideways ? chart.y : chart.x;
  return {
    value: sideways ? 'x' : 'y',
    stackOf: (row) => JSON.stringify([chart.facet ? row[chart.facet] : null, row[category]]),
  };
}

/** The ends of a chart's stacks on its value axis: each stack's total. */
export function stackEnds(
  resolved: ResolvedChart,
  drawn: ResolvedChart,
  rows: Row[],
  kind: Orients | undefined,
): number[] {
  const { value, stackOf } = stackAxes(resolved, rows, kind);
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(stackOf(row), (totals.get(stackOf(row)) ?? 0) + (Number(row[drawn[value]]) || 0));
  return [...totals.values()];
}

/**
 * `"stack": "share"`: each row's figure as a percentage of its stack's total (the figures of every colour category
 * at its x, or bar category), computed here and drawn on the value axis in place of the figure, which stays in the
 * row for the table and tooltip. Returns the chart as drawn: its value axis names the share (stackShareField) and
 * `stackedField` the figure the share is computed from. A total of zero gives no share (npm run check names it).
 */
export function shareOfStack(
  chart: ResolvedChart,
  rows: Row[],
  kind: Orients | undefined,
): { rows: Row[]; chart: ResolvedChart } {
  const { value, stackOf } = stackAxes(chart, rows, kind);
  const field = chart[value];
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(stackOf(row), (totals.get(stackOf(row)) ?? 0) + (finiteNumber(row[field]) ?? 0));
  const shared = rows.map((row) => {
    const figure = finiteNumber(row[field]);
    const total = totals.get(stackOf(row))!;
    return { ...row, [stackShareField]: figure === undefined || total === 0 ? null : (figure / total) * 100 };
  });
  return { rows: shared, chart: { ...chart, [value]: stackShareField, stackedField: field } };
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Flags that travel from the figures a derived figure comes from. */
function inheritFlags(target: Row, ...sources: Row[]) {
  if (sources.some((s) => s.estimate === true)) target.estimate = true;
  if (sources.some((s) => s.secondary === true)) target.secondary = true;
  const editions = [...new Set(sources.map((s) => s.edition).filter(Boolean))];
  if (editions.length > 1) target.edition = editions.join(' and ');
}

/**
 * A row's low and high bound its charted figure, in that figure's unit. When a chart draws a derived field, the range
 * is derived with it from the figure it comes from (share and ratio scale it, difference shifts it), so a range in
 * tonnes is never drawn on a percent axis.
 */
function deriveRange(out: Row, row: Row, convert: (bound: number) => number) {
  for (const bound of ['low', 'high'] as const) {
    const value = finiteNumber(row[bound]);
    if (value === undefined) delete out[bound];
    else out[bound] = convert(value);
  }
}

function applyDerive(derive: Derive, rows: Row[], report: (message: string) => void, charted: boolean): Row[] {
  if (derive.op === 'rest') return applyRest(derive, rows, report);
  // A derived figure typed into a row beside the figures it comes from: two truths that can disagree.
  const inputs =
    derive.op === 'share'
      ? [derive.value]
      : derive.op === 'ratio'
        ? [derive.numerator, derive.denominator]
        : [derive.a, derive.b];
  const typed = rows.flatMap((row, i) =>
    row[derive.as] !== undefined && inputs.some((f) => row[f] !== undefined && row[f] !== null) ? [i] : [],
  );
  if (typed.length) {
    const more = typed.length > 1 ? ` and ${typed.length - 1} more row${typed.length > 2 ? 's' : ''}` : '';
    report(
      `"${derive.as}" is typed in the dataset's rows[${typed[0]}]${more} beside ${inputs.map((f) => `"${f}"`).join(' and ')}, which it is computed from: remove "${derive.as}" from the dataset (derived figures are never typed in)`,
    );
  }
  if (derive.op === 'share') {
    const totals = new Map<unknown, Row>();
    // Two total rows for one `by` value (two editions) are an error of their own (src/model/check-derive.ts); a share
    // out of range because of them says so.
    const totalRows = new Map<unknown, number>();
    for (const row of rows) {
      if (row[derive.key] !== derive.total) continue;
      totals.set(row[derive.by], row);
      totalRows.set(row[derive.by], (totalRows.get(row[derive.by]) ?? 0) + 1);
    }
    if (totals.size === 0) report(`no row has ${derive.key} = "${derive.total}" to divide by`);
    let outside = false;
    return rows.map((row, i) => {
      const total = totals.get(row[derive.by]);
      const value = finiteNumber(row[derive.value]);
      const whole = total ? finiteNumber(total[derive.value]) : undefined;
      if (value === undefined || !whole || !total) return { ...row, [derive.as]: null };
      const share = (value / whole) * 100;
      // A part larger than its whole, or below zero: the two rows are not in one unit, or one figure is mistyped.
      if ((share < 0 || share > 100) && !outside) {
        outside = true;
        const count = totalRows.get(row[derive.by]) ?? 0;
        const why =
          count > 1
            ? `there are ${count} "${derive.total}" rows for ${derive.by} = ${JSON.stringify(row[derive.by])}, and each row is divided by the last of them`
            : `check its ${derive.value} against the "${derive.total}" row's`;
        report(
          `"${derive.as}" is ${Math.round(share).toLocaleString('en-GB')}% for rows[${i}] (${derive.key} = ${JSON.stringify(row[derive.key])}, ${derive.by} = ${JSON.stringify(row[derive.by])}); a share is 0 to 100%: ${why}`,
        );
      }
      const out: Row = { ...row, [derive.as]: share };
      if (charted) deriveRange(out, row, (bound) => (bound / whole) * 100);
      inheritFlags(out, row, total);
      return out;
    });
  }
  if (derive.op === 'ratio') {
    return rows.map((row) => {
      const part = finiteNumber(row[derive.numerator]);
      const whole = finiteNumber(row[derive.denominator]);
      if (part === undefined || !whole) return row;
      const out: Row = { ...row, [derive.as]: (part / whole) * 100 };
      if (charted) deriveRange(out, row, (bound) => (bound / whole) * 100);
      return out;
    });
  }
  return rows.map((row) => {
    const a = finiteNumber(row[derive.a]);
    const b = finiteNumber(row[derive.b]);
    if (a === undefined || b === undefined) return { ...row, [derive.as]: null };
    const out: Row = { ...row, [derive.as]: a - b };
    if (charted) deriveRange(out, row, (bound) => bound - b);
    return out;
  });
}

/** rest: a row per `by` group for what the `total` row holds beyond the `parts` rows, after the group's last row. */
function applyRest(derive: Extract<Derive, { op: 'rest' }>, rows: Row[], report: (message: string) => void): Row[] {
  const typed = rows.findIndex((row) => row[derive.key] === derive.name);
  if (typed >= 0)
    report(
      `rows[${typed}] already has ${derive.key} = "${derive.name}", which this derive computes: remove the row from the dataset (derived figures are never typed in), or give the derive another name`,
    );
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) groups.set(row[derive.by], [...(groups.get(row[derive.by]) ?? []), row]);
  if (![...groups.values()].some((group) => group.some((r) => r[derive.key] === derive.total)))
    report(`no row has ${derive.key} = "${derive.total}" to take the parts from`);
  const result: Row[] = [];
  let reported = false;
  for (const [by, group] of groups) {
    result.push(...group);
    const total = group.find((r) => r[derive.key] === derive.total);
    const parts = group.filter((r) => derive.parts.includes(String(r[derive.key])));
    const whole = total ? finiteNumber(total[derive.value]) : undefined;
    // A year without its total, or without one of its parts, has no rest: a rest of the total alone would be wrong.
    if (
      !total ||
      whole === undefined ||
      parts.length !== derive.parts.length ||
      parts.some((p) => finiteNumber(p[derive.value]) === undefined)
    )
      continue;
    const rest = whole - parts.reduce((sum, p) => sum + (finiteNumber(p[derive.value]) ?? 0), 0);
    if (rest < 0 && !reported) {
      reported = true;
      report(
        `the parts (${derive.parts.join(', ')}) add up to more than the "${derive.total}" row's ${derive.value} for ${derive.by} = ${JSON.stringify(by)}: check that they are in one unit`,
      );
    }
    const out: Row = { [derive.by]: by as Row[string], [derive.key]: derive.name, [derive.value]: rest };
    inheritFlags(out, total, ...parts);
    if (out.edition === undefined && total.edition !== undefined) out.edition = total.edition;
    if (total.source !== undefined) out.source = total.source;
    result.push(out);
  }
  return result;
}

function applyFold(fold: Fold, rows: Row[]): Row[] {
  return rows.flatMap((row) => {
    const rest: Row = { ...row };
    for (const field of fold.fields) delete rest[field];
    return fold.fields.map((field) => ({
      ...rest,
      [fold.key]: fold.labels?.[field] ?? field,
      [fold.value]: row[field],
    }));
  });
}

export function applyFilter(filter: Filter, rows: Row[]): Row[] {
  return rows.filter((row) =>
    Object.entries(filter).every(([field, wanted]) =>
      Array.isArray(wanted) ? wanted.includes(row[field] as never) : row[field] === wanted,
    ),
  );
}

/** Rows ordered by the value when the spec asks; the category axis follows this order. */
function sortRows(chart: ResolvedChart, rows: Row[]): Row[] {
  if (!chart.sort) return rows;
  const valueField = typeof rows[0]?.[chart.x] === 'number' ? chart.x : chart.y;
  const sign = chart.sort === 'ascending' ? 1 : -1;
  return rows
    .slice()
    .sort((a, b) => sign * ((finiteNumber(a[valueField]) ?? -Infinity) - (finiteNumber(b[valueField]) ?? -Infinity)));
}

/** The field a derived field is computed from, whose range (low, high) it carries: share's value, ratio's
 * numerator, difference's a. */
export function rangeSource(derive: Derive): string {
  return derive.op === 'share' || derive.op === 'rest'
    ? derive.value
    : derive.op === 'ratio'
      ? derive.numerator
      : derive.a;
}

/** Every field a chart may name: the rows' own, plus those derive and fold create. */
export function availableFields(chart: ChartSpec, rows: readonly Row[]): Set<string> {
  const fields = new Set(rows.flatMap((row) => Object.keys(row)));
  for (const derive of chart.derive ?? []) if (derivedField(derive)) fields.add(derivedField(derive)!);
  if (chart.fold) fields.add(chart.fold.key).add(chart.fold.value);
  if (chart.stack === 'share' || chart.views?.some((view) => view.stack === 'share')) fields.add(stackShareField);
  return fields;
}
