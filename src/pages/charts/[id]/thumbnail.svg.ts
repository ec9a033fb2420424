// /charts/<id>/thumbnail.svg: the narrow drawing of the chart's first view, for the list of charts.
import type { APIRoute } from 'astro';
import { thumbnailSvg } from '../../../charts/standalone.ts';
import { getChart } from '../../../site/charts.ts';
import { getSite } from '../../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(thumbnailSvg(getChart(params.id!)).svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
