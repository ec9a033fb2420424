// The words for a source's edition dates, shared by dataset pages and charts' "Sources and notes".
import { describe, expect, test } from 'vitest';
import { editionDatesText } from '../../src/util/edition-dates.ts';

const day = (text: string) => new Date(`${text}T12:00:00Z`);

describe('editionDatesText', () => {
  test('a source with both dates: when it was published and when the next edition is expected', () => {
    expect(editionDatesText({ published: '2026-02-06', nextExpected: '2027-02' }, day('2026-12-07'))).toBe(
      'Published Feb 2026 · next edition expected Feb 2027',
    );
  });

  test('after the expected month, the next edition is due since then; within the month it is still expected', () => {
    expect(editionDatesText({ published: '2026-02', nextExpected: '2027-02' }, day('2027-02-28'))).toBe(
      'Published Feb 2026 · next edition expected Feb 2027',
    );
    expect(editionDatesText({ published: '2026-02', nextExpected: '2027-02' }, day('2027-03-01'))).toBe(
      'Published Feb 2026 · next edition due since Feb 2027',
    );
  });

  test('an expected day passes the day after it', () => {
    expect(editionDatesText({ nextExpected: '2027-02-05' }, day('2027-02-05'))).toBe('Next edition expected Feb 2027');
    expect(editionDatesText({ nextExpected: '2027-02-05' }, day('2027-02-06'))).toBe('Next edition due since Feb 2027');
  });

  test('dates a schema has parsed read the same; a source with neither date gets no words', () => {
    expect(editionDatesText({ published: new Date('2026-02-06T00:00:00Z') }, day('2026-12-07'))).toBe(
      'Published Feb 2026',
    );
    expect(editionDatesText({}, day('2026-12-07'))).toBeUndefined();
    expect(editionDatesText({ published: 'February 2026' }, day('2026-12-07'))).toBeUndefined();
  });
});
