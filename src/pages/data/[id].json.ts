// /data/<dataset>.json: the dataset as editors wrote it (rows, sources, notes, changes), plus the charts drawn from it.
import type { APIRoute } from 'astro';
import { datasetJson } from '../../site/data-pages.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().datasets.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params, site }) =>
  new Response(datasetJson(getSite(), params.id!, site), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
