// Area charts: a line chart with each series' area filled from zero to its own line, translucent where they overlap;
// with `stack`, each series' band stacked on the ones before it in the key's order (sum), or on a 100% scale (share).
import { stackRows } from '../shape.ts';
import { stackSummary } from '../summary.ts';
import { line } from './line.ts';
import type { ChartKind } from './types.ts';

export const area: ChartKind = {
  ...line,
  starter: undefined, // a measure over time starts as a line
  checks: { zeroOn: ['y'], stacks: true },
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
    // A stacked chart's bands come from stackRows, from each band's base to its top.
    const y1 = ctx.chart.stack ? '__base' : 0;
    const fillOpacity = ctx.chart.stack ? 0.55 : 0.2;
    const areas = ctx.Plot.areaY(ctx.shape.rows, { x: '__x', y1, y2: '__y', z: ctx.chart.color ?? undefined, fill: ctx.colorOf, fillOpacity });
    return { under, data: [areas, ...data] };
  },
  summarize: (chart, shape) => (chart.stack ? stackSummary(chart, shape) : line.summarize(chart, shape)),
};
