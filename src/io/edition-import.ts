// A spreadsheet imported as one source's edition (`npm run import -- <file> --dataset <id> --source <source-id>`):
// its rows become that source's rows, beside the other editions' (which stay as they are); the source block is added
// to fill in when the dataset does not list it; and what the new edition revises is worked out by the figures' keys
// (src/charts/editions.ts), for the import to report.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describeKey, editionName, figuresOf } from '../charts/editions.ts';
import type { Row, Source } from '../schemas/index.ts';
import { mergeRows, type RowChanges } from './dataset-file.ts';
import { EMPTY, type JsonRow, type SheetRow } from './spreadsheet.ts';

/**
 * The dataset's rows with the sheet's as `source`'s edition: the rows of other sources stay, in place; the source's
 * own rows (an edition imported before) are merged with the sheet's as a plain import merges them. The sheet's rows
 * name `source` (a row naming another source is returned in `others` for the import to stop on).
 */
export function withEdition(
  published: readonly JsonRow[],
  sheet: readonly SheetRow[],
  source: string,
): RowChanges & { key: string[]; others: number[] } {
  const others = sheet.flatMap((row, i) =>
    typeof row.source === 'string' && row.source !== source && row.source !== '' ? [i] : [],
  );
  const named = sheet.map((row) => ({ ...row, source: row.source === EMPTY || !row.source ? source : row.source }));
  const own = published.filter((row) => row.source === source);
  const merged = mergeRows(own, named);
  const at = published.findIndex((row) => row.source === source);
  const rest = published.filter((row) => row.source !== source);
  const rows = at < 0 ? [...rest, ...merged.rows] : [...rest.slice(0, at), ...merged.rows, ...rest.slice(at)];
  return { ...merged, rows, others };
}

/** The dataset file's text with a source block to fill in added at the end of its `sources`, in the style of the
 * source before it (on one line, or a field per line), leaving the rest of the file as it was. */
export function withSourceBlock(text: string, block: Record<string, string>): string {
  const sources = parseTree(text) && findNodeAtLocation(parseTree(text)!, ['sources']);
  const last = sources?.children?.at(-1);
  if (!sources || !last) throw new Error('the dataset file has no "sources" list');
  const indent = text.slice(text.lastIndexOf('\n', last.offset) + 1, last.offset);
  const inline = !text.slice(last.offset, last.offset + last.length).includes('\n');
  const item = inline
    ? `{ ${Object.entries(block)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(', ')} }`
    : JSON.stringify(block, null, 2).replace(/\n/g, `\n${indent}`);
  const at = last.offset + last.length;
  return `${text.slice(0, at)},\n${indent}${item}${text.slice(at)}`;
}

/** One figure the new edition revises: "tonnes_reo, Australia, 2024: 13,000 (MCS 2025) to 29,000 (MCS 2026)". */
export interface EditionRevision {
  figure: string;
  field: string;
  from: { value: number; edition?: string };
  to: { value: number; edition?: string };
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
export const revisionLine = (r: EditionRevision) =>
  `${r.field}, ${r.figure}: ${number.format(r.from.value)} (${r.from.edition ?? 'earlier'}) to ${number.format(r.to.value)} (${r.to.edition ?? 'new'})`;

/**
 * What `source`'s rows change against the latest other edition of each figure (by `published`, else by edition
 * name, "MCS 2023" before "MCS 2025"): every numeric field whose value differs, in the rows' order.
 */
export function editionRevisions(rows: readonly Row[], sources: readonly Source[], source: string): EditionRevision[] {
  const dataset = { sources };
  const published = (row: Row) => sources.find((s) => s.id === row.source)?.published;
  const order = (a: Row, b: Row) => {
    const [pa, pb] = [published(a), published(b)];
    if (pa && pb && pa !== pb) return pa < pb ? -1 : 1;
    return String(editionName(a, dataset) ?? '').localeCompare(String(editionName(b, dataset) ?? ''), 'en', {
      numeric: true,
    });
  };
  return figuresOf(rows).flatMap((figure) => {
    const mine = figure.rows.find(({ row }) => row.source === source)?.row;
    const before = figure.rows
      .map(({ row }) => row)
      .filter((row) => row.source !== source)
      .sort(order)
      .at(-1);
    if (!mine || !before) return [];
    return Object.entries(mine).flatMap(([field, value]) => {
      const old = before[field];
      if (field === 'low' || field === 'high' || typeof value !== 'number' || typeof old !== 'number' || old === value)
        return [];
      if (field in figure.key) return [];
      return [
        {
          figure: describeKey(figure.key),
          field,
          from: { value: old, edition: editionName(before, dataset) },
          to: { value, edition: editionName(mine, dataset) },
        },
      ];
    });
  });
}
