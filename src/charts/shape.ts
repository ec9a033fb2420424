// A chart's prepared rows as every kind draws them: x and y under fixed names (dates as Date objects), the formats
// of x and y, the colour of each category (one colour key per chart, over all its views) and the orientation.
import { group, nice, ticks } from 'd3-array';
import type { Annotation, Row } from '../schemas/index.ts';
import { accent, muted, palette, sequential } from './colors.ts';
import { formatFor, isDateText, toDate, type ValueFormat } from './format.ts';
import type { ResolvedChart } from './prepare.ts';

export interface NumberedAnnotation extends Annotation {
  number: number;
}

/**
 * Rows as Plot sees them: x and y under fixed names, dates as Date objects. An intersection, not `interface extends
 * Row`: these fields are not cells (a Date, a bar's numbers), which Row's index signature would forbid, while a
 * DrawRow still reads, and passes, as the Row it was made from.
 */
export type DrawRow = Row & DrawFields;

interface DrawFields {
  __x: unknown;
  __y: unknown;
  /** Bars, and stacked areas: where the row's bar (or band) starts and ends on the value axis, its category's (or x's)
   * rows stacked in colour order. */
  __base?: number;
  __top?: number;
  /** Bars: true when the row shares its category with other bars, so its value is one segment of a stack. */
  __stacked?: boolean;
}

export interface ChartShape {
  rows: DrawRow[];
  /** 'horizontal' only for bars with numbers on x and categories on y; every other chart is 'vertical'. */
  orientation: 'vertical' | 'horizontal';
  /** `place` where x names places (maps): codes are read as the countries' names. */
  xFormat: ValueFormat;
  yFormat: ReturnType<typeof formatFor>;
  /** Colour categories in legend order with their colours (the chart's, the same in every view). */
  colors: ColorKey['entries'];
  /** The smallest categories drawn as one, past the palette's length. */
  colorOther?: ColorKey['other'];
  /** A number field as the colour of a cell grid: the steps of its sequential scale. */
  colorSteps?: ColorKey['steps'];
  /** Small multiples: the rows of every facet, which the shared scales span (`rows` are one facet's). */
  domainRows?: DrawRow[];
  /**
   * Whether the rows' ranges (low, high) are drawn, as error bars or a band, on the value axis. A stack draws its
   * parts' central values (one part's range would move every part above it), and a kind with no value axis to draw
   * one on (a map, a grid of text) draws none: their ranges are listed in the tooltips and the table instead.
   */
  rangesDrawn: boolean;
  /** Rows the kind does not draw (a map's "World total"), for its summary and notes. */
  leftOut?: DrawRow[];
  /** Each view's rows, the first view's first: a map draws a shape for each place any view draws (recolour.ts). */
  viewsRows?: readonly (readonly Row[])[];
}

/** The rows a chart's scales span: every facet's in a small multiple, else the chart's own. */
export const domainRows = (shape: ChartShape): DrawRow[] => shape.domainRows ?? shape.rows;

/** What each colour means, decided once per chart (over every view's rows), so one legend fits every view. */
export interface ColorKey {
  /** Legend entries in order: each category with its colour, or each step of a sequential scale as "from to to". */
  entries: { value: string; color: string }[];
  /** With a number field on a cell grid: the steps, low to high, each from its lower bound up to its upper. */
  steps?: { from: number; to: number; color: string; ink: string }[];
  /** More categories than the palette has colours: the smallest, largest first, drawn as one entry ("Other (4)"). */
  other?: { value: string; members: string[] };
}

/** The key entry a category is drawn as: its own, or "Other (n)" for one of the smallest past the palette's length. */
export const entryOf = (key: Pick<ColorKey, 'other'>, category: string) =>
  key.other?.members.includes(category) ? key.other.value : category;

