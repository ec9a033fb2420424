// Due dates are computed from a start date and a period, never typed: the arithmetic at its edges.
import { describe, expect, test } from 'vitest';
import { dueDate } from '../../src/util/due-dates.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const due = (start: string, period: string) => dueDate(day(start), period).toISOString().slice(0, 10);

describe('a period counted from a date', () => {
  test.for([
    // The October 2025 frameworks' periods, as the issue computes them.
    ['2025-10-20', '6 months', '2026-04-20'],
    ['2025-10-28', '180 days', '2026-04-26'],
    ['2023-05-20', '12 months', '2024-05-20'],
    // Month ends: the due date is the last day of a shorter month, not a day of the month after.
    ['2025-01-31', '1 month', '2025-02-28'],
    ['2024-01-31', '1 month', '2024-02-29'],
    ['2025-08-31', '6 months', '2026-02-28'],
    ['2025-03-31', '1 month', '2025-04-30'],
    ['2025-01-30', '1 month', '2025-02-28'],
    ['2025-02-28', '1 month', '2025-03-28'],
    // Leap years: 29 February plus a year falls on 28 February; days count the leap day.
    ['2024-02-29', '12 months', '2025-02-28'],
    ['2024-02-29', '1 year', '2025-02-28'],
    ['2024-02-29', '4 years', '2028-02-29'],
    ['2024-02-28', '1 day', '2024-02-29'],
    ['2024-02-01', '30 days', '2024-03-02'],
    ['2025-02-01', '30 days', '2025-03-03'],
    ['2023-03-01', '365 days', '2024-02-29'],
    // Across a year's end, and weeks.
    ['2025-11-15', '3 months', '2026-02-15'],
    ['2025-12-25', '2 weeks', '2026-01-08'],
    ['2025-10-26', '1 day', '2025-10-27'],
  ])('%s + %s = %s', ([start, period, expected]) => {
    expect(due(start, period)).toBe(expected);
  });

  test('the due date is midnight UTC, whatever the time zone of the machine', () => {
    expect(dueDate(day('2025-10-20'), '6 months').toISOString()).toBe('2026-04-20T00:00:00.000Z');
  });

  test('a text that is not a period is refused', () => {
    expect(() => dueDate(day('2025-10-20'), 'six months')).toThrow('not a period: "six months"');
    expect(() => dueDate(day('2025-10-20'), '0 days')).toThrow();
  });
});
