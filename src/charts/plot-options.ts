// A chart spec and its prepared rows -> Plot options. Pure: builds mark objects, draws nothing.
import * as Plot from '@observablehq/plot';
import type { Annotation, Row } from '../schemas/index.ts';
import { formatFor, formatValue, isComputed, isDateText, tickFormatter, toDate } from './format.ts';
import type { ResolvedChart } from './prepare.ts';

/** Colours come from CSS custom properties, so dark mode and print restyle the same SVG. */
export const palette = ['var(--chart-c1)', 'var(--chart-c2)', 'var(--chart-c3)', 'var(--chart-c4)', 'var(--chart-c5)', 'var(--chart-c6)'];
export const accent = 'var(--chart-accent)';
export const muted = 'var(--chart-muted)';
const background = 'var(--chart-bg)';
const ink = 'var(--chart-ink)';

export interface Layout {
  width: number;
  /** Font size in px the SVG is drawn with; margins are sized for it. */
  fontSize: number;
}

export interface NumberedAnnotation extends Annotation {
  number: number;
}

/** Rows as Plot sees them: x and y under fixed names, dates as Date objects. */
export interface DrawRow extends Row {
  __x: unknown;
  __y: unknown;
}

export interface ChartShape {
  rows: DrawRow[];
  /** Bars, cells and timelines put categories on y; lines and areas put numbers on y. */
  orientation: 'vertical' | 'horizontal';
  xFormat: ReturnType<typeof formatFor>;
  yFormat: ReturnType<typeof formatFor>;
  /** Colour categories in legend order with their colours. */
  colors: { value: string; color: string }[];
}

const asAxisValue = (value: unknown) => (isDateText(value) ? toDate(value) : value);

