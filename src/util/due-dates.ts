// When a commitment falls due: a start date plus a period ("6 months", "180 days", "12 months"), in UTC days.
import { utcDay, utcMonth } from 'd3-time';

/** The periods editors write: a whole number, then day(s), week(s), month(s) or year(s). */
export const periodPattern = /^([1-9]\d*) (day|days|week|weeks|month|months|year|years)$/;

/**
 * `start` plus `period`. Months and years keep the day of the month; where the month is shorter, the due date is
 * its last day (31 January + 1 month = 28 February, or 29 in a leap year; 29 February 2024 + 12 months =
 * 28 February 2025), as in a contract's "within one month", instead of rolling into the next month as
 * Date#setUTCMonth (and so utcMonth.offset alone) would.
 */
export function dueDate(start: Date, period: string): Date {
  const match = periodPattern.exec(period);
  if (!match) throw new Error(`not a period: ${JSON.stringify(period)}`);
  const count = Number(match[1]);
  const unit = match[2].replace(/s$/, '');
  if (unit === 'day') return utcDay.offset(start, count);
  if (unit === 'week') return utcDay.offset(start, 7 * count);
  const months = unit === 'year' ? 12 * count : count;
  const firstOfMonth = utcMonth.offset(utcMonth.floor(start), months);
  const lastDay = utcDay.offset(utcMonth.offset(firstOfMonth, 1), -1).getUTCDate();
  return utcDay.offset(firstOfMonth, Math.min(start.getUTCDate(), lastDay) - 1);
}
