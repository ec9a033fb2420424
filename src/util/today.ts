// Today, as the checks and the pages read it: the one place the date comes from. SUPPLY_LINES_TODAY (YYYY-MM-DD)
// sets it, for tests and for a build that must say what it would say on another day; else the clock, in UTC.
import { calendarDay, isoDate } from './dates.ts';

/** Today as YYYY-MM-DD: SUPPLY_LINES_TODAY when it names a day, else the clock's day in UTC. */
export function today(env: Record<string, string | undefined> = process.env): string {
  const set = env.SUPPLY_LINES_TODAY;
  if (set && calendarDay(set)) return set;
  return isoDate(new Date());
}
