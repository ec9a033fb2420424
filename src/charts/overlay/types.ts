// The overlay's seams: what a layer draws with (At) and the slots a kind fills (OverlayHooks), in one module that
// the overlay's parts and the kinds all import, so none of them imports another's implementation for a type.
import type { Plan } from '../layout/plan.ts';
import type { ResolvedChart } from '../prepare.ts';
import type { ChartShape, DrawRow, NumberedAnnotation } from '../shape.ts';
import type { Painter, Scale, Scales } from './paint.ts';
import type { Box, Segment, Space } from './space.ts';

/** What an overlay layer draws with: the drawing so far, the scales, and pixel positions of values; `plan` is the
 * kind's own (its texts beside the marks). */
export interface At<P extends Plan = Plan> {
  paint: Painter;
  g: SVGElement;
  space: Space;
  frame: Box;
  plan: P;
  chart: ResolvedChart;
  shape: ChartShape;
  rows: DrawRow[];
  X: Scale;
  Y: Scale;
  /** Pixel of a value, at the centre of its band (and at the mark's offset in a category row). */
  x(value: unknown): number;
  y(value: unknown): number;
  f: number;
  lh: number;
  colorOf(row: DrawRow): string;
  /** Boxes of the texts written on or beside marks, by row: markers go after them. */
  valueBoxes: Map<DrawRow, Box>;
}

/** A kind's part of the overlay, in the order the layers run, given the kind's own plan. */
export interface OverlayHooks<P extends Plan = Plan> {
  /** The box a row's mark covers, and whether labels must keep clear of it (points) or may cover it a little. */
  markBox(row: DrawRow, at: At<P>): Box;
  markIsHard: boolean;
  /** Lines joining the marks, which labels should not cross. */
  dataSegments?(at: At<P>): Segment[];
  /** Column headers (cell grids), drawn after the y label. */
  headers?(at: At<P>): void;
  /** Labels of events (timelines), after the labels of reference lines across x. */
  events?(at: At<P>): void;
  /** Error bars run along x (bars on their side) or y (everything else). */
  rangeAxis: 'x' | 'y';
  /** Ranges next to each other in a series are a shaded band (lines, areas): only a range alone gets an error bar. */
  bands?: boolean;
  /** Texts on or beside the marks (bar values, cell texts), after the error bars. */
  values?(at: At<P>): void;
  /** Direct labels of series, after the labels of reference lines across y. */
  series?(at: At<P>): void;
  /** Where an uncertainty marker may go; undefined for the default, around its point. */
  markerPlaces?(
    u: NumberedAnnotation,
    ux: number | undefined,
    uy: number | undefined,
    at: At<P>,
  ): MarkerPlaces | undefined;
  /** Under the data (before it is drawn), e.g. a timeline's row guides and period boundaries. */
  underlay?(paint: Painter, g: SVGElement, scales: Scales, plan: P): void;
}

export interface MarkerCandidate {
  cx: number;
  cy: number;
  box: Box;
  penalty: number;
}

/** Where a kind lets a marker go, best first, and what else it draws with the marker (a cell's outline). */
export interface MarkerPlaces {
  candidates: MarkerCandidate[];
  /** The point the marker is about: a leader line joins them when the marker sits away from it. */
  anchor?: [number, number];
  draw?(group: SVGElement): void;
}
