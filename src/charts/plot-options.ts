// A chart spec and its prepared rows -> a layout plan and Plot options. Pure: builds mark objects, draws nothing.
// The plan is worked out before drawing, from measured text, so margins, rows and wrapped labels fit the width;
// overlay.ts then places labels and uncertainty markers in pixels, clear of the data and of each other.
import * as Plot from '@observablehq/plot';
import { nice, ticks } from 'd3-array';
import type { Annotation, Row } from '../schemas/index.ts';
import { formatFor, formatValue, isComputed, isDateText, tickFormatter, toDate } from './format.ts';
import { overlayMark, underlayMark } from './overlay.ts';
import { statusWord } from './status-words.ts';
import type { ResolvedChart } from './prepare.ts';
import { textWidth } from './text-measure.ts';

/** Colours come from CSS custom properties, so dark mode and print restyle the same SVG. */
export const palette = ['var(--chart-c1)', 'var(--chart-c2)', 'var(--chart-c3)', 'var(--chart-c4)', 'var(--chart-c5)', 'var(--chart-c6)'];
export const accent = 'var(--chart-accent)';
export const muted = 'var(--chart-muted)';
export const background = 'var(--chart-bg)';
export const ink = 'var(--chart-ink)';
export const grid = 'var(--chart-grid)';
export const reported = 'var(--chart-reported)';
/** A sequential scale of one hue, light to dark, with the text colour that reads on each step. */
export const sequential = [1, 2, 3, 4, 5].map((i) => ({ color: `var(--chart-seq${i})`, ink: `var(--chart-on-seq${i})` }));

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
  /** Bars: where the row's bar starts and ends on the value axis, its category's bars stacked in colour order. */
  __base?: number;
  __top?: number;
  /** Bars: true when the row shares its category with other bars, so its value is one segment of a stack. */
  __stacked?: boolean;
}

export interface ChartShape {
  rows: DrawRow[];
  /** 'horizontal' only for bars with numbers on x and categories on y; every other chart is 'vertical'. */
  orientation: 'vertical' | 'horizontal';
  xFormat: ReturnType<typeof formatFor>;
  yFormat: ReturnType<typeof formatFor>;
  /** Colour categories in legend order with their colours (the chart's, the same in every view). */
  colors: ColorKey['entries'];
  /** A number field as the colour of a cell grid: the steps of its sequential scale. */
  colorSteps?: ColorKey['steps'];
}

/** What each colour means, decided once per chart (over every view's rows), so one legend fits every view. */
export interface ColorKey {
  /** Legend entries in order: each category with its colour, or each step of a sequential scale as "from to to". */
  entries: { value: string; color: string }[];
  /** With a number field on a cell grid: the steps, low to high, each from its lower bound up to its upper. */
  steps?: { from: number; to: number; color: string; ink: string }[];
}

export const asAxisValue = (value: unknown) => (isDateText(value) ? toDate(value) : value);

const drawable = (chart: ResolvedChart, row: Row) => row[chart.x] !== null && row[chart.x] !== undefined && row[chart.y] !== null && row[chart.y] !== undefined;

/**
 * The chart's colours from the rows of all its views: categories in `colorOrder`, then as they come. A number field
 * colouring a cell grid gets a sequential scale instead, in round steps that span every view's values.
 */
export function chartColorKey(chart: ResolvedChart, rowsOfEveryView: readonly Row[]): ColorKey {
  if (!chart.color) return { entries: [] };
  const values = rowsOfEveryView.filter((row) => drawable(chart, row)).map((row) => row[chart.color!]).filter((v) => v !== null && v !== undefined);
  if (chart.mark === 'cell' && values.length && values.every((v) => typeof v === 'number')) return sequentialKey(values as number[]);
  const categories = unique(values.map(String));
  const order = chart.colorOrder ? [...chart.colorOrder, ...categories.filter((c) => !chart.colorOrder!.includes(c))] : categories;
  const present = order.filter((value) => categories.includes(value));
  // With a highlight, the legend names the highlighted category and "the rest"; marks use colorOf below.
  const entries = chart.highlight
    ? [{ value: chart.highlight, color: accent }, { value: 'Others', color: muted }]
    : present.map((value, i) => ({ value, color: palette[i % palette.length] }));
  return { entries };
}

/** Round bounds (d3's nice ticks) around the values, in as many steps as there are colours at most. */
function sequentialKey(values: number[]): ColorKey {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  let bounds = [low, high];
  for (let count = sequential.length; count >= 1; count--) {
    const [start, stop] = nice(low, high === low ? low + 1 : high, count);
    bounds = ticks(start, stop, count);
    if (bounds.length - 1 <= sequential.length) break;
  }
  const steps = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1], ...sequential[i] }));
  const text = (n: number) => n.toLocaleString('en-US');
  return { entries: steps.map((step) => ({ value: `${text(step.from)} to ${text(step.to)}`, color: step.color })), steps };
}

/**
 * The bars of one category stacked on each other, whatever their estimate flag: in the key's order (colorOrder),
 * positive values up from zero and negative ones down. Sets each row's __base and __top on the value axis.
 */
