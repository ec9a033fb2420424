// The words for whether a source states a point (the agreements data's status fields), used wherever a status is
// shown: inside the cells of a grid, in the chart's key and tooltips, and on the agreements tracker. One list, so
// the grid, its key and the tracker never disagree, and a cell never reads "Yes" where the stated answer is "no".
// (The drawing cache keys on every file the renderer imports, so a changed word redraws the grid wherever this lives.)

/** Each status value of the data, as a reader reads it. */
export const statusWords: Readonly<Record<string, string>> = {
  stated: 'Stated',
  partly: 'Partly',
  'not stated': 'Not stated',
};

/** The reader's word for a status value; any other value is shown as it is. */
export function statusWord(value: string): string {
  return statusWords[value] ?? value;
}
