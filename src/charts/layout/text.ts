// Chart text, measured in DejaVu Sans and wrapped to the room it may take, before Plot draws.
// (text-measure.ts has a second, greedy wrapText for the PNG captions and embed code; unifying the two would change
// those images' heights, so both stay for now.)
import { textWidth } from '../text-measure.ts';

/** A text block already wrapped to the width it may take. */
export interface TextBlock {
  lines: string[];
  width: number;
}

/** One line of text, unwrapped, with its width. */
export const measure = (text: string, fontSize: number, bold = false): TextBlock => ({
  lines: [text],
  width: textWidth(text, fontSize, bold),
});

/**
 * Word wrap that keeps a short parenthesis, such as "(Oct 2025)", on one line. With `hyphens`, a word too long for
 * the line is broken after a vowel that precedes a consonant and a vowel ("Enforce-ment", "Time-line").
 */
/** `hyphens`: break a word too long for the line at a syllable (true), or, failing that, anywhere ('anywhere'). */
export function wrap(
  text: string,
  width: number,
  fontSize: number,
  bold = false,
  hyphens: boolean | 'anywhere' = false,
): TextBlock {
  const limit = Math.max(width, fontSize * 2);
  const fits = (t: string) => textWidth(t, fontSize, bold) <= limit;
  const lines: string[] = [];
  for (const token of text.match(/\([^()]{1,14}\)|\S+/g) ?? []) {
    const last = lines[lines.length - 1];
    if (last !== undefined && fits(`${last} ${token}`)) lines[lines.length - 1] = `${last} ${token}`;
    else lines.push(...(hyphens && !fits(token) ? hyphenate(token, fits, hyphens === 'anywhere') : [token]));
  }
  return { lines, width: Math.max(0, ...lines.map((l) => textWidth(l, fontSize, bold))) };
}

function hyphenate(word: string, fits: (text: string) => boolean, anywhere: boolean): string[] {
  const breaks = [...word.matchAll(/[aeiouy](?=[^aeiouy\W][aeiouy])/gi)]
    .map((m) => m.index! + 1)
    .filter((i) => i >= 3 && word.length - i >= 3);
  // Where a word must not run over its neighbour ("suspended" in a phone's cell) and no syllable break fits, it
  // breaks where it must, three letters at least on each side.
  const forced = anywhere ? Array.from({ length: Math.max(0, word.length - 5) }, (_, k) => k + 3) : [];
  const at =
    breaks.filter((i) => fits(`${word.slice(0, i)}-`)).pop() ??
    forced.filter((i) => fits(`${word.slice(0, i)}-`)).pop();
  return at ? [`${word.slice(0, at)}-`, ...hyphenate(word.slice(at), fits, anywhere)] : [word];
}
