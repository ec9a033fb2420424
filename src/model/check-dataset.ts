// A dataset's own checks: sources and ids, ranges (ordered, and holding their figure), misspelt row fields, and
// numbers typed as text.
import { rollup } from 'd3-array';
import type { Dataset, Row } from '../schemas/index.ts';
import { rowSchema } from '../schemas/row.ts';
import type { Report } from './problems.ts';
import { closest, didYouMean } from '../util/suggest.ts';

/** The row fields with a fixed meaning (estimate, secondary, edition, ...). */
// (Commitments are a list, not a mark on a figure: the schema checks them, and the typo hints leave them out.)
const reservedRowFields = Object.keys(rowSchema.shape).filter((field) => field !== 'commitments');
/** Field names spelt like a reserved field that mean something else. */
const measureNames = new Set(['production']);

/**
 * A field that holds numbers in most rows and text in a few: the text silently bends the chart (a bar chart turns on
 * its side, a row drops out of a filter). Returns the rows as the editor meant them, for the chart cross-checks, so
 * one slip is reported once, on its row, and not again on each chart that draws it.
 */
function checkColumnTypes(dataset: Dataset, report: Report): Row[] {
  const rows = dataset.rows.map((row) => ({ ...row }));
  const fields = new Set(dataset.rows.flatMap((row) => Object.keys(row)));
  for (const field of fields) {
    if (reservedRowFields.includes(field)) continue; // typed by the row schema
    const numbers = dataset.rows.filter((row) => typeof row[field] === 'number').length;
    const texts = dataset.rows.flatMap((row, i) => (typeof row[field] === 'string' ? [i] : []));
    if (!texts.length || numbers <= texts.length) continue;
    for (const i of texts) {
      const text = String(dataset.rows[i][field]);
      const { value, fix } = readNumber(text.trim());
      report(
        dataset.file,
        ['rows', i, field],
        `rows[${i}].${field} is the text ${JSON.stringify(text)}; the other ${numbers} row${numbers === 1 ? ' has a number' : 's have numbers'}: ${fix}`,
      );
      rows[i][field] = value;
    }
  }
  return rows;
}

/** What a number typed as text was meant to be, and how to write it. */
function readNumber(text: string): { value: number | null; fix: string } {
  if (/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return { value: Number(text), fix: 'remove the quotes' };
  const comma = /^(-?\d+),(\d+)$/.exec(text);
  if (comma && comma[2].length === 3) {
    return {
      value: Number(`${comma[1]}${comma[2]}`),
      fix: `write ${comma[1]}${comma[2]} if the comma separates thousands, or ${comma[1]}.${comma[2]} if it is a decimal comma, without quotes`,
    };
  }
  if (comma)
    return {
      value: Number(`${comma[1]}.${comma[2]}`),
      fix: `write ${comma[1]}.${comma[2]}, without quotes (a dot before decimals)`,
    };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text))
    return {
      value: Number(text.replace(/,/g, '')),
      fix: `write ${text.replace(/,/g, '')}, without quotes or thousands separators`,
    };
  return { value: null, fix: 'write a number, or null where the source gives none' };
}

export function checkDataset(dataset: Dataset, report: Report) {
  const sourceIds = dataset.sources.map((s) => s.id).filter((id): id is string => Boolean(id));
  const seenSources = new Set<string>();
  dataset.sources.forEach((s, i) => {
    if (s.id && seenSources.has(s.id))
      report(dataset.file, ['sources', i, 'id'], `source id "${s.id}" is used twice; ids must be unique`);
    if (s.id) seenSources.add(s.id);
    if (!s.edition)
      report(
        dataset.file,
        ['sources', i],
        `source "${s.name}" has no edition: name the edition readers should look for`,
        'warning',
      );
  });
  const rowIds = new Set<unknown>();
  dataset.rows.forEach((row, i) => {
    if (typeof row.source === 'string' && !seenSources.has(row.source)) {
      report(
        dataset.file,
        ['rows', i, 'source'],
        `no source with id "${row.source}" in sources${didYouMean(row.source, sourceIds)}`,
      );
    }
    if (row.id !== undefined) {
      if (rowIds.has(row.id))
        report(dataset.file, ['rows', i, 'id'], `row id ${JSON.stringify(row.id)} is used twice; ids must be unique`);
      rowIds.add(row.id);
    }
    if (typeof row.low === 'number' && typeof row.high === 'number' && row.low > row.high) {
      report(dataset.file, ['rows', i, 'low'], `low (${row.low}) is above high (${row.high})`);
    }
  });
  dataset.changes?.forEach((change, i) => {
    if (change.key !== undefined && !rowIds.has(change.key))
      report(dataset.file, ['changes', i, 'key'], `no row with id "${change.key}"`);
  });
  checkRowFieldNames(dataset, report);
  const rows = checkColumnTypes(dataset, report);
  checkRangesHoldFigures({ ...dataset, rows }, report);
  return { ...dataset, rows };
}

