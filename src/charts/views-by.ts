// Views made from a field (`"viewsBy": "year"`): one view per value the rows the chart draws hold, worked out when
// the views are prepared (views.ts, once per build), so that a year added to the data gets its view, and its stop on
// the time control (timeline.ts), without a change to the chart. `{year}` (the field's name in braces) in the title
// or subtitle stands for each view's value. A chart's hand-made `views` are kept as they are.
import type { ChartSpec, Row, View } from '../schemas/index.ts';
import { viewIdSchema } from '../schemas/view.ts';
import type { FieldPath } from '../util/positions.ts';
import { isDateText } from './format.ts';
import { chartViews, prepareRows, resolveView } from './prepare.ts';

type Value = string | number | boolean;

/** Views of four-digit years are a time to move through (timeline.ts). */
const isYear = (value: Value) => /^\d{4}$/.test(String(value));

/** The values of the chart's `viewsBy` field in the rows it draws (after derive, fold and its filter), in the
 * views' order: years latest first (the chart opens at the latest; the slider runs from the earliest), other
 * numbers and dates ascending, text as it first appears. */
export function viewsByValues(spec: ChartSpec, rows: readonly Row[]): Value[] {
  const field = spec.viewsBy;
  if (!field) return [];
  const chart = resolveView(spec);
  const drawn = prepareRows(chart, rows).rows.filter((r) => r[chart.x] != null && r[chart.y] != null);
  const seen = new Map<string, Value>();
  for (const row of drawn) {
    const value = row[field];
    if (value === null || value === undefined || typeof value === 'object') continue;
    const key = `${typeof value} ${String(value)}`;
    if (!seen.has(key)) seen.set(key, value);
  }
  const values = [...seen.values()];
  if (values.length > 1 && values.every(isYear)) return values.sort((a, b) => Number(b) - Number(a));
  if (values.every((v) => typeof v === 'number')) return values.sort((a, b) => Number(a) - Number(b));
  if (values.every((v) => typeof v === 'string' && isDateText(v))) return values.sort();
  return values;
}

/** `text` with `{field}` written as the value. */
export function fillIn(text: string, field: string, value: Value): string {
  return text.split(`{${field}}`).join(String(value));
}

/** The views a chart draws: its hand-made `views`, else one per value of its `viewsBy` field in `rows`, else one
 * unnamed view. A value that makes no id (no letter or digit) gets no view (check-views-by.ts names it). */
export function viewsOf(spec: ChartSpec, rows: readonly Row[]): (View | undefined)[] {
  const field = spec.viewsBy;
  if (!field || spec.views?.length) return chartViews(spec);
  const views = viewsByValues(spec, rows).flatMap((value): View[] => {
    const id = viewIdSchema.safeParse(String(value));
    if (!id.success) return [];
    return [
      {
        id: id.data,
        label: String(value),
        filter: { ...spec.filter, [field]: value },
        ...(spec.subtitle !== undefined ? { subtitle: fillIn(spec.subtitle, field, value) } : {}),
      },
    ];
  });
  return views.length ? views : [undefined];
}

/** The value a view made by `viewsBy` stands for; undefined for a hand-made view or none. */
export function valueOf(spec: ChartSpec, view: View | undefined): Value | undefined {
  if (!spec.viewsBy || !view || spec.views?.includes(view)) return undefined;
  const value = view.filter?.[spec.viewsBy];
  return value === undefined || Array.isArray(value) ? undefined : value;
}

/** The chart's title as one view shows it: `{field}` written as the view's value. */
export function titleIn(spec: ChartSpec, view: View | undefined): string {
  const value = valueOf(spec, view);
  return value === undefined ? spec.title : fillIn(spec.title, spec.viewsBy!, value);
}

/**
 * Where a problem with a view's field is reported: a hand-made view's own (["views", 2, "filter"]), else the chart's
 * (["filter"]): a view made by `viewsBy` has only the chart's fields, and its filter is the chart's and its value.
 */
export function viewFieldPath(spec: ChartSpec, view: View | undefined, field: string): FieldPath {
  const index = view ? (spec.views?.indexOf(view) ?? -1) : -1;
  return index >= 0 ? ['views', index, field] : [field];
}

/** The chart as its pages name it (their titles, the search, the images): in the words of the view it opens at. */
export function openingWords(spec: ChartSpec, first: View | undefined): ChartSpec {
  const value = valueOf(spec, first);
  if (value === undefined) return spec;
  return {
    ...spec,
    title: titleIn(spec, first),
    ...(spec.subtitle !== undefined ? { subtitle: fillIn(spec.subtitle, spec.viewsBy!, value) } : {}),
  };
}
