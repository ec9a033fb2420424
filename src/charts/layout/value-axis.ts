// A numeric (or date) y axis with gridlines, its label above the frame: lines, areas, dots on numbers or dates,
// vertical bars. The frame's height is a share of the width.
import type * as PlotModule from '@observablehq/plot';
import { grid, ink } from '../colors.ts';
import { tickFormatter } from '../format.ts';
import type { ResolvedChart } from '../prepare.ts';
import { asAxisValue, axisNumber, domainRows, seriesOf, type ChartShape } from '../shape.ts';
import { textWidth } from '../text-measure.ts';
import type { Plan, PlanContext } from './plan.ts';
import { measure, wrap, type TextBlock } from './text.ts';
import { dateAxis, dateExtent, dateTicks, yearTicksOf } from './time-axis.ts';

/**
 * A round number at or above `value`, for the end of a numeric axis. Kept by hand: d3's nice() aligns to its ticks
 * and would move axis ends the charts already show (80,000 would become 70,000 on some).
 */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((k) => k * magnitude >= value - 1e-9) ?? 10;
  return step * magnitude;
}

export interface ValueAxisOptions<T> {
  /** Room above the frame besides the y label. */
  topGap: number;
  /** The kind's texts beside the marks and its right margin, planned once the left margin is known; what it returns
   * (the texts, for the kind's own plan) planValueAxis returns. */
  right(ctx: PlanContext): T;
}

/** Plans the y domain, the margins around it and the labels of reference lines across y. */
export function planValueAxis<T>(ctx: PlanContext, options: ValueAxisOptions<T>): T {
  const { chart, shape, plan, f, lineHeight, lows, highs, yRefs, uncertainties } = ctx;
  const { yFormat } = shape;
  // Small multiples share one y axis: every facet's rows set it.
  const rows = domainRows(shape);
  const { width } = ctx.layout;
  // Stacked bars reach their stack's end, not their own value.
  const ys = rows
    .filter((r) => typeof r.__y === 'number')
    .flatMap((r) => (r.__top === undefined ? [r.__y as number] : [r.__base!, r.__top]));
  const top = Math.max(...ys, ...highs, ...yRefs.map((r) => Number(r.y)));
  const bottom = Math.min(0, ...ys, ...lows);
  // A 100% stack's shares add up to 100 give or take the last bit of a float.
  const end = yFormat === 'percent' && top <= 100 + 1e-9 && top >= 75 ? 100 : niceCeil(top * 1.08);
  plan.yDomain = [bottom < 0 ? -niceCeil(-bottom * 1.08) : 0, end];
  // Dates on y (dots by category, dates running up): a time axis over the dates, references and markers.
  const yDates = rows.length > 0 && rows.every((r) => r.__y instanceof Date);
  if (yDates)
    plan.yDomain = dateExtent([
      ...rows.map((r) => r.__y),
      ...yRefs.map((r) => asAxisValue(r.y)),
      ...uncertainties.map((u) => asAxisValue(u.y)),
    ]);
  plan.yLabel = chart.yLabel ? wrap(chart.yLabel, width - 4, f) : { lines: [], width: 0 };
  plan.marginTop = plan.yLabel.lines.length * lineHeight + options.topGap;
  // A date axis is ticked by year, or by month with Plot's labels ("Sep 2024" is as wide as they come).
  const tickTexts = yDates
    ? [dateTicks(plan.yDomain) === 'year' ? '2024' : 'Sep 2024']
    : [plan.yDomain[0], plan.yDomain[1], end / 2].map((v) => tickFormatter(yFormat)?.(v) ?? ctx.yDisplay(v));
  plan.marginLeft = Math.ceil(Math.max(...tickTexts.map((t) => textWidth(t, f)))) + 10;
  plan.marginBottom = lineHeight + 12 + (chart.xLabel ? lineHeight : 0);
  const own = options.right(ctx);
  const frameWidth = width - plan.marginLeft - plan.marginRight;
  plan.yReferenceLabels = yRefs.map((ref) => ({
    y: asAxisValue(ref.y),
    blocks: [0.5, 0.62, 0.75, 0.95].map((share) => wrap(ref.label, frameWidth * share, f, true)),
    kind: ref.kind,
  }));
  const frame = Math.round(width * (ctx.layout.aspect ?? (width >= 480 ? 0.45 : 0.62)));
  plan.height = plan.marginTop + frame + plan.marginBottom;
  return own;
}

