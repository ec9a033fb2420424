// A chart's views, each prepared once per build with its kind (derive, fold, filter, sort, a 100% stack's shares):
// `npm run check`, the states a `:view` link may name and the drawing all read these rows (src/model/load.ts).
import type { ChartSpec, Row } from '../schemas/index.ts';
import { kinds, type Mark } from './kinds/index.ts';
import { prepareRows, resolveView, shareOfStack, type Orients, type PreparedView } from './prepare.ts';
import { titleIn, viewsOf } from './views-by.ts';

/** Every view of a chart with the rows it draws: `rows` may carry their place in the dataset (row-index.ts). A chart's
 * `viewsBy` makes its views from these rows (views-by.ts), each titled with its value. */
export function prepareViews(spec: ChartSpec, rows: readonly Row[]): PreparedView[] {
  // A chart whose mark failed its schema has no kind, and is prepared upright.
  const kind: Orients | undefined = kinds[spec.mark as Mark];
  return viewsOf(spec, rows).map((view) => {
    const resolved = { ...resolveView(spec, view), title: titleIn(spec, view) };
    const prepared = prepareRows(resolved, rows);
    const drawn =
      resolved.stack === 'share' && prepared.rows.length
        ? shareOfStack(resolved, prepared.rows, kind)
        : { rows: prepared.rows, chart: resolved };
    return { ...prepared, ...drawn, view, resolved };
  });
}
