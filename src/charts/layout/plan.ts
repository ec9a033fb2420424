// The layout plan of one drawing: everything that depends on text size, worked out before Plot draws (once per
// drawing), from measured text, so margins, rows and wrapped labels fit the width. Each kind fills in its part of
// the plan from the shared start made here (basePlan).
import { formatValue, isComputed } from '../format.ts';
import type { ResolvedChart } from '../prepare.ts';
import { asAxisValue, axisNumber, domainRows, type ChartShape, type NumberedAnnotation } from '../shape.ts';
import { textWidth } from '../text-measure.ts';
import { wrap, type TextBlock } from './text.ts';

export interface Layout {
  width: number;
  /** Font size in px the SVG is drawn with; margins are sized for it. */
  fontSize: number;
  /** A value axis' frame height as a share of the width. Default: 0.45 wide, 0.62 narrow. */
  aspect?: number;
}

/**
 * Everything about one drawing that depends on text size, decided before Plot draws: the frame, how category
 * rows are labelled, the wrapped labels, and the offset of each mark from its band's centre (labels sit above it).
 * What only one kind lays out (a bar's value labels, a cell grid's headers, a map's places) is in that kind's own
 * plan, which extends this one (`ChartKind<P>` in kinds/types.ts).
 */
export interface Plan {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  fontSize: number;
  /** Line height of chart text, px. */
  lineHeight: number;
  /** Radius of an uncertainty marker, px; its number is drawn at `markerFontSize`. */
  markerRadius: number;
  markerFontSize: number;
  /** Radius of dots on lines and timelines. */
  dotRadius: number;
  /** Category rows (bars, cells, timelines): labelled on the left by the axis, above each row, or not at all. */
  rowLabels: 'left' | 'above' | 'none';
  rowLabelText: Map<string, TextBlock>;
  /** Width row labels on the left are wrapped to. */
  leftLabelWidth: number;
  /** Height of one category row, and how much of it the label above takes. */
  step: number;
  labelBlock: number;
  /** Thickness of a bar or cell, and the distance from the band's centre to the mark's centre. */
  thickness: number;
  markOffset: number;
  xDomain?: unknown[];
  yDomain?: unknown[];
  /** The category rows, in order. */
  categories: string[];
  /** The y-axis label of every numeric or date y axis, drawn above the frame. */
  yLabel: TextBlock;
  /** Labels of reference lines across x, drawn above the frame. */
  xReferenceLabels: { x: unknown; block: TextBlock; anchor: 'start' | 'end'; kind: string }[];
  /** Labels of reference lines across y, placed inside the frame by the overlay: wrapped narrow and wide. */
  yReferenceLabels: { y: unknown; blocks: TextBlock[]; kind: string }[];
}

/** Marks the names of spacer bands, which are never data. */
export const spacer = '\u0000';

/** How fitting row labels may be placed; a kind picks from these (see basePlan's `rowLabels`). */
export interface RowLabelFit {
  /** Every label fits on one line in 40% of the width, or on two in 36%. */
  oneLine: boolean;
  twoLines: boolean;
  /** Every row's `label` text already names its row. */
  labelsNameRows: boolean;
}

/** What a kind plans with: the chart, its rows, the layout, and the shared measurements and helpers. */
export interface PlanContext {
  chart: ResolvedChart;
  shape: ChartShape;
  layout: Layout;
  uncertainties: NumberedAnnotation[];
  plan: Plan;
  /** Font size and line height, px. */
  f: number;
  lineHeight: number;
  /** Room for an uncertainty marker past the end of the marks, when the chart has any. */
  markerRoom: number;
  lows: number[];
  highs: number[];
  xRefs: NonNullable<ResolvedChart['reference']>;
  yRefs: NonNullable<ResolvedChart['reference']>;
  xDisplay(v: unknown): string;
  yDisplay(v: unknown): string;
  /** Lines of the tallest row label, and of those on the left (0 when labels are not on the left). */
  rowLabelLines: number;
  leftLines: number;
  /** x pixel of a value on a linear or time x axis, before Plot draws (the same mapping Plot uses). */
  xPixel(value: unknown): number;
  /** Plans the labels of reference lines across x above the frame; returns the height they take. */
  planXReferences(): number;
}

export interface BasePlanOptions {
  dotRadius: number;
  /** Where category rows are labelled, given how the labels fit. */
  rowLabels(fit: RowLabelFit): Plan['rowLabels'];
}