function stackBars(chart: ResolvedChart, rows: DrawRow[], orientation: ChartShape['orientation'], colorKey: ColorKey) {
  const [category, value] = orientation === 'horizontal' ? (['__y', '__x'] as const) : (['__x', '__y'] as const);
  const rank = (row: DrawRow) => {
    const i = chart.color ? colorKey.entries.findIndex((c) => c.value === String(row[chart.color!])) : -1;
    return i < 0 ? colorKey.entries.length : i;
  };
  for (const group of groupBy(rows, category).values()) {
    let [up, down] = [0, 0];
    for (const row of group.slice().sort((a, b) => rank(a) - rank(b))) {
      const v = Number(row[value]);
      row.__base = v < 0 ? down : up;
      if (v < 0) down += v;
      else up += v;
      row.__top = row.__base + v;
      row.__stacked = group.length > 1;
    }
  }
}

/** The step of a sequential scale a value falls in: from its lower bound, up to (and, for the last, at) its upper. */
export function stepOf(steps: NonNullable<ColorKey['steps']>, value: number) {
  return steps.find((step) => value < step.to) ?? steps[steps.length - 1];
}

export function chartShape(chart: ResolvedChart, rows: readonly Row[], colorKey: ColorKey = chartColorKey(chart, rows)): ChartShape {
  // A cell grid's rows are categories whatever they hold (years, dates): its y is a band of their text.
  const yOf = (value: unknown) => (chart.mark === 'cell' ? String(value) : asAxisValue(value));
  const drawRows = rows.filter((row) => drawable(chart, row)).map((row) => ({ ...row, __x: asAxisValue(row[chart.x]), __y: yOf(row[chart.y]) }));
  const xNumeric = drawRows.every((r) => typeof r.__x === 'number');
  const yNumeric = drawRows.every((r) => typeof r.__y === 'number');
  const orientation = chart.mark === 'bar' && xNumeric && !yNumeric ? 'horizontal' : 'vertical';
  if (chart.mark === 'bar') stackBars(chart, drawRows, orientation, colorKey);
  return {
    rows: drawRows,
    orientation,
    xFormat: formatFor(chart.x, 'x', chart, rows),
    yFormat: formatFor(chart.y, 'y', chart, rows),
    colors: colorKey.entries,
    ...(colorKey.steps ? { colorSteps: colorKey.steps } : {}),
  };
}

/** The families of drawing, each laid out its own way. */
export type PlanKind = 'line' | 'hbar' | 'vbar' | 'cell' | 'timeline';

/** A text block already wrapped to the width it may take. */
export interface TextBlock {
  lines: string[];
  width: number;
}

/**
 * Everything about one drawing that depends on text size, decided before Plot draws: the frame, how category
 * rows are labelled, the wrapped labels, and the offset of each mark from its band's centre (labels sit above it).
 */
export interface Plan {
  kind: PlanKind;
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  fontSize: number;
  /** Line height of chart text, px. */
  lineHeight: number;
  /** Radius of an uncertainty marker, px; its number is drawn at `markerFontSize`. */
  markerRadius: number;
  markerFontSize: number;
  /** Radius of dots on lines and timelines. */
  dotRadius: number;
  /** Category rows (bars, cells, timelines): labelled on the left by the axis, above each row, or not at all. */
  rowLabels: 'left' | 'above' | 'none';
  rowLabelText: Map<string, TextBlock>;
  /** Width row labels on the left are wrapped to. */
  leftLabelWidth: number;
  /** Height of one category row, and how much of it the label above takes. */
  step: number;
  labelBlock: number;
  /** Thickness of a bar or cell, and the distance from the band's centre to the mark's centre. */
  thickness: number;
  markOffset: number;
  xDomain?: unknown[];
  yDomain?: unknown[];
  /** The category rows, in order. */
  categories: string[];
  /** The y band domain when it is not just the categories: timelines add spacer bands for their labels. */
  yBands?: string[];
  /** The y-axis label of every numeric or date y axis, drawn above the frame. */
  yLabel: TextBlock;
  /** Column headers of cell grids, in one row or two staggered rows. */
  headers: { value: unknown; block: TextBlock; tier: 0 | 1 }[];
  headerTierHeight: [number, number];
  /** Labels of timeline events above their dots, per drawn row, and where they anchor. */
  eventLabels: Map<DrawRow, TextBlock & { anchor: 'start' | 'end' }>;
  /** Labels of reference lines across x, drawn above the frame. */
  xReferenceLabels: { x: unknown; block: TextBlock; anchor: 'start' | 'end'; kind: string }[];
  /** Labels of reference lines across y, placed inside the frame by the overlay: wrapped narrow and wide. */
  yReferenceLabels: { y: unknown; blocks: TextBlock[]; kind: string }[];
  /** Texts inside cells, wrapped to the cell. */
  cellText: Map<DrawRow, TextBlock>;
  /** Value labels beside bars (inside their segment, where it fits, for stacked bars). */
  valueText: Map<DrawRow, TextBlock>;
  /** Stacked bars: each stack's total, written at its end. */
  stackTotals: { category: unknown; total: number; end: number; block: TextBlock }[];
  /** Series names for direct labels on multi-series lines. */
  seriesText: Map<string, TextBlock>;
  /** A time axis in whole periods (years, or months within one year): where each starts, and its label in its middle. */
  timeAxis?: { starts: Date[]; middles: { at: Date; label: string }[] };
}

