// /charts/<id>/versions/<date>.csv: the chart's dataset as it stood on that day, as /data/<dataset>.csv gives today's.
import type { APIRoute } from 'astro';
import { datasetCsv } from '../../../../io/spreadsheet.ts';
import { versionPaths, type Version } from '../../../../site/versions.ts';

export const getStaticPaths = versionPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { site } = props.version as Version;
  const dataset = site.datasets.get(site.charts.get(params.id!)!.dataset)!;
  return new Response(datasetCsv(dataset), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
