// Area charts: a line chart with each series' area filled from zero to its own line, translucent where they overlap.
import { isProjection, projectionSegments } from '../projection.ts';
import type { DrawRow } from '../shape.ts';
import { line } from './line.ts';
import type { ChartKind } from './types.ts';

export const area: ChartKind = {
  ...line,
  starter: undefined, // a measure over time starts as a line
  marks(ctx) {
    const { under, data } = line.marks(ctx);
    // Not stacked (areaY would stack them): CONTRIBUTING gives y as the field on the y axis and places annotations at
    // its values, and the lines, dots, tooltips and summary all read each series' own figures.
    const z = ctx.chart.color ?? undefined;
    const { rows } = ctx.shape;
    const area = (y2: string | ((r: DrawRow) => unknown), fillOpacity: number) => ctx.Plot.areaY(rows, { x: '__x', y1: 0, y2, z, fill: ctx.colorOf, fillOpacity });
    if (!rows.some(isProjection)) return { under, data: [area('__y', 0.2), ...data] };
    // Projections: the measured area, and a paler one from the last measured point through the projections.
    const projected = new Set(projectionSegments(rows, z).flatMap((s) => [s.from, s.to]));
    return { under, data: [area((r) => (isProjection(r) ? NaN : r.__y), 0.2), area((r) => (projected.has(r) ? r.__y : NaN), 0.08), ...data] };
  },
};
