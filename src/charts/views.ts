// A chart's views, each prepared once per build with its kind (derive, fold, filter, sort, a 100% stack's shares):
// `npm run check`, the states a `:view` link may name and the drawing all read these rows (src/model/load.ts).
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import { editionsToDraw } from './editions.ts';
import { kinds, type Mark } from './kinds/index.ts';
import { prepareRows, resolveView, shareOfStack, type Orients, type PreparedView } from './prepare.ts';
import { indexOf } from './row-index.ts';
import { titleIn, viewsOf } from './views-by.ts';

/** Every view of a chart with the rows it draws: `rows` may carry their place in the dataset (row-index.ts). A chart's
 * `viewsBy` makes its views from these rows (views-by.ts), each titled with its value. With the dataset, each view
 * draws each figure's latest edition, and what it revised (editions.ts). */
export function prepareViews(
  spec: ChartSpec,
  rows: readonly Row[],
  dataset?: Pick<Dataset, 'file' | 'rows' | 'sources'>,
): PreparedView[] {
  // A chart whose mark failed its schema has no kind, and is prepared upright.
  const kind: Orients | undefined = kinds[spec.mark as Mark];
  return viewsOf(spec, rows).map((view) => {
    const resolved = { ...resolveView(spec, view), title: titleIn(spec, view) };
    const editions = dataset && editionsToDraw(resolved, rows, dataset, (row, i) => indexOf(row) ?? i);
    const prepared = prepareRows(resolved, editions?.rows ?? rows);
    prepared.problems.unshift(...(editions?.problems ?? []));
    const drawn =
      resolved.stack === 'share' && prepared.rows.length
        ? shareOfStack(resolved, prepared.rows, kind)
        : { rows: prepared.rows, chart: resolved };
    return { ...prepared, ...drawn, view, resolved };
  });
}
