// Which row of its dataset a prepared row came from, so that the chart checks can name it ("rows[3] of data/x.json").
import type { Row } from '../schemas/index.ts';

/** The place in the dataset of a row a chart prepared (symbol-keyed, so no row field can clash with it). */
export const rowIndex = Symbol('row index');
export const indexOf = (row: Row) => (row as Record<symbol, number>)[rowIndex];

/** A dataset's rows, each carrying its place through derive, fold and filter (copies: the dataset is left as is). */
export const withRowIndex = (rows: readonly Row[]): Row[] =>
  rows.map((row, i) => Object.assign({ [rowIndex]: i }, row));

/** `rows[3]`, `rows[3] and rows[5]`, `rows[3], rows[5] and 4 more`. */
export function rowList(indexes: number[]): string {
  const names = [...new Set(indexes)].map((i) => `rows[${i}]`);
  if (names.length <= 3) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}
