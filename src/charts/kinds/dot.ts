// Dot charts, in two variants chosen by the data: a timeline (categories on y, one row of events each, labelled
// above their dots) or dots on a numeric or date y axis (a line chart without the lines).
import { grid } from '../colors.ts';
import { categoryYScale } from '../layout/category-rows.ts';
import { basePlan, leftOrAbove, pointRadius, spacer, type PlanContext } from '../layout/plan.ts';
import { textWidth } from '../text-measure.ts';
import { wrap, type TextBlock } from '../layout/text.ts';
import { timeAxis, type TimeAxis } from '../layout/time-axis.ts';
import {
  niceCeil,
  planSeries,
  pointXScale,
  valueAxisMarks,
  valueYScale,
  type SeriesPlan,
} from '../layout/value-axis.ts';
import { frameOf, type Painter, type Scales } from '../overlay/paint.ts';
import { pointBox } from '../overlay/place.ts';
import { withProjections } from '../projection.ts';
import type { At } from '../overlay/types.ts';
import { seriesLabels } from '../overlay/series-labels.ts';
import { asAxisValue, domainRows, seriesOf, type ChartShape, type DrawRow } from '../shape.ts';
import { pointsSummary } from '../summary.ts';
import type { ChartKind } from './types.ts';

/** A timeline when some y is a category; otherwise dots on a value axis. */
const isTimeline = (shape: ChartShape) => shape.rows.some((r) => typeof r.__y === 'string');

/** A timeline's own plan: its events' labels, its axis in whole periods (of dates), and the y bands, spacers
 * included, that make each row as tall as its labels. */
interface Timeline {
  eventLabels: Map<DrawRow, TextBlock & { anchor: 'start' | 'end' }>;
  timeAxis?: TimeAxis;
  yBands?: string[];
}

/** Dots on a value axis label their series (seriesText); a timeline labels its events. */
type DotPlan = SeriesPlan & Timeline;

export const dot: ChartKind<DotPlan> = {
  // Events in time on the rows of the category with the most values; for any other dataset, a scatter of its first two
  // fields, so that every dataset gets a starter.
  starter: ({ time, categories, fields }) =>
    time && categories.length
      ? { x: time, y: categories[categories.length - 1] }
      : { x: fields[0], y: fields[1] ?? fields[0] },
  plan(chart, shape, layout, uncertainties) {
    if (!isTimeline(shape))
      return {
        ...planSeries(
          basePlan(chart, shape, layout, uncertainties, {
            dotRadius: pointRadius(layout.fontSize),
            rowLabels: leftOrAbove,
          }),
        ),
        eventLabels: new Map(),
      };
    // A timeline whose labels already name their row needs no row labels at all.
    const ctx = basePlan(chart, shape, layout, uncertainties, {
      dotRadius: Math.round(layout.fontSize * 0.42),
      rowLabels: ({ labelsNameRows }) => (labelsNameRows ? 'none' : 'left'),
    });
    const timeline = planTimeline(ctx);
    return { ...ctx.plan, seriesText: new Map(), ...timeline };
  },
  marks({ Plot, shape, plan, layout, colorOf, estimateFill }) {
    // Projections are hollow (estimateFill) and dashed: a mark of their own, as Plot takes a dash as a constant.
    const dots = (options: object) =>
      withProjections(shape.rows, (part, style) =>
        Plot.dot(part, { ...options, ...style } as Parameters<typeof Plot.dot>[1]),
      );
    if (isTimeline(shape))
      return {
        data: dots({
          x: '__x',
          y: '__y',
          dy: plan.markOffset,
          r: plan.dotRadius,
          stroke: colorOf,
          strokeWidth: 2,
          fill: estimateFill,
        }),
      };
    const { grid, zero } = valueAxisMarks(Plot, plan, layout);
    return {
      under: [grid],
      data: [
        ...dots({ x: '__x', y: '__y', r: plan.dotRadius, stroke: colorOf, strokeWidth: 1.75, fill: estimateFill }),
        ...zero,
      ],
    };
  },
  // A time axis in whole periods draws its own labels (in the underlay).
  scales: ({ chart, shape, plan, layout }) =>
    isTimeline(shape)
      ? { x: plan.timeAxis ? { axis: null } : {}, y: categoryYScale(plan, shape, plan.yBands) }
      : { x: pointXScale(chart, shape, layout), y: valueYScale(plan, shape, layout) },
  overlay: (shape) =>
    isTimeline(shape)
      ? { markBox: pointBox, markIsHard: true, rangeAxis: 'y', events: eventLabels, underlay: timelineUnderlay }
      : { markBox: pointBox, markIsHard: true, rangeAxis: 'y', series: seriesLabels },
  summarize: pointsSummary,
  reading: { hit: () => 'xy', head: 'category' },
  legendShape: 'dot',
};

