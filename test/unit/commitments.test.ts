// What a reader is told of a commitment, and how its sums are written: from fixture commitments, not live data.
import { describe, expect, test } from 'vitest';
import { formatAmount, groupConflicts, reading } from '../../src/model/commitments.ts';
import { commitmentSchema } from '../../src/schemas/commitment.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const commitment = (status: unknown[] = []) =>
  commitmentSchema.parse({ id: 'c', text: 'A fixture promise.', kind: 'deadline', status });
const entry = (date: string, status: string) => ({ date, status, text: 'Fixture.', source: 'fixture' });

describe('a commitment past its due date', () => {
  test('with no entry but "no-report", it reads "no evidence of delivery in our sources as of" the date we last looked', () => {
    expect(reading(commitment([entry('2025-10-28', 'no-report')]), day('2026-04-20'), day('2026-12-01'))).toBe(
      'Due 20 April 2026: no evidence of delivery in our sources as of 28 October 2025.',
    );
  });
  test('with no entry at all, as of the data\'s as-of date; never "not met"', () => {
    const text = reading(commitment(), day('2026-04-20'), day('2026-12-01'));
    expect(text).toBe('Due 20 April 2026: no evidence of delivery in our sources as of 1 December 2026.');
    expect(text).not.toMatch(/not met/);
  });
  test('"not met" only when a source says so', () => {
    expect(reading(commitment([entry('2026-05-01', 'not-met')]), day('2026-04-20'), day('2026-12-01'))).toBe(
      'Due 20 April 2026: not met, according to a source of 1 May 2026.',
    );
  });
  test('a "met" entry is read as met, even when a later entry disputes it', () => {
    expect(
      reading(
        commitment([entry('2026-04-01', 'met'), entry('2026-05-01', 'disputed')]),
        day('2026-04-20'),
        day('2026-12-01'),
      ),
    ).toBe('Due 20 April 2026: met, according to a source of 1 April 2026.');
  });
});

test('a commitment not yet due, and one with no due date, say so', () => {
  expect(reading(commitment([entry('2025-10-28', 'no-report')]), day('2027-01-01'), day('2026-12-01'))).toBe(
    'Due 1 January 2027, after 1 December 2026: no report in our sources as of 28 October 2025.',
  );
  expect(reading(commitment(), undefined, day('2026-12-01'))).toBe('No due date stated: no status recorded.');
});

test('sums are written in full, or in m and bn only where no digit is lost, with qualifier and payer', () => {
  expect(formatAmount({ value: 1000000000, currency: 'USD', qualifier: 'at least', payer: 'each side' })).toBe(
    'at least US$1bn, paid by each side',
  );
  expect(formatAmount({ value: 8500000000, currency: 'USD' })).toBe('US$8.5bn');
  expect(formatAmount({ value: 200000000, currency: 'USD', qualifier: 'up to' })).toBe('up to US$200m');
  expect(formatAmount({ value: 1234567, currency: 'USD' })).toBe('US$1,234,567');
  expect(formatAmount({ value: 12.5, currency: 'CHF' })).toBe('CHF 12.5');
});

test('two statements of one commitment are grouped side by side, in the order of the first', () => {
  const item = (id: string, conflictsWith?: string) => ({
    commitment: commitmentSchema.parse({ id, text: id, kind: 'money', conflictsWith }),
  });
  const list = [item('a'), item('b', 'd'), item('c'), item('d', 'b')];
  expect(groupConflicts(list).map((g) => g.map((i) => i.commitment.id))).toEqual([['a'], ['b', 'd'], ['c']]);
});
