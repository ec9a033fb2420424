// Category rows on y (bars on their side, cell grids, timelines): the band scale, its labels, and where a mark
// sits in its row when the row's label is written above it.
import { tickFormatter } from '../format.ts';
import type { ChartShape } from '../shape.ts';
import type { Plan } from './plan.ts';

/** Distance from a row's centre to its mark's centre, with the label block above the mark and `gap` below. */
export function markOffsetInRow(plan: Plan, gap: number): number {
  return (
    (plan.labelBlock + Math.round(gap / 2) - (plan.step - plan.labelBlock - Math.round(gap / 2) - plan.thickness)) / 2
  );
}

/** Insets that make a bar or cell `thickness` tall at its place in its row. */
export function rowInsets(plan: Plan) {
  const insetTop = plan.step / 2 + plan.markOffset - plan.thickness / 2;
  return { insetTop, insetBottom: plan.step - insetTop - plan.thickness };
}

/** Plot's y scale for category rows: a band per row (and per spacer: a timeline's `bands` hold its labels), labelled
 * on the left or not by the axis. */
export function categoryYScale(plan: Plan, shape: ChartShape, bands?: string[]) {
  const categories = [...new Set(shape.rows.map((r) => String(r.__y)))];
  const labels =
    plan.rowLabels === 'left'
      ? { ticks: categories, tickFormat: (d: string) => plan.rowLabelText.get(d)!.lines.join('\n') }
      : { axis: null };
  return {
    label: null,
    tickFormat: tickFormatter(shape.yFormat),
    type: 'band',
    domain: bands ?? categories,
    padding: 0,
    tickSize: 0,
    tickPadding: 8,
    ...labels,
  };
}
