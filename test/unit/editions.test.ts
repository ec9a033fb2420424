// Editions of one figure (src/charts/editions.ts): the figure key, the latest edition, and what a later edition
// revised. Made-up rows: "Country A" and "Fixture" sources.
import { describe, expect, test } from 'vitest';
import {
  chooseEditions,
  describeKey,
  drawsAllEditions,
  figureFields,
  figureKey,
  latestEditions,
  revisionsOf,
} from '../../src/charts/editions.ts';
import type { Row, Source } from '../../src/schemas/index.ts';

const source = (id: string, published?: string): Source => ({
  id,
  name: `Fixture source: ${id}`,
  url: `https://example.org/${id}`,
  edition: id.toUpperCase(),
  ...(published ? { published } : {}),
});
const sources = [source('fx2025', '2025-01'), source('fx2026', '2026-02-06')];
const rows: Row[] = [
  { country: 'Country A', year: 2024, tonnes: 13000, edition: 'FX 2025', source: 'fx2025', estimate: true },
  { country: 'Country B', year: 2024, tonnes: 500, edition: 'FX 2025', source: 'fx2025' },
  { country: 'Country A', year: 2023, tonnes: 9000, edition: 'FX 2025', source: 'fx2025' },
  { country: 'Country A', year: 2024, tonnes: 12000, edition: 'FX 2026', source: 'fx2026', note: 'revised' },
  { country: 'Country B', year: 2024, tonnes: 800, edition: 'FX 2026', source: 'fx2026' },
  { country: 'Country A', year: 2025, tonnes: 14000, edition: 'FX 2026', source: 'fx2026', estimate: true },
];

describe('the figure key', () => {
  test('is the text fields and the year, not the numbers nor the edition’s own fields', () => {
    expect(figureFields(rows)).toEqual(['country', 'year']);
    expect(figureKey(rows[0], figureFields(rows))).toEqual({ country: 'Country A', year: 2024 });
    expect(figureKey(rows[3])).toEqual({ country: 'Country A', year: 2024 });
    expect(describeKey({ country: 'Country A', year: 2024 })).toBe('Country A, 2024');
  });
  test('a field that holds a number in any row says how much, not what', () => {
    expect(
      figureFields([
        { country: 'A', tonnes: 'W' },
        { country: 'B', tonnes: 4 },
      ]),
    ).toEqual(['country']);
  });
});

describe('the latest edition', () => {
  test('of each figure is the row whose source was published last; a figure of one edition stays', () => {
    expect(latestEditions(rows, { sources }).map((r) => `${r.country} ${r.year} ${r.tonnes}`)).toEqual([
      'Country A 2023 9000',
      'Country A 2024 12000',
      'Country B 2024 800',
      'Country A 2025 14000',
    ]);
  });
  test('the order of dates, not of the sources list', () => {
    const reversed = [source('fx2025', '2027-01'), source('fx2026', '2026-02-06')];
    expect(latestEditions(rows, { sources: reversed }).map((r) => r.tonnes)).toEqual([13000, 500, 9000, 14000]);
  });
  test('editions without published dates are kept and named', () => {
    const undated = [source('fx2025', '2025-01'), source('fx2026')];
    const chosen = chooseEditions(rows, { sources: undated });
    expect(chosen.rows).toHaveLength(rows.length);
    expect(chosen.undated).toEqual([
      { key: { country: 'Country A', year: 2024 }, rows: [0, 3], sources: ['fx2026'] },
      { key: { country: 'Country B', year: 2024 }, rows: [1, 4], sources: ['fx2026'] },
    ]);
  });
  test('rows of one source never need choosing, dated or not', () => {
    const one = rows.filter((r) => r.source === 'fx2025');
    expect(chooseEditions(one, { sources: [source('fx2025')] })).toEqual({ rows: one, undated: [] });
  });
});