export function chartShape(chart: ResolvedChart, rows: readonly Row[]): ChartShape {
  const drawRows = rows
    .filter((row) => row[chart.x] !== null && row[chart.x] !== undefined && row[chart.y] !== null && row[chart.y] !== undefined)
    .map((row) => ({ ...row, __x: asAxisValue(row[chart.x]), __y: asAxisValue(row[chart.y]) }));
  const xNumeric = drawRows.every((r) => typeof r.__x === 'number');
  const yNumeric = drawRows.every((r) => typeof r.__y === 'number');
  const orientation = chart.mark === 'bar' && xNumeric && !yNumeric ? 'horizontal' : 'vertical';
  const categories = chart.color ? unique(drawRows.map((r) => String(r[chart.color!]))) : [];
  const order = chart.colorOrder ? [...chart.colorOrder, ...categories.filter((c) => !chart.colorOrder!.includes(c))] : categories;
  const present = order.filter((value) => categories.includes(value));
  // With a highlight, the legend names the highlighted category and "the rest"; marks use colorOf below.
  const colors = chart.highlight
    ? [{ value: chart.highlight, color: accent }, { value: 'Others', color: muted }]
    : present.map((value, i) => ({ value, color: palette[i % palette.length] }));
  return {
    rows: drawRows,
    orientation,
    xFormat: formatFor(chart.x, 'x', chart, rows),
    yFormat: formatFor(chart.y, 'y', chart, rows),
    colors,
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

export function plotOptions(chart: ResolvedChart, shape: ChartShape, layout: Layout, uncertainties: NumberedAnnotation[]): Plot.PlotOptions {
  const { rows, orientation, xFormat, yFormat, colors } = shape;
  const { width, fontSize } = layout;
  const colorOf = (row: Row) => {
    const category = chart.color ? String(row[chart.color]) : undefined;
    if (chart.highlight) return category === chart.highlight ? accent : muted;
    return colors.find((c) => c.value === category)?.color ?? accent;
  };
  const estimateFill = (row: Row) => (row.estimate ? background : colorOf(row));
  const categoryAxis = orientation === 'horizontal' || chart.mark === 'cell' || (chart.mark === 'dot' && rows.some((r) => typeof r.__y === 'string'));
  const yCategories = categoryAxis ? unique(rows.map((r) => String(r.__y))) : [];
  const xCategories = chart.mark === 'cell' || (chart.mark === 'bar' && orientation === 'vertical') ? unique(rows.map((r) => String(r.__x))) : [];
  const marks: Plot.Markish[] = [];

  const xDisplay = (v: unknown) => formatValue(v, xFormat, isComputed(chart.x, chart));
  const yDisplay = (v: unknown) => formatValue(v, yFormat, isComputed(chart.y, chart));
  const valueLabel = (row: Row) => (orientation === 'horizontal' ? xDisplay(row[chart.x]) : yDisplay(row[chart.y]));
  const longestCategory = Math.max(0, ...yCategories.map((c) => textWidth(c, fontSize)));
  const marginLeft = categoryAxis ? Math.min(width * 0.42, Math.ceil(longestCategory + 14)) : Math.max(48, textWidth(yDisplay(maxOf(rows, '__y')), fontSize) + 14);
  let marginRight = 16;

  if (chart.mark === 'line' || chart.mark === 'area') {
    const z = chart.color ?? undefined;
    if (chart.mark === 'area') marks.push(Plot.areaY(rows, { x: '__x', y: '__y', z, fill: (r: Row) => colorOf(r), fillOpacity: 0.25 }));
    marks.push(Plot.lineY(rows, { x: '__x', y: '__y', z, stroke: (r: Row) => colorOf(r), strokeWidth: 2.5 }));
    marks.push(Plot.dot(rows, { x: '__x', y: '__y', r: 4, stroke: (r: Row) => colorOf(r), strokeWidth: 2, fill: estimateFill }));
    if (chart.color) {
      marks.push(Plot.text(rows, Plot.selectLast({ x: '__x', y: '__y', z, text: (r: Row) => String(r[chart.color!]), dx: 8, textAnchor: 'start', fill: ink })));
      marginRight = Math.max(marginRight, Math.max(...colors.map((c) => textWidth(c.value, fontSize))) + 14);
    }
    marks.push(Plot.ruleY([0], { stroke: ink }));
  } else if (chart.mark === 'bar') {
    const bar = orientation === 'horizontal' ? Plot.barX : Plot.barY;
    marks.push(
      bar(rows, {
        x: '__x',
        y: '__y',
        fill: colorOf,
        fillOpacity: (r: Row) => (r.estimate ? 0.45 : 1),
        stroke: colorOf,
        strokeDasharray: (r: Row) => (r.estimate ? '3,2' : null),
        ...(orientation === 'horizontal' ? { insetTop: 2, insetBottom: 2 } : { insetLeft: 2, insetRight: 2 }),
      } as Plot.BarXOptions),
    );
    if (orientation === 'horizontal') {
      marks.push(Plot.text(rows, { x: '__x', y: '__y', text: valueLabel, dx: 6, textAnchor: 'start', fill: ink }));
      marginRight = Math.max(...rows.map((r) => textWidth(valueLabel(r), fontSize))) + 16;
      marks.push(Plot.ruleX([0], { stroke: ink }));
    } else {
      marks.push(Plot.text(rows, { x: '__x', y: '__y', text: valueLabel, dy: -8, fill: ink }));
      marks.push(Plot.ruleY([0], { stroke: ink }));
    }
  } else if (chart.mark === 'dot') {
    marks.push(Plot.dot(rows, { x: '__x', y: '__y', r: 6, stroke: colorOf, strokeWidth: 2, fill: estimateFill }));
    if (chart.label) {
      const [left, right] = splitByMiddle(rows);
      const text = (r: Row) => String(r[chart.label!] ?? '');
      const lineWidth = Math.max(8, Math.round(width / fontSize / 2.2));
      marks.push(Plot.text(left, { x: '__x', y: '__y', text, dx: 11, textAnchor: 'start', fill: ink, lineWidth }));
      marks.push(Plot.text(right, { x: '__x', y: '__y', text, dx: -11, textAnchor: 'end', fill: ink, lineWidth }));
    }
  } else if (chart.mark === 'cell') {
    marks.push(Plot.cell(rows, { x: '__x', y: '__y', fill: colorOf, inset: 1.5 }));
    if (chart.color) marks.push(Plot.text(rows, { x: '__x', y: '__y', text: (r: Row) => cellText(String(r[chart.color!])), fill: 'var(--chart-on-cell)' }));
  }

  // Ranges: low/high as error bars.
  const ranged = rows.filter((r) => typeof r.low === 'number' && typeof r.high === 'number');
  if (ranged.length) {
    marks.push(
      orientation === 'horizontal'
        ? Plot.ruleY(ranged, { y: '__y', x1: 'low', x2: 'high', stroke: ink, strokeWidth: 1.5 })
        : Plot.ruleX(ranged, { x: '__x', y1: 'low', y2: 'high', stroke: ink, strokeWidth: 1.5 }),
    );
  }

  // Reference lines: a figure as reported, dashed and labelled.
  for (const line of chart.reference ?? []) {
    const dash = line.kind === 'reported' ? '6,4' : '2,3';
    if (line.y !== undefined) {
      marks.push(Plot.ruleY([asAxisValue(line.y)], { stroke: 'var(--chart-reported)', strokeWidth: 2, strokeDasharray: dash }));
      marks.push(Plot.text([line.label], { frameAnchor: 'left', y: asAxisValue(line.y), dy: -9, dx: 4, textAnchor: 'start', fill: 'var(--chart-reported)', fontWeight: 'bold', lineWidth: Math.round(width / fontSize) } as Plot.TextOptions));
    } else {
      const x = asAxisValue(line.x);
      const rightHalf = splitByMiddle([{ __x: x } as DrawRow, ...rows])[1].some((r) => r.__x === x);
      marks.push(Plot.ruleX([x], { stroke: 'var(--chart-reported)', strokeWidth: 2, strokeDasharray: dash }));
      marks.push(Plot.text([line.label], { frameAnchor: 'top', x, dy: -6, dx: rightHalf ? -5 : 5, textAnchor: rightHalf ? 'end' : 'start', lineAnchor: 'bottom', fill: 'var(--chart-reported)', fontWeight: 'bold', lineWidth: Math.round(width / fontSize / 2.2) } as Plot.TextOptions));
    }
  }

  // Uncertainties: numbered markers at their x/y; the numbers match the list under the chart.
  const placed = uncertainties.filter((a) => a.x !== undefined || a.y !== undefined);
  if (placed.length) {
    const at = placed.map((a) => ({
      n: String(a.number),
      x: a.x !== undefined ? asAxisValue(a.x) : undefined,
      y: a.y !== undefined ? asAxisValue(a.y) : undefined,
    }));
    const position = { x: (d: { x: unknown }) => d.x, y: (d: { y: unknown }) => d.y, frameAnchor: 'top-right' } as const;
    const offset = { dx: fontSize * 0.9, dy: -fontSize * 1.2 };
    marks.push(Plot.dot(at, { ...position, ...offset, r: fontSize * 0.72, fill: 'var(--chart-marker)', stroke: background, strokeWidth: 1.5 } as Plot.DotOptions));
    marks.push(Plot.text(at, { ...position, ...offset, text: 'n', fill: 'var(--chart-on-marker)', fontWeight: 'bold', fontSize: fontSize * 0.85 } as Plot.TextOptions));
  }

  const xTicks = tickFormatter(xFormat);
  const yTicks = tickFormatter(yFormat);
  const years = xFormat === 'year' ? unique(rows.map((r) => r.__x as number)).sort((a, b) => a - b) : [];
  return {
    width,
    height: categoryAxis ? Math.max(160, yCategories.length * fontSize * 2.6 + 70) : Math.round(Math.min(420, Math.max(240, width * 0.6))),
    marginLeft,
    marginRight,
    marginTop: 28,
    marginBottom: chart.mark === 'cell' ? 16 : 40,
    style: null as never,
    x: {
      label: chart.xLabel ?? null,
      tickFormat: xTicks,
      ...(xCategories.length ? { domain: xCategories, padding: chart.mark === 'cell' ? 0 : 0.15 } : {}),
      ...(chart.mark === 'cell' ? { axis: 'top', tickSize: 0 } : {}),
      ...(years.length ? { ticks: thinTicks(years, width / (fontSize * 4)) } : {}),
      ...(orientation === 'horizontal' ? { axis: null, nice: true } : {}),
    } as Plot.ScaleOptions,
    y: {
      label: orientation === 'horizontal' || categoryAxis ? null : chart.yLabel ?? null,
      tickFormat: yTicks,
      grid: !categoryAxis,
      ...(yCategories.length ? { domain: yCategories, padding: chart.mark === 'cell' ? 0 : 0.2 } : { nice: true, ticks: 5 }),
      ...(categoryAxis ? { tickSize: 0 } : {}),
    } as Plot.ScaleOptions,
    marks,
  };
}

/** Rows in the left and right halves of the x extent, so labels can point inwards. */
function splitByMiddle(rows: DrawRow[]): [DrawRow[], DrawRow[]] {
  const xs = rows.map((r) => Number(r.__x instanceof Date ? r.__x.getTime() : r.__x));
  const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
  const left = rows.filter((_, i) => xs[i] <= middle);
  return [left, rows.filter((r) => !left.includes(r))];
}

/** At most `most` year ticks, evenly spaced and always whole years. */
function thinTicks(years: number[], most: number): number[] {
  const step = Math.max(1, Math.ceil(years.length / Math.max(2, Math.floor(most))));
  return years.filter((_, i) => i % step === 0);
}

function maxOf(rows: DrawRow[], field: '__y'): number {
  return Math.max(0, ...rows.map((r) => (typeof r[field] === 'number' ? (r[field] as number) : 0)));
}

/** Short text inside a cell, so the grid reads without colour. */
function cellText(value: string): string {
  const words: Record<string, string> = { stated: 'Yes', partly: 'Partly', 'not stated': 'No' };
  return words[value] ?? value;
}