function planTimeline(ctx: PlanContext): Timeline {
  const { chart, shape, plan, f, lineHeight, xRefs, uncertainties } = ctx;
  const { rows } = shape;
  const { width } = ctx.layout;
  plan.marginRight = plan.dotRadius + 4;
  if (plan.rowLabels === 'none') plan.marginLeft = plan.dotRadius + 2;
  const xs = domainRows(shape).map((r) => r.__x);
  let periods: TimeAxis | undefined;
  if (xs.every((x) => x instanceof Date)) {
    const extra = [...xRefs.map((r) => asAxisValue(r.x)), ...uncertainties.map((u) => asAxisValue(u.x))].filter(
      (x): x is Date => x instanceof Date,
    );
    periods = timeAxis([...(xs as Date[]), ...extra], width - plan.marginLeft - plan.marginRight, f);
    plan.xDomain = [periods.starts[0], periods.starts[periods.starts.length - 1]];
    plan.marginBottom = (periods.middles.some((m) => m.label.includes('\n')) ? 2 : 1) * lineHeight + 10;
  } else {
    const values = xs.map(Number);
    plan.xDomain = [Math.min(0, ...values), niceCeil(Math.max(...values))];
    plan.marginBottom = lineHeight + 12;
  }
  const eventLabels: Timeline['eventLabels'] = chart.label ? planEventLabels(ctx) : new Map();
  // Rows are as tall as their own labels: thin spacer bands above each row hold its wrapped labels, so a row
  // with one short label does not take the room of the tallest.
  plan.thickness = plan.dotRadius * 2;
  plan.step = Math.round(lineHeight / 2);
  const yBands: string[] = [];
  plan.categories.forEach((category, i) => {
    const lines = Math.max(
      0,
      ...rows.filter((r) => String(r.__y) === category).map((r) => eventLabels.get(r)?.lines.length ?? 0),
    );
    const above = (lines ? lines * lineHeight + 3 : 2) + plan.dotRadius - plan.step / 2;
    const spacers = Math.ceil(above / plan.step) + (i === 0 ? 0 : 1);
    for (let k = 0; k < spacers; k++) yBands.push(`${spacer}${category}${spacer}${k}`);
    yBands.push(category);
  });
  for (let k = 0; k < Math.ceil((plan.dotRadius + 6) / plan.step); k++) yBands.push(`${spacer}end${spacer}${k}`);
  plan.marginTop = Math.max(4, ctx.planXReferences());
  plan.height = plan.marginTop + plan.step * yBands.length + plan.marginBottom;
  return { eventLabels, ...(periods ? { timeAxis: periods } : {}), yBands };
}

/**
 * Timeline labels go above their dots: those in the left half of the axis start at their dot and run right,
 * the others end at their dot. Two labels in a row share the room between them.
 */
