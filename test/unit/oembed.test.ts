// /oembed/<id>.json as the route answers it: a valid oEmbed 1.0 "rich" response whose html is our embed code
// and whose thumbnail is the chart's PNG, with the size that PNG really has.
import type { APIContext } from 'astro';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { getChart } from '../../src/site/charts.ts';
import { getSite } from '../../src/site/site.ts';
import * as oembedRoute from '../../src/pages/oembed/[id].json.ts';
import * as pngRoute from '../../src/pages/charts/[id].png.ts';
import { nonEmpty } from '../support/lists.ts';
import { decodePng } from '../support/png.ts';

const siteUrl = 'https://news.example.org';
const context = (id: string) => ({ params: { id }, site: new URL(siteUrl) }) as unknown as APIContext;
const ids = oembedRoute.getStaticPaths().map((p) => p.params.id);

async function answer(id: string) {
  const response = await oembedRoute.GET(context(id));
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(await response.text());
}

test('every chart has an oEmbed answer', () => {
  expect(ids).toEqual([...getSite().charts.keys()]);
});

describe.for(nonEmpty(ids, 'oEmbed answers'))('/oembed/%s.json', (id) => {
  test('has the fields oEmbed 1.0 requires of a rich response, with the right types', async () => {
    const json = await answer(id);
    expect(json).toMatchObject({
      type: 'rich',
      version: '1.0',
      provider_name: 'Supply Lines',
      provider_url: `${siteUrl}/`,
    });
    expect(json.title).toBe(getChart(id).spec.title); // the title stays the chart's; the caveats come with the html
    for (const field of ['width', 'height', 'cache_age', 'thumbnail_width', 'thumbnail_height']) {
      expect(Number.isInteger(json[field]) && json[field] > 0, field).toBe(true);
    }
    expect(Object.keys(json).sort()).toEqual([
      'cache_age',
      'height',
      'html',
      'provider_name',
      'provider_url',
      'thumbnail_height',
      'thumbnail_url',
      'thumbnail_width',
      'title',
      'type',
      'version',
      'width',
    ]);
  });

  test('html is an iframe of the embed page and the /embed.js script, with absolute URLs and no inline style', async () => {
    const json = await answer(id);
    const { document } = parseHTML(`<!doctype html><html><body>${json.html}</body></html>`);
    const [iframe, ...moreFrames] = document.querySelectorAll('iframe');
    const [script, ...moreScripts] = document.querySelectorAll('script');
    expect(moreFrames.length + moreScripts.length).toBe(0);
    expect(iframe.getAttribute('src')).toBe(`${siteUrl}/embed/${id}/`);
    expect(iframe.getAttribute('title')).toContain(getChart(id).spec.title);
    expect(iframe.getAttribute('loading')).toBe('lazy');
    expect(iframe.getAttribute('width')).toBe('100%');
    // The default height is the one the answer declares, and holds at least the chart's own drawing.
    expect(iframe.getAttribute('height')).toBe(String(json.height));
    const drawing = getChart(id).views[0].drawings.find((d) => d.layout === 'wide')!;
    expect(json.height).toBeGreaterThan(drawing.height);
    expect(iframe.hasAttribute('style')).toBe(false);
    expect(iframe.hasAttribute('frameborder')).toBe(false);
    expect(script.getAttribute('src')).toBe(`${siteUrl}/embed.js`);
    expect(script.hasAttribute('async')).toBe(true);
    expect(script.textContent).toBe('');
  });

  test('the thumbnail is the chart PNG, at the size the PNG really has', async () => {
    const json = await answer(id);
    expect(json.thumbnail_url).toBe(`${siteUrl}/charts/${id}.png`);
    const png = decodePng(Buffer.from(await (await pngRoute.GET(context(id))).arrayBuffer()));
    expect([json.thumbnail_width, json.thumbnail_height]).toEqual([png.width, png.height]);
  });
});
