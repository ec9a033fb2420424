// "Published Feb 2026 · next edition expected Feb 2027": when a source's edition came out and when the next one is
// due, the one producer of these words for dataset pages and charts' "Sources and notes". After the expected date
// has passed: "next edition due since Feb 2027".

/** A source's dates as editors type them: YYYY-MM or YYYY-MM-DD (a Date where a schema has parsed one). */
export interface EditionDates {
  published?: unknown;
  nextExpected?: unknown;
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The year and month of a YYYY-MM or YYYY-MM-DD text or a Date, or undefined when it is neither. */
function yearMonth(value: unknown): { year: number; month: number; day?: number } | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value) : null;
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(match[1]), month, ...(match[3] ? { day: Number(match[3]) } : {}) };
}

/** The moment after which a date has passed: the next day for a day, the next month's first day for a month. */
const endOf = ({ year, month, day }: { year: number; month: number; day?: number }) =>
  day === undefined ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, day + 1);

const written = ({ year, month }: { year: number; month: number }) => `${shortMonths[month - 1]} ${year}`;

/**
 * The words for a source's dates, or undefined when it has neither. The next edition is "due since" once `today` is
 * past the expected day, or month (an edition expected in February 2027 is still expected throughout that month).
 */
export function editionDatesText(source: EditionDates, today: Date): string | undefined {
  const published = yearMonth(source.published);
  const next = yearMonth(source.nextExpected);
  const parts = [
    published && `Published ${written(published)}`,
    next &&
      (today.getTime() >= endOf(next)
        ? `next edition due since ${written(next)}`
        : `next edition expected ${written(next)}`),
  ].filter((part): part is string => Boolean(part));
  if (!parts.length) return undefined;
  const text = parts.join(' · ');
  return text[0].toUpperCase() + text.slice(1);
}
