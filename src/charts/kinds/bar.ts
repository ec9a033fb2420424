// Bar charts: horizontal when x holds the numbers and y the categories, else vertical. The bars of one category
// stack to its total, in the key's order, with each segment's value inside it where it fits.
import { filterPath } from '../check-one-row.ts';
import { checkStacks } from '../check-stack.ts';
import { markOffsetInRow, categoryYScale, rowInsets } from '../layout/category-rows.ts';
import { basePlan, leftOrAbove, pointRadius, type Plan, type PlanContext } from '../layout/plan.ts';
import { measure, type TextBlock } from '../layout/text.ts';
import { planValueAxis, valueAxisMarks, valueYScale } from '../layout/value-axis.ts';
import { markerAt, type MarkerCandidate } from '../overlay/markers.ts';
import type { At } from '../overlay/types.ts';
import type { Box } from '../overlay/space.ts';
import { background, ink } from '../colors.ts';
import { isProjection, projectionDash } from '../projection.ts';
import { domainRows, seriesOf, stackRows, type ChartShape, type DrawRow } from '../shape.ts';
import { estimateNote, stackSummary, summaryFormats } from '../summary.ts';
import type { ChartCheck, ChartKind, ViewCheck } from './types.ts';

const horizontal = (shape: ChartShape) => shape.orientation === 'horizontal';

/** A bar chart's texts: each bar's value (inside its segment, where it fits, for stacked bars) and each stack's
 * total, written at its end. */
interface BarTexts {
  valueText: Map<DrawRow, TextBlock>;
  stackTotals: { category: unknown; total: number; end: number; block: TextBlock }[];
}

type BarPlan = Plan & BarTexts;

