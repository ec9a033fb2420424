// The stacks of the kinds that draw `"stack"` (areas, bars; KindChecks.stacks): parts of a whole, one stack per
// category (or x), which each kind's own `rows` check holds its views to.
import { stackShareField } from './format.ts';
import type { ChartCheck } from './kinds/types.ts';
import { stackAxes, type Orients } from './prepare.ts';
import { indexOf } from './row-index.ts';
import { viewFieldPath } from './views-by.ts';
import type { FieldPath } from '../util/positions.ts';
import type { Row } from '../schemas/index.ts';

/**
 * A stack adds parts of a whole: a negative part, or a 100% stack whose parts add up to zero, cannot be drawn as one;
 * each is an error naming its rows. (A part's range is not drawn but listed: shape.ts `rangesDrawn`.)
 */
export function checkStacks({ chart, dataset, views, report, once }: ChartCheck, kind: Orients) {
  for (const { resolved, chart: drawn, rows } of views) {
    if (!resolved.stack) continue;
    const { value } = stackAxes(resolved, rows, kind);
    // A view's own stack is named at the view.
    const at: FieldPath = resolved.view?.stack ? viewFieldPath(chart, resolved.view, 'stack') : ['stack'];
    const field = drawn.stackedField ?? drawn[value];
    const category = drawn[value === 'x' ? 'y' : 'x'];
    const where = (row: Row) =>
      [chart.facet, chart.color, category]
        .filter((f): f is string => Boolean(f))
        .map((f) => `${f} = ${JSON.stringify(row[f])}`)
        .join(', ');
    const named = (row: Row) =>
      indexOf(row) === undefined
        ? `the derived row (${where(row)})`
        : `rows[${indexOf(row)}] of ${dataset.file} (${where(row)})`;
    const negative = rows.filter((r) => typeof r[field] === 'number' && (r[field] as number) < 0);
    if (negative.length && once('stack negative')) {
      const more = negative.length > 1 ? ` and ${negative.length - 1} more` : '';
      report(
        chart.file,
        at,
        `${named(negative[0])}${more} ${negative.length > 1 ? 'have' : 'has'} a negative ${field}, ${negative[0][field]}: a stack adds up parts of a whole, which are never below zero; remove "stack" (and draw the figures as lines or separate bars), or filter those rows out`,
      );
    }
    if (drawn.stack === 'share') {
      const zero = rows.find((r) => typeof r[field] === 'number' && r[stackShareField] === null);
      if (zero && once('stack zero'))
        report(
          chart.file,
          at,
          `the stack at ${category} = ${JSON.stringify(zero[category])}${chart.facet ? ` (${chart.facet} = ${JSON.stringify(zero[chart.facet])})` : ''} adds up to 0, so it has no shares ("stack": "share" divides each ${field} by the stack's total): filter that ${category} out, or use "stack": "sum"`,
        );
    }
  }
}
