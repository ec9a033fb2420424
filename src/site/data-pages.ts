// What a dataset's own page (/data/<id>/) says: what the data measures, each source with its edition and dates, the
// charts and stories that use it, and what later editions revised. Built once by `dataPage`, the one function the page
// calls (its route data).
import { revisionsOf } from '../charts/editions.ts';
import type { Article, Site } from '../model/load.ts';
import { isoDate } from '../util/dates.ts';
import { absoluteUrl } from './embed-code.ts';
import type { Source } from '../schemas/index.ts';
import { sourceDates } from '../charts/source-dates.ts';
import { today as todayIs } from '../util/today.ts';
import { revisionChart } from './revision-chart.ts';
import { getSite } from './site.ts';

/** The ids of the datasets that have a page: every dataset the site publishes (as /data/<id>.json does). */
export function dataPageIds(): string[] {
  return [...getSite().datasets.keys()];
}

/** A source as the page lists it, with its dates in words ("Published Feb 2026 · next edition expected Feb 2027"). */
export interface SourceEntry {
  source: Source;
  dates?: string;
}

/** /data/<id>/: the dataset, its sources with their dates, the charts and stories using it and its revisions. */
export function dataPage(id: string, today: string = todayIs()) {
  const site = getSite();
  const dataset = site.datasets.get(id)!;
  const charts = [...site.charts.values()]
    .filter((chart) => chart.dataset === id)
    .map((chart) => ({ id: chart.id, title: chart.title }));
  const chartIds = new Set(charts.map((c) => c.id));
  const revisions = revisionsOf(dataset);
  return {
    dataset,
    sources: dataset.sources.map((source): SourceEntry => ({
      source,
      dates: sourceDates(source, today, dataset.sources),
    })),
    charts,
    stories: storiesUsingData(site.articles, id, chartIds),
    revisions,
    revisionChart: revisionChart(dataset, revisions),
  };
}

/** Published stories that place one of the dataset's charts or print a figure from it, as the site lists them. */
function storiesUsingData(articles: readonly Article[], id: string, charts: ReadonlySet<string>): Article[] {
  return articles.filter(
    (a) =>
      !a.draft && (a.body.charts.some((c) => charts.has(c)) || a.body.values.some((v) => v.attributes.dataset === id)),
  );
}

/**
 * /data/<dataset>.json (and a chart version's .json, of that day's `site`): the dataset as editors wrote it (rows,
 * sources, notes, changes), plus the charts drawn from it.
 */
export function datasetJson(site: Site, datasetId: string, siteUrl: URL | undefined): string {
  const { file: _file, id, commitments, derivedFrom: _derivedFrom, ...dataset } = site.datasets.get(datasetId)!;
  // Commitments go back on their rows, where editors wrote them.
  const rows = dataset.rows.map((row) =>
    typeof row.id === 'string' && commitments?.[row.id] ? { ...row, commitments: commitments[row.id] } : row,
  );
  const drawnIn = [...site.charts.values()]
    .filter((chart) => chart.dataset === id)
    .map((chart) => ({ id: chart.id, title: chart.title, url: absoluteUrl(`/charts/${chart.id}/`, siteUrl) }));
  const body = { id, ...dataset, rows, charts: drawnIn };
  // Dates as YYYY-MM-DD, as the editors typed them, not as timestamps.
  const json = JSON.stringify(
    body,
    function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? isoDate(raw) : value;
    },
    2,
  );
  return `${json}\n`;
}
