// The data table under a chart heads each column with the field's name made readable where the spec gives no
// label: underscores and camelCase become words, and unit abbreviations are written as readers know them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { chartSchema, datasetSchema } from '../../src/schemas/index.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/charts/output-area-series');
const read = (file: string) => JSON.parse(readFileSync(path.join(fixture, file), 'utf8'));

test('a table column without a label reads "Tonnes REO" for tonnes_reo and "Producer Country" for producerCountry', () => {
  const spec = {
    ...read('spec.json'),
    y: 'tonnes_reo',
    color: 'producerCountry',
    label: 'producerCountry',
    yLabel: undefined,
  };
  spec.filter = { producerCountry: spec.filter.country };
  const data = read('dataset.json');
  data.rows = data.rows.map(({ tonnes, country, ...row }: Record<string, unknown>) => ({
    ...row,
    tonnes_reo: tonnes,
    producerCountry: country,
  }));
  const chart = renderChart(
    { ...chartSchema.parse(spec), id: 'labels', file: 'content/charts/labels.json' },
    { ...datasetSchema.parse(data), id: 'fixture-output', file: 'data/fixture-output.json' },
  );
  const labels = Object.fromEntries(
    chart.views[0].columns.map((c: { field: string; label: string }) => [c.field, c.label]),
  );
  expect(labels).toMatchObject({ tonnes_reo: 'Tonnes REO', producerCountry: 'Producer Country', year: 'Year' });
});