/** Marks the names of spacer bands, which are never data. */
export const spacer = '\u0000';

const measure = (text: string, fontSize: number, bold = false): TextBlock => ({ lines: [text], width: textWidth(text, fontSize, bold) });

/**
 * Word wrap that keeps a short parenthesis, such as "(Oct 2025)", on one line. With `hyphens`, a word too long for
 * the line is broken after a vowel that precedes a consonant and a vowel ("Enforce-ment", "Time-line").
 */
export function wrap(text: string, width: number, fontSize: number, bold = false, hyphens = false): TextBlock {
  const limit = Math.max(width, fontSize * 2);
  const fits = (t: string) => textWidth(t, fontSize, bold) <= limit;
  const lines: string[] = [];
  for (const token of text.match(/\([^()]{1,14}\)|\S+/g) ?? []) {
    const last = lines[lines.length - 1];
    if (last !== undefined && fits(`${last} ${token}`)) lines[lines.length - 1] = `${last} ${token}`;
    else lines.push(...(hyphens && !fits(token) ? hyphenate(token, fits) : [token]));
  }
  return { lines, width: Math.max(0, ...lines.map((l) => textWidth(l, fontSize, bold))) };
}

function hyphenate(word: string, fits: (text: string) => boolean): string[] {
  const breaks = [...word.matchAll(/[aeiouy](?=[^aeiouy\W][aeiouy])/gi)].map((m) => m.index! + 1).filter((i) => i >= 3 && word.length - i >= 3);
  const at = breaks.filter((i) => fits(`${word.slice(0, i)}-`)).pop();
  return at ? [`${word.slice(0, at)}-`, ...hyphenate(word.slice(at), fits)] : [word];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const axisNumber = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));

/** A round number at or above `value`, for the end of a numeric axis. */
function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((k) => k * magnitude >= value - 1e-9) ?? 10;
  return step * magnitude;
}

