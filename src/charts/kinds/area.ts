// Area charts: a line chart with each series' area filled from zero to its own line, translucent where they overlap;
// with `stack`, each series' band stacked on the ones before it in the key's order (sum), or on a 100% scale (share).
import { checkStacks } from '../check-stack.ts';
import type { SeriesPlan } from '../layout/value-axis.ts';
import { isProjection, projectionSegments } from '../projection.ts';
import { stackRows, type DrawRow } from '../shape.ts';
import { stackSummary } from '../summary.ts';
import { line } from './line.ts';
import type { ChartKind } from './types.ts';

export const area: ChartKind<SeriesPlan> = {
  ...line,
  // As a line's; after line in the registry, so a measure over time starts as a line unless --mark asks for an area.
  starterNeeds: 'an area needs a year or date field for x and a number field for y',
  checks: { zeroOn: ['y'], stacks: true, rows: (check) => checkStacks(check, area) },
  // A stacked series' line and dots run along the top of its band, where the reader sees it end.
  arrange(chart, rows, orientation, colorKey) {
    if (!chart.stack) return;
    stackRows(chart, rows, orientation, colorKey);
    for (const row of rows) row.__y = row.__top;
  },
  marks(ctx) {
    const { under, data } = line.marks(ctx);
    // Not stacked by Plot (areaY would stack them): CONTRIBUTING gives y as the field on the y axis and places
    // annotations at its values, and the lines, dots, tooltips and summary all read each series' own figures.
    const z = ctx.chart.color ?? undefined;
    const { rows } = ctx.shape;
    // A stacked chart's bands come from stackRows, from each band's base to its top.
    if (ctx.chart.stack)
      return {
        under,
        data: [
          ctx.Plot.areaY(rows, { x: '__x', y1: '__base', y2: '__y', z, fill: ctx.colorOf, fillOpacity: 0.55 }),
          ...data,
        ],
      };
    const area = (y2: string | ((r: DrawRow) => unknown), fillOpacity: number) =>
      ctx.Plot.areaY(rows, { x: '__x', y1: 0, y2, z, fill: ctx.colorOf, fillOpacity });
    if (!rows.some(isProjection)) return { under, data: [area('__y', 0.2), ...data] };
    // Projections: the measured area, and a paler one from the last measured point through the projections.
    const projected = new Set(projectionSegments(rows, z).flatMap((s) => [s.from, s.to]));
    return {
      under,
      data: [
        area((r) => (isProjection(r) ? NaN : r.__y), 0.2),
        area((r) => (projected.has(r) ? r.__y : NaN), 0.08),
        ...data,
      ],
    };
  },
  summarize: (chart, shape) => (chart.stack ? stackSummary(chart, shape) : line.summarize(chart, shape)),
};
