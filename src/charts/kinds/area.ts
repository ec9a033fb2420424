// Area charts: a line chart with each series' area filled from zero to its own line, translucent where they overlap.
import { line } from './line.ts';
import type { ChartKind } from './types.ts';

export const area: ChartKind = {
  ...line,
  starter: undefined, // a measure over time starts as a line
  marks(ctx) {
    const { under, data } = line.marks(ctx);
    // Not stacked (areaY would stack them): CONTRIBUTING gives y as the field on the y axis and places annotations at
    // its values, and the lines, dots, tooltips and summary all read each series' own figures.
    const areas = ctx.Plot.areaY(ctx.shape.rows, { x: '__x', y1: 0, y2: '__y', z: ctx.chart.color ?? undefined, fill: ctx.colorOf, fillOpacity: 0.2 });
    return { under, data: [areas, ...data] };
  },
};