export const bar: ChartKind<BarPlan> = {
  orientation: (xNumeric, yNumeric) => (xNumeric && !yNumeric ? 'horizontal' : 'vertical'),
  checks: {
    zeroOn: ['x', 'y'],
    stacks: true,
    rows(check) {
      checkStacks(check, bar);
      for (const view of check.views) oneBarPerCategory(check, view);
      notesAtBars(check);
    },
  },
  // A number against a category: the category with the most values gives the most bars. A category repeated over
  // years (a country in each year) would be several bars in one row: as a map, the latest year only.
  starter: ({ time, measure, categories, values, rows }) => {
    const y = categories.at(-1);
    if (!measure || !y) return undefined;
    const years =
      time && values[time].length > 1 && rows > values[y].length
        ? values[time].filter((v) => typeof v === 'number' || typeof v === 'string')
        : [];
    const latest = years.reduce<string | number | undefined>(
      (last, v) => (last === undefined || v > last ? v : last),
      undefined,
    );
    return {
      x: measure,
      y,
      ...(time && latest !== undefined ? { filter: { [time]: latest }, why: `the latest year: one bar per ${y}` } : {}),
    };
  },
  starterNeeds: 'a bar needs a number field for x and a text field with at least two values for y',
  arrange: stackRows,
  plan(chart, shape, layout, uncertainties) {
    const ctx = basePlan(chart, shape, layout, uncertainties, {
      dotRadius: pointRadius(layout.fontSize),
      rowLabels: leftOrAbove,
    });
    const texts = horizontal(shape) ? planHorizontal(ctx) : planVertical(ctx);
    return { ...ctx.plan, ...texts };
  },
  marks({ Plot, shape, plan, layout, colorOf }) {
    const { rows } = shape;
    const data = [];
    // Plot takes strokeDasharray as a constant only (a function is written out as its source) and scales a
    // fillOpacity channel: estimates are a second mark with constant styles, lighter and dashed.
    const estimate = { fillOpacity: 0.35, strokeDasharray: '4,2' };
    // Projections are hollow with a dashed outline: a third mark, only when there are any.
    const projection = { fill: background, strokeDasharray: projectionDash, className: 'chart-projection' };
    const measured = rows.filter((r) => !isProjection(r));
    const parts: [DrawRow[], object][] = [
      [measured.filter((r) => !r.estimate), {}],
      [measured.filter((r) => r.estimate), estimate],
    ];
    if (measured.length < rows.length) parts.push([rows.filter(isProjection), projection]);
    for (const [part, style] of parts) {
      // Both parts in one stack: the bars' ends come from stackBars, not from Plot's stack of each mark.
      if (!horizontal(shape))
        data.push(
          Plot.barY(part, {
            x: '__x',
            y1: '__base',
            y2: '__top',
            fill: colorOf,
            stroke: colorOf,
            insetLeft: 3,
            insetRight: 3,
            ...style,
          }),
        );
      else
        data.push(
          Plot.barX(part, {
            x1: '__base',
            x2: '__top',
            y: '__y',
            fill: colorOf,
            stroke: colorOf,
            strokeWidth: 1.25,
            ...rowInsets(plan),
            ...style,
          } as Parameters<typeof Plot.barX>[1]),
        );
    }
    if (horizontal(shape)) return { data: [...data, Plot.ruleX([0], { stroke: ink })] };
    const { grid, zero } = valueAxisMarks(Plot, plan, layout);
    return { under: [grid], data: [...data, ...zero] };
  },
  scales({ chart, shape, plan, layout }) {
    if (horizontal(shape)) return { x: { axis: null }, y: categoryYScale(plan, shape) };
    // The data's own values (years stay numbers), or the band would place no bar and no tick.
    const columns = [...new Set(domainRows(shape).map((r) => r.__x))];
    return {
      x: { label: chart.xLabel ?? null, ...(columns.length ? { type: 'band', domain: columns, padding: 0.15 } : {}) },
      y: valueYScale(plan, shape, layout),
    };
  },
  overlay: (shape) => ({
    markBox: barBox,
    markIsHard: false,
    rangeAxis: horizontal(shape) ? 'x' : 'y',
    values: valueLabels,
    markerPlaces: horizontal(shape) ? markerInRow : undefined,
  }),
  summarize(chart, shape) {
    if (chart.stack) return stackSummary(chart, shape);
    const { rows } = shape;
    const { fx, fy } = summaryFormats(chart, shape);
    const valueField = horizontal(shape) ? chart.x : chart.y;
    const nameField = horizontal(shape) ? chart.y : chart.x;
    const fv = horizontal(shape) ? fx : fy;
    const stacks = [...seriesOf(rows, nameField).values()];
    if (stacks.some((stack) => stack.length > 1)) {
      // Stacked bars: the totals the reader sees, largest and smallest.
      const totals = stacks
        .map((stack) => ({
          name: stack[0][nameField],
          total: stack.reduce((sum, r) => sum + Number(r[valueField]), 0),
        }))
        .sort((a, b) => b.total - a.total);
      const [most, least] = [totals[0], totals[totals.length - 1]];
      return `${stacks.length} stacked bars of ${rows.length} figures. Largest total: ${most.name}, ${fv(most.total)}; smallest total: ${least.name}, ${fv(least.total)}.${estimateNote(rows)}`;
    }
    const sorted = rows.slice().sort((a, b) => Number(b[valueField]) - Number(a[valueField]));
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    return `${rows.length} bars. Largest: ${top[nameField]}, ${fv(top[valueField])}; smallest: ${bottom[nameField]}, ${fv(bottom[valueField])}.${estimateNote(rows)}`;
  },
  // A stack of columns (`stack`) is read as a whole at the pointer's x: every segment, with the total.
  reading: { hit: (shape, chart) => (horizontal(shape) ? 'y' : chart.stack ? 'nearest-x' : 'x'), head: 'value' },
  legendShape: 'bar',
};

/** The total of each stack of bars (categories with more than one bar), and where its positive or negative end is. */
function stackTotals(
  rows: DrawRow[],
  category: '__x' | '__y',
  measureText: (value: number) => TextBlock,
): BarTexts['stackTotals'] {
  return [...seriesOf(rows, category).values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const total = group.reduce((sum, r) => sum + Number(r[category === '__x' ? '__y' : '__x']), 0);
      const ends = group.map((r) => r.__top!);
      return {
        category: group[0][category],
        total,
        end: total < 0 ? Math.min(0, ...ends) : Math.max(0, ...ends),
        block: measureText(total),
      };
    });
}

/** Columns on a value axis, each with its value above it (a stack's total above the stack). */
function planVertical(ctx: PlanContext): BarTexts {
  const { chart, shape } = ctx;
  return planValueAxis(ctx, {
    topGap: ctx.lineHeight,
    right: ({ plan, f, yDisplay }) => {
      plan.marginRight = 4;
      return {
        valueText: new Map(shape.rows.map((row) => [row, measure(yDisplay(row[chart.y]), f)])),
        // A 100% stack's total is 100% everywhere: not written.
        stackTotals:
          chart.stack === 'share' ? [] : stackTotals(shape.rows, '__x', (v) => measure(yDisplay(v), f, true)),
      };
    },
  });
}

