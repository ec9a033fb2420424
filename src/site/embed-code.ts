// The embed code readers copy, and the oEmbed answer that carries it: an <iframe> with a default height that fits
// the chart at a common width (so it still looks right where a host strips scripts), then /embed.js, which sizes
// the frame to its content. One function for the chart page, /oembed/<id>.json and the tests.
import type { RenderedChart } from '../charts/render.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import { textWidth, wrapText } from '../charts/text-measure.ts';
import { escapeXml } from '../util/escape.ts';
import { oneLineSource } from '../charts/one-line-source.ts';
import { embedPath, url } from '../util/urls.ts';

/** The width the default height is worked out for: a common article column. */
export const embedWidth = 640;

/** "https://site/sub/charts/x/" from "/charts/x/": Astro's `site` plus BASE_PATH. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('astro.config.mjs has no `site`: absolute URLs need SITE_URL');
  return new URL(url(path), site).href;
}

export interface EmbedCode {
  html: string;
  /** The embed page's address. */
  src: string;
  width: number;
  height: number;
}

/** `date`: pin the frame to that dated version of the chart (/embed/<id>/versions/<date>/) instead of the latest. */
export function embedCode(chart: RenderedChart, site: URL | string | undefined, date?: string): EmbedCode {
  const src = absoluteUrl(embedPath(chart.id, date), site);
  // A pinned frame adds a line or two saying which day it shows and whether a newer version exists.
  const height = defaultEmbedHeight(chart) + (date ? Math.ceil(6 + 2 * 13 * 1.4) : 0);
  const title = `Supply Lines chart: ${chart.spec.title}`;
  const html =
    `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" loading="lazy" width="100%" height="${height}"></iframe>\n` +
    `<script src="${escapeXml(absoluteUrl('/embed.js', site))}" async></script>`;
  return { html, src, width: embedWidth, height };
}

/**
 * The embed page's height at `embedWidth`, from the same text measurements as the chart images.
 * The sizes mirror the embed's stylesheet (src/layouts/Embed.astro); the browser test checks that the
 * default covers the content at 640px without leaving much empty space.
 */
export function defaultEmbedHeight(chart: RenderedChart): number {
  const padX = 16;
  const inner = embedWidth - padX * 2;
  const lines = (text: string, width: number, size: number, bold = false) => wrapText(text, width, size, bold).length;
  let height = 12 + 14; // padding
  height += lines(chart.spec.title, inner, 18, true) * 18 * 1.3;
  if (chart.spec.subtitle) height += 3 + lines(chart.spec.subtitle, inner, 14) * 14 * 1.4;
  height += 8; // under the heading
  if (chart.views.length > 1) height += 6 + 34 + 6; // the view buttons
  if (chart.views.some((v) => v.selection)) height += 8 + 36 + 3; // the place list's button (src/client/chart.ts)
  height +=
    Math.max(...chart.views.map((v) => (v.drawings.find((d) => d.layout === 'wide') ?? v.drawings[0]).height)) *
    (inner / 640);
  height += 6 * 2 + legendRows(chart, inner) * 20 + (legendRows(chart, inner) - 1) * 4;
  height += 8 + 1 + 6; // the rule above the figure's foot
  if (chart.uncertainties.length) {
    height += 13 * 1.4 + 2;
    for (const u of chart.uncertainties) height += Math.max(20, lines(u.text, inner - 26, 13) * 13 * 1.4) + 3;
  }
  height +=
    6 +
    lines(
      oneLineSource(
        chart.dataset,
        chart.views.flatMap((v) => v.rows),
      ),
      inner,
      12,
    ) *
      12 *
      1.4;
  height += 4 + 24; // "Sources and notes" and "Table", closed
  height += 4 + 12 * 1.4;
  return Math.ceil(height * 1.03 + 6);
}

function legendRows(chart: RenderedChart, width: number): number {
  let rows = 1;
  let x = 0;
  for (const item of chart.legend) {
    const itemWidth = 20 + 6 + textWidth(item.label, 13);
    if (x > 0 && x + itemWidth > width) {
      rows++;
      x = 0;
    }
    x += itemWidth + 16;
  }
  return rows;
}

/** /oembed/<id>.json: an oEmbed 1.0 "rich" response; the thumbnail is the chart's PNG. */
export function oembed(chart: RenderedChart, site: URL | string | undefined) {
  const code = embedCode(chart, site);
  const image = standaloneSvg(chart, { pageUrl: absoluteUrl(`/charts/${chart.id}/`, site) });
  return {
    type: 'rich',
    version: '1.0',
    title: chart.spec.title,
    provider_name: 'Supply Lines',
    provider_url: absoluteUrl('/', site),
    cache_age: 86400,
    html: code.html,
    width: code.width,
    height: code.height,
    thumbnail_url: absoluteUrl(`/charts/${chart.id}.png`, site),
    thumbnail_width: image.width * 2,
    thumbnail_height: image.height * 2,
  };
}