/** Fields that place a row in time, never its figure: a range is not checked against them. */
const timeField = /year|date|month|quarter|period/i;

/**
 * low and high bound the row's figure, in its unit: in every dataset, charted or not. The figure is the row's number
 * field the range can be about (any but low, high, id and the time fields): a range that holds none of them is an
 * error on the bound that misses, naming the field nearest to it.
 */
function checkRangesHoldFigures(dataset: Dataset, report: Report) {
  dataset.rows.forEach((row, i) => {
    const { low, high } = row;
    if (typeof low !== 'number' && typeof high !== 'number') return;
    if (typeof low === 'number' && typeof high === 'number' && low > high) return; // reported as such
    const figures = Object.entries(row).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === 'number' && !['low', 'high', 'id'].includes(entry[0]) && !timeField.test(entry[0]),
    );
    const holds = (value: number) =>
      (typeof low !== 'number' || low <= value) && (typeof high !== 'number' || value <= high);
    if (!figures.length || figures.some(([, value]) => holds(value))) return;
    const middle = typeof low === 'number' && typeof high === 'number' ? (low + high) / 2 : (low ?? high)!;
    const distance = (value: number) => Math.abs(Math.log(Math.abs(value) + 1) - Math.log(Math.abs(middle) + 1));
    const [field, value] = figures.reduce((a, b) => (distance(b[1]) < distance(a[1]) ? b : a));
    const bound = typeof low === 'number' && low > value ? 'low' : 'high';
    const range =
      typeof low === 'number' && typeof high === 'number' ? `the range ${low} to ${high}` : `${bound} ${row[bound]}`;
    report(
      dataset.file,
      ['rows', i, bound],
      `${range} does not hold the row's ${field}, ${value}: low and high bound the row's figure${dataset.unit ? `, in its unit (${dataset.unit})` : ''}`,
    );
  });
}

/** Misspelt row fields: rows accept any field, so a typo would otherwise pass silently. */
function checkRowFieldNames(dataset: Dataset, report: Report) {
  const cells = dataset.rows.flatMap((row, i) => Object.keys(row).map((field) => ({ field, row: i })));
  const rowsWith = rollup(
    cells,
    (list) => list.map((cell) => cell.row),
    (cell) => cell.field,
  );
  const everyOtherRow = (field: string, i: number) =>
    (rowsWith.get(field)?.length ?? 0) === dataset.rows.length - 1 && !(field in dataset.rows[i]);
  for (const [field, rows] of rowsWith) {
    if (reservedRowFields.includes(field)) continue;
    // A field only one row has, where every other row has a field spelt almost the same: a typo.
    if (rows.length === 1 && dataset.rows.length > 2) {
      const others = [...rowsWith.keys()].filter((f) => everyOtherRow(f, rows[0]));
      const match = closest(field, others);
      if (match) {
        report(
          dataset.file,
          ['rows', rows[0], field],
          `unknown field "${field}" (did you mean "${match}"?): every other row has "${match}", this one has not`,
        );
        continue;
      }
    }
    // A field spelt like a reserved one: the charts and tables would not show it as what it was meant to mark.
    const reserved = closest(field, reservedRowFields);
    // "production" is two letters from "projection" but is a measure of its own, in most datasets here.
    if (
      reserved &&
      !measureNames.has(field.toLowerCase()) &&
      distanceAtMost(field, reserved, field.length >= 7 ? 2 : 1)
    ) {
      const more = rows.length > 1 ? ` (and ${rows.length - 1} more row${rows.length > 2 ? 's' : ''})` : '';
      report(
        dataset.file,
        ['rows', rows[0], field],
        `field "${field}"${more} is not a reserved field (did you mean "${reserved}"?); the reserved fields are ${reservedRowFields.join(', ')}`,
        'warning',
      );
    }
  }
}

/** Is `a` within `limit` edits of `b`: `closest` with a tighter bound, for names that may well be meant. */
function distanceAtMost(a: string, b: string, limit: number): boolean {
  return closest(a, [b], limit) !== undefined;
}
