// A chart cross-checked against its dataset, view by view: fields exist, filters match rows, notes and reference
// lines sit on an axis, rows can be drawn, ranges hold their figures, and the kind's own checks (kinds/*.ts).
import { kinds, type Mark } from '../charts/kinds/index.ts';
import { chartViews, availableFields, isSideways, rangeSource, stackAxes, type ResolvedChart } from '../charts/prepare.ts';
import { prepareViews, type PreparedView } from '../charts/views.ts';
import { nearestPlaces, resolvePlace } from '../charts/places.ts';
import type { ChartSpec, Dataset, Row, View } from '../schemas/index.ts';
import { derivedField } from '../schemas/derive.ts';
import type { FieldPath, Report } from './problems.ts';
import { didYouMean } from '../util/suggest.ts';
import { checkFacet, checkStack, checkXValues, stackEnds } from './check-chart-forms.ts';
import { checkOneRowPerKey } from './check-one-row.ts';
import { indexOf, rowList, withRowIndex } from '../charts/row-index.ts';

/** Rows carry their place in the dataset through derive, fold and filter, so that problems can name them. */
const prepareIndexed = (chart: ChartSpec, dataset: Dataset) => prepareViews(chart, withRowIndex(dataset.rows));

/**
 * `prepare` gives the chart's views as drawn, their rows indexed (row-index.ts): the build prepares them once for the
 * check, the `:view` links and the drawing (load.ts).
 */