/** What a kind decides about its rows before anything is laid out (see kinds/types.ts). */
export interface ShapeHooks {
  /** 'horizontal' for a kind that turns on its side; default 'vertical'. */
  orientation?(xNumeric: boolean, yNumeric: boolean): ChartShape['orientation'];
  /** The x format, when the kind's x always holds one kind of value: `place` for a map (codes read as names). */
  xFormat?: ValueFormat;
  /** y is a band of text whatever the rows hold (a grid's rows may be years or dates). */
  textY?: boolean;
  /** A number field as the colour gets a sequential scale, not a colour per value. */
  sequentialColor?: boolean;
  /** Sets a kind's own drawing fields on the rows (bars: where each bar of a stack starts and ends). */
  arrange?(chart: ResolvedChart, rows: DrawRow[], orientation: ChartShape['orientation'], colorKey: ColorKey): void;
  /** false for a kind with no value scale to draw a range on (maps); default: ranges are drawn on a numeric value axis. */
  drawsRanges?: boolean;
  /** Whether the kind draws a row at all (maps leave out rows that are not places); default: every row. */
  draws?(chart: ResolvedChart, row: Row): boolean;
  /** The kind's own colour key, from every view's rows (maps colour places by their value). */
  colorKey?(chart: ResolvedChart, rowsOfEveryView: readonly Row[]): ColorKey;
}

export const asAxisValue = (value: unknown) => (isDateText(value) ? toDate(value) : value);

/** An axis position as a number: a date's time, else the value itself. */
export const axisNumber = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));

const drawable = (chart: ResolvedChart, row: Row) =>
  row[chart.x] !== null && row[chart.x] !== undefined && row[chart.y] !== null && row[chart.y] !== undefined;

/** The rows split by a field's text, in first-seen order; all rows as one series without a field. */
export function seriesOf<T extends Row>(rows: T[], field?: string): Map<string, T[]> {
  return field ? group(rows, (row) => String(row[field])) : new Map([['', rows]]);
}

/**
 * The chart's colours from the rows of all its views: categories in `colorOrder`, then as they come. A number field
 * colouring a cell grid gets a sequential scale instead, in round steps that span every view's values.
 */
export function chartColorKey(chart: ResolvedChart, rowsOfEveryView: readonly Row[], hooks: ShapeHooks): ColorKey {
  if (hooks.colorKey)
    return hooks.colorKey(
      chart,
      rowsOfEveryView.filter((row) => drawable(chart, row) && (hooks.draws?.(chart, row) ?? true)),
    );
  if (!chart.color) return { entries: [] };
  const values = rowsOfEveryView
    .filter((row) => drawable(chart, row))
    .map((row) => row[chart.color!])
    .filter((v) => v !== null && v !== undefined);
  if (hooks.sequentialColor && values.length && values.every((v) => typeof v === 'number'))
    return sequentialKey(values as number[]);
  const categories = [...new Set(values.map(String))];
  const order = chart.colorOrder
    ? [...chart.colorOrder, ...categories.filter((c) => !chart.colorOrder!.includes(c))]
    : categories;
  const present = order.filter((value) => categories.includes(value));
  // With a highlight, the legend names the highlighted category and "the rest"; marks use colorFor below.
  if (chart.highlight)
    return {
      entries: [
        { value: chart.highlight, color: accent },
        { value: 'Others', color: muted },
      ],
    };
  if (present.length <= palette.length) return { entries: present.map((value, i) => ({ value, color: palette[i] })) };
  // Never two series in one colour: past the palette's length, the smallest (by their figures' total) are one entry.
  const size = new Map<string, number>();
  const field = rowsOfEveryView.some((row) => typeof row[chart.y] === 'number') ? chart.y : chart.x;
  for (const row of rowsOfEveryView)
    size.set(String(row[chart.color]), (size.get(String(row[chart.color])) ?? 0) + Math.abs(Number(row[field]) || 0));
  const bySize = present.slice().sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0));
  const kept = new Set(bySize.slice(0, palette.length - 1));
  const members = bySize.slice(palette.length - 1);
  const other = { value: `Other (${members.length})`, members };
  return {
    entries: [
      ...present.filter((value) => kept.has(value)).map((value, i) => ({ value, color: palette[i] })),
      { value: other.value, color: palette[palette.length - 1] },
    ],
    other,
  };
}

/** Round bounds (d3's nice ticks) around the values, in as many steps as there are colours at most. */
export function sequentialKey(values: number[]): ColorKey {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  let bounds = [low, high];
  for (let count = sequential.length; count >= 1; count--) {
    const [start, stop] = nice(low, high === low ? low + 1 : high, count);
    bounds = ticks(start, stop, count);
    if (bounds.length - 1 <= sequential.length) break;
  }
  const steps = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1], ...sequential[i] }));
  const text = (n: number) => n.toLocaleString('en-US');
  return {
    entries: steps.map((step) => ({ value: `${text(step.from)} to ${text(step.to)}`, color: step.color })),
    steps,
  };
}

