// The image workers draw with subsets of the bundled fonts (src/charts/png-fonts.ts), for speed only: every image
// must have exactly the pixels the whole fonts draw, also when it needs characters the worker's subsets did not hold
// yet. Drawn from a fixture chart (test/fixtures/charts/, see test/README.md) and a social card whose headline uses
// Turkish, Greek and Cyrillic letters.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { expect, test } from 'vitest';
import { fontsFor } from '../../src/charts/png-fonts.ts';
import { renderChart } from '../../src/charts/render.ts';
import { socialCardSvg } from '../../src/charts/social-card.ts';
import { standaloneSvg } from '../../src/charts/standalone.ts';
import { fontOptions } from '../../src/charts/text-measure.ts';
import { chartSchema, datasetSchema } from '../../src/schemas/index.ts';
import { nonEmpty } from '../support/lists.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/charts/hostile-places-symbol-map');
const read = (file: string) => JSON.parse(readFileSync(path.join(fixture, file), 'utf8'));

test('images drawn with the font subsets have the pixels the whole fonts draw, new characters included, asked for at once', async () => {
  const spec = { ...chartSchema.parse(read('spec.json')), id: 'hostile-places-symbol-map', file: 'spec.json' };
  const dataset = {
    ...datasetSchema.parse(read('dataset.json')),
    id: 'hostile-places-symbol-map',
    file: 'dataset.json',
  };
  const chart = renderChart(spec, dataset);
  const standalone = standaloneSvg(chart, {
    pageUrl: 'https://news.example.org/charts/hostile-places-symbol-map/',
  }).svg;
  // Two cards with letters beyond Latin-1, asked for together as pages ask for their images: both must get them.
  const cards = [
    socialCardSvg('Şırnak, Ελλάδα and Україна: the “quota” – and what we don’t know', chart),
    socialCardSvg('Україна and Şırnak', chart),
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supply-lines-fonts-'));
  try {
    const fonts = [await fontsFor(standalone, dir), ...(await Promise.all(cards.map((svg) => fontsFor(svg, dir))))];
    for (const [n, svg] of [standalone, ...cards].entries()) {
      const options = { fitTo: { mode: 'zoom', value: 2 }, background: 'white' } as const;
      const whole = new Resvg(svg, { ...options, font: fontOptions() }).render().pixels;
      for (const [i, file] of nonEmpty(fonts[n].fontFiles.entries(), 'font subsets')) {
        expect(path.dirname(file)).toBe(dir);
        expect(statSync(file).size).toBeLessThan(statSync(fontOptions().fontFiles[i]).size / 5);
      }
      const subset = new Resvg(svg, { ...options, font: fonts[n] }).render().pixels;
      expect(subset.equals(whole)).toBe(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
