// A chart's layout plan and kind -> Plot options. Pure: builds mark objects, draws nothing. The marks go in one
// order (gridlines, reference lines, underlay, the kind's data marks, overlay), and the scales are the shared
// defaults with the kind's own options over them.
import * as Plot from '@observablehq/plot';
import { background, reported } from './colors.ts';
import { tickFormatter } from './format.ts';
import type { ChartKind, DrawContext } from './kinds/types.ts';
import type { Layout, Plan } from './layout/plan.ts';
import { thinTicks, yearTicksOf } from './layout/time-axis.ts';
import { overlayMark, underlayMark } from './overlay/place.ts';
import type { ResolvedChart } from './prepare.ts';
import { asAxisValue, colorFor, type ChartShape, type NumberedAnnotation } from './shape.ts';

export function plotOptions<P extends Plan>(
  kind: ChartKind<P>,
  chart: ResolvedChart,
  shape: ChartShape,
  plan: P,
  layout: Layout,
  uncertainties: NumberedAnnotation[],
): Plot.PlotOptions {
  const colorOf = colorFor(chart, shape);
  const ctx: DrawContext<P> = {
    Plot,
    chart,
    shape,
    plan,
    layout,
    colorOf,
    estimateFill: (row) => (row.estimate || row.projection ? background : colorOf(row)),
  };
  const { under = [], data } = kind.marks(ctx);
  const hooks = kind.overlay(shape);
  const marks: Plot.Markish[] = [...under];
  // Reference lines first, so data is drawn over them.
  for (const line of chart.reference ?? []) {
    const dash = line.kind === 'reported' ? '6,4' : '2,3';
    if (line.y !== undefined)
      marks.push(Plot.ruleY([asAxisValue(line.y)], { stroke: reported, strokeWidth: 2, strokeDasharray: dash }));
    else marks.push(Plot.ruleX([asAxisValue(line.x)], { stroke: reported, strokeWidth: 2, strokeDasharray: dash }));
  }
  marks.push(underlayMark(plan, hooks), ...data, overlayMark(plan, chart, shape, uncertainties, colorOf, hooks));

  const scales = kind.scales(ctx);
  const yearTicks = yearTicksOf(shape);
  const f = layout.fontSize;
  return {
    width: plan.width,
    height: plan.height,
    marginTop: plan.marginTop,
    marginRight: plan.marginRight,
    marginBottom: plan.marginBottom,
    marginLeft: plan.marginLeft,
    style: null as never,
    x: {
      label: null,
      labelAnchor: 'right',
      labelArrow: 'none',
      labelOffset: plan.lineHeight * 2 + 6,
      tickFormat: tickFormatter(shape.xFormat),
      tickSize: 4,
      tickPadding: 7,
      ...(plan.xDomain ? { domain: plan.xDomain } : {}),
      ...(yearTicks.length
        ? { ticks: thinTicks(yearTicks, (layout.width - plan.marginLeft - plan.marginRight) / (f * 3.6)) }
        : {}),
      ...scales.x,
    } as Plot.ScaleOptions,
    y: scales.y as Plot.ScaleOptions,
    marks,
  };
}
