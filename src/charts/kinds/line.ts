// Line charts: a numeric y axis, each series a line through its dots, read at the nearest x over the whole plot.
import { basePlan, leftOrAbove, pointRadius } from '../layout/plan.ts';
import { planSeries, pointXScale, valueAxisMarks, valueYScale, type SeriesPlan } from '../layout/value-axis.ts';
import { pointBox } from '../overlay/place.ts';
import { seriesLabels, seriesSegments } from '../overlay/series-labels.ts';
import { bandRows, isProjection, projectionDash, projectionSegments, withProjections } from '../projection.ts';
import { seriesOf, type DrawRow } from '../shape.ts';
import { estimateNote, inXOrder, summaryFormats } from '../summary.ts';
import type { ChartKind } from './types.ts';

export const line: ChartKind<SeriesPlan> = {
  checks: { zeroOn: ['y'] },
  // A measure over time; the series are the category with the fewest values.
  starter: ({ time, measure, categories }) =>
    time && measure ? { x: time, y: measure, color: categories[0] } : undefined,
  starterNeeds: 'a line needs a year or date field for x and a number field for y',
  plan(chart, shape, layout, uncertainties) {
    return planSeries(
      basePlan(chart, shape, layout, uncertainties, {
        dotRadius: pointRadius(layout.fontSize),
        rowLabels: leftOrAbove,
      }),
    );
  },
  marks({ Plot, chart, shape, plan, layout, colorOf, estimateFill }) {
    const { grid, zero } = valueAxisMarks(Plot, plan, layout);
    const z = chart.color ?? undefined;
    const { rows } = shape;
    const strokeWidth = layout.width >= 480 ? 2.5 : 2.25;
    // Ranges as a shaded band behind the line; where a range stands alone, the overlay draws its error bar.
    const banded = shape.rangesDrawn ? bandRows(rows, z) : new Set<DrawRow>();
    const bands = banded.size
      ? [
          Plot.areaY(rows, {
            x: '__x',
            y1: (r: DrawRow) => (banded.has(r) ? r.low : NaN),
            y2: (r: DrawRow) => (banded.has(r) ? r.high : NaN),
            z,
            fill: colorOf,
            fillOpacity: 0.22,
            className: 'chart-band',
          }),
        ]
      : [];
    const dot = (part: DrawRow[], style: object = {}) =>
      Plot.dot(part, {
        x: '__x',
        y: '__y',
        r: plan.dotRadius,
        stroke: colorOf,
        strokeWidth: 1.75,
        fill: estimateFill,
        ...style,
      });
    if (!rows.some(isProjection))
      return {
        under: [grid],
        data: [...bands, Plot.lineY(rows, { x: '__x', y: '__y', z, stroke: colorOf, strokeWidth }), dot(rows), ...zero],
      };
    // Projections: the solid line joins measured points only; each segment into or between projections is dashed
    // (Plot takes a dash as a constant, so they are marks of their own), and projected dots are hollow and dashed.
    const segments = projectionSegments(rows, z);
    return {
      under: [grid],
      data: [
        ...bands,
        Plot.lineY(rows, {
          x: '__x',
          y: (r: DrawRow) => (isProjection(r) ? NaN : r.__y),
          z,
          stroke: colorOf,
          strokeWidth,
        }),
        Plot.link(segments, {
          x1: (s) => s.from.__x,
          y1: (s) => s.from.__y,
          x2: (s) => s.to.__x,
          y2: (s) => s.to.__y,
          stroke: (s) => colorOf(s.to),
          strokeWidth,
          strokeDasharray: projectionDash,
          className: 'chart-projection',
        }),
        ...withProjections(rows, dot),
        ...zero,
      ],
    };
  },
  scales: ({ chart, shape, plan, layout }) => ({
    x: pointXScale(chart, shape, layout),
    y: valueYScale(plan, shape, layout),
  }),
  overlay: () => ({
    markBox: pointBox,
    markIsHard: true,
    dataSegments: seriesSegments,
    rangeAxis: 'y',
    bands: true,
    series: seriesLabels,
  }),
  summarize(chart, shape) {
    const { fx, fy } = summaryFormats(chart, shape);
    const parts = [...seriesOf(shape.rows, chart.color ?? undefined)].map(([name, unordered]) => {
      const list = inXOrder(unordered); // first and last in time, whatever the order of the rows
      const first = list[0];
      const last = list[list.length - 1];
      const high = list.reduce((a, b) => ((b.__y as number) > (a.__y as number) ? b : a));
      const low = list.reduce((a, b) => ((b.__y as number) < (a.__y as number) ? b : a));
      const change = (last.__y as number) - (first.__y as number);
      const trend = Math.abs(change) < 1e-9 ? 'unchanged overall' : change > 0 ? 'up overall' : 'down overall';
      const who = name ? `${name}: ` : '';
      return `${who}${fy(first[chart.y])} in ${fx(first[chart.x])} and ${fy(last[chart.y])} in ${fx(last[chart.x])}, ${trend}; highest ${fy(high[chart.y])} (${fx(high[chart.x])}), lowest ${fy(low[chart.y])} (${fx(low[chart.x])}).`;
    });
    return `${parts.join(' ')}${estimateNote(shape.rows)}`;
  },
  reading: { hit: () => 'nearest-x', head: 'value' },
  legendShape: 'dot',
};