describe('revisions', () => {
  test('every figure a later edition changed, old and new with their editions and rows, largest first', () => {
    expect(revisionsOf({ rows, sources })).toEqual([
      {
        key: { country: 'Country B', year: 2024 },
        field: 'tonnes',
        from: { value: 500, source: 'fx2025', edition: 'FX 2025', row: 1 },
        to: { value: 800, source: 'fx2026', edition: 'FX 2026', row: 4 },
      },
      {
        key: { country: 'Country A', year: 2024 },
        field: 'tonnes',
        from: { value: 13000, source: 'fx2025', edition: 'FX 2025', row: 0 },
        to: { value: 12000, source: 'fx2026', edition: 'FX 2026', row: 3 },
      },
    ]);
  });
  test('an unchanged figure is no revision; undated editions go by their names', () => {
    const same: Row[] = [
      { country: 'Country A', year: 2024, tonnes: 7, source: 'fx2026', edition: 'FX 2026' },
      { country: 'Country A', year: 2024, tonnes: 5, source: 'fx2025', edition: 'FX 2025' },
      { country: 'Country B', year: 2024, tonnes: 5, source: 'fx2025', edition: 'FX 2025' },
      { country: 'Country B', year: 2024, tonnes: 5, source: 'fx2026', edition: 'FX 2026' },
    ];
    const revisions = revisionsOf({ rows: same, sources: [source('fx2025'), source('fx2026')] });
    expect(revisions.map((r) => [r.from.value, r.to.value])).toEqual([[5, 7]]);
  });
});

describe("a source's dates", () => {
  test('published and nextExpected take a month or a day, and refuse what is neither', async () => {
    const { sourceSchema } = await import('../../src/schemas/source.ts');
    const base = { name: 'Fixture source', url: 'https://example.org/' };
    expect(sourceSchema.safeParse({ ...base, published: '2026-02-06', nextExpected: '2027-02' }).success).toBe(true);
    for (const wrong of ['2026-13', '2026-02-30', 'February 2026', '2026'])
      expect(sourceSchema.safeParse({ ...base, nextExpected: wrong }).success, wrong).toBe(false);
  });
});

describe('a text field that names its row edition describes the edition, not the figure', () => {
  // As in data/rare-earth-reserves.json: a label per row that names its edition ("Country A, FX 2025") and a
  // "revised in FX 2026" that only the later edition carries.
  const labelled: Row[] = [
    { country: 'Country A', label: 'Country A, FX 2025', tonnes: 21000, edition: 'FX 2025', source: 'fx2025' },
    {
      country: 'Country A',
      label: 'Country A, FX 2026',
      revision: 'revised in FX 2026',
      tonnes: 3800,
      edition: 'FX 2026',
      source: 'fx2026',
    },
    { country: 'Country B', label: 'Country B, FX 2026', tonnes: 500, edition: 'FX 2026', source: 'fx2026' },
  ];

  test('the key leaves such fields out, and the two editions of one country are one figure', () => {
    expect(figureFields(labelled)).toEqual(['country']);
    const revisions = revisionsOf({ rows: labelled, sources });
    expect(revisions.map((r) => [describeKey(r.key), r.from.value, r.to.value])).toEqual([['Country A', 21000, 3800]]);
  });

  test('a text field that does not name the edition stays in the key', () => {
    expect(figureFields([{ country: 'Country A', qualifier: 'more than', edition: 'FX 2025' }])).toEqual([
      'country',
      'qualifier',
    ]);
  });
});

describe('a chart that draws the edition draws every edition', () => {
  test('the edition or source on an axis, as colours, small multiples or labels, or picked by the filter', () => {
    for (const field of ['x', 'y', 'color', 'facet', 'label'] as const) {
      expect(drawsAllEditions({ [field]: 'edition' }), field).toBe(true);
      expect(drawsAllEditions({ [field]: 'source' }), field).toBe(true);
    }
    expect(drawsAllEditions({ filter: { edition: ['FX 2025'] } })).toBe(true);
    expect(drawsAllEditions({ editions: 'all' })).toBe(true);
  });

  test('a chart of what is measured draws each figure once', () => {
    expect(drawsAllEditions({ x: 'year', y: 'tonnes', color: 'country' })).toBe(false);
  });
});
