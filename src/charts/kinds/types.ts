// What a chart kind is: everything that differs between line, area, bar, dot and cell charts, in one object.
// The pipeline (render.ts, plot-options.ts, overlay/place.ts, points.ts) calls these and branches on no mark.
// Kinds get Plot from the draw context, so a kind module loads no Plot itself.
import type * as PlotModule from '@observablehq/plot';
import type { Layout, Plan } from '../layout/plan.ts';
import type { OverlayHooks } from '../overlay/types.ts';
import type { ResolvedChart } from '../prepare.ts';
import type { ChartShape, DrawRow, NumberedAnnotation, ShapeHooks } from '../shape.ts';

/** What a kind draws its marks and scales with. */
export interface DrawContext {
  Plot: typeof PlotModule;
  chart: ResolvedChart;
  shape: ChartShape;
  plan: Plan;
  layout: Layout;
  colorOf(row: DrawRow): string;
  /** Estimates are hollow: the background inside, the row's colour around. */
  estimateFill(row: DrawRow): string;
}

/** How a reader's pointer finds a point: by row, by column, by distance, or the nearest x over the whole plot. */
export type Hit = 'x' | 'y' | 'xy' | 'nearest-x';

export interface ChartKind extends ShapeHooks {
  /** The layout plan of one drawing, worked out once per drawing (basePlan, then the kind's own frame and texts). */
  plan(chart: ResolvedChart, shape: ChartShape, layout: Layout, uncertainties: NumberedAnnotation[]): Plan;
  /** Plot marks: `under` goes below the reference lines (gridlines), `data` above them. */
  marks(ctx: DrawContext): { under?: PlotModule.Markish[]; data: PlotModule.Markish[] };
  /** The kind's x scale options (over the shared defaults) and its y scale. */
  scales(ctx: DrawContext): { x: Record<string, unknown>; y: Record<string, unknown> };
  /** The kind's part of the overlay (labels, error bars, markers). */
  overlay(shape: ChartShape): OverlayHooks;
  /** The sentence under the chart for screen readers and the data table. */
  summarize(chart: ResolvedChart, shape: ChartShape): string;
  reading: {
    hit(shape: ChartShape): Hit;
    /** A point's text starts with its value ("China, 2024: 270,000 t") or names its category ("Japan, 2023: Stated"). */
    head: 'value' | 'category';
  };
  /** How the key draws estimates: as lighter bars, or as hollow dots. */
  legendShape: 'bar' | 'dot';
}
