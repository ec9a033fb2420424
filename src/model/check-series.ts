// More series than colours a reader can tell apart: the chart draws the smallest as one "Other" (src/charts/shape.ts
// chartColorKey), which leaves the figures right but hides who is who in the drawing: a warning on "color".
import { palette } from '../charts/colors.ts';
import { kinds, type Mark } from '../charts/kinds/index.ts';
import type { PreparedView } from '../charts/prepare.ts';
import { chartColorKey } from '../charts/shape.ts';
import type { ChartSpec } from '../schemas/index.ts';
import type { Report } from './problems.ts';

/** `views`: the chart's views as the build prepared them (charts/views.ts), not prepared again here. */
export function checkSeriesColours(chart: ChartSpec, views: readonly PreparedView[], report: Report) {
  const kind = kinds[chart.mark as Mark];
  if (!kind || !chart.color || !views.length) return;
  const key = chartColorKey(
    views[0].resolved,
    views.flatMap((view) => view.rows),
    kind,
  );
  if (!key.other) return;
  const { value, members } = key.other;
  const count = key.entries.length - 1 + members.length;
  const names = `${members.slice(0, -1).join(', ')} and ${members[members.length - 1]}`;
  report(
    chart.file,
    ['color'],
    `the chart draws ${count} series of "${chart.color}", more than the ${palette.length} colours that can be told apart: the ${members.length} smallest (${names}) are drawn as one, "${value}", in one colour; keep fewer with a filter, or add them up in the dataset`,
    'warning',
  );
}
