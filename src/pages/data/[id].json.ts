// /data/<dataset>.json: the dataset as editors wrote it (rows, sources, notes, changes), plus the charts drawn from it.
import type { APIRoute } from 'astro';
import { isoDate } from '../../util/dates.ts';
import { absoluteUrl } from '../../site/embed-code.ts';
import { getSite } from '../../site/site.ts';

export function getStaticPaths() {
  return [...getSite().datasets.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const { datasets, charts } = getSite();
  const { file: _file, id, commitments, derivedFrom: _derivedFrom, ...dataset } = datasets.get(params.id!)!;
  // Commitments go back on their rows, where editors wrote them.
  const rows = dataset.rows.map((row) => (typeof row.id === 'string' && commitments?.[row.id] ? { ...row, commitments: commitments[row.id] } : row));
  const drawnIn = [...charts.values()]
    .filter((chart) => chart.dataset === id)
    .map((chart) => ({ id: chart.id, title: chart.title, url: absoluteUrl(`/charts/${chart.id}/`, site) }));
  const body = { id, ...dataset, rows, charts: drawnIn };
  // Dates as YYYY-MM-DD, as the editors typed them, not as timestamps.
  const json = JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? isoDate(raw) : value;
  }, 2);
  return new Response(`${json}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
