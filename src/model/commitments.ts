// Commitments of an instrument (rows[].commitments of an agreements dataset): their due dates, computed from the
// signing date and the period, and what a reader is told of their delivery as of the data's "as of" date.
import type { Dataset, Row } from '../schemas/index.ts';
import type { Commitment } from '../schemas/commitment.ts';
import type { StatementSource } from '../schemas/statement-source.ts';
import type { StatusEntry } from '../schemas/status-entry.ts';
import { calendarDay, dayOf, isoDate, longDate } from '../util/dates.ts';
import { dueDate } from '../util/due-dates.ts';

/** The agreements tracker's dataset (data/agreements.json). */
export const agreementsDatasetId = 'agreements';
/** The companion dataset computed from the agreements' commitments (commitmentTimeline). */
export const commitmentsDatasetId = `${agreementsDatasetId}-commitments`;
/** The tracker page (/agreements/) draws every chart of the commitments' companion dataset, whose rows are the
 * tracker's own: an editor adds one by giving a chart that dataset, and no story has to place it. */
export const isTrackerChart = (chart: { dataset: string }) => chart.dataset === commitmentsDatasetId;

/** The day the data's statuses were last checked: its `asOf`, else the day of the build (UTC). */
export function asOfDate(dataset: Pick<Dataset, 'asOf'>, now = new Date()): Date {
  return dataset.asOf ?? dayOf(isoDate(now));
}

/** The instrument's signing date: its row's "date", when that is a real YYYY-MM-DD date. */
export function signingDate(row: Row): Date | undefined {
  return typeof row.date === 'string' ? calendarDay(row.date) : undefined;
}

/** The due date: the date given, or the period counted from the signing (or the date named). Undefined when it has
 * none, or when it counts from a signing the row does not date (an error the check reports). */
export function commitmentDue(commitment: Commitment, row: Row): Date | undefined {
  const due = commitment.due;
  if (!due) return undefined;
  if (due instanceof Date) return due;
  const start = due.after === 'signing' ? signingDate(row) : due.after;
  return start && dueDate(start, due.within);
}

/** How the due date was reached, for the page: "6 months after the signing (20 October 2025)". */
export function dueRule(commitment: Commitment, row: Row): string | undefined {
  const due = commitment.due;
  if (!due) return undefined;
  if (due instanceof Date) return 'the date the source gives';
  if (due.after !== 'signing') return `${due.within} after ${longDate(due.after)}`;
  const signed = signingDate(row);
  return `${due.within} after the signing${signed ? ` (${longDate(signed)})` : ''}`;
}

export const statusWords: Record<StatusEntry['status'], string> = {
  met: 'met',
  partly: 'partly met',
  'not-met': 'not met',
  'no-report': 'no report in our sources',
  disputed: 'disputed',
};

/** The colour categories of the timeline chart, in the order of its legend. */
export const stageLabels = {
  signed: 'Signed',
  due: 'Due',
  met: 'Met',
  partly: 'Partly met',
  'not-met': 'Not met',
  'no-report': 'No report in our sources',
  disputed: 'Disputed',
  none: 'No status recorded',
} as const;

/**
 * What a reader is told of a commitment as of `asOf`. Past its due date with no "met" entry, and no other word from
 * a source, it reads "Due 20 April 2026: no evidence of delivery in our sources as of <date we last looked>": never
 * "not met" without a source saying so.
 */
export function reading(commitment: Commitment, due: Date | undefined, asOf: Date): string {
  const latest = commitment.status.at(-1);
  const met = commitment.status.find((s) => s.status === 'met');
  const silent = !latest || latest.status === 'no-report';
  if (due && met) return `Due ${longDate(due)}: met, according to a source of ${longDate(met.date)}.`;
  if (due && due <= asOf) {
    if (silent)
      return `Due ${longDate(due)}: no evidence of delivery in our sources as of ${longDate(latest?.date ?? asOf)}.`;
    return `Due ${longDate(due)}: ${statusWords[latest.status]}, according to a source of ${longDate(latest.date)}.`;
  }
  const status = latest ? `${statusWords[latest.status]} as of ${longDate(latest.date)}` : 'no status recorded';
  return due ? `Due ${longDate(due)}, after ${longDate(asOf)}: ${status}.` : `No due date stated: ${status}.`;
}

