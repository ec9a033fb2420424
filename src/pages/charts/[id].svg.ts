// /charts/<id>.svg: the chart as one standalone SVG, with its title, caveats, notes and sources drawn in.
import type { APIRoute } from 'astro';
import { standaloneSvg } from '../../charts/standalone.ts';
import { getChart } from '../../site/charts.ts';
import { absoluteUrl } from '../../site/embed-code.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const { svg } = standaloneSvg(getChart(params.id!), { pageUrl: absoluteUrl(`/charts/${params.id}/`, site) });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
