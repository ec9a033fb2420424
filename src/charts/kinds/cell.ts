// Cell grids: a row per category on y, a column per x value, each cell coloured by its category (or by a number
// on a sequential scale) and labelled with its value, so the grid reads without colour.
import { marker, onCell } from '../colors.ts';
import { formatValue } from '../format.ts';
import { categoryYScale, markOffsetInRow, rowInsets } from '../layout/category-rows.ts';
import { basePlan, leftOrAbove, pointRadius, type Plan } from '../layout/plan.ts';
import { wrap, type TextBlock } from '../layout/text.ts';
import { grid } from '../colors.ts';
import { markerAt } from '../overlay/markers.ts';
import type { At } from '../overlay/types.ts';
import { stepOf, type DrawRow } from '../shape.ts';
import { statusWord } from '../status-words.ts';
import { countsBy, estimateNote, pointsSummary } from '../summary.ts';
import type { ChartKind } from './types.ts';

/** A grid's own texts: the column headers, in one row or two staggered tiers, and the text inside each cell. */
interface CellPlan extends Plan {
  headers: { value: unknown; block: TextBlock; tier: 0 | 1 }[];
  headerTierHeight: [number, number];
  cellText: Map<DrawRow, TextBlock>;
}

export const cell: ChartKind<CellPlan> = {
  // A grid is already one chart of rows and columns: small multiples of it would split its rows apart.
  checks: { zeroOn: [], noFacet: 'a cell grid is already one grid of rows and columns; split it with views instead' },
  // A column per year (or per value of the fewest-valued category), a row per value of the category with the most,
  // coloured by the number when there is one.
  starter: ({ time, measure, categories }) => {
    const x = time ?? categories[0];
    const y = categories.filter((c) => c !== x).at(-1);
    return x && y ? { x, y, ...(measure ? { color: measure } : {}) } : undefined;
  },
  starterNeeds:
    'a cell grid needs a year or date field, or a text field, for x (its columns) and another text field with at least two values for y (its rows)',
  textY: true,
  sequentialColor: true,
  plan(chart, shape, layout, uncertainties) {
    const ctx = basePlan(chart, shape, layout, uncertainties, {
      dotRadius: pointRadius(layout.fontSize),
      rowLabels: leftOrAbove,
    });
    const { plan, f, lineHeight, rowLabelLines, leftLines } = ctx;
    const { rows } = shape;
    const columns = [...new Set(rows.map((r) => r.__x))];
    plan.marginRight = Math.round(plan.markerRadius * 0.6) + 2;
    const column = (layout.width - plan.marginLeft - plan.marginRight) / Math.max(1, columns.length);
    // Headers may run wider than their column as long as neighbours stay apart; if they cannot, they alternate
    // between two tiers, each with twice the room.
    const blocks = columns.map((c) => wrap(String(c), column - 6, f, false, true));
    const staggered = blocks.some((b, i) => i > 0 && (b.width + blocks[i - 1].width) / 2 + 6 > column);
    const headers: CellPlan['headers'] = columns.map((value, i) => ({
      value,
      block: staggered ? wrap(String(value), column * 1.75, f) : blocks[i],
      tier: staggered ? ((i % 2) as 0 | 1) : 0,
    }));
    const tierLines = [0, 1].map((t) =>
      Math.max(0, ...headers.filter((h) => h.tier === t).map((h) => h.block.lines.length)),
    );
    const headerTierHeight: CellPlan['headerTierHeight'] = [tierLines[0] * lineHeight, tierLines[1] * lineHeight];
    plan.marginTop = headerTierHeight[0] + headerTierHeight[1] + (staggered ? 12 : 8);
    let cellLines = 1;
    const cellText = new Map<DrawRow, TextBlock>();
    for (const row of rows) {
      // Short text inside each cell, so the grid reads without colour.
      const value = row[chart.color ?? chart.x];
      const block = wrap(
        typeof value === 'number' ? formatValue(value, 'number') : statusWord(String(value ?? '')),
        column - 8,
        f,
        false,
        'anywhere',
      );
      cellLines = Math.max(cellLines, block.lines.length);
      cellText.set(row, block);
    }
    plan.thickness = Math.max(Math.round(f * 2.2), cellLines * lineHeight + 8, leftLines * lineHeight + 4);
    const gap = plan.rowLabels === 'above' ? Math.round(f * 0.5) : 3;
    plan.labelBlock = plan.rowLabels === 'above' ? rowLabelLines * lineHeight + 2 : 0;
    plan.step = plan.labelBlock + plan.thickness + gap;
    plan.markOffset = markOffsetInRow(plan, gap);
    plan.marginBottom = 4;
    plan.height = plan.marginTop + plan.step * plan.categories.length + plan.marginBottom;
    return { ...plan, headers, headerTierHeight, cellText };
  },
  marks: ({ Plot, shape, plan, colorOf }) => ({
    data: [
      Plot.cell(shape.rows, {
        x: '__x',
        y: '__y',
        fill: colorOf,
        insetLeft: 1.5,
        insetRight: 1.5,
        ...rowInsets(plan),
      } as Parameters<typeof Plot.cell>[1]),
    ],
  }),
  scales({ shape, plan }) {
    const columns = [...new Set(shape.rows.map((r) => r.__x))];
    return {
      x: { ...(columns.length ? { type: 'band', domain: columns, padding: 0 } : {}), axis: null },
      y: categoryYScale(plan, shape),
    };
  },
  overlay: () => ({
    markBox: (row: DrawRow, { plan, X, y }: At) => ({
      x0: X(row.__x),
      x1: X(row.__x) + X.bandwidth!(),
      y0: y(row.__y) - plan.thickness / 2,
      y1: y(row.__y) + plan.thickness / 2,
    }),
    markIsHard: false,
    rangeAxis: 'y',
    headers: columnHeaders,
    values: cellTexts,
    markerPlaces: markerOnCorner,
  }),
  summarize(chart, shape) {
    if (!chart.color) return pointsSummary(chart, shape);
    const { rows } = shape;
    const columns = new Set(rows.map((r) => r.__x)).size;
    const lines = new Set(rows.map((r) => r.__y)).size;
    if (shape.colorSteps) {
      // A number as the colour: the range of the figures, not a count per figure.
      const values = rows.map((r) => Number(r[chart.color!]));
      const fv = (v: number) => formatValue(v, 'number');
      return `A grid of ${lines} rows by ${columns} columns (${rows.length} cells): ${chart.color} from ${fv(Math.min(...values))} to ${fv(Math.max(...values))}, darker for more.${estimateNote(rows)}`;
    }
    return `A grid of ${lines} rows by ${columns} columns (${rows.length} cells): ${countsBy(rows, chart.color).join(', ')}.`;
  },
  reading: { hit: () => 'xy', head: 'category' },
  legendShape: 'bar',
};

