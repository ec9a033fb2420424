// /charts/<id>/versions/<date>.svg: that day's chart as one standalone SVG, its text drawn in.
import type { APIRoute } from 'astro';
import { standaloneSvg } from '../../../../charts/standalone.ts';
import { getChart } from '../../../../site/charts.ts';
import { absoluteUrl } from '../../../../site/embed-code.ts';
import { versionPaths, type Version } from '../../../../site/versions.ts';
import { chartPath } from '../../../../util/urls.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const version = props.version as Version;
  const pageUrl = absoluteUrl(chartPath(params.id!, version.date), site);
  const { svg } = standaloneSvg(getChart(params.id!, version.site), { pageUrl });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