function planHorizontal({
  chart,
  shape,
  plan,
  f,
  lineHeight,
  lows,
  highs,
  xRefs,
  markerRoom,
  rowLabelLines,
  leftLines,
  xDisplay,
  planXReferences,
}: PlanContext): BarTexts {
  const { rows } = shape;
  const valueText = new Map(rows.map((row) => [row, measure(xDisplay(row[chart.x]), f)]));
  const totals = chart.stack === 'share' ? [] : stackTotals(rows, '__y', (v) => measure(xDisplay(v), f, true));
  // Past the end of a bar: its value, or a stack's total.
  const ends = [...rows.filter((r) => !r.__stacked).map((r) => valueText.get(r)!), ...totals.map((t) => t.block)];
  const widest = Math.max(0, ...ends.map((t) => t.width));
  plan.marginRight = Math.ceil(widest) + 8 + markerRoom;
  const xs = domainRows(shape).flatMap((r) => [Number(r.__base ?? 0), Number(r.__top ?? r.__x)]);
  plan.xDomain = [Math.min(0, ...xs, ...lows), Math.max(...xs, ...highs, ...xRefs.map((r) => Number(r.x)))];
  plan.thickness = Math.round(f * 1.45);
  const gap = Math.round(f * 0.75);
  plan.labelBlock = plan.rowLabels === 'above' ? rowLabelLines * lineHeight + 2 : 0;
  plan.step = Math.max(plan.labelBlock + plan.thickness + gap, leftLines * lineHeight + 6);
  plan.markOffset = plan.labelBlock ? markOffsetInRow(plan, gap) : 0;
  plan.marginTop = Math.max(4, planXReferences());
  plan.marginBottom = 4;
  plan.height = plan.marginTop + plan.step * plan.categories.length + plan.marginBottom;
  return { valueText, stackTotals: totals };
}

function barBox(row: DrawRow, { plan, shape, X, x, y }: At): Box {
  const [base, top] = [row.__base ?? 0, row.__top ?? Number(horizontal(shape) ? row.__x : row.__y)];
  if (horizontal(shape))
    return {
      x0: Math.min(x(base), x(top)),
      x1: Math.max(x(base), x(top)),
      y0: y(row.__y) - plan.thickness / 2,
      y1: y(row.__y) + plan.thickness / 2,
    };
  return {
    x0: X(row.__x),
    x1: X(row.__x) + X.bandwidth!(),
    y0: Math.min(y(base), y(top)),
    y1: Math.max(y(base), y(top)),
  };
}

/**
 * Values beside horizontal bars (past the error bar, if any) and above vertical ones; a segment of a stack gets its
 * value inside it where it fits (else the tooltip and table give it), and the stack its total at its end.
 */
function valueLabels(at: At<BarPlan>) {
  const { plan, shape, paint, g, space, x, y, lh, valueBoxes } = at;
  const side = horizontal(shape);
  for (const [row, block] of plan.valueText) {
    if (row.__stacked) {
      const box = barBox(row, at);
      const fits = box.x1 - box.x0 >= block.width + 6 && box.y1 - box.y0 >= lh + 2;
      if (fits) {
        const placed = paint.text(g, block, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2 - lh / 2, {
          anchor: 'middle',
          halo: true,
        });
        valueBoxes.set(row, placed);
        space.hard.push(placed);
      }
      continue;
    }
    const negative = Number(side ? row.__x : row.__y) < 0;
    let box: Box;
    if (side) {
      const end = x(typeof row.high === 'number' && !negative ? Math.max(Number(row.__x), row.high) : row.__x);
      box = paint.text(g, block, negative ? end - 5 : end + 5, y(row.__y) - lh / 2, {
        anchor: negative ? 'end' : 'start',
        halo: true,
      });
    } else {
      const end = y(typeof row.high === 'number' ? Math.max(Number(row.__y), row.high) : row.__y);
      box = paint.text(g, block, x(row.__x), negative ? end + 3 : end - 3 - lh, { anchor: 'middle', halo: true });
    }
    valueBoxes.set(row, box);
    space.hard.push(box);
  }
  for (const stack of plan.stackTotals) {
    const negative = stack.total < 0;
    const box = side
      ? paint.text(g, stack.block, negative ? x(stack.end) - 5 : x(stack.end) + 5, y(stack.category) - lh / 2, {
          anchor: negative ? 'end' : 'start',
          weight: 'bold',
          halo: true,
        })
      : paint.text(g, stack.block, x(stack.category), negative ? y(stack.end) + 3 : y(stack.end) - 3 - lh, {
          anchor: 'middle',
          weight: 'bold',
          halo: true,
        });
    space.hard.push(box);
  }
}

