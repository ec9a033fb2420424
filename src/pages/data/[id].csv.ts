// /data/<dataset>.csv: the dataset's rows as RFC 4180 CSV.
import type { APIRoute } from 'astro';
import { datasetCsv } from '../../io/spreadsheet.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().datasets.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(datasetCsv(getSite().datasets.get(params.id!)!), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
