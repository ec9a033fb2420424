// More series than colours a reader can tell apart: the chart draws the smallest as one "Other" (src/charts/shape.ts
// chartColorKey), which leaves the figures right but hides who is who in the drawing: a warning on "color".
import { palette } from '../charts/colors.ts';
import { kinds, type Mark } from '../charts/kinds/index.ts';
import { chartViews, prepareRows, resolveView } from '../charts/prepare.ts';
import { chartColorKey } from '../charts/shape.ts';
import type { ChartSpec, Dataset } from '../schemas/index.ts';
import type { Report } from './problems.ts';

export function checkSeriesColours(chart: ChartSpec, dataset: Dataset, report: Report) {
  const kind = kinds[chart.mark as Mark];
  if (!kind || !chart.color) return;
  const views = chartViews(chart).map((view) => resolveView(chart, view));
  const key = chartColorKey(views[0], views.flatMap((view) => prepareRows(view, dataset.rows).rows), kind);
  if (!key.other) return;
  const { value, members } = key.other;
  const count = key.entries.length - 1 + members.length;
  const names = `${members.slice(0, -1).join(', ')} and ${members[members.length - 1]}`;
  report(chart.file, ['color'], `the chart draws ${count} series of "${chart.color}", more than the ${palette.length} colours that can be told apart: the ${members.length} smallest (${names}) are drawn as one, "${value}", in one colour; keep fewer with a filter, or add them up in the dataset`, 'warning');
}