/** When an entry's sources were read, in words: "sources read 7 December 2026", or that it was not recorded. */
export function readWords(entry: Pick<StatusEntry, 'retrieved'>): string {
  return entry.retrieved ? `sources read ${longDate(entry.retrieved)}` : 'no record of when the sources were read';
}

/**
 * How current an instrument's commitments are: their latest entries, grouped by date and read date, newest first:
 * "latest status 7 December 2026; sources read 7 December 2026", or "latest statuses: 2 of 7 December 2026, sources
 * read 7 December 2026; 3 of 28 October 2025, no record of when the sources were read".
 */
export function latestStatusWords(commitments: Pick<Commitment, 'status'>[]): string {
  const groups = new Map<string, { entry?: StatusEntry; count: number }>();
  for (const { status } of commitments) {
    const entry = status.at(-1);
    const key = entry ? `${isoDate(entry.date)} ${entry.retrieved ? isoDate(entry.retrieved) : ''}` : '';
    groups.set(key, { entry, count: (groups.get(key)?.count ?? 0) + 1 });
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([, g]) => g);
  const only = sorted.length === 1 ? sorted[0].entry : undefined;
  if (only) return `latest status ${longDate(only.date)}; ${readWords(only)}`;
  if (sorted.length === 1) return 'no status recorded';
  const parts = sorted.map(({ entry, count }) =>
    entry ? `${count} of ${longDate(entry.date)}, ${readWords(entry)}` : `${count} with no status recorded`,
  );
  return `latest statuses: ${parts.join('; ')}`;
}

/** The ids a source names: one id, a list of ids, or none for a document described in place. */
export function sourceIds(source: StatementSource | undefined): string[] {
  if (source === undefined) return [];
  if (typeof source === 'string') return [source];
  return Array.isArray(source) ? source : [];
}

/** A source resolved for display: the dataset's sources it names, or the document described in place. */
export function resolveSource(
  source: StatementSource | undefined,
  dataset: Pick<Dataset, 'sources'>,
  row: Row,
): { name: string; edition?: string; url?: string; kind?: string }[] {
  const given = source ?? (typeof row.source === 'string' ? row.source : undefined);
  if (given !== undefined && typeof given === 'object' && !Array.isArray(given)) return [given];
  return sourceIds(given).flatMap((id) => dataset.sources.filter((s) => s.id === id));
}

/** The commitments of a dataset's rows, with their due dates and readings; rows in date order. */
export function commitmentsOf(dataset: Dataset, asOf = asOfDate(dataset)) {
  return dataset.rows
    .filter((row) => typeof row.id === 'string' && dataset.commitments?.[row.id as string]?.length)
    .sort((a, b) => String(a.date).localeCompare(String(b.date)))
    .map((row) => ({
      row,
      commitments: dataset.commitments![row.id as string].map((commitment) => {
        const due = commitmentDue(commitment, row);
        return { commitment, due, rule: dueRule(commitment, row), reading: reading(commitment, due, asOf) };
      }),
    }));
}

/**
 * The companion dataset `<id>-commitments`: one row per event of each commitment (its signing, its due date, each
 * status entry, and where it stands on the "as of" date), computed at build time, for the timeline chart and the
 * downloads. Its dates are YYYY-MM-DD texts like any dataset's.
 */