export function chartPlan(chart: ResolvedChart, shape: ChartShape, layout: Layout, uncertainties: NumberedAnnotation[]): Plan {
  const { rows, orientation, xFormat, yFormat } = shape;
  const { width, fontSize: f } = layout;
  const lineHeight = Math.round(f * 1.25);
  const markerRadius = Math.round(f * 0.72);
  const categoryY = rows.some((r) => typeof r.__y === 'string');
  const kind: PlanKind =
    chart.mark === 'cell' ? 'cell' : chart.mark === 'bar' ? (orientation === 'horizontal' ? 'hbar' : 'vbar') : chart.mark === 'dot' && categoryY ? 'timeline' : 'line';
  const plan: Plan = {
    kind,
    width,
    height: 0,
    marginTop: 8,
    marginRight: 8,
    marginBottom: 4,
    marginLeft: 1,
    fontSize: f,
    lineHeight,
    markerRadius,
    markerFontSize: Math.max(12, Math.round(f * 0.9)),
    dotRadius: kind === 'timeline' ? Math.round(f * 0.42) : Math.max(3, Math.round(f * 0.27)),
    rowLabels: 'none',
    rowLabelText: new Map(),
    leftLabelWidth: width * 0.36,
    categories: [],
    step: 0,
    labelBlock: 0,
    thickness: 0,
    markOffset: 0,
    yLabel: { lines: [], width: 0 },
    headers: [],
    headerTierHeight: [0, 0],
    eventLabels: new Map(),
    xReferenceLabels: [],
    yReferenceLabels: [],
    cellText: new Map(),
    valueText: new Map(),
    stackTotals: [],
    seriesText: new Map(),
  };
  const xDisplay = (v: unknown) => formatValue(v, xFormat, isComputed(chart.x, chart));
  const yDisplay = (v: unknown) => formatValue(v, yFormat, isComputed(chart.y, chart));
  const lows = rows.filter((r) => typeof r.low === 'number').map((r) => r.low as number);
  const highs = rows.filter((r) => typeof r.high === 'number').map((r) => r.high as number);
  const xRefs = (chart.reference ?? []).filter((r) => r.x !== undefined);
  const yRefs = (chart.reference ?? []).filter((r) => r.y !== undefined);
  const markerRoom = uncertainties.length ? markerRadius * 2 + 6 : 0;

  // Category rows: labels on the left while they are short, above each row once they would crowd the marks.
  const categories = categoryY ? unique(rows.map((r) => String(r.__y))) : [];
  plan.categories = categories;
  if (categories.length) {
    // On the left on one line up to 40% of the width, or on two lines up to 36%; otherwise above each row.
    // A timeline whose labels already name their row needs no row labels at all.
    const labelsNameRows = chart.label && rows.every((r) => String(r[chart.label!] ?? '').toLowerCase().includes(String(r.__y).toLowerCase()));
    const oneLine = categories.every((c) => textWidth(c, f) <= width * 0.4);
    const twoLines = categories.every((c) => wrap(c, width * 0.36, f).lines.length <= 2);
    plan.rowLabels = kind === 'timeline' ? (labelsNameRows ? 'none' : 'left') : oneLine || twoLines ? 'left' : 'above';
    if (plan.rowLabels === 'left') {
      plan.leftLabelWidth = oneLine ? width * 0.4 : width * 0.36;
      for (const c of categories) plan.rowLabelText.set(c, wrap(c, plan.leftLabelWidth, f));
      plan.marginLeft = Math.ceil(Math.max(...[...plan.rowLabelText.values()].map((b) => b.width))) + 10;
    }
    if (plan.rowLabels === 'above') for (const c of categories) plan.rowLabelText.set(c, wrap(c, width - 4, f));
  }
  const rowLabelLines = Math.max(1, ...[...plan.rowLabelText.values()].map((b) => b.lines.length));
  const leftLines = plan.rowLabels === 'left' ? rowLabelLines : 0;

  /** x pixel of a value on a linear or time x axis, before Plot draws (the same mapping Plot uses). */
  const xPixel = (value: unknown) => {
    const [d0, d1] = (plan.xDomain ?? [0, 1]).map(axisNumber);
    return plan.marginLeft + ((axisNumber(value) - d0) / (d1 - d0 || 1)) * (width - plan.marginLeft - plan.marginRight);
  };
  /** Reference lines across x get their label above the frame, on the side with more room. */
  const planXReferences = () => {
    const frameLeft = plan.marginLeft;
    const frameRight = width - plan.marginRight;
    plan.xReferenceLabels = xRefs.map((ref) => {
      const x = asAxisValue(ref.x);
      const at = xPixel(x);
      const right = frameRight + plan.marginRight - at - 6;
      const left = at - 6;
      const anchor = right >= Math.min(left, textWidth(ref.label, f, true) + 4) ? 'start' : 'end';
      return { x, block: wrap(ref.label, Math.min(anchor === 'start' ? right : left, (frameRight - frameLeft) * 0.75), f, true), anchor, kind: ref.kind };
    });
    const lines = Math.max(0, ...plan.xReferenceLabels.map((r) => r.block.lines.length));
    return lines ? lines * lineHeight + 8 : 0;
  };

  if (kind === 'hbar') {
    for (const row of rows) plan.valueText.set(row, measure(xDisplay(row[chart.x]), f));
    plan.stackTotals = stackTotals(rows, '__y', (v) => measure(xDisplay(v), f, true));
    // Past the end of a bar: its value, or a stack's total.
    const ends = [...rows.filter((r) => !r.__stacked).map((r) => plan.valueText.get(r)!), ...plan.stackTotals.map((t) => t.block)];
    const widest = Math.max(0, ...ends.map((t) => t.width));
    plan.marginRight = Math.ceil(widest) + 8 + markerRoom;
    const xs = rows.flatMap((r) => [Number(r.__base ?? 0), Number(r.__top ?? r.__x)]);
    plan.xDomain = [Math.min(0, ...xs, ...lows), Math.max(...xs, ...highs, ...xRefs.map((r) => Number(r.x)))];
    plan.thickness = Math.round(f * 1.45);
    const gap = Math.round(f * 0.75);
    plan.labelBlock = plan.rowLabels === 'above' ? rowLabelLines * lineHeight + 2 : 0;
    plan.step = Math.max(plan.labelBlock + plan.thickness + gap, leftLines * lineHeight + 6);
    plan.markOffset = plan.labelBlock ? (plan.labelBlock + Math.round(gap / 2) - (plan.step - plan.labelBlock - Math.round(gap / 2) - plan.thickness)) / 2 : 0;
    plan.marginTop = Math.max(4, planXReferences());
    plan.marginBottom = 4;
    plan.height = plan.marginTop + plan.step * categories.length + plan.marginBottom;
  } else if (kind === 'cell') {
    const columns = unique(rows.map((r) => r.__x));
    plan.marginRight = Math.round(markerRadius * 0.6) + 2;
    const column = (width - plan.marginLeft - plan.marginRight) / Math.max(1, columns.length);
    // Headers may run wider than their column as long as neighbours stay apart; if they cannot, they alternate
    // between two tiers, each with twice the room.
    const blocks = columns.map((c) => wrap(String(c), column - 6, f, false, true));
    const staggered = blocks.some((b, i) => i > 0 && (b.width + blocks[i - 1].width) / 2 + 6 > column);
    plan.headers = columns.map((value, i) => ({ value, block: staggered ? wrap(String(value), column * 1.75, f) : blocks[i], tier: staggered ? ((i % 2) as 0 | 1) : 0 }));
    const tierLines = [0, 1].map((t) => Math.max(0, ...plan.headers.filter((h) => h.tier === t).map((h) => h.block.lines.length)));
    plan.headerTierHeight = [tierLines[0] * lineHeight, tierLines[1] * lineHeight];
    plan.marginTop = plan.headerTierHeight[0] + plan.headerTierHeight[1] + (staggered ? 12 : 8);
    let cellLines = 1;
    for (const row of rows) {
      // Short text inside each cell, so the grid reads without colour.
      const value = row[chart.color ?? chart.x];
      const block = wrap(typeof value === 'number' ? formatValue(value, 'number') : statusWord(String(value ?? '')), column - 8, f);
      cellLines = Math.max(cellLines, block.lines.length);
      plan.cellText.set(row, block);
    }
    plan.thickness = Math.max(Math.round(f * 2.2), cellLines * lineHeight + 8, leftLines * lineHeight + 4);
    const gap = plan.rowLabels === 'above' ? Math.round(f * 0.5) : 3;
    plan.labelBlock = plan.rowLabels === 'above' ? rowLabelLines * lineHeight + 2 : 0;
    plan.step = plan.labelBlock + plan.thickness + gap;
    plan.markOffset = (plan.labelBlock + Math.round(gap / 2) - (plan.step - plan.labelBlock - Math.round(gap / 2) - plan.thickness)) / 2;
    plan.marginBottom = 4;
    plan.height = plan.marginTop + plan.step * categories.length + plan.marginBottom;
  } else if (kind === 'timeline') {
    plan.marginRight = plan.dotRadius + 4;
    if (plan.rowLabels === 'none') plan.marginLeft = plan.dotRadius + 2;
    const xs = rows.map((r) => r.__x);
    if (xs.every((x) => x instanceof Date)) {
      const extra = [...xRefs.map((r) => asAxisValue(r.x)), ...uncertainties.map((u) => asAxisValue(u.x))].filter((x): x is Date => x instanceof Date);
      plan.timeAxis = timeAxis([...(xs as Date[]), ...extra], width - plan.marginLeft - plan.marginRight, f);
      plan.xDomain = [plan.timeAxis.starts[0], plan.timeAxis.starts[plan.timeAxis.starts.length - 1]];
      plan.marginBottom = (plan.timeAxis.middles.some((m) => m.label.includes('\n')) ? 2 : 1) * lineHeight + 10;
    } else {
      const values = xs.map(Number);
      plan.xDomain = [Math.min(0, ...values), niceCeil(Math.max(...values))];
      plan.marginBottom = lineHeight + 12;
    }
    if (chart.label) planEventLabels(plan, chart, rows, xPixel, f);
    // Rows are as tall as their own labels: thin spacer bands above each row hold its wrapped labels, so a row
    // with one short label does not take the room of the tallest.
    plan.thickness = plan.dotRadius * 2;
    plan.step = Math.round(lineHeight / 2);
    plan.yBands = [];
    categories.forEach((category, i) => {
      const lines = Math.max(0, ...rows.filter((r) => String(r.__y) === category).map((r) => plan.eventLabels.get(r)?.lines.length ?? 0));
      const above = (lines ? lines * lineHeight + 3 : 2) + plan.dotRadius - plan.step / 2;
      const spacers = Math.ceil(above / plan.step) + (i === 0 ? 0 : 1);
      for (let k = 0; k < spacers; k++) plan.yBands!.push(`${spacer}${category}${spacer}${k}`);
      plan.yBands!.push(category);
    });
    for (let k = 0; k < Math.ceil((plan.dotRadius + 6) / plan.step); k++) plan.yBands.push(`${spacer}end${spacer}${k}`);
    plan.marginTop = Math.max(4, planXReferences());
    plan.height = plan.marginTop + plan.step * plan.yBands.length + plan.marginBottom;
  } else {
    // Lines, areas, numeric dots and vertical bars: a numeric y axis with gridlines, its label above the frame.
    // Stacked bars reach their stack's end, not their own value.
    const ys = rows.filter((r) => typeof r.__y === 'number').flatMap((r) => (r.__top === undefined ? [r.__y as number] : [r.__base!, r.__top]));
    const top = Math.max(...ys, ...highs, ...yRefs.map((r) => Number(r.y)));
    const bottom = Math.min(0, ...ys, ...lows);
    const end = yFormat === 'percent' && top <= 100 && top >= 75 ? 100 : niceCeil(top * 1.08);
    plan.yDomain = [bottom < 0 ? -niceCeil(-bottom * 1.08) : 0, end];
    // Dates on y (dots by category, dates running up): a time axis over the dates, references and markers.
    const yDates = rows.length > 0 && rows.every((r) => r.__y instanceof Date);
    if (yDates) plan.yDomain = dateExtent([...rows.map((r) => r.__y), ...yRefs.map((r) => asAxisValue(r.y)), ...uncertainties.map((u) => asAxisValue(u.y))]);
    plan.yLabel = chart.yLabel ? wrap(chart.yLabel, width - 4, f) : { lines: [], width: 0 };
    plan.marginTop = plan.yLabel.lines.length * lineHeight + (kind === 'vbar' ? lineHeight : 12);
    // A date axis is ticked by year, or by month with Plot's labels ("Sep 2024" is as wide as they come).
    const tickTexts = yDates ? [dateTicks(plan.yDomain) === 'year' ? '2024' : 'Sep 2024'] : [plan.yDomain[0], plan.yDomain[1], end / 2].map((v) => tickFormatter(yFormat)?.(v) ?? yDisplay(v));
    plan.marginLeft = Math.ceil(Math.max(...tickTexts.map((t) => textWidth(t, f)))) + 10;
    plan.marginBottom = lineHeight + 12 + (chart.xLabel ? lineHeight : 0);
    if (kind === 'vbar') {
      for (const row of rows) plan.valueText.set(row, measure(yDisplay(row[chart.y]), f));
      plan.stackTotals = stackTotals(rows, '__x', (v) => measure(yDisplay(v), f, true));
      plan.marginRight = 4;
    } else {
      const lastX = Math.max(...rows.map((r) => axisNumber(r.__x)));
      const xTick = tickFormatter(xFormat)?.(rows.find((r) => axisNumber(r.__x) === lastX)?.__x) ?? '';
      plan.marginRight = Math.ceil(textWidth(xTick, f) / 2) + 4;
      if (chart.color) {
        const series = groupBy(rows, chart.color);
        for (const [name] of series) plan.seriesText.set(name, measure(name, f, true));
        const endingLast = [...series].filter(([, list]) => axisNumber(list[list.length - 1].__x) === lastX).map(([name]) => plan.seriesText.get(name)!.width);
        if (endingLast.length) plan.marginRight = Math.max(plan.marginRight, Math.ceil(Math.max(...endingLast)) + plan.dotRadius + 10);
      }
    }
    const frameWidth = width - plan.marginLeft - plan.marginRight;
    plan.yReferenceLabels = yRefs.map((ref) => ({ y: asAxisValue(ref.y), blocks: [0.5, 0.62, 0.75, 0.95].map((share) => wrap(ref.label, frameWidth * share, f, true)), kind: ref.kind }));
    const frame = width >= 480 ? Math.round(width * 0.45) : Math.round(width * 0.62);
    plan.height = plan.marginTop + frame + plan.marginBottom;
  }
  return plan;
}

