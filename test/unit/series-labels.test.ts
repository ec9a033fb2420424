// Series labels keep clear of the axis tick labels as they keep clear of each other (issue 22, item 6): a 100%
// stack's small series on top had their labels pushed to the left end of the frame, over the y axis's "20%", in both
// drawings (the 360 px page's narrow one and the wide one that larger screens and the PNG show).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { layouts, renderChart, type RenderedChart } from '../../src/charts/render.ts';
import { chartSchema, datasetSchema } from '../../src/schemas/index.ts';
import { axisTextBoxes, overlap, seriesLabelBoxes } from '../support/svg-text.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/charts');
const read = (name: string, file: string) => JSON.parse(readFileSync(path.join(fixtures, name, file), 'utf8'));
const datasetOf = (name: string) => ({
  ...datasetSchema.parse(read(name, 'dataset.json')),
  id: name,
  file: `${name}/dataset.json`,
});

/** Each series label that covers an axis tick label, as "label on tick (layout)". */
function labelsOnTicks(chart: RenderedChart): string[] {
  return chart.views.flatMap((view) =>
    view.drawings.flatMap((d) => {
      const ticks = axisTextBoxes(d.svg, layouts[d.layout].fontSize);
      return seriesLabelBoxes(d.svg).flatMap((label) =>
        ticks.filter((tick) => overlap(label, tick)).map((tick) => `${label.text} on ${tick.text} (${d.layout})`),
      );
    }),
  );
}

test("a 100% stack's small series on top: no label on a tick, at either width", () => {
  // Rows of four countries copied from data/mine-production.json (the production-facet-twelve fixture).
  const spec = chartSchema.parse({
    title: 'Shares',
    dataset: 'twelve',
    mark: 'area',
    x: 'year',
    y: 'tonnes_reo',
    color: 'country',
    stack: 'share',
    filter: { country: ['China', 'Australia', 'Madagascar', 'Vietnam'], year: [2019, 2020, 2021, 2022, 2023, 2024] },
    format: { x: 'year', y: 'percent' },
  });
  const chart = renderChart({ ...spec, id: 'shares', file: 'shares.json' }, datasetOf('production-facet-twelve'));
  expect(chart.views[0].drawings.map((d) => d.layout)).toEqual(['wide', 'narrow']);
  for (const d of chart.views[0].drawings)
    expect(axisTextBoxes(d.svg, layouts[d.layout].fontSize).map((t) => t.text)).toContain('20%');
  expect(labelsOnTicks(chart)).toEqual([]);
});

describe('no series label of a chart fixture sits on a tick', () => {
  const names = readdirSync(fixtures).filter((name) => read(name, 'spec.json').color);
  test.for(names)('%s', (name) => {
    const chart = renderChart(
      { ...chartSchema.parse(read(name, 'spec.json')), id: name, file: `${name}/spec.json` },
      datasetOf(name),
    );
    expect(labelsOnTicks(chart)).toEqual([]);
  });
});