/** The plan's shared start: sizes, category rows and their labels. A kind then plans its own frame and texts. */
export function basePlan(
  chart: ResolvedChart,
  shape: ChartShape,
  layout: Layout,
  uncertainties: NumberedAnnotation[],
  options: BasePlanOptions,
): PlanContext {
  const { rows, xFormat, yFormat } = shape;
  const { width, fontSize: f } = layout;
  const lineHeight = Math.round(f * 1.25);
  const markerRadius = Math.round(f * 0.72);
  const plan: Plan = {
    width,
    height: 0,
    marginTop: 8,
    marginRight: 8,
    marginBottom: 4,
    marginLeft: 1,
    fontSize: f,
    lineHeight,
    markerRadius,
    markerFontSize: Math.max(12, Math.round(f * 0.9)),
    dotRadius: options.dotRadius,
    rowLabels: 'none',
    rowLabelText: new Map(),
    leftLabelWidth: width * 0.36,
    categories: [],
    step: 0,
    labelBlock: 0,
    thickness: 0,
    markOffset: 0,
    yLabel: { lines: [], width: 0 },
    xReferenceLabels: [],
    yReferenceLabels: [],
  };
  const xRefs = (chart.reference ?? []).filter((r) => r.x !== undefined);

  // Category rows: labels on the left while they are short, above each row once they would crowd the marks.
  // Small multiples share their scales: every facet's categories, in every facet.
  const categoryY = rows.some((r) => typeof r.__y === 'string');
  const categories = categoryY ? [...new Set(domainRows(shape).map((r) => String(r.__y)))] : [];
  plan.categories = categories;
  if (categories.length) {
    const labelsNameRows = Boolean(
      chart.label &&
      rows.every((r) =>
        String(r[chart.label!] ?? '')
          .toLowerCase()
          .includes(String(r.__y).toLowerCase()),
      ),
    );
    const oneLine = categories.every((c) => textWidth(c, f) <= width * 0.4);
    const twoLines = categories.every((c) => wrap(c, width * 0.36, f).lines.length <= 2);
    plan.rowLabels = options.rowLabels({ oneLine, twoLines, labelsNameRows });
    if (plan.rowLabels === 'left') {
      plan.leftLabelWidth = oneLine ? width * 0.4 : width * 0.36;
      for (const c of categories) plan.rowLabelText.set(c, wrap(c, plan.leftLabelWidth, f));
      plan.marginLeft = Math.ceil(Math.max(...[...plan.rowLabelText.values()].map((b) => b.width))) + 10;
    }
    if (plan.rowLabels === 'above') for (const c of categories) plan.rowLabelText.set(c, wrap(c, width - 4, f));
  }
  const rowLabelLines = Math.max(1, ...[...plan.rowLabelText.values()].map((b) => b.lines.length));

  const xPixel = (value: unknown) => {
    const [d0, d1] = (plan.xDomain ?? [0, 1]).map(axisNumber);
    return plan.marginLeft + ((axisNumber(value) - d0) / (d1 - d0 || 1)) * (width - plan.marginLeft - plan.marginRight);
  };
  /** Reference lines across x get their label above the frame, on the side with more room. */
  const planXReferences = () => {
    const frameLeft = plan.marginLeft;
    const frameRight = width - plan.marginRight;
    plan.xReferenceLabels = xRefs.map((ref) => {
      const x = asAxisValue(ref.x);
      const at = xPixel(x);
      const right = frameRight + plan.marginRight - at - 6;
      const left = at - 6;
      const anchor = right >= Math.min(left, textWidth(ref.label, f, true) + 4) ? 'start' : 'end';
      return {
        x,
        block: wrap(ref.label, Math.min(anchor === 'start' ? right : left, (frameRight - frameLeft) * 0.75), f, true),
        anchor,
        kind: ref.kind,
      };
    });
    const lines = Math.max(0, ...plan.xReferenceLabels.map((r) => r.block.lines.length));
    return lines ? lines * lineHeight + 8 : 0;
  };

  return {
    chart,
    shape,
    layout,
    uncertainties,
    plan,
    f,
    lineHeight,
    markerRoom: uncertainties.length ? markerRadius * 2 + 6 : 0,
    // Only ranges that are drawn widen the value axis (a stack's, in its figure's unit, would stretch the shares').
    lows: shape.rangesDrawn ? domainRows(shape).flatMap((r) => (typeof r.low === 'number' ? [r.low] : [])) : [],
    highs: shape.rangesDrawn ? domainRows(shape).flatMap((r) => (typeof r.high === 'number' ? [r.high] : [])) : [],
    xRefs,
    yRefs: (chart.reference ?? []).filter((r) => r.y !== undefined),
    xDisplay: (v) => formatValue(v, xFormat, isComputed(chart.x, chart)),
    yDisplay: (v) => formatValue(v, yFormat, isComputed(chart.y, chart)),
    rowLabelLines,
    leftLines: plan.rowLabels === 'left' ? rowLabelLines : 0,
    xPixel,
    planXReferences,
  };
}

/** Row labels on the left while they fit on one line in 40% of the width or two in 36%, else above each row. */
export const leftOrAbove = ({ oneLine, twoLines }: RowLabelFit): Plan['rowLabels'] =>
  oneLine || twoLines ? 'left' : 'above';

/** Radius of the dots on lines and scatters at a font size. */
export const pointRadius = (f: number) => Math.max(3, Math.round(f * 0.27));
