// Calendar days as this site reads and writes them: YYYY-MM-DD texts (data, front matter, command lines) and dates
// in words, always in UTC, so a build anywhere gives the same text.

/** The months' names, January first; charts write their first three letters ("Jan"). */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar day as a YYYY-MM-DD text ("2026-03-01"), whether or not the day exists (see `calendarDay`). */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The start (00:00 UTC) of the day a YYYY-MM-DD text names. */
export function dayOf(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}

/** The day a YYYY-MM-DD text names, or undefined when it is not one: another form, or no such day ("2025-02-30"). */
export function calendarDay(text: string): Date | undefined {
  if (!isoDatePattern.test(text)) return undefined;
  const date = dayOf(text);
  return Number.isNaN(date.getTime()) || isoDate(date) !== text ? undefined : date;
}

/** "28 November 2026": dates are written in full, in UTC, so a build anywhere gives the same text. */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "2026-11-28": the day of a date, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
