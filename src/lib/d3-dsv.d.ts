// The part of d3-dsv we use (the package ships no types).
declare module 'd3-dsv' {
  export function csvFormatRow(row: readonly string[]): string;
  export function tsvFormatRow(row: readonly string[]): string;
  export function csvParseRows(text: string): string[][];
  export function tsvParseRows(text: string): string[][];
  export function csvParse(text: string): Array<Record<string, string>> & { columns: string[] };
  export function dsvFormat(delimiter: string): { parseRows(text: string): string[][]; formatRow(row: readonly string[]): string };
}
