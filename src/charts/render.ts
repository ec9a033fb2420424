// The one renderer: a chart spec plus its dataset -> SVG strings, drawn at build time with Plot and linkedom.
// Pages never call Plot; they get everything they show from here.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import { formatFor, formatValue, isComputed } from './format.ts';
import { chartColorKey, chartPlan, chartShape, plotOptions, type ColorKey, type Layout, type NumberedAnnotation } from './plot-options.ts';
import { postprocessSvg } from './postprocess.ts';
import { statusWord } from './status-words.ts';
import { chartViews, prepareRows, resolveView, type ResolvedChart } from './prepare.ts';
import { summarize } from './summary.ts';

/**
 * The two widths each chart is drawn at: the page shows the one that fits, so text stays legible. The narrow one
 * is a 360 px phone less the page's side padding, so it is shown at its own size there.
 */
export const layouts = {
  wide: { width: 640, fontSize: 14 },
  narrow: { width: 328, fontSize: 13 },
} as const satisfies Record<string, Layout>;

/** A point a reader can hover or reach with the keyboard: its position in the SVG and what it says. */
export interface Point {
  x: number;
  y: number;
  text: string;
  /** Lines and areas: which of the view's `xTexts` reads this point's x. */
  xGroup?: number;
}

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
  columns: { field: string; label: string; format: ReturnType<typeof chartShape>['xFormat']; computed: boolean }[];
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
}

/** One entry of a chart's key: a colour category, or a way of drawing that needs explaining. */
export interface LegendItem {
  kind: 'swatch' | 'estimate' | 'range' | 'reported' | 'marker';
  label: string;
  color?: string;
  /** How the chart draws marks: estimates look different on bars than on dots. */
  shape?: 'bar' | 'dot';
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
  const resolved = chartViews(spec).map((view) => resolveView(spec, view));
  // One colour per category for the whole chart, from every view's rows, so each view matches the one legend.
  const colorKey = chartColorKey(resolved[0], resolved.flatMap((chart) => prepareRows(chart, dataset.rows).rows));
  const views = resolved.map((chart) => renderView(spec.id, chart, dataset, uncertainties, colorKey));
  return { id: spec.id, spec, dataset, uncertainties, notes, views, legend: legendOf(spec, views, uncertainties, colorKey) };
}

function legendOf(spec: ChartSpec, views: RenderedView[], uncertainties: NumberedAnnotation[], colorKey: ColorKey): LegendItem[] {
  const shape = spec.mark === 'bar' || spec.mark === 'cell' ? 'bar' : 'dot';
  const items: LegendItem[] = colorKey.entries.map((c) => ({ kind: 'swatch', label: statusWord(c.value), color: c.color }));
  if (views.some((v) => v.hasEstimates)) items.push({ kind: 'estimate', label: shape === 'bar' ? 'Estimate (lighter, dashed outline)' : 'Estimate (hollow)', shape });
  if (views.some((v) => v.hasRanges)) items.push({ kind: 'range', label: 'Range, low to high' });
  if (spec.reference?.some((r) => r.kind === 'reported')) items.push({ kind: 'reported', label: 'Figure as reported' });
  if (uncertainties.length) items.push({ kind: 'marker', label: "What we don't know, listed below" });
  return items;
}

function renderView(id: string, chart: ResolvedChart, dataset: Dataset, uncertainties: NumberedAnnotation[], colorKey: ColorKey): RenderedView {
  const { rows } = prepareRows(chart, dataset.rows);
  const shape = chartShape(chart, rows, colorKey);
  const suffix = chart.view ? `-${chart.view.id}` : '';
  const nearestX = chart.mark === 'line' || chart.mark === 'area';
  let xTexts: string[] = [];
  const drawings = (Object.keys(layouts) as (keyof typeof layouts)[]).map((name) => {
    const layout = layouts[name];
    const plot = Plot.plot({ ...plotOptions(chart, shape, layout, uncertainties), document } as Plot.PlotOptions) as unknown as SVGSVGElement & Plot.Plot;
    const width = Number(plot.getAttribute('width'));
    const height = Number(plot.getAttribute('height'));
    const read = pointsOf(chart, shape, plot, dataset.unit, chartPlan(chart, shape, layout, uncertainties).markOffset);
    xTexts = read.xTexts;
    const points = read.points;
    const svg = postprocessSvg(plot.outerHTML, `chart-${id}-title`, `chart-${id}-summary${suffix}`);
    const [bottom, top] = (plot.scale('y')?.range ?? [height, 0]).map(Number);
    return { layout: name, svg, width, height, points, frame: [Math.min(top, bottom), Math.max(top, bottom)] as [number, number] };
  });
  const fields = unique([chart.y, chart.x, chart.color, chart.label, ...Object.keys(rows[0] ?? {})].filter((f): f is string => Boolean(f)));
  const columns = fields
    .filter((f) => !['estimate', 'secondary', 'low', 'high', 'source', 'id'].includes(f) || (f === 'low' || f === 'high'))
    .filter((f) => rows.some((r) => r[f] !== undefined && r[f] !== null))
    .map((field) => ({
      field,
      label: field === chart.x && chart.xLabel ? chart.xLabel : field === chart.y && chart.yLabel ? chart.yLabel : humanize(field),
      // Other columns get the format their name and values suggest: a year column is not written "2,024".
      format: field === chart.x ? shape.xFormat : field === chart.y ? shape.yFormat : formatFor(field, undefined, chart, rows),
      computed: isComputed(field, chart),
    }));
  return {
    id: chart.view?.id,
    label: chart.view?.label,
    subtitle: chart.subtitle,
    summary: summarize(chart, shape),
    drawings,
    rows: shape.rows.map(({ __x, __y, ...row }) => row),
    columns,
    colors: shape.colors,
    hasEstimates: rows.some((r) => r.estimate),
    hasRanges: rows.some((r) => typeof r.low === 'number'),
    hit: nearestX ? 'nearest-x' : chart.mark === 'bar' ? (shape.orientation === 'horizontal' ? 'y' : 'x') : 'xy',
    ...(nearestX ? { xTexts } : {}),
  };
}

