// The agreements tracker's model: one entry per row of data/agreements.json, with its dated history
// (the dataset's change notes that name the row, and those about the whole dataset) and where it is used.
import { chartViews, prepareRows, resolveView } from '../charts/prepare.ts';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import type { Article, Site } from '../model/load.ts';

export const agreementsDatasetId = 'agreements';

/** The attributes a reader compares, with the row fields that hold their text and their status. */
export const attributes = [
  { label: 'Date', status: 'status_date', detail: 'date' },
  { label: 'Form of instrument', status: 'status_form', detail: 'instrument' },
  { label: 'Binding', status: 'status_binding', detail: 'binding' },
  { label: 'Money', status: 'status_money', detail: 'money' },
  { label: 'Timeline', status: 'status_timeline', detail: undefined },
  { label: 'Enforcement', status: 'status_enforcement', detail: undefined },
] as const;

export interface AgreementEntry {
  row: Row;
  id: string;
  year: number;
  history: { date: Date; text: string }[];
  sources: Dataset['sources'];
  /** Charts that draw this agreement (in any of their views), and the published stories that place them. */
  charts: ChartSpec[];
  stories: Article[];
}

export function agreementEntries(dataset: Dataset, site: Site): AgreementEntry[] {
  const usage = agreementsUsage(site);
  return dataset.rows
    .filter((row) => typeof row.id === 'string' && typeof row.date === 'string')
    .map((row) => {
      const charts = usage.charts.filter((chart) => drawsRow(chart, row));
      return {
        row,
        id: row.id as string,
        year: Number(String(row.date).slice(0, 4)),
        history: (dataset.changes ?? []).filter((c) => c.key === undefined || c.key === row.id).map((c) => ({ date: c.date, text: c.text })),
        sources: dataset.sources.filter((s) => s.id !== undefined && s.id === row.source),
        charts,
        stories: usage.stories.filter((story) => charts.some((chart) => story.body.charts.includes(chart.id))),
      };
    })
    .sort((a, b) => String(a.row.date).localeCompare(String(b.row.date)));
}

/** Whether any view of the chart keeps the row after its fold and filter (a chart may draw a few agreements only). */
function drawsRow(chart: ChartSpec, row: Row): boolean {
  return chartViews(chart).some((view) => prepareRows(resolveView(chart, view), [row]).rows.length > 0);
}

/** Charts drawn from the agreements data, and the published stories that place any of them. */
export function agreementsUsage(site: Site) {
  const charts = [...site.charts.values()].filter((c) => c.dataset === agreementsDatasetId);
  const ids = new Set(charts.map((c) => c.id));
  const stories = site.articles.filter((a) => a.body.charts.some((id) => ids.has(id)));
  return { charts, stories };
}
