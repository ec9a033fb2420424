// The embed code readers copy: the chart's title goes into the iframe's title attribute escaped for HTML, and
// written as the editor wrote it otherwise (an apostrophe stays an apostrophe, as it did before one escaper).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { embedCode } from '../../src/site/embed-code.ts';
import { chartSchema, datasetSchema } from '../../src/schemas/index.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/charts/china-share-line');
const read = (file: string) => JSON.parse(readFileSync(path.join(fixture, file), 'utf8'));

test('the embed code escapes & < > " in the title for HTML and keeps apostrophes as written', () => {
  const title = `China's "share" <80% & rising>`;
  const spec = chartSchema.parse({ ...read('spec.json'), title });
  const data = datasetSchema.parse(read('dataset.json'));
  const chart = renderChart(
    { ...spec, id: 'china-share-line', file: 'content/charts/china-share-line.json' },
    { ...data, id: 'fixture', file: 'data/fixture.json' },
  );
  const { html } = embedCode(chart, 'https://news.example.org');
  expect(html).toContain(`title="Supply Lines chart: China's &quot;share&quot; &lt;80% &amp; rising&gt;"`);
});
