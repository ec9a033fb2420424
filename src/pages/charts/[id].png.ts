// /charts/<id>.png: the standalone SVG rendered at 2x at build time (resvg, bundled DejaVu Sans).
import type { APIRoute } from 'astro';
import { standalonePng } from '../../charts/standalone.ts';
import { getChart } from '../../site/charts.ts';
import { absoluteUrl } from '../../site/embed-code.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const { png } = await standalonePng(getChart(params.id!), { pageUrl: absoluteUrl(`/charts/${params.id}/`, site) });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
