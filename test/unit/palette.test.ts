// The categorical palette (issue 22, item 5): never two series in one colour on one chart. Every colour of the
// palette keeps 3:1 contrast with the page and stays apart from every other under each colour-vision deficiency, in
// the light and the dark scheme (the tokens in src/styles/site.css; the browser test checks the pages as drawn).
// A chart with more series than colours groups the smallest into one "Other" colour, says so in a note, and
// `npm run check` warns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { palette } from '../../src/charts/colors.ts';
import { renderChart } from '../../src/charts/render.ts';
import { chartSchema, datasetSchema, type ChartSpec } from '../../src/schemas/index.ts';
import { contrast, deficiencies, deltaE, simulate } from '../support/colour.ts';

const css = readFileSync(path.resolve(import.meta.dirname, '../../src/styles/site.css'), 'utf8');
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The scheme's tokens: the light ones in :root, the dark ones in :root[data-theme='dark'] over them. */
function tokens(scheme: 'light' | 'dark'): Map<string, string> {
  const block = (selector: string) =>
    css.slice(css.indexOf(`${selector} {`), css.indexOf('}', css.indexOf(`${selector} {`)));
  const read = (text: string) =>
    new Map([...text.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]] as const));
  const light = read(block(':root'));
  return scheme === 'light' ? light : new Map([...light, ...read(block(":root[data-theme='dark']"))]);
}

describe.each(['light', 'dark'] as const)('the %s palette', (scheme) => {
  const t = tokens(scheme);
  const colors = palette.map((c) => /--([\w-]+)/.exec(c)![1]).map((name) => ({ name, hex: t.get(name) }));
  test('has a colour for every entry of colors.ts, and more than six', () => {
    expect(colors.filter((c) => !c.hex).map((c) => c.name)).toEqual([]);
    expect(colors.length).toBeGreaterThan(6);
  });
  test('keeps 3:1 contrast with the page, and every pair apart under each colour-vision deficiency', () => {
    const page = rgb(t.get('bg')!);
    const problems: string[] = [];
    for (const c of colors)
      if (contrast(rgb(c.hex!), page) < 3)
        problems.push(`${c.name} ${c.hex}: contrast ${contrast(rgb(c.hex!), page).toFixed(2)}`);
    for (const [vision, matrix] of Object.entries(deficiencies)) {
      colors.forEach((a, i) =>
        colors.slice(i + 1).forEach((b) => {
          const difference = deltaE(simulate(rgb(a.hex!), matrix), simulate(rgb(b.hex!), matrix));
          if (difference < 15)
            problems.push(
              `${a.name} ${a.hex} and ${b.name} ${b.hex} differ by ${difference.toFixed(1)} under ${vision}`,
            );
        }),
      );
    }
    expect(problems).toEqual([]);
  });
  test('the media query and the data-theme rule give the dark scheme the same colours', () => {
    const query = css.slice(css.indexOf(":root:not([data-theme='light'])"), css.indexOf(":root[data-theme='dark']"));
    if (scheme === 'dark') for (const c of colors) expect(query, c.name).toContain(`--${c.name}: ${c.hex}`);
  });
});

describe('a chart with more series than colours', () => {
  const fixture = path.resolve(import.meta.dirname, '../fixtures/charts/production-facet-twelve/dataset.json');
  const dataset = {
    ...datasetSchema.parse(JSON.parse(readFileSync(fixture, 'utf8'))),
    id: 'twelve',
    file: 'twelve.json',
  };
  const spec: ChartSpec = {
    ...chartSchema.parse({
      title: 'Twelve countries',
      dataset: 'twelve',
      mark: 'bar',
      x: 'year',
      y: 'tonnes_reo',
      color: 'country',
      stack: 'sum',
      filter: { year: [2023, 2024] },
    }),
    id: 'twelve',
    file: 'twelve.json',
  };
  const chart = renderChart(spec, dataset);
  const countries = new Set(chart.views[0].rows.map((row) => String(row.country)));
  test('gives no two series one colour: the smallest share one "Other" colour, named in the key and a note', () => {
    expect(countries.size).toBeGreaterThan(palette.length);
    const colors = chart.views[0].colors.map((c) => c.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(colors.length).toBeLessThanOrEqual(palette.length);
    const other = chart.views[0].colors.at(-1)!;
    expect(other.value).toMatch(/^Other \(\d+\)$/);
    expect(chart.dataNotes.join(' ')).toMatch(/^.*"Other \(\d+\)".*: .*, .* and .*/);
    // Each series of the group is still named in its tooltip.
    for (const name of countries)
      expect(
        chart.views[0].drawings[0].points.some((p) => p.text.includes(name)),
        name,
      ).toBe(true);
  });
});
