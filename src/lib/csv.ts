// Datasets as CSV, RFC 4180: a header row, CRLF line ends, fields quoted (by d3-dsv) when they hold a comma,
// a double quote or a line break. Columns: the dataset's own fields in order of first appearance, then the
// reserved ones (estimate, edition, source, note, ...); a value a row does not have is an empty field.
import { csvFormatRow } from 'd3-dsv';
import type { Dataset } from '../schemas/index.ts';
import { rowSchema } from '../schemas/row.ts';

const reserved = Object.keys(rowSchema.shape);

export function datasetCsv(dataset: Pick<Dataset, 'rows'>): string {
  const fields = [...new Set(dataset.rows.flatMap((row) => Object.keys(row)))];
  const columns = [...fields.filter((f) => !reserved.includes(f)), ...reserved.filter((f) => fields.includes(f))];
  const lines = [columns, ...dataset.rows.map((row) => columns.map((column) => cell(row[column])))];
  return lines.map((line) => csvFormatRow(line)).join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
