// How values are written on axes, in tooltips, summaries and tables. Source figures are never rounded;
// computed figures (shares, ratios) are written to one decimal place.
import type { ChartSpec, Row } from '../schemas/index.ts';
import { derivedField } from '../schemas/derive.ts';
import type { FormatName } from '../schemas/format.ts';
import { placeName } from './places.ts';
import { dayOf, isoDatePattern, monthNames } from '../util/dates.ts';

/** How values are written for readers: a format an editor may name, or `place` for a map's places (a code is
 * written as its country's name; the rows and downloads keep what the editor wrote). */
export type ValueFormat = FormatName | 'place';

/** The field a 100% stack (`"stack": "share"`) computes: each row's percentage of its stack's total. */
export const stackShareField = 'share_of_total_pct';

const months = monthNames.map((name) => name.slice(0, 3));

export function isDateText(value: unknown): value is string {
  return typeof value === 'string' && isoDatePattern.test(value);
}

export const toDate = dayOf;

export function formatDate(value: Date | string): string {
  const date = typeof value === 'string' ? toDate(value) : value;
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The format a field is written in: the spec's, else guessed from the values. */
export function formatFor(
  field: string,
  axis: 'x' | 'y' | undefined,
  spec: Pick<ChartSpec, 'format' | 'derive'>,
  rows: readonly Row[],
): FormatName {
  const given = axis ? spec.format?.[axis] : undefined;
  if (given) return given;
  const values = rows.map((r) => r[field]).filter((v) => v !== null && v !== undefined);
  if (values.length && values.every(isDateText)) return 'date';
  if (/^(year|years)$/i.test(field) && values.every((v) => typeof v === 'number')) return 'year';
  if (
    spec.derive?.some((d) => derivedField(d) === field && d.op !== 'difference') ||
    /(_pct|percent|share)$/i.test(field)
  )
    return 'percent';
  return values.every((v) => typeof v === 'number') ? 'number' : 'text';
}

/** True when a field is computed by the chart (derive), so its value may be written rounded. */
export function isComputed(field: string, spec: Pick<ChartSpec, 'derive'>): boolean {
  return Boolean(spec.derive?.some((d) => derivedField(d) === field)) || field === stackShareField;
}

// Number formats, made once: making one is slow (toLocaleString makes one per call), and every table cell and tick
// label needs one.
const numbers = {
  /** Source figures: never rounded. */
  source: new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }),
  /** Computed figures (shares, ratios): one decimal place. */
  computed: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  tick: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  compactTick: new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }),
};

export function formatValue(value: unknown, format: ValueFormat, computed = false): string {
  if (value === null || value === undefined || value === '') return 'n/a';
  if (format === 'place') return placeName(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (format === 'date' && isDateText(value)) return formatDate(value);
  if (typeof value !== 'number') return String(value);
  if (format === 'year') return String(value);
  const text = (computed ? numbers.computed : numbers.source).format(value);
  return format === 'percent' ? `${text}%` : text;
}

/** Tick labels: short, in the reader's units. */
export function tickFormatter(format: ValueFormat): ((value: unknown) => string) | undefined {
  if (format === 'year') return (v) => String(v);
  if (format === 'percent') return (v) => `${numbers.tick.format(Number(v))}%`;
  if (format === 'date') return undefined; // Plot's own date ticks
  if (format === 'number')
    return (v) => (Math.abs(Number(v)) >= 1e6 ? numbers.compactTick : numbers.tick).format(Number(v));
  return undefined;
}
