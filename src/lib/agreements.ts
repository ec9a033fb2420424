// The agreements tracker's model: one entry per row of data/agreements.json, with its dated history
// (the dataset's change notes that name the row, and those about the whole dataset) and where it is used.
import type { Dataset, Row } from '../schemas/index.ts';
import type { Site } from '../model/load.ts';

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
}

export function agreementEntries(dataset: Dataset): AgreementEntry[] {
  return dataset.rows
    .filter((row) => typeof row.id === 'string' && typeof row.date === 'string')
    .map((row) => ({
      row,
      id: row.id as string,
      year: Number(String(row.date).slice(0, 4)),
      history: (dataset.changes ?? []).filter((c) => c.key === undefined || c.key === row.id).map((c) => ({ date: c.date, text: c.text })),
      sources: dataset.sources.filter((s) => s.id !== undefined && s.id === row.source),
    }))
    .sort((a, b) => String(a.row.date).localeCompare(String(b.row.date)));
}

/** Charts drawn from the agreements data, and the published stories that place any of them. */
export function agreementsUsage(site: Site) {
  const charts = [...site.charts.values()].filter((c) => c.dataset === agreementsDatasetId);
  const ids = new Set(charts.map((c) => c.id));
  const stories = site.articles.filter((a) => a.body.charts.some((id) => ids.has(id)));
  return { charts, stories };
}
