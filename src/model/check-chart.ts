// A chart cross-checked against its dataset, view by view: fields exist, filters match rows, notes and reference
// lines sit on an axis, rows can be drawn, small multiples hold every row (a range holding its figure is the
// dataset's own check, check-dataset.ts); then the kind's own rules (KindChecks' `rows`: a map's places, a slope's
// ends, one bar per category, stacks; kinds/*.ts).
import { filterPath } from '../charts/check-one-row.ts';
import { kinds, type Mark } from '../charts/kinds/index.ts';
import type { ChartKind, ViewCheck } from '../charts/kinds/types.ts';
import {
  availableFields,
  rangeSource,
  stackAxes,
  stackEnds,
  type PreparedView,
  type ResolvedChart,
} from '../charts/prepare.ts';
import { indexOf, rowList, withRowIndex } from '../charts/row-index.ts';
import { prepareViews } from '../charts/views.ts';
import { viewFieldPath } from '../charts/views-by.ts';
import type { ChartSpec, Dataset, Row, View } from '../schemas/index.ts';
import { markSchema } from '../schemas/chart.ts';
import { derivedField } from '../schemas/derive.ts';
import { checkDeriveRows } from './check-derive.ts';
import { checkSeriesColours } from './check-series.ts';
import { checkViewsBy } from './check-views-by.ts';
import type { FieldPath, Report } from './problems.ts';
import { didYouMean } from '../util/suggest.ts';

/** Rows carry their place in the dataset through derive, fold and filter, so that problems can name them. */
const prepareIndexed = (chart: ChartSpec, dataset: Dataset) => prepareViews(chart, withRowIndex(dataset.rows), dataset);

/**
 * `prepare` gives the chart's views as drawn, their rows indexed (row-index.ts): the build prepares them once for the
 * check, the `:view` links and the drawing (load.ts).
 */