/** The step of a sequential scale a value falls in: from its lower bound, up to (and, for the last, at) its upper. */
export function stepOf(steps: NonNullable<ColorKey['steps']>, value: number) {
  return steps.find((step) => value < step.to) ?? steps[steps.length - 1];
}

export function chartShape(
  chart: ResolvedChart,
  rows: readonly Row[],
  colorKey: ColorKey,
  hooks: ShapeHooks,
): ChartShape {
  const yOf = (value: unknown) => (hooks.textY ? String(value) : asAxisValue(value));
  // Object.assign is typed Row & the new fields; a spread `{ ...row, __x }` would be held to Row's index signature.
  const asDrawn = (row: Row): DrawRow =>
    Object.assign({ ...row }, { __x: asAxisValue(row[chart.x]), __y: yOf(row[chart.y]) });
  const kept = rows.filter((row) => drawable(chart, row));
  const drawRows = kept.filter((row) => hooks.draws?.(chart, row) ?? true).map(asDrawn);
  const leftOut = hooks.draws ? kept.filter((row) => !hooks.draws!(chart, row)).map(asDrawn) : [];
  const xNumeric = drawRows.every((r) => typeof r.__x === 'number');
  const yNumeric = drawRows.every((r) => typeof r.__y === 'number');
  const orientation = hooks.orientation?.(xNumeric, yNumeric) ?? 'vertical';
  hooks.arrange?.(chart, drawRows, orientation, colorKey);
  const valueAxisNumeric = orientation === 'horizontal' ? xNumeric : yNumeric;
  return {
    rows: drawRows,
    orientation,
    rangesDrawn: !chart.stack && hooks.drawsRanges !== false && valueAxisNumeric,
    xFormat: hooks.xFormat ?? formatFor(chart.x, 'x', chart, rows),
    yFormat: formatFor(chart.y, 'y', chart, rows),
    colors: colorKey.entries,
    ...(colorKey.other ? { colorOther: colorKey.other } : {}),
    ...(colorKey.steps ? { colorSteps: colorKey.steps } : {}),
    ...(leftOut.length ? { leftOut } : {}),
  };
}

/**
 * Rows of one category (one x, for areas) stacked on each other, whatever their estimate flag: in the key's order
 * (colorOrder), positive values up from zero and negative ones down. Sets each row's __base and __top on the value
 * axis. Rows of different facets never share a stack.
 */
export function stackRows(
  chart: ResolvedChart,
  rows: DrawRow[],
  orientation: ChartShape['orientation'],
  colorKey: ColorKey,
) {
  const [category, value] = orientation === 'horizontal' ? (['__y', '__x'] as const) : (['__x', '__y'] as const);
  const rank = (row: DrawRow) => {
    const i = chart.color
      ? colorKey.entries.findIndex((c) => c.value === entryOf(colorKey, String(row[chart.color!])))
      : -1;
    return i < 0 ? colorKey.entries.length : i;
  };
  const stacks = chart.facet
    ? group(
        rows,
        (row) => String(row[chart.facet!]),
        (row) => String(row[category]),
      )
    : new Map([['', seriesOf(rows, category)]]);
  for (const facet of stacks.values()) {
    for (const stack of facet.values()) {
      let [up, down] = [0, 0];
      for (const row of stack.slice().sort((a, b) => rank(a) - rank(b))) {
        const v = Number(row[value]);
        row.__base = v < 0 ? down : up;
        if (v < 0) down += v;
        else up += v;
        row.__top = row.__base + v;
        row.__stacked = stack.length > 1;
      }
    }
  }
}

/** The colour of a row's mark: its category's, the accent for the highlight, grey for the rest. */
export function colorFor(chart: ResolvedChart, shape: ChartShape): (row: Row) => string {
  return (row) => {
    if (shape.colorSteps) return stepOf(shape.colorSteps, Number(row[chart.color!])).color;
    const category = chart.color ? String(row[chart.color]) : undefined;
    if (chart.highlight) return category === chart.highlight ? accent : muted;
    return shape.colors.find((c) => c.value === entryOf({ other: shape.colorOther }, category ?? ''))?.color ?? accent;
  };
}