/** Ticks of a date axis: whole years when the dates span more than a year, else months. */
function dateTicks(domain: unknown[] | undefined): 'year' | 'month' {
  const [first, last] = (domain ?? []).map(axisNumber);
  return last - first > 365 * 864e5 ? 'year' : 'month';
}

/** The first and last of the dates among `values`. */
function dateExtent(values: unknown[]): [Date, Date] {
  const times = values.filter((v): v is Date => v instanceof Date).map((d) => d.getTime());
  return [new Date(Math.min(...times)), new Date(Math.max(...times))];
}

/** The total of each stack of bars (categories with more than one bar), and where its positive or negative end is. */
function stackTotals(rows: DrawRow[], category: '__x' | '__y', measureText: (value: number) => TextBlock): Plan['stackTotals'] {
  return [...groupBy(rows, category).values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const total = group.reduce((sum, r) => sum + Number(r[category === '__x' ? '__y' : '__x']), 0);
      const ends = group.map((r) => r.__top!);
      return { category: group[0][category], total, end: total < 0 ? Math.min(0, ...ends) : Math.max(0, ...ends), block: measureText(total) };
    });
}

/**
 * A time axis read in whole periods: years when the dates span two or more, else months. Gridlines mark where each
 * period starts; its label sits in the middle of it (thinned to fit `room` px at `f` px text).
 */
