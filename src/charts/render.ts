// The one renderer: a chart spec plus its dataset -> SVG strings, drawn at build time with Plot and linkedom.
// Pages never call Plot; they get everything they show from here.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import { formatFor, isComputed, type ValueFormat } from './format.ts';
import { kindOf } from './kinds/index.ts';
import { fieldLabel } from './labels.ts';
import type { ChartKind, Hit } from './kinds/types.ts';
import type { Layout } from './layout/plan.ts';
import { legendOf, type LegendItem } from './legend.ts';
import { plotOptions } from './plot-options.ts';
import { pointsOf, type Point } from './points.ts';
import { postprocessSvg } from './postprocess.ts';
import type { PreparedView } from './prepare.ts';
import { prepareViews } from './views.ts';
import { bandLabel, bandRows, isProjection, projectionNote } from './projection.ts';
import {
  chartColorKey,
  chartShape,
  type ChartShape,
  type ColorKey,
  type DrawRow,
  type NumberedAnnotation,
} from './shape.ts';
import { composeFacets, facetLayout, facetsOf, markersOf } from './facets.ts';
import { selectionOf, type Selection } from './selection.ts';
import { paintBetween, type Paint } from './recolour.ts';

export type { LegendItem, Point };

/**
 * The two widths each chart is drawn at: the page shows the one that fits, so text stays legible. The narrow one
 * is a 360 px phone less the page's side padding, so it is shown at its own size there.
 */
export const layouts = {
  wide: { width: 640, fontSize: 14 },
  narrow: { width: 328, fontSize: 13 },
} as const satisfies Record<string, Layout>;

export interface Drawing {
  layout: keyof typeof layouts;
  svg: string;
  width: number;
  height: number;
  points: Point[];
  /** Top and bottom of the plotting frame, px: where a rule at the pointer's x is drawn. */
  frame: [number, number];
  /** Small multiples: each facet's plotting frame (x0, y0, x1, y1), px, where its points are read. */
  panels?: [number, number, number, number][];
}

export interface RenderedView {
  id?: string;
  label?: string;
  title: string; // a view made by `viewsBy` writes its value for `{field}` (views-by.ts)
  subtitle?: string;
  summary: string;
  drawings: Drawing[];
  /** The rows drawn, for the data table. */
  rows: Row[];
  columns: { field: string; label: string; format: ValueFormat; computed: boolean }[];
  colors: { value: string; color: string }[];
  hasEstimates: boolean;
  /** Ranges drawn as error bars. */
  hasRanges: boolean;
  /** Ranges the chart does not draw (a stack's parts, a map's places): listed in the tooltips and the table. */
  listsRanges: boolean;
  /** Ranges drawn as a shaded band (lines and areas), with the legend's words for it. */
  band?: string;
  hasProjections: boolean;
  /**
   * How a pointer finds its point: by row for horizontal bars, by column for vertical ones, by distance for dots
   * and cells; lines and areas take the nearest x anywhere over the plot and read every series at that x.
   */
  hit: Hit;
  /** Notes written from this view's data (kind.dataNotes). */
  dataNotes: string[];
  /** With hit 'nearest-x': what the tooltip says at each x, naming every series drawn there. */
  xTexts?: string[];
  /** Charts with a place or series field: each point's place, year and highlighted sentence (selection.ts). */
  selection?: Selection;
  /** A view after the first that differs from it in paint only (a map's year): per layout, what recolours the first
   * view's drawing to this one (recolour.ts). The page carries this instead of the view's drawings. */
  paint?: Record<keyof typeof layouts, Paint>;
}