export function checkChart(
  chart: ChartSpec,
  datasets: Map<string, Dataset>,
  datasetIds: Set<string>,
  withErrors: ReadonlySet<string>,
  report: Report,
  prepare: (chart: ChartSpec, dataset: Dataset) => readonly PreparedView[] = prepareIndexed,
) {
  const dataset = datasets.get(chart.dataset);
  if (!dataset) {
    if (!datasetIds.has(chart.dataset))
      report(chart.file, ['dataset'], `no dataset "${chart.dataset}" in data/${didYouMean(chart.dataset, datasetIds)}`);
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
    const inputs =
      d.op === 'share' || d.op === 'rest'
        ? { value: d.value, key: d.key, by: d.by }
        : d.op === 'ratio'
          ? { numerator: d.numerator, denominator: d.denominator }
          : { a: d.a, b: d.b };
    for (const [name, field] of Object.entries(inputs)) need(['derive', i, name], field, rowFields);
  });
  chart.fold?.fields.forEach((field, i) => need(['fold', 'fields', i], field, rowFields));
  for (const name of ['x', 'y', 'color', 'label', 'facet'] as const) need([name], chart[name]);
  for (const field of Object.keys(chart.filter ?? {})) need(['filter', field], field);
  const viewIds = new Set<string>();
  chart.views?.forEach((view, i) => {
    if (viewIds.has(view.id))
      report(chart.file, ['views', i, 'id'], `view id "${view.id}" is used twice; ids must be unique`);
    viewIds.add(view.id);
    need(['views', i, 'x'], view.x);
    need(['views', i, 'y'], view.y);
    for (const field of Object.keys(view.filter ?? {})) need(['views', i, 'filter', field], field);
  });
  if (problemsFor(chart, fields)) return; // drawing needs the fields to exist
  // A chart whose mark failed its schema is cross-checked without its kind's checks.
  const kind: ChartKind | undefined = kinds[chart.mark as Mark];
  const stacking = markSchema.options.filter((mark) => kinds[mark].checks?.stacks);
  const noStack = `a ${chart.mark} chart does not stack: "stack" works on ${stacking.join(' and ')} charts; remove it, or make the mark ${stacking.map((mark) => `"${mark}"`).join(' or ')}`;
  if (chart.stack && kind && !kind.checks?.stacks) report(chart.file, ['stack'], noStack);
  chart.views?.forEach((view, i) => {
    if (view.stack && kind && !kind.checks?.stacks) report(chart.file, ['views', i, 'stack'], noStack);
  });
  checkDeriveRows(chart, dataset, report);
  if (chart.facet && kind?.checks?.noFacet)
    report(
      chart.file,
      ['facet'],
      `a ${chart.mark} chart cannot be drawn as small multiples: ${kind.checks.noFacet}; remove "facet", or make the mark "line", "area", "bar" or "dot"`,
    );

  const reported = new Set<string>();
  const once = (key: string) => !reported.has(key) && Boolean(reported.add(key));
  const checks = kind?.checks;
  const views: ViewCheck[] = [];
  const preparedViews = prepare(chart, dataset);
  checkViewsBy(chart, dataset, preparedViews, report);
  for (const prepared of preparedViews) {
    const { view, resolved, chart: drawn, rows, unfiltered, problems } = prepared;
    const notesOnAxis: ViewCheck['notesOnAxis'] = [];
    views.push({ ...prepared, notesOnAxis });
    // A filter value no row has (often a misspelt category) silently drops rows: name it.
    const filterAt = filterPath(chart, view);
    for (const [field, wanted] of Object.entries(resolved.filter ?? {})) {
      const present = [...new Set(unfiltered.map((r) => r[field]))];
      for (const value of Array.isArray(wanted) ? wanted : [wanted]) {
        const key = `${[...filterAt, field].join('.')} ${JSON.stringify(value)}`;
        if (present.includes(value) || reported.has(key)) continue;
        reported.add(key);
        const hint =
          typeof value === 'string'
            ? didYouMean(
                value,
                present.filter((v): v is string => typeof v === 'string'),
              )
            : '';
        report(chart.file, [...filterAt, field], `no row has ${field} = ${JSON.stringify(value)}${hint}`);
      }
    }
    if (chart.facet) checkFacet(chart, rows, report, once);
    for (const p of problems) {
      // Derive problems are the same in every view: report them once. A view's own filter is the one that failed.
      const where = view?.filter && p.field[0] === 'filter' ? [...filterAt, ...p.field.slice(1)] : p.field;
      const key = `${where.join('.')} ${p.message}`;
      if (!reported.has(key)) report(chart.file, where, p.message);
      reported.add(key);
    }
    const values = (field: string) => rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined);
    if (rows.length && !values(resolved.y).length)
      report(
        chart.file,
        viewFieldPath(chart, view, 'y'),
        `field "${resolved.y}" has no values in the rows this chart keeps`,
      );
    const inView = view ? ` in view "${view.id}"` : '';
    // Axes the kind draws from zero (line and area values, bar lengths): zero is on them.
    const fromZero = (axis: 'x' | 'y') => checks?.zeroOn.includes(axis) ?? false;
    const missing = withErrors.has(dataset.file)
      ? new Map<Row, string[]>()
      : checkChartedFields(chart, resolved, dataset, rows, view, report, once);
    chart.annotations?.forEach((a, i) => {
      for (const axis of ['x', 'y'] as const) {
        const value = a[axis];
        if (value === undefined || !rows.length) continue;
        // A stack reaches its total, and a 100% stack's axis is the shares, up to 100%.
        const axisValues =
          resolved.stack && axis === stackAxes(resolved, rows, kind).value
            ? [...values(drawn[axis]), ...stackEnds(resolved, drawn, rows, kind)]
            : values(resolved[axis]);
        if (onAxis(value, axisValues, fromZero(axis))) notesOnAxis.push({ index: i, axis });
        else
          report(
            chart.file,
            ['annotations', i, axis],
            `${JSON.stringify(value)} is not on the ${axis} axis (field "${resolved[axis]}")${inView}${typeof value === 'string' ? didYouMean(value, axisValues.map(String)) : ''}`,
          );
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
          report(
            chart.file,
            ['reference', i, axis],
            `${JSON.stringify(value)} is not on the ${axis} axis (field "${resolved[axis]}")${inView}${dates ? ': the line stretches the time axis beyond the data' : typeof value === 'string' ? didYouMean(value, axisValues.map(String)) : ''}`,
            dates ? 'warning' : 'error',
          );
        }
      } else if (numbers && typeof value === 'number') {
        // A reported figure may lie beyond the data, but not so far that the data shrinks to under half the axis:
        // that is mostly a line in another unit (80000 for 80%, 0.8 for 80).
        const nums = fromZero(axis) ? [0, ...(axisValues as number[])] : (axisValues as number[]);
        const [low, high] = [Math.min(...nums), Math.max(...nums)];
        const span = high - low || Math.abs(high) || 1;
        if ((value > high + span || value < low - span) && once(`reference.${i} ${view?.id}`)) {
          report(
            chart.file,
            ['reference', i, axis],
            `${value} is far outside the chart's ${axis} values (field "${resolved[axis]}": ${low} to ${high})${inView}: the data would fill less than half the axis; is the line in the data's unit?`,
            'warning',
          );
        }
      }
    });
    checkNamedCategories(chart, resolved, view, rows, missing, dataset, report, once);
  }
  // The kind's own rules (a map's places, a slope's two ends, one bar per category, stacks), over every view.
  checks?.rows?.({ chart, dataset, views, report, once });
  checkSeriesColours(chart, views, report);
}

/** The fields a chart draws each row by that are missing from a row: absent, as opposed to null ("not available"). */
function lackedFields(chart: ResolvedChart, row: Row): string[] {
  const lacks = (field: string) => {
    const derive = chart.derive?.find((d) => derivedField(d) === field);
    // A derived field is missing where it could not be computed for want of its source (a figure typed in stays).
    if (derive) return (row[field] === undefined || row[field] === null) && row[rangeSource(derive)] === undefined;
    if (chart.fold && (field === chart.fold.key || field === chart.fold.value)) return false;
    return row[field] === undefined;
  };
  return [chart.x, chart.y, chart.color].filter((field): field is string => field !== undefined && lacks(field));
}

