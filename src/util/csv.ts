// Rows as delimited text, RFC 4180: a header row, CRLF line ends, fields quoted (by d3-dsv) when they hold the
// delimiter, a double quote or a line break; a value a row does not have is an empty field. The one writer of CSV
// and TSV: dataset downloads and spreadsheet export choose the columns, this writes them.
import { csvFormatRow, tsvFormatRow } from 'd3-dsv';

/** The rows under a header of `columns`, as CSV or TSV text ending in CRLF. */
export function delimitedText(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  format: 'csv' | 'tsv' = 'csv',
): string {
  const formatRow = format === 'tsv' ? tsvFormatRow : csvFormatRow;
  const lines = [columns, ...rows.map((row) => columns.map((column) => cell(row[column])))];
  return lines.map((line) => formatRow(line)).join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