export interface RenderedChart {
  id: string;
  spec: ChartSpec;
  dataset: Dataset;
  uncertainties: NumberedAnnotation[];
  /** Annotations of kind note or claim, listed as text. */
  notes: NumberedAnnotation[];
  /** Notes the chart's kind wrote from the data, each once over all views (a map's rows left off it). */
  dataNotes: string[];
  views: RenderedView[];
  /** The key shown above the chart: colours, estimates, ranges, reported figures, numbered markers. */
  legend: LegendItem[];
}

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Draws a chart: `prepared` are its views as the build prepared them once (src/model/load.ts), else prepared here. */
export function renderChart(
  spec: ChartSpec,
  dataset: Dataset,
  prepared: readonly PreparedView[] = prepareViews(spec, dataset.rows, dataset),
): RenderedChart {
  const annotations = spec.annotations ?? [];
  const uncertainties = annotations.filter((a) => a.kind === 'uncertainty').map((a, i) => ({ ...a, number: i + 1 }));
  const notes = annotations.filter((a) => a.kind !== 'uncertainty').map((a, i) => ({ ...a, number: i + 1 }));
  const kind = kindOf(spec.mark);
  const viewsRows = prepared.map((view) => view.rows);
  // One colour per category for the whole chart, from every view's rows, so each view matches the one legend.
  const colorKey = chartColorKey(prepared[0].resolved, viewsRows.flat(), kind);
  const views = prepared.map((view) => renderView(kind, spec.id, view, dataset, uncertainties, colorKey, viewsRows));
  if (kind.recolours) for (const view of views.slice(1)) paintOf(views[0], view);
  const dataNotes = [...otherNote(colorKey, spec.color), ...new Set(views.flatMap((view) => view.dataNotes))];
  return {
    id: spec.id,
    spec,
    dataset,
    uncertainties,
    notes,
    dataNotes,
    views,
    legend: legendOf(kind, spec, views, uncertainties, colorKey),
  };
}

/** The note on the smallest categories drawn as one colour, past the palette's length (shape.ts chartColorKey). */
function otherNote(colorKey: ColorKey, field: string | undefined): string[] {
  if (!colorKey.other) return [];
  const { value, members } = colorKey.other;
  const names = `${members.slice(0, -1).join(', ')} and ${members[members.length - 1]}`;
  return [
    `"${value}" is ${names}: the ${members.length} smallest by ${field ?? 'category'}, drawn in one colour, as the chart has more than the colours that can be told apart; each is named in its tooltip and in the table.`,
  ];
}

/** A view that differs from the first in paint only, at every layout, gets its paint (the kind draws the same shapes). */
function paintOf(first: RenderedView, view: RenderedView) {
  const paints = view.drawings.map(
    (drawing) =>
      [
        drawing.layout,
        paintBetween(first.drawings.find((d) => d.layout === drawing.layout)?.svg ?? '', drawing.svg),
      ] as const,
  );
  if (paints.every(([, paint]) => paint)) view.paint = Object.fromEntries(paints) as RenderedView['paint'];
}

