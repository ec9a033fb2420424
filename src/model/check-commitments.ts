// Commitments in a dataset's rows (data/agreements.json): checked against their sources, the signing date and the
// data's "as of" date, then taken off the rows so that charts, tables and CSV read flat rows.
import type { z } from 'astro/zod';
import { asOfDate, signingDate, sourceIds } from './commitments.ts';
import type { datasetSchema, Dataset, Row } from '../schemas/index.ts';
import type { FieldPath, Report } from './problems.ts';
import { didYouMean } from '../util/suggest.ts';
import { isoDate } from '../util/dates.ts';

export type ValidatedDataset = z.output<typeof datasetSchema>;

/** The rows made flat again (charts, tables and CSV read scalar fields), their commitments kept by row id. */
export function withCommitments(dataset: ValidatedDataset & { id: string; file: string }): Dataset {
  const commitments: Record<string, NonNullable<ValidatedDataset['rows'][number]['commitments']>> = {};
  const rows = dataset.rows.map(({ commitments: list, ...row }) => {
    if (list && typeof row.id === 'string') commitments[row.id] = list;
    return row;
  });
  return { ...dataset, rows, ...(Object.keys(commitments).length ? { commitments } : {}) };
}

/**
 * Commitments: a row that lists them needs an id (its page's address); ids are unique; sources exist; a due date
 * counted from the signing needs the row's date; a status is dated between the signing and the data's "as of"
 * date (asOf, else the day of the build), oldest first; the date its sources were read (retrieved), if given, falls
 * between its own date and the "as of" date.
 */
export function checkCommitments(file: string, dataset: ValidatedDataset, report: Report) {
  const known = dataset.sources.map((s) => s.id).filter((id): id is string => Boolean(id));
  const asOf = asOfDate(dataset);
  const limit = dataset.asOf
    ? `the dataset's "as of" date, ${isoDate(asOf)} (asOf)`
    : `today, ${isoDate(asOf)} (the dataset gives no asOf, so the build date is used)`;
  const checkSource = (source: unknown, at: FieldPath) => {
    const ids = sourceIds(source as Parameters<typeof sourceIds>[0]);
    ids.forEach((id, n) => {
      if (!known.includes(id))
        report(
          file,
          Array.isArray(source) ? [...at, n] : at,
          `no source with id "${id}" in sources${didYouMean(id, known)}`,
        );
    });
  };
  dataset.rows.forEach((row, i) => {
    const list = row.commitments;
    if (!list?.length) return;
    const at = (j: number, ...rest: (string | number)[]): FieldPath => ['rows', i, 'commitments', j, ...rest];
    if (typeof row.id !== 'string')
      report(
        file,
        ['rows', i, 'commitments'],
        `a row with commitments needs an "id" (text), the address of its page: /agreements/<id>/`,
      );
    const signed = signingDate(row as Row);
    const ids = new Set<string>();
    list.forEach((commitment, j) => {
      if (ids.has(commitment.id))
        report(
          file,
          at(j, 'id'),
          `commitment id "${commitment.id}" is used twice in rows[${i}]; ids must be unique within an instrument`,
        );
      ids.add(commitment.id);
      checkSource(commitment.source, at(j, 'source'));
      const due = commitment.due;
      if (due && !(due instanceof Date) && due.after === 'signing' && !signed) {
        const found =
          row.date === undefined ? 'has no "date"' : `has "date" ${JSON.stringify(row.date)}, not a date as YYYY-MM-DD`;
        report(
          file,
          at(j, 'due', 'after'),
          `due counts ${due.within} from the signing, but rows[${i}] ${found}: add the signing date to the row ("date": "YYYY-MM-DD"), or count from a date ("after": "YYYY-MM-DD")`,
        );
      }
      if (
        commitment.conflictsWith !== undefined &&
        !list.some((other) => other !== commitment && other.id === commitment.conflictsWith)
      ) {
        report(
          file,
          at(j, 'conflictsWith'),
          `no other commitment with id "${commitment.conflictsWith}" in rows[${i}]${didYouMean(
            commitment.conflictsWith,
            [...list.map((c) => c.id)].filter((id) => id !== commitment.id),
          )}`,
        );
      }
      commitment.status.forEach((entry, k) => {
        checkSource(entry.source, at(j, 'status', k, 'source'));
        const date = isoDate(entry.date);
        if (entry.date > asOf)
          report(
            file,
            at(j, 'status', k, 'date'),
            `${date} is after ${limit}: a status cannot be dated after the statuses were last checked; correct the date, or move asOf forward`,
          );
        else if (signed && entry.date < signed)
          report(
            file,
            at(j, 'status', k, 'date'),
            `${date} is before the instrument was signed, ${isoDate(signed)}: a status reports on a commitment already made`,
          );
        else if (k > 0 && entry.date < commitment.status[k - 1].date)
          report(
            file,
            at(j, 'status', k, 'date'),
            `${date} is before the entry above it (${isoDate(commitment.status[k - 1].date)}): status entries go oldest first, newest last`,
          );
        const read = entry.retrieved;
        if (read && read > asOf)
          report(
            file,
            at(j, 'status', k, 'retrieved'),
            `${isoDate(read)} is after ${limit}: sources cannot have been read after the statuses were last checked; correct the date, or move asOf forward`,
          );
        else if (read && read < entry.date)
          report(
            file,
            at(j, 'status', k, 'retrieved'),
            `${isoDate(read)} is before the status's own date, ${date}: its sources were read on or after the date it stands at; correct one of the two dates`,
          );
      });
    });
  });
}