/**
 * Pixel positions of every drawn row, from Plot's own scales, with the tooltip text worked out here; and, per x
 * value, the text that reads every series there ("2024; China: 270,000 t; United States: 45,000 t, estimate").
 */
function pointsOf(chart: ResolvedChart, shape: ReturnType<typeof chartShape>, plot: Plot.Plot, unit: string | undefined, markOffset: number): { points: Point[]; xTexts: string[] } {
  const x = plot.scale('x');
  const y = plot.scale('y');
  const place = (scale: Plot.Scale | undefined, value: unknown) => {
    if (!scale) return 0;
    const at = Number(scale.apply(value));
    return scale.bandwidth ? at + scale.bandwidth / 2 + (scale === y ? markOffset : 0) : at;
  };
  const fx = (v: unknown) => formatValue(v, shape.xFormat, isComputed(chart.x, chart));
  const fy = (v: unknown) => formatValue(v, shape.yFormat, isComputed(chart.y, chart));
  const unitText = unit && shape.yFormat !== 'percent' && shape.xFormat !== 'percent' ? ` ${unit}` : '';
  const read = shape.rows.map((row) => {
    const horizontal = shape.orientation === 'horizontal';
    const name = chart.color ? `${row[chart.color]}` : '';
    // A figure the source gives only as a bound ("more than 95%") says so.
    const qualifier = typeof row.qualifier === 'string' && row.qualifier ? `${row.qualifier} ` : '';
    const [category, value] = horizontal ? [row[chart.y], qualifier + fx(row[chart.x])] : [fx(row[chart.x]), qualifier + fy(row[chart.y])];
    const valueWithUnit = chart.mark === 'cell' || chart.mark === 'dot' ? value : `${value}${unitText}`;
    const head =
      chart.mark === 'cell' || chart.mark === 'dot' ? `${row[chart.y]}, ${fx(row[chart.x])}${chart.color ? `: ${statusWord(name)}` : ''}` : `${name && name !== category ? `${name}, ` : ''}${category}: ${valueWithUnit}`;
    const details = [
      chart.label && row[chart.label] ? String(row[chart.label]) : '',
      typeof row.low === 'number' && typeof row.high === 'number' ? `range ${fy(row.low)} to ${fy(row.high)}` : '',
      row.estimate ? 'estimate' : '',
      row.secondary ? 'secondary source' : '',
      row.edition && row.edition !== name ? `source: ${row.edition}` : '', // unless the series is the edition
      row.revised ? `revised (${row.revised})` : '',
    ].filter(Boolean);
    return { row, name, category, valueWithUnit, text: [head, ...details].join('; '), details };
  });
  // Points that share an x, in the legend's order of series; a chart of one series reads as its point does.
  const xKeys = [...new Set(shape.rows.map((row) => String(row.__x)))];
  const order = (name: string) => shape.colors.findIndex((c) => c.value === name);
  const xTexts = xKeys.map((key) => {
    const members = read.filter((r) => String(r.row.__x) === key).sort((a, b) => order(a.name) - order(b.name));
    if (!chart.color && members.length === 1) return members[0].text;
    return [members[0].category, ...members.map((m) => [m.name ? `${m.name}: ${m.valueWithUnit}` : m.valueWithUnit, ...m.details].join(', '))].join('; ');
  });
  const points = read.map(({ row, text }) => {
    // A stacked bar's point is at the end of its own segment.
    const px = place(x, shape.orientation === 'horizontal' ? row.__top ?? row.__x : row.__x);
    const py = place(y, shape.orientation === 'vertical' ? row.__top ?? row.__y : row.__y);
    return { x: Math.round(px * 10) / 10, y: Math.round(py * 10) / 10, text, xGroup: xKeys.indexOf(String(row.__x)) };
  });
  return { points, xTexts };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function humanize(field: string): string {
  const words = field.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\bpct\b/i, '%').replace(/\breo\b/i, 'REO');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
