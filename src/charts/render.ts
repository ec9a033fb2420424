// The one renderer: a chart spec plus its dataset -> SVG strings, drawn at build time with Plot and linkedom.
// Pages never call Plot; they get everything they show from here.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import { formatFor, isComputed } from './format.ts';
import { kindOf } from './kinds/index.ts';
import { fieldLabel } from './labels.ts';
import type { ChartKind } from './kinds/types.ts';
import type { Layout } from './layout/plan.ts';
import { legendOf, type LegendItem } from './legend.ts';
import { plotOptions } from './plot-options.ts';
import { pointsOf, type Point } from './points.ts';
import { postprocessSvg } from './postprocess.ts';
import { chartViews, prepareRows, resolveView, type ResolvedChart } from './prepare.ts';
import { selectionOf, type Selection } from './selection.ts';
import { chartColorKey, chartShape, type ColorKey, type NumberedAnnotation } from './shape.ts';

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
}

export interface RenderedView {
  id?: string;
  label?: string;
  subtitle?: string;
  summary: string;
  drawings: Drawing[];
  /** The rows drawn, for the data table. */
  rows: Row[];
  columns: { field: string; label: string; format: ReturnType<typeof formatFor>; computed: boolean }[];
  colors: { value: string; color: string }[];
  hasEstimates: boolean;
  hasRanges: boolean;
  /**
   * How a pointer finds its point: by row for horizontal bars, by column for vertical ones, by distance for dots
   * and cells; lines and areas take the nearest x anywhere over the plot and read every series at that x.
   */
  hit: 'x' | 'y' | 'xy' | 'nearest-x';
  /** With hit 'nearest-x': what the tooltip says at each x, naming every series drawn there. */
  xTexts?: string[];
  /** Charts with a place or series field: each point's place, year and highlighted sentence (selection.ts). */
  selection?: Selection;
}

export interface RenderedChart {
  id: string;
  spec: ChartSpec;
  dataset: Dataset;
  uncertainties: NumberedAnnotation[];
  /** Annotations of kind note or claim, listed as text. */
  notes: NumberedAnnotation[];
  views: RenderedView[];
  /** The key shown above the chart: colours, estimates, ranges, reported figures, numbered markers. */
  legend: LegendItem[];
}

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export function renderChart(spec: ChartSpec, dataset: Dataset): RenderedChart {
  const annotations = spec.annotations ?? [];
  const uncertainties = annotations.filter((a) => a.kind === 'uncertainty').map((a, i) => ({ ...a, number: i + 1 }));
  const notes = annotations.filter((a) => a.kind !== 'uncertainty').map((a, i) => ({ ...a, number: i + 1 }));
  const kind = kindOf(spec.mark);
  const resolved = chartViews(spec).map((view) => resolveView(spec, view));
  // One colour per category for the whole chart, from every view's rows, so each view matches the one legend.
  const colorKey = chartColorKey(resolved[0], resolved.flatMap((chart) => prepareRows(chart, dataset.rows).rows), kind);
  const views = resolved.map((chart) => renderView(kind, spec.id, chart, dataset, uncertainties, colorKey));
  return { id: spec.id, spec, dataset, uncertainties, notes, views, legend: legendOf(kind, spec, views, uncertainties, colorKey) };
}

function renderView(kind: ChartKind, id: string, chart: ResolvedChart, dataset: Dataset, uncertainties: NumberedAnnotation[], colorKey: ColorKey): RenderedView {
  const { rows } = prepareRows(chart, dataset.rows);
  const shape = chartShape(chart, rows, colorKey, kind);
  const suffix = chart.view ? `-${chart.view.id}` : '';
  const hit = kind.reading.hit(shape);
  let xTexts: string[] = [];
  const drawings = (Object.keys(layouts) as (keyof typeof layouts)[]).map((name) => {
    const layout = layouts[name];
    // The plan is worked out once per drawing, and both Plot's options and the points read it.
    const plan = kind.plan(chart, shape, layout, uncertainties);
    const plot = Plot.plot({ ...plotOptions(kind, chart, shape, plan, layout, uncertainties), document } as Plot.PlotOptions) as unknown as SVGSVGElement & Plot.Plot;
    const width = Number(plot.getAttribute('width'));
    const height = Number(plot.getAttribute('height'));
    const read = pointsOf(kind, chart, shape, plot, dataset.unit, plan.markOffset);
    xTexts = read.xTexts;
    const points = read.points;
    const svg = postprocessSvg(plot.outerHTML, `chart-${id}-title`, `chart-${id}-summary${suffix}`);
    const [bottom, top] = (plot.scale('y')?.range ?? [height, 0]).map(Number);
    return { layout: name, svg, width, height, points, frame: [Math.min(top, bottom), Math.max(top, bottom)] as [number, number] };
  });
  const fields = [...new Set([chart.y, chart.x, chart.color, chart.label, ...Object.keys(rows[0] ?? {})].filter((f): f is string => Boolean(f)))];
  const columns = fields
    .filter((f) => !['estimate', 'secondary', 'low', 'high', 'source', 'id'].includes(f) || (f === 'low' || f === 'high'))
    .filter((f) => rows.some((r) => r[f] !== undefined && r[f] !== null))
    .map((field) => ({
      field,
      label: field === chart.x && chart.xLabel ? chart.xLabel : field === chart.y && chart.yLabel ? chart.yLabel : fieldLabel(field),
      // Other columns get the format their name and values suggest: a year column is not written "2,024".
      format: field === chart.x ? shape.xFormat : field === chart.y ? shape.yFormat : formatFor(field, undefined, chart, rows),
      computed: isComputed(field, chart),
    }));
  return {
    id: chart.view?.id,
    label: chart.view?.label,
    subtitle: chart.subtitle,
    summary: kind.summarize(chart, shape),
    drawings,
    rows: shape.rows.map(({ __x, __y, ...row }) => row),
    columns,
    colors: shape.colors,
    hasEstimates: rows.some((r) => r.estimate),
    hasRanges: rows.some((r) => typeof r.low === 'number'),
    hit,
    ...(hit === 'nearest-x' ? { xTexts } : {}),
    selection: selectionOf(chart, shape.rows, shape, dataset),
  };
}