/** Column headers of the grid; staggered headers get a tick down to their column. */
function columnHeaders({ plan, paint, g, space, frame, x, lh }: At<CellPlan>) {
  const [tier0, tier1] = plan.headerTierHeight;
  for (const header of plan.headers) {
    const at = x(header.value);
    const top = header.tier === 0 ? 2 : 2 + tier0 + 4;
    const block = header.block;
    const bottom = top + block.lines.length * lh;
    // Kept inside the drawing: the last column's header may be wider than the column.
    const half = block.width / 2;
    const centre = Math.min(Math.max(at, half + 1), plan.width - half - 1);
    space.hard.push(paint.text(g, block, centre, top, { anchor: 'middle' }));
    if (tier1)
      paint.el('line', { x1: at, x2: at, y1: bottom + 1, y2: frame.y0 - 2, stroke: grid, 'stroke-width': 1 }, g);
  }
}

/** Text inside cells, so the grid reads without colour; on a sequential scale, in the colour that reads on its step. */
function cellTexts({ chart, shape, plan, paint, g, space, x, y, lh }: At<CellPlan>) {
  for (const [row, block] of plan.cellText) {
    const top = y(row.__y) - (block.lines.length * lh) / 2;
    const fill = shape.colorSteps ? stepOf(shape.colorSteps, Number(row[chart.color!])).ink : onCell;
    space.hard.push(paint.text(g, block, x(row.__x), top, { anchor: 'middle', fill }));
  }
}

/** A marker on a corner of its cell, which is outlined, so it cannot be read as its neighbour's. */
function markerOnCorner(_u: unknown, ux: number | undefined, uy: number | undefined, at: At) {
  if (ux === undefined || uy === undefined) return { candidates: [] };
  const { plan, X, paint } = at;
  const [left, right] = [ux - X.bandwidth!() / 2, ux + X.bandwidth!() / 2];
  const [top, bottom] = [uy - plan.thickness / 2, uy + plan.thickness / 2];
  const half = X.bandwidth!() / 2 - 1.5;
  return {
    candidates: [
      markerAt(at, right, top),
      markerAt(at, left, top),
      markerAt(at, right, bottom),
      markerAt(at, left, bottom),
    ],
    draw: (group: SVGElement) => {
      paint.el(
        'rect',
        {
          x: ux - half,
          y: uy - plan.thickness / 2,
          width: half * 2,
          height: plan.thickness,
          fill: 'none',
          stroke: marker,
          'stroke-width': 2.5,
        },
        group,
      );
    },
  };
}
