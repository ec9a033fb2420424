// The one-line source under a chart (src/charts/one-line-source.ts): made from the dataset's sources that the drawn
// rows name, never typed per chart. Charts from test/fixtures/charts/ go through the real renderer, so "the rows it
// draws" are the rows after filters, views and derived fields.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { oneLineSource, shortName, yearRanges } from '../../src/charts/one-line-source.ts';
import { chartSchema, datasetSchema, type Dataset, type Row } from '../../src/schemas/index.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/charts');
const read = (name: string, file: string) => JSON.parse(readFileSync(path.join(fixtures, name, file), 'utf8'));
function drawn(name: string) {
  const dataset = {
    ...datasetSchema.parse(read(name, 'dataset.json')),
    id: name,
    file: `test/fixtures/charts/${name}/dataset.json`,
  };
  const spec = {
    ...chartSchema.parse(read(name, 'spec.json')),
    id: name,
    file: `test/fixtures/charts/${name}/spec.json`,
  };
  const chart = renderChart(spec, dataset);
  return { dataset, rows: chart.views.flatMap((view) => view.rows) };
}
const source = (id: string, name: string, short?: string): Dataset['sources'][number] => ({
  id,
  name,
  url: 'https://example.org/',
  ...(short && { short }),
});

describe('the one-line source', () => {
  test('the example in the issue: editions of one document joined, a source quoted by another as its short name says', () => {
    const dataset = {
      sources: [
        ...[2025, 2023, 2022, 2021, 2020, 2019].map((year) =>
          source(`mcs${year}`, `USGS Mineral Commodity Summaries ${year}: Rare Earths`, `USGS MCS ${year}`),
        ),
        source(
          'iea',
          'IEA Global Critical Minerals Outlook 2024 (2023 data), as reported by SEAISI',
          'IEA GCMO 2024 via SEAISI',
        ),
      ],
    };
    const rows: Row[] = ['mcs2019', 'mcs2020', 'mcs2021', 'mcs2022', 'mcs2023', 'mcs2025', 'iea', 'mcs2025'].map(
      (id) => ({ source: id }),
    );
    expect(oneLineSource(dataset, rows)).toBe('Sources: USGS MCS 2019–2023, 2025; IEA GCMO 2024 via SEAISI.');
  });

  test('names only the sources the drawn rows name, and a gap in the editions shows', () => {
    const { dataset, rows } = drawn('us-production-ranges');
    const named = new Set(rows.map((row) => row.source));
    const unused = dataset.sources.filter((s) => !named.has(s.id));
    expect(unused.map((s) => s.id)).toEqual(['mcs2024']); // listed in the dataset, drawn by no row
    // No `short` here: the name up to its colon stands for it.
    expect(oneLineSource(dataset, rows)).toBe('Sources: USGS Mineral Commodity Summaries 2019, 2021–2023, 2025.');
  });

  test("a chart of one view names only that view's sources; a chart with views names every view's", () => {
    const { dataset, rows } = drawn('import-reliance-bar-views');
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set(dataset.sources.map((s) => s.id)));
    expect(oneLineSource(dataset, rows)).toBe('Sources: USGS Mineral Commodity Summaries 2019, 2021, 2025.');
    expect(
      oneLineSource(
        dataset,
        rows.filter((row) => row.source === 'mcs2021'),
      ),
    ).toBe('Source: USGS Mineral Commodity Summaries 2021.');
  });

  test('a drawn row that names no source could come from any: every source is named, past three as a count', () => {
    const { dataset, rows } = drawn('agreements-timeline-dots');
    expect(rows.some((row) => row.source === undefined)).toBe(true);
    const names = dataset.sources.map((s) => s.name.split(': ')[0]);
    expect(names).toHaveLength(5);
    expect(oneLineSource(dataset, rows)).toBe(`Sources: ${names[0]}; ${names[1]}; 3 others.`);
    // Three names fit on the line in full.
    expect(oneLineSource({ sources: dataset.sources.slice(0, 3) }, rows)).toBe(
      `Sources: ${names.slice(0, 3).join('; ')}.`,
    );
  });

  test('the short name: `short` when the source has one, else the name up to its first colon', () => {
    expect(
      shortName({ name: 'Office of the US Trade Representative: press release, United States and Japan sign' }),
    ).toBe('Office of the US Trade Representative');
    expect(shortName({ name: 'IEA Global Critical Minerals Outlook 2024', short: 'IEA GCMO 2024' })).toBe(
      'IEA GCMO 2024',
    );
    expect(shortName({ name: 'A source with no colon' })).toBe('A source with no colon');
  });

  test('years run together as ranges', () => {
    expect(yearRanges([2025, 2019, 2020, 2021, 2019])).toBe('2019–2021, 2025');
    expect(yearRanges([2016])).toBe('2016');
    expect(yearRanges([2016, 2018, 2019])).toBe('2016, 2018–2019');
  });
});
