// /oembed/<id>.json: the oEmbed 1.0 answer for a chart (discovered from the chart page's <link rel="alternate">).
import type { APIRoute } from 'astro';
import { getChart } from '../../site/charts.ts';
import { oembed } from '../../site/embed-code.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params, site }) =>
  new Response(`${JSON.stringify(oembed(getChart(params.id!), site), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
