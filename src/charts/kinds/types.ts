// What a chart kind is: everything that differs between line, area, bar, dot and cell charts, in one object.
// The pipeline (render.ts, plot-options.ts, overlay/place.ts, points.ts) calls these and branches on no mark.
// Kinds get Plot from the draw context, so a kind module loads no Plot itself: `npm run check` and `npm run new`
// import the registry for the kinds' checks and starters.
import type * as PlotModule from '@observablehq/plot';
import type { Layout, Plan } from '../layout/plan.ts';
import type { OverlayHooks } from '../overlay/types.ts';
import type { PreparedView, ResolvedChart } from '../prepare.ts';
import type { ChartShape, DrawRow, NumberedAnnotation, ShapeHooks } from '../shape.ts';
import type { ChartSpec, Dataset } from '../../schemas/index.ts';
import type { Filter } from '../../schemas/filter.ts';
import type { FieldPath } from '../../util/positions.ts';

/** What a kind draws its marks and scales with: `plan` is the kind's own, as its `plan()` returned it. */
export interface DrawContext<P extends Plan = Plan> {
  Plot: typeof PlotModule;
  chart: ResolvedChart;
  shape: ChartShape;
  plan: P;
  layout: Layout;
  colorOf(row: DrawRow): string;
  /** Estimates and projections are hollow: the background inside, the row's colour around. */
  estimateFill(row: DrawRow): string;
}

/** How a reader's pointer finds a point: by row, by column, by distance, the nearest x over the whole plot, or the
 * place under it (maps: the outline or symbol it is over, else the nearest within reach). */
export type Hit = 'x' | 'y' | 'xy' | 'nearest-x' | 'region';

/**
 * A kind and its own plan: `P` is the shared Plan plus what only this kind lays out (a bar's value labels, a cell
 * grid's headers, a map's projected places). The pipeline hands each plan back to the kind that made it.
 */
export interface ChartKind<P extends Plan = Plan> extends ShapeHooks {
  /** The layout plan of one drawing, worked out once per drawing (basePlan, then the kind's own frame and texts). */
  plan(chart: ResolvedChart, shape: ChartShape, layout: Layout, uncertainties: NumberedAnnotation[]): P;
  /** Plot marks: `under` goes below the reference lines (gridlines), `data` above them. */
  marks(ctx: DrawContext<P>): { under?: PlotModule.Markish[]; data: PlotModule.Markish[] };
  /** The kind's x scale options (over the shared defaults) and its y scale. */
  scales(ctx: DrawContext<P>): { x: Record<string, unknown>; y: Record<string, unknown> };
  /** The kind's part of the overlay (labels, error bars, markers). */
  overlay(shape: ChartShape): OverlayHooks<P>;
  /** The sentence under the chart for screen readers and the data table. */
  summarize(chart: ResolvedChart, shape: ChartShape): string;
  reading: {
    hit(shape: ChartShape, chart: ResolvedChart): Hit;
    /** A point's text starts with its value ("China, 2024: 270,000 t") or names its category ("Japan, 2023: Stated"). */
    head: 'value' | 'category';
    /** Where a row's point is, px, for a kind that has no x and y scales (maps); default: from Plot's scales. */
    at?(row: DrawRow, plan: P): [number, number];
  };
  /** Views that keep other rows draw the same shapes, so the page recolours the first view's drawing (maps: recolour.ts). */
  recolours?: boolean;
  /** How the key draws estimates: as lighter bars, as hollow dots, or as places with a dashed outline (maps). */
  legendShape: 'bar' | 'dot' | 'outline';
  /** The field whose values a reader highlights, for a kind whose places are not on its text axis (a slope's are its
   * lines, not its two ends); without it, the place field is found from the axes (selection.ts). */
  placeField?(chart: ResolvedChart): string | undefined;
  /** What a figure's tab for a chart of this kind reads when the spec gives no label (tabs.ts); default "Chart". */
  tabLabel?: string;
  /** Notes the kind writes from the data, listed under the chart with the spec's notes (a map's rows left off it). */
  dataNotes?(chart: ResolvedChart, shape: ChartShape): string[];
  /** What `npm run check` holds a chart of this kind to, beyond the checks every chart gets. */
  checks?: KindChecks;
  /** `npm run new`'s pick of axes for a dataset, or undefined when the kind does not fit it. The registry's order is
   * the order of preference: the first kind that fits draws the starter. A filter keeps rows the kind needs to be
   * drawn (a slope's two x values, a map's latest year), and `why` says why, for `npm run new` to tell the editor. */
  starter?(fields: StarterFields): { x: string; y: string; color?: string; filter?: Filter; why?: string } | undefined;
  /** What the starter needs of a dataset, said when `npm run new -- chart --mark <kind>` cannot start one, e.g.
   * "a slope needs a field with at least two values for x, ...". */
  starterNeeds?: string;
}

export interface KindChecks {
  /** Axes drawn from zero (bar lengths, line and area values): zero counts as on them for notes and reference lines. */
  zeroOn: readonly ('x' | 'y')[];
  /** The kind draws `"stack"`: each colour category's rows stacked (sum) or as shares of their total (share). Its
   * `rows` check holds the stacks to parts of a whole (check-stack.ts). */
  stacks?: boolean;
  /** Why the kind cannot be drawn as small multiples (`"facet"`), when it cannot. */
  noFacet?: string;
  /** The kind's own rules for the rows each view keeps (a map's places, a slope's two ends, one bar per category),
   * run after the checks every chart gets (src/model/check-chart.ts). */
  rows?(check: ChartCheck): void;
}

/** A chart as `npm run check` holds it to its kind's rules: each view as prepared, and where problems go. */
export interface ChartCheck {
  chart: ChartSpec;
  dataset: Dataset;
  /** Every view of the chart, in order. */
  views: readonly ViewCheck[];
  /** A problem in a file (the chart's, or the dataset's for a row's field), at a field's path. */
  report(file: string, field: FieldPath, message: string, severity?: 'error' | 'warning'): void;
  /** True the first time a key is given, so that a problem found in several views is reported once. */
  once(key: string): boolean;
}

/** One view as checked: its rows as drawn, each knowing its row in the dataset (row-index.ts: `indexOf`). */
export interface ViewCheck extends PreparedView {
  /** The notes (annotations) at a value on an axis of this view, by index and axis; one off its axis is reported
   * by the checks every chart gets. */
  notesOnAxis: { index: number; axis: 'x' | 'y' }[];
}

/** A dataset's fields as `npm run new` sees them, for the kinds' starters. */
export interface StarterFields {
  /** A year or date field. */
  time?: string;
  /** The first other field that holds numbers only. */
  measure?: string;
  /** Text fields with more than one value, fewest values first. */
  categories: string[];
  /** Every row field, reserved ones left out. */
  fields: string[];
  /** Each field's distinct values, in the order of the rows (nulls left out). */
  values: Readonly<Record<string, readonly unknown[]>>;
  /** How many rows the dataset has: more rows than a field has values, and its values repeat. */
  rows: number;
}
