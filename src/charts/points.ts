// What a reader's pointer or keyboard reads: each drawn row's pixel position, from Plot's own scales, and its text.
import type * as PlotModule from '@observablehq/plot';
import { formatValue, isComputed } from './format.ts';
import type { ChartKind } from './kinds/types.ts';
import type { Plan } from './layout/plan.ts';
import type { ResolvedChart } from './prepare.ts';
import { entryOf, type ChartShape } from './shape.ts';
import { statusWord } from './status-words.ts';

/** A point a reader can hover or reach with the keyboard: its position in the SVG and what it says. */
export interface Point {
  x: number;
  y: number;
  text: string;
  /** Lines and areas: which of the view's `xTexts` reads this point's x. */
  xGroup?: number;
  /** Small multiples: which facet the point is in (its drawing's `panels`). */
  panel?: number;
}

/**
 * Pixel positions of every drawn row, from Plot's own scales, with the tooltip text worked out here; and, per x
 * value, the text that reads every series there ("2024; China: 270,000 t; United States: 45,000 t, estimate").
 */
export function pointsOf<P extends Plan>(
  kind: ChartKind<P>,
  chart: ResolvedChart,
  shape: ChartShape,
  plot: PlotModule.Plot,
  unit: string | undefined,
  plan: P,
): { points: Point[]; xTexts: string[] } {
  const { markOffset } = plan;
  const x = plot.scale('x');
  const y = plot.scale('y');
  const place = (scale: PlotModule.Scale | undefined, value: unknown) => {
    if (!scale) return 0;
    const at = Number(scale.apply(value));
    return scale.bandwidth ? at + scale.bandwidth / 2 + (scale === y ? markOffset : 0) : at;
  };
  const fx = (v: unknown) => formatValue(v, shape.xFormat, isComputed(chart.x, chart));
  const fy = (v: unknown) => formatValue(v, shape.yFormat, isComputed(chart.y, chart));
  const unitText = unit && shape.yFormat !== 'percent' && shape.xFormat !== 'percent' ? ` ${unit}` : '';
  const byCategory = kind.reading.head === 'category';
  // A range is in its figure's unit: on the value axis, or, for a 100% stack's share, the figure's with the unit.
  const fv = shape.orientation === 'horizontal' ? fx : fy;
  const range = (v: number) => (chart.stackedField ? formatValue(v, 'number') : fv(v));
  const rangeUnit = chart.stackedField && unit ? ` ${unit}` : '';
  const read = shape.rows.map((row) => {
    const horizontal = shape.orientation === 'horizontal';
    const name = chart.color ? `${row[chart.color]}` : '';
    // A figure the source gives only as a bound ("more than 95%") says so.
    const qualifier = typeof row.qualifier === 'string' && row.qualifier ? `${row.qualifier} ` : '';
    const [category, value] = horizontal
      ? [row[chart.y], qualifier + fx(row[chart.x])]
      : [fx(row[chart.x]), qualifier + fy(row[chart.y])];
    // A 100% stack's share is read with the figure it comes from, in the dataset's unit.
    const figure = chart.stackedField
      ? ` (${formatValue(row[chart.stackedField], 'number')}${unit ? ` ${unit}` : ''})`
      : '';
    const valueWithUnit = byCategory ? value : `${value}${unitText}${figure}`;
    const head = byCategory
      ? `${row[chart.y]}, ${fx(row[chart.x])}${chart.color ? `: ${statusWord(name)}` : ''}`
      : `${name && name !== category ? `${name}, ` : ''}${category}: ${valueWithUnit}`;
    const details = [
      chart.label && row[chart.label] ? String(row[chart.label]) : '',
      typeof row.low === 'number' && typeof row.high === 'number'
        ? `range ${range(row.low)} to ${range(row.high)}${rangeUnit}`
        : '',
      row.estimate ? 'estimate' : '',
      row.projection ? 'projection' : '',
      row.secondary ? 'secondary source' : '',
      row.edition && row.edition !== name ? `source: ${row.edition}` : '', // unless the series is the edition
      row.revised ? `revised (${row.revised})` : '',
    ].filter(Boolean);
    return { row, name, category, valueWithUnit, text: [head, ...details].join('; '), details };
  });
  // Points that share an x, in the legend's order of series; a chart of one series reads as its point does.
  const xKeys = [...new Set(shape.rows.map((row) => String(row.__x)))];
  const order = (name: string) => shape.colors.findIndex((c) => c.value === entryOf({ other: shape.colorOther }, name));
  const xTexts = xKeys.map((key) => {
    const members = read.filter((r) => String(r.row.__x) === key).sort((a, b) => order(a.name) - order(b.name));
    if (!chart.color && members.length === 1) return members[0].text;
    return [
      members[0].category,
      ...stackTotal(members.map((m) => m.row)),
      ...members.map((m) => [m.name ? `${m.name}: ${m.valueWithUnit}` : m.valueWithUnit, ...m.details].join(', ')),
    ].join('; ');
  });
  // A stack's total at an x, first: the figures' sum (of a 100% stack, the figures its shares are of).
  function stackTotal(rows: typeof shape.rows): string[] {
    if (!chart.stack || rows.length < 2) return [];
    const field = chart.stackedField ?? chart.y;
    const sum = rows.reduce((total, row) => total + (Number(row[field]) || 0), 0);
    return [
      `total ${chart.stackedField ? formatValue(sum, 'number') : fy(sum)}${chart.stackedField && unit ? ` ${unit}` : unitText}`,
    ];
  }
  const points = read.map(({ row, text }) => {
    // A stacked bar's point is at the end of its own segment; a kind without x and y scales (maps) places its own.
    const own = kind.reading.at?.(row, plan);
    const px = own ? own[0] : place(x, shape.orientation === 'horizontal' ? (row.__top ?? row.__x) : row.__x);
    const py = own ? own[1] : place(y, shape.orientation === 'vertical' ? (row.__top ?? row.__y) : row.__y);
    return { x: Math.round(px * 10) / 10, y: Math.round(py * 10) / 10, text, xGroup: xKeys.indexOf(String(row.__x)) };
  });
  return { points, xTexts };
}
