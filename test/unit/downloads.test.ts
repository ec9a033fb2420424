// Downloads, as the routes answer them: every dataset as CSV and JSON, every chart as a standalone SVG and a PNG with
// its caveats drawn in. The routes' own getStaticPaths and GET run here, so these are the bytes the build writes.
import type { APIContext } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { csvParseRows } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { datasetCsv } from '../../src/io/spreadsheet.ts';
import { getChart } from '../../src/site/charts.ts';
import { getSite } from '../../src/site/site.ts';
import * as svgRoute from '../../src/pages/charts/[id].svg.ts';
import * as pngRoute from '../../src/pages/charts/[id].png.ts';
import * as csvRoute from '../../src/pages/data/[id].csv.ts';
import * as jsonRoute from '../../src/pages/data/[id].json.ts';
import { nonEmpty } from '../support/lists.ts';
import { decodePng } from '../support/png.ts';

const siteUrl = 'https://news.example.org';
const site = getSite();

interface Route {
  getStaticPaths: () => { params: { id: string } }[];
  GET: (context: APIContext) => Response | Promise<Response>;
}
const ids = (route: Route) => route.getStaticPaths().map((p) => p.params.id);
const get = async (route: Route, id: string) => {
  const response = await route.GET({ params: { id }, site: new URL(siteUrl) } as unknown as APIContext);
  expect(response.status).toBe(200);
  return response;
};
const text = async (route: Route, id: string) => (await get(route, id)).text();

test('every dataset has a CSV and a JSON route, every chart an SVG and a PNG route', () => {
  expect(ids(csvRoute)).toEqual([...site.datasets.keys()]);
  expect(ids(jsonRoute)).toEqual([...site.datasets.keys()]);
  expect(ids(svgRoute)).toEqual([...site.charts.keys()]);
  expect(ids(pngRoute)).toEqual([...site.charts.keys()]);
});

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The text of an SVG's own <text> lines (not the chart drawing's), joined as a reader would read them. */
function imageText(svg: string): string {
  const withoutDrawings = svg.replace(/<svg x=[\s\S]*?<\/svg>/g, '');
  return [...withoutDrawings.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1])).join(' ');
}

describe('CSV', () => {
  test('quotes commas, double quotes and line breaks, ends every record with CRLF and leaves missing values empty', () => {
    const csv = datasetCsv({
      rows: [
        { a: 'say "hi", then\nleave', b: 1.5 },
        { a: 'plain', c: true },
      ],
    });
    expect(csv).toBe('a,b,c\r\n"say ""hi"", then\nleave",1.5,\r\nplain,,true\r\n');
  });

  test.for(nonEmpty(ids(csvRoute), 'CSV downloads'))(
    '/data/%s.csv reads back to the rows of the dataset',
    async (id) => {
      const csv = await text(csvRoute, id);
      const dataset = site.datasets.get(id)!;
      expect(csv.endsWith('\r\n')).toBe(true);
      // Outside quoted fields, every line break is CRLF (RFC 4180).
      const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '""');
      expect(unquoted).not.toMatch(/[^\r]\n|\r[^\n]/);
      const [header, ...records] = csvParseRows(csv.replace(/\r\n/g, '\n'));
      const fields = new Set(dataset.rows.flatMap((row) => Object.keys(row)));
      expect(new Set(header)).toEqual(fields);
      expect(records).toHaveLength(dataset.rows.length);
      records.forEach((record, i) => {
        header.forEach((field, j) => {
          const value = dataset.rows[i][field];
          expect(record[j], `row ${i + 1}, ${field}`).toBe(value === null || value === undefined ? '' : String(value));
        });
      });
    },
  );
});