function timeAxis(dates: Date[], room: number, f: number): NonNullable<Plan['timeAxis']> {
  const years = dates.map((d) => d.getUTCFullYear());
  const [first, last] = [Math.min(...years), Math.max(...years)];
  if (last > first) {
    const starts = Array.from({ length: last - first + 2 }, (_, i) => new Date(Date.UTC(first + i, 0, 1)));
    const middles = starts.slice(0, -1).map((d) => ({ at: new Date(Date.UTC(d.getUTCFullYear(), 6, 2)), label: String(d.getUTCFullYear()) }));
    return { starts, middles };
  }
  const months = dates.map((d) => d.getUTCMonth());
  const [from, to] = [Math.min(...months), Math.max(...months)];
  const starts = Array.from({ length: to - from + 2 }, (_, i) => new Date(Date.UTC(first, from + i, 1)));
  const every = Math.max(1, Math.ceil((textWidth('Sep', f) + 12) / (room / (to - from + 1))));
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const middles = starts
    .slice(0, -1)
    .filter((_, i) => i % every === 0)
    .map((d, i) => ({ at: new Date(d.getTime() + 15 * 864e5), label: `${names[d.getUTCMonth()]}${i === 0 ? `\n${first}` : ''}` }));
  return { starts, middles };
}

/**
 * Timeline labels go above their dots: those in the left half of the axis start at their dot and run right,
 * the others end at their dot. Two labels in a row share the room between them.
 */
function planEventLabels(plan: Plan, chart: ResolvedChart, rows: DrawRow[], xPixel: (v: unknown) => number, f: number) {
  const left = plan.marginLeft;
  const right = plan.width - 2;
  const middle = (left + plan.width - plan.marginRight) / 2;
  const r = plan.dotRadius;
  for (const group of groupBy(rows, '__y').values()) {
    const events = group
      .map((row) => ({ row, x: xPixel(row.__x), text: String(row[chart.label!] ?? '') }))
      .sort((a, b) => a.x - b.x)
      .map((e) => ({ ...e, anchor: (e.x <= middle ? 'start' : 'end') as 'start' | 'end', natural: textWidth(e.text, f) }));
    events.forEach((e, i) => {
      const prev = events[i - 1];
      const next = events[i + 1];
      let room: number;
      if (e.anchor === 'start') {
        const limit = !next ? right : next.anchor === 'start' ? next.x - r - 6 : shareBetween(e, next, r, f) - 5;
        room = limit - (e.x - r);
      } else {
        const limit = !prev ? left : prev.anchor === 'end' ? prev.x + r + 6 : shareBetween(prev, e, r, f) + 5;
        room = e.x + r - limit;
      }
      const block = wrap(e.text, Math.max(room, f * 5), f);
      plan.eventLabels.set(e.row, { ...block, anchor: e.anchor });
    });
  }
}