function planEventLabels({ chart, shape, plan, f, xPixel }: PlanContext): Timeline['eventLabels'] {
  const labels: Timeline['eventLabels'] = new Map();
  const left = plan.marginLeft;
  const right = plan.width - 2;
  const middle = (left + plan.width - plan.marginRight) / 2;
  const r = plan.dotRadius;
  for (const group of seriesOf(shape.rows, '__y').values()) {
    const events = group
      .map((row) => ({ row, x: xPixel(row.__x), text: String(row[chart.label!] ?? '') }))
      .sort((a, b) => a.x - b.x)
      .map((e) => ({
        ...e,
        anchor: (e.x <= middle ? 'start' : 'end') as 'start' | 'end',
        natural: textWidth(e.text, f),
      }));
    events.forEach((e, i) => {
      const prev = events[i - 1];
      const next = events[i + 1];
      let room: number;
      if (e.anchor === 'start') {
        const limit = !next ? right : next.anchor === 'start' ? next.x - r - 6 : shareBetween(e, next, r, f) - 5;
        room = limit - (e.x - r);
      } else {
        const limit = !prev ? left : prev.anchor === 'end' ? prev.x + r + 6 : shareBetween(prev, e, r, f) + 5;
        room = e.x + r - limit;
      }
      const block = wrap(e.text, Math.max(room, f * 5), f);
      labels.set(e.row, { ...block, anchor: e.anchor });
    });
  }
  return labels;
}

/**
 * Where a start-anchored label (a) gives way to an end-anchored one (b) in the same row: after a if both fit,
 * else at the split that wraps the pair into the fewest lines.
 */
function shareBetween(
  a: { x: number; natural: number; text: string },
  b: { x: number; natural: number; text: string },
  r: number,
  f: number,
): number {
  const from = a.x - r;
  const to = b.x + r;
  const room = to - from - 10;
  if (a.natural + b.natural <= room) return from + a.natural + 5;
  let best = from + room / 2;
  let score = Infinity;
  for (let k = 2; k <= 18; k++) {
    const split = from + 5 + (room * k) / 20;
    const [roomA, roomB] = [split - from - 5, to - split - 5];
    const [blockA, blockB] = [wrap(a.text, roomA, f), wrap(b.text, roomB, f)];
    const overflow = Math.max(0, blockA.width - roomA) + Math.max(0, blockB.width - roomB);
    const value =
      overflow * 100 +
      Math.max(blockA.lines.length, blockB.lines.length) * 10 +
      blockA.lines.length +
      blockB.lines.length;
    if (value < score) [best, score] = [split, value];
  }
  return best;
}

/** Timeline labels above their dots. */
function eventLabels({ plan, paint, g, space, x, y, lh }: At<DotPlan>) {
  for (const [row, block] of plan.eventLabels) {
    const at = x(row.__x);
    const top = y(row.__y) - plan.dotRadius - 3 - block.lines.length * lh;
    const edge = block.anchor === 'start' ? at - plan.dotRadius : at + plan.dotRadius;
    space.hard.push(paint.text(g, block, edge, top, { anchor: block.anchor, halo: true }));
  }
}

/** Under a timeline's dots: a guide line along each row, then the period boundaries of its time axis and their
 * labels under it. */
function timelineUnderlay(paint: Painter, g: SVGElement, scales: Scales, plan: DotPlan) {
  rowGuides(paint, g, scales, plan);
  if (!plan.timeAxis || !scales.x) return;
  const frame = frameOf(plan);
  for (const start of plan.timeAxis.starts) {
    const at = scales.x(start);
    paint.el('line', { x1: at, x2: at, y1: frame.y0, y2: frame.y1 + 5, stroke: grid, 'stroke-width': 1 }, g);
  }
  for (const { at, label } of plan.timeAxis.middles)
    paint.text(g, { lines: label.split('\n'), width: 0 }, scales.x(at), frame.y1 + 6, { anchor: 'middle' });
}

function rowGuides(paint: Painter, g: SVGElement, scales: Scales, plan: DotPlan) {
  if (!scales.y) return;
  const y = scales.y;
  const frame = { x0: plan.marginLeft, x1: plan.width - plan.marginRight };
  for (const category of plan.categories) {
    const at = y(category) + (y.bandwidth?.() ?? 0) / 2 + plan.markOffset;
    paint.el('line', { x1: frame.x0, x2: frame.x1, y1: at, y2: at, stroke: grid, 'stroke-width': 1 }, g);
  }
}