/** The plan of points on a value axis whose series are labelled directly (lines, areas, dots on numbers). */
export interface SeriesPlan extends Plan {
  /** Series names for direct labels (overlay/series-labels.ts). */
  seriesText: Map<string, TextBlock>;
}

/** A value axis over points joined or not by lines, with room at the right for their series' names. */
export function planSeries(ctx: PlanContext): SeriesPlan {
  const seriesText = planValueAxis(ctx, { topGap: 12, right: planSeriesMargin });
  return { ...ctx.plan, seriesText };
}

/** Right margin of points joined or not by lines: half the last x tick, or the widest series label at the end. */
function planSeriesMargin({ chart, shape, plan, f }: PlanContext): Map<string, TextBlock> {
  const { rows, xFormat } = shape;
  const seriesText = new Map<string, TextBlock>();
  const lastX = Math.max(...domainRows(shape).map((r) => axisNumber(r.__x)));
  const xTick = tickFormatter(xFormat)?.(domainRows(shape).find((r) => axisNumber(r.__x) === lastX)?.__x) ?? '';
  plan.marginRight = Math.ceil(textWidth(xTick, f) / 2) + 4;
  if (chart.color) {
    const series = seriesOf(rows, chart.color);
    for (const [name] of series) seriesText.set(name, measure(name, f, true));
    const endingLast = [...series]
      .filter(([, list]) => axisNumber(list[list.length - 1].__x) === lastX)
      .map(([name]) => seriesText.get(name)!.width);
    if (endingLast.length)
      plan.marginRight = Math.max(plan.marginRight, Math.ceil(Math.max(...endingLast)) + plan.dotRadius + 10);
  }
  return seriesText;
}

/** Plot's y scale for a value axis: the planned domain, ticks to fit, dates by year or month. */
export function valueYScale(plan: Plan, shape: ChartShape, layout: { width: number }) {
  const yDates = plan.yDomain?.[0] instanceof Date;
  return {
    label: null,
    tickFormat: tickFormatter(shape.yFormat),
    domain: plan.yDomain,
    ticks: yTicks(layout),
    tickSize: 0,
    tickPadding: 6,
    ...(yDates ? dateAxis(plan.yDomain) : {}),
  };
}

/** How many y ticks (and gridlines) a value axis has at a width. */
export const yTicks = (layout: { width: number }) => (layout.width >= 480 ? 6 : 5);

/** Gridlines under a value axis and the zero rule over the data (none on a date axis), as Plot marks. */
export function valueAxisMarks(Plot: typeof PlotModule, plan: Plan, layout: { width: number }) {
  const yDates = plan.yDomain?.[0] instanceof Date;
  return {
    grid: Plot.gridY({ ticks: yTicks(layout), stroke: grid, strokeOpacity: 1 }),
    zero: yDates ? [] : [Plot.ruleY([0], { stroke: ink })],
  };
}

/** The x scale of points along x (lines, areas, dots on numbers): Plot's ticks, or the categories in data order. */
export function pointXScale(chart: ResolvedChart, shape: ChartShape, layout: { width: number; fontSize: number }) {
  const all = domainRows(shape);
  const xPoints = all.some((r) => typeof r.__x === 'string') ? [...new Set(all.map((r) => r.__x))] : [];
  // Small multiples share one x axis: numbers or dates span every facet's.
  const xs = all.map((r) => r.__x);
  const extent =
    shape.domainRows && !xPoints.length
      ? {
          domain: [
            xs.reduce((a, b) => (axisNumber(b) < axisNumber(a) ? b : a)),
            xs.reduce((a, b) => (axisNumber(b) > axisNumber(a) ? b : a)),
          ],
        }
      : {};
  return {
    ...extent,
    label: chart.xLabel ?? null,
    ...(!yearTicksOf(shape).length && !xPoints.length
      ? { ticks: Math.max(3, Math.floor(layout.width / (layout.fontSize * 7))) }
      : {}),
    // Dots with categories on x (and numbers or dates on y): one column per category, in the data's order.
    ...(xPoints.length ? { type: 'point', domain: xPoints, padding: 0.5 } : {}),
  };
}