/**
 * Where a start-anchored label (a) gives way to an end-anchored one (b) in the same row: after a if both fit,
 * else at the split that wraps the pair into the fewest lines.
 */
function shareBetween(a: { x: number; natural: number; text: string }, b: { x: number; natural: number; text: string }, r: number, f: number): number {
  const from = a.x - r;
  const to = b.x + r;
  const room = to - from - 10;
  if (a.natural + b.natural <= room) return from + a.natural + 5;
  let best = from + room / 2;
  let score = Infinity;
  for (let k = 2; k <= 18; k++) {
    const split = from + 5 + (room * k) / 20;
    const [roomA, roomB] = [split - from - 5, to - split - 5];
    const [blockA, blockB] = [wrap(a.text, roomA, f), wrap(b.text, roomB, f)];
    const overflow = Math.max(0, blockA.width - roomA) + Math.max(0, blockB.width - roomB);
    const value = overflow * 100 + Math.max(blockA.lines.length, blockB.lines.length) * 10 + blockA.lines.length + blockB.lines.length;
    if (value < score) [best, score] = [split, value];
  }
  return best;
}

function groupBy<T extends Row>(rows: T[], field: string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row[field]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** The colour of a row's mark: its category's, the accent for the highlight, grey for the rest. */
export function colorFor(chart: ResolvedChart, shape: ChartShape): (row: Row) => string {
  return (row) => {
    if (shape.colorSteps) return stepOf(shape.colorSteps, Number(row[chart.color!])).color;
    const category = chart.color ? String(row[chart.color]) : undefined;
    if (chart.highlight) return category === chart.highlight ? accent : muted;
    return shape.colors.find((c) => c.value === category)?.color ?? accent;
  };
}

export function plotOptions(chart: ResolvedChart, shape: ChartShape, layout: Layout, uncertainties: NumberedAnnotation[]): Plot.PlotOptions {
  const plan = chartPlan(chart, shape, layout, uncertainties);
  const { rows, xFormat, yFormat } = shape;
  const colorOf = colorFor(chart, shape);
  const estimateFill = (row: Row) => (row.estimate ? background : colorOf(row));
  const marks: Plot.Markish[] = [];
  const categories = unique(rows.map((r) => String(r.__y)));
  const bandY = plan.kind === 'hbar' || plan.kind === 'cell' || plan.kind === 'timeline';
  const insetTop = plan.step / 2 + plan.markOffset - plan.thickness / 2;
  const insets = { insetTop, insetBottom: plan.step - insetTop - plan.thickness };

  // Reference lines first, so data is drawn over them.
  for (const line of chart.reference ?? []) {
    const dash = line.kind === 'reported' ? '6,4' : '2,3';
    if (line.y !== undefined) marks.push(Plot.ruleY([asAxisValue(line.y)], { stroke: reported, strokeWidth: 2, strokeDasharray: dash }));
    else marks.push(Plot.ruleX([asAxisValue(line.x)], { stroke: reported, strokeWidth: 2, strokeDasharray: dash }));
  }
  marks.push(underlayMark(plan));

  if (plan.kind === 'line') {
    const z = chart.color ?? undefined;
    // Each series' area runs from zero to its own line, as its y field says (areaY would stack them): see overlappingArea.
    if (chart.mark === 'area') marks.push(overlappingArea(rows, z, colorOf));
    if (chart.mark !== 'dot') marks.push(Plot.lineY(rows, { x: '__x', y: '__y', z, stroke: colorOf, strokeWidth: layout.width >= 480 ? 2.5 : 2.25 }));
    marks.push(Plot.dot(rows, { x: '__x', y: '__y', r: plan.dotRadius, stroke: colorOf, strokeWidth: 1.75, fill: estimateFill }));
  } else if (plan.kind === 'vbar' || plan.kind === 'hbar') {
    // Plot takes strokeDasharray as a constant only (a function is written out as its source) and scales a
    // fillOpacity channel: estimates are a second mark with constant styles, lighter and dashed.
    const estimate = { fillOpacity: 0.35, strokeDasharray: '4,2' };
    for (const [part, style] of [[rows.filter((r) => !r.estimate), {}], [rows.filter((r) => r.estimate), estimate]] as const) {
      // Both parts in one stack: the bars' ends come from stackBars, not from Plot's stack of each mark.
      if (plan.kind === 'vbar') marks.push(Plot.barY(part, { x: '__x', y1: '__base', y2: '__top', fill: colorOf, stroke: colorOf, insetLeft: 3, insetRight: 3, ...style }));
      else marks.push(Plot.barX(part, { x1: '__base', x2: '__top', y: '__y', fill: colorOf, stroke: colorOf, strokeWidth: 1.25, ...insets, ...style } as Plot.BarXOptions));
    }
  } else if (plan.kind === 'timeline') {
    marks.push(Plot.dot(rows, { x: '__x', y: '__y', dy: plan.markOffset, r: plan.dotRadius, stroke: colorOf, strokeWidth: 2, fill: estimateFill } as Plot.DotOptions));
  } else if (plan.kind === 'cell') {
    marks.push(Plot.cell(rows, { x: '__x', y: '__y', fill: colorOf, insetLeft: 1.5, insetRight: 1.5, ...insets } as Plot.CellOptions));
  }
  const yDates = plan.yDomain?.[0] instanceof Date;
  if ((plan.kind === 'line' || plan.kind === 'vbar') && !yDates) marks.push(Plot.ruleY([0], { stroke: ink }));
  const yTicks = layout.width >= 480 ? 6 : 5;
  if (plan.kind === 'line' || plan.kind === 'vbar') marks.unshift(Plot.gridY({ ticks: yTicks, stroke: grid, strokeOpacity: 1 }));
  if (plan.kind === 'hbar') marks.push(Plot.ruleX([0], { stroke: ink }));
  marks.push(overlayMark(plan, chart, shape, uncertainties, colorOf));

  // The data's own values (years stay numbers), or the band would place no bar and no tick.
  const xCategories = plan.kind === 'cell' || plan.kind === 'vbar' ? unique(rows.map((r) => r.__x)) : [];
  // Dots with categories on x (and numbers or dates on y): one column per category, in the data's order.
  const xPoints = plan.kind === 'line' && rows.some((r) => typeof r.__x === 'string') ? unique(rows.map((r) => r.__x)) : [];
  const yearTicks = xFormat === 'year' ? unique(rows.map((r) => r.__x as number)).sort((a, b) => a - b) : [];
  const f = layout.fontSize;
  return {
    width: plan.width,
    height: plan.height,
    marginTop: plan.marginTop,
    marginRight: plan.marginRight,
    marginBottom: plan.marginBottom,
    marginLeft: plan.marginLeft,
    style: null as never,
    x: {
      label: plan.kind === 'line' || plan.kind === 'vbar' ? chart.xLabel ?? null : null,
      labelAnchor: 'right',
      labelArrow: 'none',
      labelOffset: lineHeightOf(f) * 2 + 6,
      tickFormat: tickFormatter(xFormat),
      tickSize: 4,
      tickPadding: 7,
      ...(xCategories.length ? { type: 'band', domain: xCategories, padding: plan.kind === 'cell' ? 0 : 0.15 } : {}),
      ...(plan.xDomain ? { domain: plan.xDomain } : {}),
      ...(plan.kind === 'cell' || plan.kind === 'hbar' || plan.timeAxis ? { axis: null } : {}),
      ...(yearTicks.length ? { ticks: thinTicks(yearTicks, (layout.width - plan.marginLeft - plan.marginRight) / (f * 3.6)) } : {}),
      ...(plan.kind === 'line' && !yearTicks.length && !xPoints.length ? { ticks: Math.max(3, Math.floor(layout.width / (f * 7))) } : {}),
      ...(xPoints.length ? { type: 'point', domain: xPoints, padding: 0.5 } : {}),
    } as Plot.ScaleOptions,
    y: {
      label: null,
      tickFormat: tickFormatter(yFormat),
      ...(bandY
        ? { type: 'band', domain: plan.yBands ?? categories, padding: 0, tickSize: 0, tickPadding: 8, ...(plan.rowLabels === 'left' ? { ticks: categories, tickFormat: (d: string) => wrap(d, plan.leftLabelWidth, f).lines.join('\n') } : { axis: null }) }
        : { domain: plan.yDomain, ticks: yTicks, tickSize: 0, tickPadding: 6, ...(yDates ? dateAxis(plan.yDomain) : {}) }),
    } as Plot.ScaleOptions,
    marks,
  };
}

/**
 * The areas of an area chart, one per series, each from zero to its own figures, translucent where they overlap.
 * Not stacked: CONTRIBUTING gives y as the field on the y axis and places annotations at its values, and the lines,
 * dots, tooltips and summary all read each series' own figures.
 */
function overlappingArea(rows: DrawRow[], z: string | undefined, colorOf: (row: Row) => string): Plot.Markish {
  return Plot.areaY(rows, { x: '__x', y1: 0, y2: '__y', z, fill: colorOf, fillOpacity: 0.2 });
}

/** A y axis of dates: rounded out to whole years or months, with a tick at each. */
function dateAxis(domain: unknown[] | undefined): Plot.ScaleOptions {
  const interval = dateTicks(domain);
  return { type: 'utc', nice: interval, ticks: interval, ...(interval === 'year' ? { tickFormat: (d: Date) => String(d.getUTCFullYear()) } : {}) };
}

const lineHeightOf = (f: number) => Math.round(f * 1.25);

/** At most `most` year ticks, evenly spaced, whole years, always including the latest year. */
function thinTicks(years: number[], most: number): number[] {
  const step = Math.max(1, Math.ceil(years.length / Math.max(2, Math.floor(most))));
  const last = years[years.length - 1];
  return years.filter((year) => (last - year) % step === 0);
}
