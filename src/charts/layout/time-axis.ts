// Time axes: a timeline's axis read in whole periods (years, or months in one year), a date y axis, and year ticks.
import { textWidth } from '../text-measure.ts';
import { axisNumber, domainRows, type ChartShape } from '../shape.ts';

/** A time axis in whole periods (years, or months within one year): where each starts, and its label in its middle. */
export interface TimeAxis {
  starts: Date[];
  middles: { at: Date; label: string }[];
}

/** Ticks of a date axis: whole years when the dates span more than a year, else months. */
export function dateTicks(domain: unknown[] | undefined): 'year' | 'month' {
  const [first, last] = (domain ?? []).map(axisNumber);
  return last - first > 365 * 864e5 ? 'year' : 'month';
}

/** The first and last of the dates among `values`. */
export function dateExtent(values: unknown[]): [Date, Date] {
  const times = values.filter((v): v is Date => v instanceof Date).map((d) => d.getTime());
  return [new Date(Math.min(...times)), new Date(Math.max(...times))];
}

/** A y axis of dates (Plot scale options): rounded out to whole years or months, with a tick at each. */
export function dateAxis(domain: unknown[] | undefined) {
  const interval = dateTicks(domain);
  return {
    type: 'utc',
    nice: interval,
    ticks: interval,
    ...(interval === 'year' ? { tickFormat: (d: Date) => String(d.getUTCFullYear()) } : {}),
  };
}

/**
 * A time axis read in whole periods: years when the dates span two or more, else months. Gridlines mark where each
 * period starts; its label sits in the middle of it (thinned to fit `room` px at `f` px text).
 */
export function timeAxis(dates: Date[], room: number, f: number): TimeAxis {
  const years = dates.map((d) => d.getUTCFullYear());
  const [first, last] = [Math.min(...years), Math.max(...years)];
  if (last > first) {
    const starts = Array.from({ length: last - first + 2 }, (_, i) => new Date(Date.UTC(first + i, 0, 1)));
    const middles = starts
      .slice(0, -1)
      .map((d) => ({ at: new Date(Date.UTC(d.getUTCFullYear(), 6, 2)), label: String(d.getUTCFullYear()) }));
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
    .map((d, i) => ({
      at: new Date(d.getTime() + 15 * 864e5),
      label: `${names[d.getUTCMonth()]}${i === 0 ? `\n${first}` : ''}`,
    }));
  return { starts, middles };
}

/**
 * At most `most` year ticks, evenly spaced, whole years, always including the latest year. Kept by hand: d3's
 * ticks pick round years, not the latest one.
 */
export function thinTicks(years: number[], most: number): number[] {
  const step = Math.max(1, Math.ceil(years.length / Math.max(2, Math.floor(most))));
  const last = years[years.length - 1];
  return years.filter((year) => (last - year) % step === 0);
}

/** The years on a year x axis, in order (none for any other x). */
export function yearTicksOf(shape: ChartShape): number[] {
  return shape.xFormat === 'year'
    ? [...new Set(domainRows(shape).map((r) => r.__x as number))].sort((a, b) => a - b)
    : [];
}
