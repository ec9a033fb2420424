// The agreements tracker's model: one entry per row of data/agreements.json, with its dated history
// (the dataset's change notes that name the row, and those about the whole dataset), its commitments with their
// computed due dates, and where it is used (charts of the dataset or of its commitments' companion dataset).
import { chartViews, prepareRows, resolveView } from '../charts/prepare.ts';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import type { Article, Site } from '../model/load.ts';
import {
  agreementsDatasetId,
  asOfDate,
  commitmentsDatasetId,
  commitmentsOf,
  isTrackerChart,
  latestStatusWords,
} from '../model/commitments.ts';
import { url } from '../util/urls.ts';
import { formatDate } from '../charts/format.ts';
import { statusWord } from '../charts/status-words.ts';

export { agreementsDatasetId, commitmentsDatasetId, isTrackerChart };

/** /agreements/<id>/: an instrument's own page. */
export function agreementUrl(id: string): string {
  return url(`/agreements/${id}/`);
}

/** The attributes a reader compares, with the row fields that hold their text and their status. */
const attributes = [
  { label: 'Date', status: 'status_date', detail: 'date' },
  { label: 'Form of instrument', status: 'status_form', detail: 'instrument' },
  { label: 'Binding', status: 'status_binding', detail: 'binding' },
  { label: 'Money', status: 'status_money', detail: 'money' },
  { label: 'Timeline', status: 'status_timeline', detail: undefined },
  { label: 'Enforcement', status: 'status_enforcement', detail: undefined },
] as const;

/** One line of an instrument's "what the documents state" grid (AgreementAttributes.astro). */
export interface AttributeStatus {
  label: string;
  /** The row's status value ("stated", "partly", "not stated"), and the reader's word for it. */
  status: string;
  word: string;
  /** What the documents state of it, where the row says ("" when it does not). */
  detail: string;
}

/** The row's grid of attributes, in the order a reader compares them. */
export function attributeGrid(row: Row): AttributeStatus[] {
  return attributes.map((a) => {
    const status = String(row[a.status] ?? 'not stated');
    const detail =
      a.detail && row[a.detail] !== undefined
        ? a.detail === 'date'
          ? formatDate(String(row.date))
          : String(row[a.detail])
        : '';
    return { label: a.label, status, word: statusWord(status), detail };
  });
}

export interface AgreementEntry {
  row: Row;
  id: string;
  year: number;
  /** What its documents state: date, form, binding force, money, timeline and enforcement. */
  attributes: AttributeStatus[];
  history: { date: Date; text: string }[];
  sources: Dataset['sources'];
  /** Charts that draw this agreement (in any of their views), and the published stories that place them. */
  charts: ChartSpec[];
  stories: Article[];
  /** Its commitments, each with its due date (computed), how it was computed and what a reader is told of it. */
  commitments: ReturnType<typeof commitmentsOf>[number]['commitments'];
  /** The statuses of its commitments' latest entries ("no-report", ...), for the tracker's filter. */
  statuses: string[];
  /** How current they are: "latest status 7 December 2026, sources read 7 December 2026" (latestStatusWords). */
  statusDates: string;
  /** Corrections to published stories that name a chart drawing it, oldest first. */
  corrections: { date: Date; text: string; article: Article }[];
}

export function agreementEntries(dataset: Dataset, site: Site): AgreementEntry[] {
  const usage = agreementsUsage(site);
  const asOf = asOfDate(dataset);
  const commitments = new Map(commitmentsOf(dataset, asOf).map((c) => [c.row.id, c.commitments]));
  return dataset.rows
    .filter((row) => typeof row.id === 'string' && typeof row.date === 'string')
    .map((row) => {
      const companion = site.datasets.get(commitmentsDatasetId);
      const charts = usage.charts.filter((chart) =>
        chart.dataset === commitmentsDatasetId
          ? companion !== undefined &&
            drawsAny(
              chart,
              companion.rows.filter((r) => r.agreement === row.id),
            )
          : drawsRow(chart, row),
      );
      const list = commitments.get(row.id) ?? [];
      return {
        row,
        id: row.id as string,
        year: Number(String(row.date).slice(0, 4)),
        attributes: attributeGrid(row),
        history: (dataset.changes ?? [])
          .filter((c) => c.key === undefined || c.key === row.id)
          .map((c) => ({ date: c.date, text: c.text })),
        sources: dataset.sources.filter((s) => s.id !== undefined && s.id === row.source),
        charts,
        stories: usage.stories.filter((story) => charts.some((chart) => story.body.charts.includes(chart.id))),
        commitments: list,
        statuses: [...new Set(list.map((c) => c.commitment.status.at(-1)?.status ?? 'none'))],
        statusDates: latestStatusWords(list.map((c) => c.commitment)),
        corrections: site.articles
          .filter((article) => !article.draft)
          .flatMap((article) =>
            article.corrections
              .filter((c) => c.charts.some((id) => charts.some((chart) => chart.id === id)))
              .map((c) => ({ date: c.date, text: c.text, article })),
          )
          .sort((a, b) => a.date.getTime() - b.date.getTime()),
      };
    })
    .sort((a, b) => String(a.row.date).localeCompare(String(b.row.date)));
}

/** Whether any view of the chart keeps the row after its fold and filter (a chart may draw a few agreements only). */
function drawsRow(chart: ChartSpec, row: Row): boolean {
  return drawsAny(chart, [row]);
}

function drawsAny(chart: ChartSpec, rows: Row[]): boolean {
  return (
    rows.length > 0 && chartViews(chart).some((view) => prepareRows(resolveView(chart, view), rows).rows.length > 0)
  );
}

/** Charts drawn from the agreements data, and the published stories that place any of them. */
export function agreementsUsage(site: Site) {
  const charts = [...site.charts.values()].filter(
    (c) => c.dataset === agreementsDatasetId || c.dataset === commitmentsDatasetId,
  );
  const ids = new Set(charts.map((c) => c.id));
  const stories = site.articles.filter((a) => a.body.charts.some((id) => ids.has(id)));
  return { charts, stories };
}
