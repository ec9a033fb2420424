// The PNG writer (src/charts/png-encode.ts): its files must hold exactly the pixels resvg draws, as resvg's own
// PNG writer would, for a chart image drawn from a fixture (test/fixtures/charts/, real rows; see test/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { expect, test } from 'vitest';
import { encodePng } from '../../src/charts/png-encode.ts';
import { renderChart } from '../../src/charts/render.ts';
import { standaloneSvg, thumbnailSvg } from '../../src/charts/standalone.ts';
import { fontOptions } from '../../src/charts/text-measure.ts';
import { chartSchema, datasetSchema } from '../../src/schemas/index.ts';
import { decodePng } from '../support/png.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/charts/us-production-ranges');
const read = (file: string) => JSON.parse(readFileSync(path.join(fixture, file), 'utf8'));

test('a chart image written by encodePng decodes to the same pixels as resvg draws and writes', () => {
  const spec = { ...chartSchema.parse(read('spec.json')), id: 'us-production-ranges', file: 'spec.json' };
  const dataset = { ...datasetSchema.parse(read('dataset.json')), id: 'us-production-ranges', file: 'dataset.json' };
  const { svg } = standaloneSvg(renderChart(spec, dataset), {
    pageUrl: 'https://news.example.org/charts/us-production-ranges/',
  });
  const image = new Resvg(svg, {
    font: fontOptions(),
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
  }).render();
  const ours = decodePng(encodePng(image.pixels, image.width, image.height));
  const resvgs = decodePng(image.asPng());
  expect([ours.width, ours.height]).toEqual([resvgs.width, resvgs.height]);
  expect(Buffer.from(ours.pixels).equals(Buffer.from(resvgs.pixels))).toBe(true);
});

test('images encoded one after another, a large one then a small one, each decode to their own pixels', () => {
  // encodePng keeps its row buffer between images: a smaller image must not carry the larger one's rows.
  const spec = { ...chartSchema.parse(read('spec.json')), id: 'us-production-ranges', file: 'spec.json' };
  const dataset = { ...datasetSchema.parse(read('dataset.json')), id: 'us-production-ranges', file: 'dataset.json' };
  const chart = renderChart(spec, dataset);
  const large = standaloneSvg(chart, { pageUrl: 'https://news.example.org/charts/us-production-ranges/' }).svg;
  for (const [svg, zoom] of [
    [large, 2],
    [thumbnailSvg(chart).svg, 1],
  ] as const) {
    const image = new Resvg(svg, {
      font: fontOptions(),
      fitTo: { mode: 'zoom', value: zoom },
      background: 'white',
    }).render();
    const decoded = decodePng(encodePng(image.pixels, image.width, image.height));
    expect([decoded.width, decoded.height]).toEqual([image.width, image.height]);
    expect(Buffer.from(decoded.pixels).equals(image.pixels)).toBe(true);
  }
});
