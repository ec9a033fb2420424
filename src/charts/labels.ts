// The heading a data field gets where the editor gave no label (the data table's columns): underscores and camelCase
// become spaces, and abbreviations are written as readers know them. The words for status values are beside it, in
// status-words.ts.

/** Abbreviations in field names (a whole word, any case), each as it is shown. */
const fieldWords: readonly [RegExp, string][] = [
  [/\bpct\b/i, '%'],
  [/\breo\b/i, 'REO'], // rare-earth oxide
];

/** "share_pct" -> "Share %", "reoTonnes" -> "REO Tonnes". */
export function fieldLabel(field: string): string {
  let words = field.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  for (const [word, shown] of fieldWords) words = words.replace(word, shown);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