function renderView(
  kind: ChartKind,
  id: string,
  { rows, chart }: PreparedView,
  dataset: Dataset,
  uncertainties: NumberedAnnotation[],
  colorKey: ColorKey,
  viewsRows: Row[][],
): RenderedView {
  const shape = { ...chartShape(chart, rows, colorKey, kind), viewsRows };
  const suffix = chart.view ? `-${chart.view.id}` : '';
  const hit = kind.reading.hit(shape, chart);
  const banded =
    shape.rangesDrawn && kind.overlay(shape).bands
      ? bandRows(shape.rows, chart.color ?? undefined)
      : new Set<DrawRow>();
  let xTexts: string[] = [];
  const labelledBy = `chart-${id}-title`;
  const describedBy = `chart-${id}-summary${suffix}`;
  // One drawing of a chart (or of one facet of it) at one layout: its plan, Plot's SVG and the points read from it.
  const draw = (drawShape: ChartShape, layout: Layout, markers: NumberedAnnotation[]) => {
    // The plan is worked out once per drawing, and both Plot's options and the points read it. Every marker counts
    // in the plan, so that the small charts of a facet all keep the same room for them.
    const plan = kind.plan(chart, drawShape, layout, uncertainties);
    const plot = Plot.plot({
      ...plotOptions(kind, chart, drawShape, plan, layout, markers),
      document,
    } as Plot.PlotOptions) as unknown as SVGSVGElement & Plot.Plot;
    const width = Number(plot.getAttribute('width'));
    const height = Number(plot.getAttribute('height'));
    const read = pointsOf(kind, chart, drawShape, plot, dataset.unit, plan);
    const [bottom, top] = Array.from(plot.scale('y')?.range ?? [height, 0], Number);
    return {
      plot,
      plan,
      width,
      height,
      read,
      frame: [Math.min(top, bottom), Math.max(top, bottom)] as [number, number],
    };
  };
  const facets = chart.facet ? facetsOf(chart, shape) : [];
  const facetMarkers = markersOf(chart, facets, uncertainties);
  const drawings = (Object.keys(layouts) as (keyof typeof layouts)[]).map((name): Drawing => {
    const layout = layouts[name];
    if (!facets.length) {
      const { plot, width, height, read, frame } = draw(shape, layout, uncertainties);
      xTexts = read.xTexts;
      return {
        layout: name,
        svg: postprocessSvg(plot.outerHTML, labelledBy, describedBy),
        width,
        height,
        points: read.points,
        frame,
      };
    }
    const panelLayout = facetLayout(facets.length, layout);
    const parts = facets.map((facet, i) => {
      const { plot, plan, width, height, read } = draw(facet.shape, panelLayout, facetMarkers[i]);
      return {
        svg: plot,
        width,
        height,
        points: read.points,
        xTexts: read.xTexts,
        frame: [plan.marginLeft, plan.marginTop, width - plan.marginRight, height - plan.marginBottom] as [
          number,
          number,
          number,
          number,
        ],
      };
    });
    const grid = composeFacets(document as unknown as Document, facets, parts, layout);
    xTexts = grid.xTexts;
    const [, y0, , y1] = grid.panels[0];
    return {
      layout: name,
      svg: postprocessSvg(grid.svg.outerHTML, labelledBy, describedBy),
      width: grid.width,
      height: grid.height,
      points: grid.points,
      frame: [y0, y1],
      panels: grid.panels,
    };
  });
  // A range is a column wherever any row has one (the first row may have none: a projection's range comes later).
  const fields = [
    ...new Set(
      [chart.facet, chart.y, chart.x, chart.color, chart.label, ...Object.keys(rows[0] ?? {}), 'low', 'high'].filter(
        (f): f is string => Boolean(f),
      ),
    ),
  ];
  const columns = fields
    .filter(
      (f) =>
        !['estimate', 'secondary', 'projection', 'low', 'high', 'source', 'id'].includes(f) ||
        f === 'low' ||
        f === 'high',
    )
    .filter((f) => rows.some((r) => r[f] !== undefined && r[f] !== null))
    .map((field) => ({
      field,
      label:
        field === chart.x && chart.xLabel
          ? chart.xLabel
          : field === chart.y && chart.yLabel
            ? chart.yLabel
            : fieldLabel(field),
      // Other columns get the format their name and values suggest: a year column is not written "2,024".
      format:
        field === chart.x
          ? shape.xFormat
          : field === chart.y
            ? shape.yFormat
            : formatFor(field, undefined, chart, rows),
      computed: isComputed(field, chart),
    }));
  return {
    id: chart.view?.id,
    label: chart.view?.label,
    title: chart.title,
    subtitle: chart.subtitle,
    // Small multiples: a sentence per facet, each computed from its own rows. Every kind's summary says which
    // figures are projections.
    summary:
      (facets.length
        ? facets.map((facet) => `${facet.value}: ${kind.summarize(chart, facet.shape)}`).join(' ')
        : kind.summarize(chart, shape)) + projectionNote(chart, shape),
    drawings,
    rows: shape.rows.map(({ __x, __y, ...row }) => row),
    columns,
    colors: shape.colors,
    hasEstimates: rows.some((r) => r.estimate),
    hasRanges: shape.rangesDrawn && shape.rows.some((r) => typeof r.low === 'number' && !banded.has(r)),
    listsRanges: !shape.rangesDrawn && shape.rows.some((r) => typeof r.low === 'number' || typeof r.high === 'number'),
    ...(banded.size ? { band: bandLabel([...banded], dataset) } : {}),
    hasProjections: shape.rows.some(isProjection),
    hit,
    dataNotes: kind.dataNotes?.(chart, shape) ?? [],
    ...(hit === 'nearest-x' ? { xTexts } : {}),
    selection: selectionOf(chart, shape.rows, shape, dataset),
  };
}
