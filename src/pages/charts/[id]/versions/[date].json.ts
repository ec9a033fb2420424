// /charts/<id>/versions/<date>.json: the chart's dataset with its sources as it stood on that day.
import type { APIRoute } from 'astro';
import { datasetJson } from '../../../../site/data-pages.ts';
import { versionPaths, type Version } from '../../../../site/versions.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const version = props.version as Version;
  const dataset = version.site.charts.get(params.id!)!.dataset;
  return new Response(datasetJson(version.site, dataset, site), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
