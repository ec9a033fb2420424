// A source's dates in words ("Published Feb 2026 · next edition expected Feb 2027") and whether its next edition is
// overdue: for the chart's "Sources and notes", the dataset pages and `npm run check` (model/check-freshness.ts).
import type { Source } from '../schemas/index.ts';
import { monthNames } from '../util/dates.ts';

/** "Feb 2026" for "2026-02" or "2026-02-06". */
export function monthText(monthOrDay: string): string {
  const [year, month] = monthOrDay.split('-');
  return `${monthNames[Number(month) - 1].slice(0, 3)} ${year}`;
}

/** Whether a YYYY-MM or YYYY-MM-DD date has passed on `today` (YYYY-MM-DD): a month once it has ended, a day once it is
 * over. */
export function hasPassed(monthOrDay: string, today: string): boolean {
  return monthOrDay.length === 7 ? today.slice(0, 7) > monthOrDay : today > monthOrDay;
}

/** Whether the source's next edition is late on `today`: its `nextExpected` has passed, and no other of `sources` was
 * published in or after that month (the next edition, added beside it). */
export function nextEditionLate(source: Source, today: string, sources: readonly Source[] = [source]): boolean {
  const next = source.nextExpected;
  if (!next || !hasPassed(next, today)) return false;
  return !sources.some(
    (other) => other !== source && other.published && other.published.slice(0, 7) >= next.slice(0, 7),
  );
}

/** "Published Feb 2026 · next edition expected Feb 2027", "... · next edition due since Feb 2027", or undefined. */
export function sourceDates(source: Source, today: string, sources: readonly Source[] = [source]): string | undefined {
  const next = source.nextExpected;
  const parts = [
    source.published ? `Published ${monthText(source.published)}` : '',
    next && !nextEditionLate(source, today, sources) && !hasPassed(next, today)
      ? `next edition expected ${monthText(next)}`
      : '',
    next && nextEditionLate(source, today, sources) ? `next edition due since ${monthText(next)}` : '',
  ].filter(Boolean);
  if (!parts.length) return undefined;
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