/** A row the chart keeps but cannot draw, for want of its x, y or colour field: a warning naming the rows. */
function checkChartedFields(
  chart: ChartSpec,
  resolved: ResolvedChart,
  dataset: Dataset,
  rows: Row[],
  view: View | undefined,
  report: Report,
  once: (key: string) => boolean,
): Map<Row, string[]> {
  const missing = new Map(
    rows.map((row) => [row, lackedFields(resolved, row)] as const).filter(([, fields]) => fields.length),
  );
  const byField = new Map<string, number[]>();
  for (const [row, fields] of missing)
    for (const field of fields) byField.set(field, [...(byField.get(field) ?? []), indexOf(row)]);
  for (const [field, indexes] of byField) {
    const axis = field === resolved.x ? 'x' : field === resolved.y ? 'y' : 'color';
    const where: FieldPath = view && axis !== 'color' && view[axis] ? viewFieldPath(chart, view, axis) : [axis];
    if (!once(`${where.join('.')} lacks ${indexes.join(',')}`)) continue;
    const some = new Set(indexes).size === 1;
    report(
      chart.file,
      where,
      `${rowList(indexes)} of ${dataset.file} ${some ? 'has' : 'have'} no "${field}"${view ? ` (view "${view.id}")` : ''}: the chart keeps ${some ? 'it' : 'them'} but draws nothing for ${some ? 'it' : 'them'}; give the figure, null where the source gives none, or leave the row out with a filter`,
      'warning',
    );
  }
  return missing;
}

/** A category the chart's notes, reference lines or views name, whose rows all lack a charted field: an error. */
function checkNamedCategories(
  chart: ChartSpec,
  resolved: ResolvedChart,
  view: View | undefined,
  rows: Row[],
  missing: Map<Row, string[]>,
  dataset: Dataset,
  report: Report,
  once: (key: string) => boolean,
) {
  if (!missing.size) return;
  const named: { where: FieldPath; field: string; value: unknown }[] = [];
  chart.annotations?.forEach((a, i) =>
    (['x', 'y'] as const).forEach(
      (axis) =>
        a[axis] !== undefined && named.push({ where: ['annotations', i, axis], field: resolved[axis], value: a[axis] }),
    ),
  );
  chart.reference?.forEach((line, i) =>
    (['x', 'y'] as const).forEach(
      (axis) =>
        line[axis] !== undefined &&
        named.push({ where: ['reference', i, axis], field: resolved[axis], value: line[axis] }),
    ),
  );
  // A hand-made view's filter names its values; a view `viewsBy` made draws only values the rows have.
  if (view?.filter && chart.views?.includes(view)) {
    for (const [field, wanted] of Object.entries(view.filter)) {
      for (const value of Array.isArray(wanted) ? wanted : [wanted])
        named.push({ where: [...viewFieldPath(chart, view, 'filter'), field], field, value });
    }
  }
  for (const { where, field, value } of named) {
    const matching = rows.filter((row) => row[field] === value);
    if (!matching.length || !matching.every((row) => missing.has(row))) continue;
    if (!once(`${where.join('.')} draws nothing`)) continue;
    const lacked = [...new Set(matching.flatMap((row) => missing.get(row)!))].map((f) => `"${f}"`).join(' and ');
    report(
      chart.file,
      where,
      `the chart draws nothing for ${field} = ${JSON.stringify(value)}${view ? ` in view "${view.id}"` : ''}: its ${rowList(matching.map(indexOf))} in ${dataset.file} ${matching.length === 1 ? 'has' : 'have'} no ${lacked}`,
    );
  }
}

/** Small multiples: one chart per value of the facet field, which every row the chart keeps must have. */
export function checkFacet(chart: ChartSpec, rows: Row[], report: Report, once: (key: string) => boolean) {
  const lacking = rows.filter((r) => r[chart.facet!] === undefined || r[chart.facet!] === null);
  if (lacking.length && once('facet lacks')) {
    report(
      chart.file,
      ['facet'],
      `${rowList(lacking.map(indexOf).filter((i) => i !== undefined))} ${lacking.length > 1 ? 'have' : 'has'} no "${chart.facet}", so ${lacking.length > 1 ? 'they belong' : 'it belongs'} to no small chart: give ${lacking.length > 1 ? 'them' : 'it'} a value, or leave ${lacking.length > 1 ? 'them' : 'it'} out with a filter`,
    );
  }
}

function problemsFor(chart: ChartSpec, fields: Set<string>): boolean {
  return [chart.x, chart.y, chart.color, chart.label, chart.facet].some((f) => f !== undefined && !fields.has(f));
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