export function checkChart(chart: ChartSpec, datasets: Map<string, Dataset>, datasetIds: Set<string>, withErrors: ReadonlySet<string>, report: Report, prepare: (chart: ChartSpec, dataset: Dataset) => readonly PreparedView[] = prepareIndexed) {
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
    const inputs = d.op === 'share' || d.op === 'rest' ? { value: d.value, key: d.key, by: d.by } : d.op === 'ratio' ? { numerator: d.numerator, denominator: d.denominator } : { a: d.a, b: d.b };
    for (const [name, field] of Object.entries(inputs)) need(['derive', i, name], field, rowFields);
  });
  chart.fold?.fields.forEach((field, i) => need(['fold', 'fields', i], field, rowFields));
  for (const name of ['x', 'y', 'color', 'label', 'facet'] as const) need([name], chart[name]);
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
  const kind = kinds[chart.mark as Mark];
  if (chart.stack && kind && !kind.checks?.stacks) report(chart.file, ['stack'], `a ${chart.mark} chart does not stack: "stack" works on area and bar charts; remove it, or make the mark "area" or "bar"`);
  chart.views?.forEach((view, i) => {
    if (view.stack && kind && !kind.checks?.stacks) report(chart.file, ['views', i, 'stack'], `a ${chart.mark} chart does not stack: "stack" works on area and bar charts; remove it, or make the mark "area" or "bar"`);
  });
  if (chart.facet && kind?.checks?.noFacet) report(chart.file, ['facet'], `a ${chart.mark} chart cannot be drawn as small multiples: ${kind.checks.noFacet}; remove "facet", or make the mark "line", "area", "bar" or "dot"`);

  const reported = new Set<string>();
  const once = (key: string) => !reported.has(key) && Boolean(reported.add(key));
  // A chart whose mark failed its schema is cross-checked without its kind's checks.
  const checks = kinds[chart.mark as Mark]?.checks;
  // Bar-chart notes placed by a length alone that no bar has, by note, with the lengths seen in the views.
  const offBars = new Map<number, { views: number; low: number; high: number; field: string; category: string; axis: 'x' | 'y'; other: 'x' | 'y' }>();
  for (const { view, resolved, chart: drawn, rows, unfiltered, problems } of prepare(chart, dataset)) {
    // A filter value no row has (often a misspelt category) silently drops rows: name it.
    const filterPath: FieldPath = view?.filter ? ['views', chart.views!.indexOf(view), 'filter'] : ['filter'];
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
    if (resolved.stack && checks?.stacks) checkStack(chart, resolved, drawn, rows, dataset, kind, report, once);
    if (chart.facet) checkFacet(chart, rows, report, once);
    for (const p of problems) {
      // Derive problems are the same in every view: report them once. A view's own filter is the one that failed.
      const where = view?.filter && p.field[0] === 'filter' ? ['views', chart.views!.indexOf(view), ...p.field] : p.field;
      const key = `${where.join('.')} ${p.message}`;
      if (!reported.has(key)) report(chart.file, where, p.message);
      reported.add(key);
    }
    const values = (field: string) => rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined);
    // The length axis of bars (and of any kind with one), given the rows: the other axis has one row per category.
    const valueAxis = checks?.lengthAxis?.(rows.every((r) => typeof r[resolved.x] === 'number'));
    // A stack, or small multiples, draw several bars of one category on purpose.
    if (valueAxis && !resolved.stack && !chart.facet) {
      // One mark per category: bars of several rows would stack, which reads as parts of a whole.
      const category = resolved[valueAxis === 'x' ? 'y' : 'x'];
      const counts = new Map<unknown, number>();
      for (const row of rows) counts.set(row[category], (counts.get(row[category]) ?? 0) + 1);
      const repeated = [...counts].find(([, n]) => n > 1);
      if (repeated) {
        const where: FieldPath = view?.filter ? ['views', chart.views!.indexOf(view), 'filter'] : ['filter'];
        const key = `${where.join('.')} one bar`;
        if (!reported.has(key)) {
          reported.add(key);
          report(chart.file, where, `a ${chart.mark} chart draws one ${chart.mark} per ${category}, but ${repeated[1]} rows have ${category} = ${JSON.stringify(repeated[0])}${chart.color ? ` (one per ${chart.color}?)` : ''}: filter to one row each, or give each its own view`);
        }
      }
    }
    if (rows.length && !values(resolved.y).length) report(chart.file, view ? ['views', chart.views!.indexOf(view), 'y'] : ['y'], `field "${resolved.y}" has no values in the rows this chart keeps`);
    const inView = view ? ` in view "${view.id}"` : '';
    // Axes the kind draws from zero (line and area values, bar lengths): zero is on them.
    const fromZero = (axis: 'x' | 'y') => checks?.zeroOn.includes(axis) ?? false;
    if (checks?.xValues && rows.length) checkXValues(chart, resolved, view, rows, dataset, checks.xValues, report, once);
    const missing = withErrors.has(dataset.file) ? new Map<Row, string[]>() : checkChartedFields(chart, resolved, dataset, rows, view, report, once);
    chart.annotations?.forEach((a, i) => {
      for (const axis of ['x', 'y'] as const) {
        const value = a[axis];
        if (value === undefined || !rows.length) continue;
        // A stack reaches its total, and a 100% stack's axis is the shares, up to 100%.
        const axisValues = resolved.stack && axis === stackAxes(resolved, rows, kind).value ? [...values(drawn[axis]), ...stackEnds(resolved, drawn, rows, kind)] : values(resolved[axis]);
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
    if (checks?.placesOn) checkPlaces(chart, resolved[checks.placesOn], view, rows, dataset, report, once);
    checkNamedCategories(chart, resolved, view, rows, missing, dataset, report, once);
    // Ranges run along the value axis as the chart is drawn: x only for a kind on its side (bars with categories on y).
    // A stacked chart draws no range at all (checkStack says so).
    if (!resolved.stack) checkRanges(chart, resolved, isSideways(resolved, rows, kind) ? 'x' : 'y', rows, dataset, report, once);
  }
  for (const [i, { views, low, high, field, category, axis, other }] of offBars) {
    if (views < chartViews(chart).length) continue; // a bar that long is in some view
    const value = chart.annotations![i][axis];
    report(chart.file, ['annotations', i, axis], `${value} is the length of no ${chart.mark} (field "${field}": ${low} to ${high}): a note on a ${chart.mark} chart marks a ${chart.mark}; name the ${chart.mark} by its ${category} as ${other}`, 'warning');
  }
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

/**
 * A map's places: each row names a country (or is an aggregate such as "World total", left off the map), and at
 * least one row is a country, or there is nothing to draw.
 */
function checkPlaces(chart: ChartSpec, field: string, view: View | undefined, rows: Row[], dataset: Dataset, report: Report, once: (key: string) => boolean) {
  let countries = 0;
  for (const row of rows) {
    const value = row[field];
    if (value === undefined || value === null) continue;
    const place = resolvePlace(value);
    if (place.kind === 'country') countries++;
    if (place.kind !== 'unknown' || !once(`place ${indexOf(row)}`)) continue;
    const near = typeof value === 'string' ? nearestPlaces(value) : [];
    const hint = near.length ? ` (did you mean ${near.map((n) => JSON.stringify(n)).join(near.length > 2 ? ', ' : ' or ').replace(/, ([^,]*)$/, ' or $1')}?)` : '';
    report(dataset.file, ['rows', indexOf(row), field], `${JSON.stringify(value)} is no country the map ${chart.file} can draw: write a country's English name or ISO 3166 alpha-3 code${hint}`);
  }
  // A map colours each country by one figure: a second row for it (another year, another edition) has no place.
  const country = (row: Row) => {
    const place = resolvePlace(row[field]);
    return place.kind === 'country' ? place.alpha3 : undefined;
  };
  checkOneRowPerKey(chart, view, rows, dataset, { fields: [field], of: country, name: (row) => JSON.stringify(row[field]), draws: 'a map draws one figure per country', keep: 'one row per country' }, report, once);
  if (rows.length && !countries && once(`places ${view?.id}`)) {
    const where: FieldPath = view?.filter ? ['views', chart.views!.indexOf(view), 'filter'] : ['x'];
    const names = [...new Set(rows.map((r) => String(r[field])))].map((n) => JSON.stringify(n)).join(', ');
    report(chart.file, where, `the map has nothing to draw${view ? ` in view "${view.id}"` : ''}: every row it keeps (${names}) stands for many places, not a country; keep the rows of the countries`);
  }
}

/** low and high bound the row's charted figure in its unit: a range that does not hold the figure is an error. */
function checkRanges(chart: ChartSpec, resolved: ResolvedChart, valueAxis: 'x' | 'y', rows: Row[], dataset: Dataset, report: Report, once: (key: string) => boolean) {
  const charted = resolved[valueAxis];
  const derive = chart.derive?.find((d) => derivedField(d) === charted);
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