describe('JSON', () => {
  test.for(nonEmpty(ids(jsonRoute), 'JSON downloads'))(
    '/data/%s.json holds the rows and the sources with their editions',
    async (id) => {
      const json = JSON.parse(await text(jsonRoute, id));
      const dataset = site.datasets.get(id)!;
      expect(json.id).toBe(id);
      expect(json.title).toBe(dataset.title);
      // Each row's commitments are where the editor wrote them, on the row, with dates as YYYY-MM-DD.
      expect(json.rows.map(({ commitments: _c, ...row }: Record<string, unknown>) => row)).toEqual(dataset.rows);
      json.rows.forEach((row: Record<string, unknown>) => {
        const commitments = typeof row.id === 'string' ? dataset.commitments?.[row.id] : undefined;
        expect(row.commitments, `row ${row.id}`).toEqual(
          commitments &&
            JSON.parse(
              JSON.stringify(commitments, (_key, value) =>
                typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value)
                  ? value.slice(0, 10)
                  : value,
              ),
            ),
        );
      });
      expect(json.description).toBe(dataset.description);
      expect(
        json.sources.map((s: { name: string; edition?: string; url: string }) => [s.name, s.edition, s.url]),
      ).toEqual(dataset.sources.map((s) => [s.name, s.edition, s.url]));
      for (const change of json.changes ?? []) expect(change.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(json.file).toBeUndefined(); // the path in our repository is no business of the reader's
      const charts = [...site.charts.values()].filter((c) => c.dataset === id);
      expect(json.charts).toEqual(charts.map((c) => ({ id: c.id, title: c.title, url: `${siteUrl}/charts/${c.id}/` })));
    },
  );
});

describe('standalone SVG', () => {
  test.for(nonEmpty(ids(svgRoute), 'SVG downloads'))(
    '/charts/%s.svg carries its title, caveats, notes and sources, in plain colours',
    async (id) => {
      const svg = await text(svgRoute, id);
      const spec = site.charts.get(id)!;
      const dataset = site.datasets.get(spec.dataset)!;
      const words = imageText(svg);
      expect(words).toContain(spec.title);
      for (const annotation of spec.annotations ?? []) expect(words).toContain(annotation.text);
      for (const note of spec.notes ?? []) expect(words).toContain(note);
      // The sources its drawn rows name (all of them when a drawn row names none), and the editions their `revised`
      // quotes ("MCS 2024 gave ..."); no other.
      const drawn = getChart(id).views.flatMap((view) => view.rows);
      const quoted = drawn.map((row) => String(row.revised ?? '')).join(' ');
      const named = (source: { id?: string; edition?: string; short?: string }) =>
        drawn.some((row) => !row.source || row.source === source.id) ||
        [source.edition?.split(' (')[0], source.short?.replace(/^\S+ /, '')].some(
          (e) => e && quoted.includes(`${e} gave`),
        );
      for (const source of dataset.sources) {
        if (named(source)) expect(words).toContain(source.name);
        else expect(words).not.toContain(`${source.name}, ${source.edition}`);
      }
      expect(words).toContain(`${siteUrl}/charts/${id}/`);
      // resvg, image editors and most viewers know no CSS custom properties: every colour is resolved.
      expect(svg).not.toContain('var(');
      // Well-formed XML that a strict parser (resvg's) accepts, with the drawing inside it.
      const parsed = new Resvg(svg);
      expect(parsed.width).toBeGreaterThanOrEqual(640);
      expect(svg.match(/<svg x=/g)?.length).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('PNG', () => {
  test.for(nonEmpty(ids(pngRoute), 'PNG downloads'))(
    '/charts/%s.png decodes to the standalone SVG at twice its size, text drawn',
    async (id) => {
      const svg = await text(svgRoute, id);
      const width = Number(/<svg xmlns="[^"]+" width="(\d+)"/.exec(svg)![1]);
      const height = Number(/<svg xmlns="[^"]+" width="\d+" height="(\d+)"/.exec(svg)![1]);
      const response = await get(pngRoute, id);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = decodePng(Buffer.from(await response.arrayBuffer()));
      expect([png.width, png.height]).toEqual([width * 2, height * 2]);
      const at = (x: number, y: number) => [
        ...png.pixels.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4),
      ];
      expect(at(2, 2)).toEqual([0xfd, 0xfc, 0xfa, 255]); // the page's light background, opaque
      // The title's band (24px from the top, about one line at 2x) has dark ink: the bundled font was used.
      let ink = 0;
      for (let y = 48; y < 100; y++) for (let x = 48; x < png.width - 48; x++) if (at(x, y)[0] < 100) ink++;
      expect(ink / (52 * (png.width - 96))).toBeGreaterThan(0.03);
    },
  );
});