export function commitmentTimeline(dataset: Dataset, now = new Date()): Dataset {
  const asOf = asOfDate(dataset, now);
  const rows: Row[] = [];
  for (const { row, commitments } of commitmentsOf(dataset, asOf)) {
    const instrument = String(row.short ?? row.instrument ?? row.id);
    for (const { commitment, due, rule, reading: read } of commitments) {
      const base: Row = {
        agreement: String(row.id),
        instrument,
        // Short enough for a chart's row label on a phone: "Australia 2025".
        partnerYear: [row.partner, String(row.date ?? '').slice(0, 4)].filter(Boolean).join(' '),
        commitment: `${instrument}: ${commitment.short ?? commitment.id}`,
        kind: commitment.kind,
        due: due ? isoDate(due) : null,
        dated: Boolean(due),
        ...(row.secondary === true ? { secondary: true } : {}),
      };
      const signed = signingDate(row);
      if (signed)
        rows.push({
          ...base,
          event: 'signed',
          date: isoDate(signed),
          stage: stageLabels.signed,
          note: `Signed on ${longDate(signed)}.`,
        });
      if (due)
        rows.push({
          ...base,
          event: 'due',
          date: isoDate(due),
          stage: stageLabels.due,
          note: `Due ${longDate(due)}: ${rule}.`,
        });
      for (const entry of commitment.status)
        rows.push({
          ...base,
          event: 'status',
          date: isoDate(entry.date),
          stage: stageLabels[entry.status],
          note: entry.text,
        });
      if (due) {
        const latest = commitment.status.at(-1);
        rows.push({
          ...base,
          event: 'as of',
          date: isoDate(asOf),
          stage: latest ? stageLabels[latest.status] : stageLabels.none,
          note: read,
        });
      }
    }
  }
  return {
    id: `${dataset.id}-commitments`,
    file: dataset.file,
    derivedFrom: dataset.id,
    title: `${dataset.title}: commitments on a timeline`,
    description: `One row per event of each commitment in ${dataset.file}: the signing, the due date (computed from the signing and the period), each dated status and, for commitments with a due date, where it stands on ${longDate(asOf)}, the date the statuses were last checked.`,
    unit: 'events',
    sources: dataset.sources,
    license: dataset.license,
    asOf,
    notes: [
      `Computed at build time from the commitments in ${dataset.file}; nothing in it is typed by hand.`,
      'Event "as of": where each commitment with a due date stands on the date the statuses were last checked.',
    ],
    changes: (dataset.changes ?? []).filter((c) => c.key === undefined),
    rows,
  };
}

const currencySymbols: Record<string, string> = { USD: 'US$', AUD: 'A$', EUR: '€', JPY: '¥' };

/** "at least US$1bn, paid by each government": the figure in full, or in m and bn where that loses no digit. */
export function formatAmount(amount: NonNullable<Commitment['amount']>): string {
  const { value } = amount;
  const figure =
    value >= 1e9 && value % 1e7 === 0
      ? `${value / 1e9}bn`
      : value >= 1e6 && value % 1e4 === 0
        ? `${value / 1e6}m`
        : value.toLocaleString('en-US', { maximumFractionDigits: 20 });
  const money =
    amount.currency in currencySymbols
      ? `${currencySymbols[amount.currency]}${figure}`
      : `${amount.currency} ${figure}`;
  return [amount.qualifier, money].filter(Boolean).join(' ') + (amount.payer ? `, paid by ${amount.payer}` : '');
}

export const kindWords: Record<Commitment['kind'], string> = {
  money: 'Money',
  deadline: 'Deadline',
  meeting: 'Meeting',
  body: 'A body set up',
  'market-access': 'Market access',
  other: 'Other',
};

/** Commitments in their order, two that state one promise differently (conflictsWith) together, side by side. */
export function groupConflicts<T extends { commitment: Commitment }>(list: T[]): T[][] {
  const placed = new Set<T>();
  const groups: T[][] = [];
  for (const item of list) {
    if (placed.has(item)) continue;
    const other = list.find(
      (o) =>
        o !== item &&
        !placed.has(o) &&
        (o.commitment.id === item.commitment.conflictsWith || o.commitment.conflictsWith === item.commitment.id),
    );
    const group = other ? [item, other] : [item];
    group.forEach((g) => placed.add(g));
    groups.push(group);
  }
  return groups;
}
