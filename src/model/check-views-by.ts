// Views made from a field (`"viewsBy"`, src/charts/views-by.ts), checked as prepared: the field exists, it makes more
// than one view, each value makes an id of its own, `views` is not written beside it, and `{field}` in the title or
// subtitle names the field the views are made by.
import { availableFields, type PreparedView } from '../charts/prepare.ts';
import { valueOf } from '../charts/views-by.ts';
import type { ChartSpec, Dataset } from '../schemas/index.ts';
import { didYouMean } from '../util/suggest.ts';
import type { Report } from './problems.ts';

export function checkViewsBy(chart: ChartSpec, dataset: Dataset, prepared: readonly PreparedView[], report: Report) {
  checkPlaceholders(chart, report);
  const field = chart.viewsBy;
  if (!field) return;
  if (chart.views?.length) {
    report(
      chart.file,
      ['viewsBy'],
      `"viewsBy" and "views" together: "viewsBy": "${field}" makes a view for each ${field} in the data, "views" lists views written by hand; keep one: remove "views" to have a view per ${field}, or remove "viewsBy" to keep the views as written`,
    );
    return;
  }
  const fields = availableFields(chart, dataset.rows);
  if (!fields.has(field)) {
    report(
      chart.file,
      ['viewsBy'],
      `no field "${field}" in the rows of ${dataset.file} to make views by${didYouMean(field, fields)}`,
    );
    return;
  }
  if (!prepared.some(({ rows }) => rows.length)) return; // the chart keeps no rows: check-chart.ts says so
  const made = prepared.filter(({ view }) => valueOf(chart, view) !== undefined);
  if (made.length === 0) {
    report(
      chart.file,
      ['viewsBy'],
      `no row this chart draws has a "${field}": give the rows a ${field}, or remove "viewsBy"`,
    );
    return;
  }
  if (made.length === 1) {
    const value = JSON.stringify(valueOf(chart, made[0].view));
    const narrowed = chart.filter?.[field] !== undefined;
    report(
      chart.file,
      ['viewsBy'],
      `"viewsBy": "${field}" makes one view only: the rows this chart draws hold one ${field}, ${value}; ${narrowed ? `its filter keeps ${field} = ${JSON.stringify(chart.filter![field])}: remove "${field}" from "filter" to have a view per ${field}` : `a view appears for each ${field} the data adds, or remove "viewsBy"`}`,
      'warning',
    );
  }
  const ids = new Map<string, string>();
  for (const { view } of made) {
    const value = String(valueOf(chart, view));
    const other = ids.get(view!.id);
    if (other !== undefined)
      report(
        chart.file,
        ['viewsBy'],
        `${field} ${JSON.stringify(other)} and ${JSON.stringify(value)} make one view id, "${view!.id}", in the address: write them alike in the dataset, or make them differ in a letter or digit`,
      );
    ids.set(view!.id, value);
  }
}

/** `{name}` in the title or subtitle is written as each view's value only when "viewsBy" names that field. */
function checkPlaceholders(chart: ChartSpec, report: Report) {
  for (const name of ['title', 'subtitle'] as const) {
    for (const [written, inside] of (chart[name] ?? '').matchAll(/\{([\w-]+)\}/g)) {
      if (inside === chart.viewsBy) continue;
      const fix = chart.viewsBy
        ? `the views are made by "${chart.viewsBy}": write {${chart.viewsBy}}${didYouMean(inside, [chart.viewsBy])}`
        : `add "viewsBy": "${inside}" to make a view per ${inside}, or write the ${name} without it`;
      report(chart.file, [name], `"${written}" in the ${name} stands for nothing: ${fix}`, 'warning');
    }
  }
}
