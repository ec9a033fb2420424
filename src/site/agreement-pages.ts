// What the agreements tracker (/agreements/) and an instrument's page (/agreements/<id>/) show, each built once by
// one function the page calls (its route data); the components under them (AgreementAttributes, Commitments,
// Figure) take their part as props and look nothing up.
import { asOfDate, formatAmount, groupConflicts, kindWords, resolveSource, statusWords } from '../model/commitments.ts';
import type { StatusEntry } from '../schemas/status-entry.ts';
import type { StatementSource } from '../schemas/statement-source.ts';
import type { Dataset } from '../schemas/index.ts';
import {
  agreementEntries,
  agreementsDatasetId,
  agreementsUsage,
  isTrackerChart,
  type AgreementEntry,
} from './agreements.ts';
import { figureOf } from './figures.ts';
import { getSite } from './site.ts';
import type { Site } from '../model/load.ts';

const entriesBySite = new WeakMap<Site, { dataset?: Dataset; entries: AgreementEntry[] }>();

/** The agreements dataset and its entries, built once per loaded site for the tracker and every instrument's page. */
function agreementsOf(site: Site): { dataset?: Dataset; entries: AgreementEntry[] } {
  let found = entriesBySite.get(site);
  if (!found) {
    const dataset = site.datasets.get(agreementsDatasetId);
    found = { dataset, entries: dataset ? agreementEntries(dataset, site) : [] };
    entriesBySite.set(site, found);
  }
  return found;
}

/** A document a source names, resolved for display. */
export type SourceDocument = ReturnType<typeof resolveSource>[number];

/** /agreements/: every entry, the filter's choices, and the commitments' charts drawn above the list. */
export function trackerPage() {
  const site = getSite();
  const { dataset, entries } = agreementsOf(site);
  const { charts, stories } = agreementsUsage(site);
  const statusNames: Record<string, string> = { ...statusWords, none: 'no status recorded' };
  const years = [...new Set(entries.map((e) => e.year))].sort();
  return {
    dataset,
    entries,
    charts,
    stories,
    partners: [...new Set(entries.map((e) => String(e.row.partner)))].sort(),
    years,
    /** The years the instruments were signed in, from the data: "2023 to 2026" (one year: "2025"; none: ""). */
    span: years.length > 1 ? `${years[0]} to ${years.at(-1)}` : years.map(String).join(''),
    statusNames,
    statuses: Object.keys(statusNames).filter((status) => entries.some((e) => e.statuses.includes(status))),
    // The commitments' own charts (the timeline of due dates) are drawn here, above the list they summarise.
    figures: charts.filter(isTrackerChart).map((chart) => figureOf(chart.id)),
  };
}

/** The ids of the instruments that have a page. */
export function agreementIds(): string[] {
  return agreementsOf(getSite()).entries.map((entry) => entry.id);
}

/** /agreements/<id>/: the instrument, its commitments as cards, and every document the page cites. */
export function agreementPage(id: string) {
  const agreements = agreementsOf(getSite());
  const dataset = agreements.dataset!; // an instrument has a page only when the dataset exists (agreementIds)
  const entry = agreements.entries.find((e) => e.id === id)!;
  const { row } = entry;
  // Every document this page cites: the row's, and those its commitments and statuses name.
  const cited = [
    ...resolveSource(undefined, dataset, row),
    ...entry.commitments.flatMap(({ commitment }) =>
      [commitment.source, ...commitment.status.map((s) => s.source)].flatMap((s) =>
        s === undefined ? [] : resolveSource(s, dataset, row),
      ),
    ),
  ];
  return {
    entry,
    dataset,
    asOf: asOfDate(dataset),
    title: `${row.partner}: ${row.instrument}`,
    documents: [...new Map(cited.map((d) => [`${d.name}|${d.url ?? ''}`, d])).values()],
    commitments: commitmentCards(entry, dataset),
  };
}

/** One commitment as its card on the instrument's page (Commitments.astro) shows it. */
export interface CommitmentCard {
  /** Its id in the page: `<instrument>-<commitment>`. */
  id: string;
  text: string;
  kind: string;
  amount?: string;
  due?: Date;
  /** How the due date was computed. */
  rule?: string;
  /** The documents its source names (none: no address is recorded). */
  sources: SourceDocument[];
  /** What a reader is told of its delivery. */
  reading: string;
  /** Its status entries, oldest first; `sources` is undefined where they are the commitment's own. */
  history: {
    date: Date;
    status: StatusEntry['status'];
    word: string;
    text: string;
    sources?: SourceDocument[];
    /** When its sources were read, where recorded. */
    retrieved?: Date;
  }[];
}

/** The instrument's commitments as cards, in their order; two statements of one promise share a group. */
export function commitmentCards(entry: AgreementEntry, dataset: Dataset): CommitmentCard[][] {
  const sources = (source: StatementSource | undefined) => resolveSource(source, dataset, entry.row);
  // A status read in the commitment's own sources says so, instead of listing them again.
  const sameSource = (a: StatementSource, b: StatementSource | undefined) =>
    JSON.stringify(sources(a)) === JSON.stringify(sources(b));
  return groupConflicts(entry.commitments).map((group) =>
    group.map(({ commitment, due, rule, reading }) => ({
      id: `${entry.id}-${commitment.id}`,
      text: commitment.text,
      kind: kindWords[commitment.kind],
      amount: commitment.amount && formatAmount(commitment.amount),
      due,
      rule,
      sources: sources(commitment.source),
      reading,
      history: commitment.status.map((s) => ({
        date: s.date,
        status: s.status,
        word: statusWords[s.status],
        text: s.text,
        sources: sameSource(s.source, commitment.source) ? undefined : sources(s.source),
        retrieved: s.retrieved,
      })),
    })),
  );
}