/** The axis the bars' lengths run along: x when every x is a number. */
const lengthAxis = ({ resolved, rows }: ViewCheck): 'x' | 'y' =>
  rows.every((r) => typeof r[resolved.x] === 'number') ? 'x' : 'y';

/** One bar per category: bars of several rows would stack, which reads as parts of a whole (a stack, or small
 * multiples, draw several bars of one category on purpose). */
function oneBarPerCategory({ chart, report, once }: ChartCheck, viewCheck: ViewCheck) {
  const { view, resolved, rows } = viewCheck;
  if (resolved.stack || chart.facet) return;
  const category = resolved[lengthAxis(viewCheck) === 'x' ? 'y' : 'x'];
  const counts = new Map<unknown, number>();
  for (const row of rows) counts.set(row[category], (counts.get(row[category]) ?? 0) + 1);
  const repeated = [...counts].find(([, n]) => n > 1);
  const where = filterPath(chart, view);
  if (repeated && once(`${where.join('.')} one bar`)) {
    report(
      chart.file,
      where,
      `a ${chart.mark} chart draws one ${chart.mark} per ${category}, but ${repeated[1]} rows have ${category} = ${JSON.stringify(repeated[0])}${chart.color ? ` (one per ${chart.color}?)` : ''}: filter to one row each, or give each its own view`,
    );
  }
}

/** A note placed by a length alone (no category) is drawn on a bar that long: a length no bar has in any view is a
 * warning, with the lengths the views draw. */
function notesAtBars({ chart, views, report }: ChartCheck) {
  const offBars = new Map<
    number,
    { views: number; low: number; high: number; field: string; category: string; axis: 'x' | 'y'; other: 'x' | 'y' }
  >();
  for (const viewCheck of views) {
    const { resolved, rows } = viewCheck;
    for (const { index: i, axis } of viewCheck.notesOnAxis) {
      const value = chart.annotations![i][axis];
      const other = axis === 'x' ? 'y' : 'x';
      if (axis !== lengthAxis(viewCheck) || typeof value !== 'number' || chart.annotations![i][other] !== undefined)
        continue;
      const lengths = rows.map((r) => r[resolved[axis]]).filter((v) => v !== null && v !== undefined) as number[];
      const near = (Math.max(...lengths.map(Math.abs)) || 1) / 100;
      const atBar = rows.some(
        (r) =>
          Math.abs(Number(r[resolved[axis]]) - value) <= near ||
          (typeof r.low === 'number' && typeof r.high === 'number' && value >= r.low && value <= r.high),
      );
      const range = offBars.get(i) ?? {
        views: 0,
        low: Infinity,
        high: -Infinity,
        field: resolved[axis],
        category: resolved[other],
        axis,
        other,
      };
      if (!atBar)
        offBars.set(i, {
          ...range,
          views: range.views + 1,
          low: Math.min(range.low, ...lengths),
          high: Math.max(range.high, ...lengths),
        });
    }
  }
  for (const [i, { views: off, low, high, field, category, axis, other }] of offBars) {
    if (off < views.length) continue; // a bar that long is in some view
    const value = chart.annotations![i][axis];
    report(
      chart.file,
      ['annotations', i, axis],
      `${value} is the length of no ${chart.mark} (field "${field}": ${low} to ${high}): a note on a ${chart.mark} chart marks a ${chart.mark}; name the ${chart.mark} by its ${category} as ${other}`,
      'warning',
    );
  }
}

/** A marker on a bar on its side: in its row, after its value, reads best; off the row is a last resort. */
function markerInRow(u: { y?: unknown }, ux: number | undefined, uy: number | undefined, at: At) {
  if (uy === undefined) return undefined;
  const { plan, rows, valueBoxes } = at;
  const R = plan.markerRadius;
  const candidates: MarkerCandidate[] = [];
  const row = rows.find((r) => String(r.__y) === String(u.y));
  const label = row && valueBoxes.get(row);
  if (label) candidates.push(markerAt(at, label.x1 + 4 + R, uy));
  if (ux !== undefined)
    candidates.push(
      markerAt(at, ux, uy),
      markerAt(at, ux, uy - plan.thickness / 2 - R, 60),
      markerAt(at, ux, uy + plan.thickness / 2 + R, 60),
    );
  return { candidates };
}
