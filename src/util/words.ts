// Counts in words, for messages and notes: "1 chart", "3 charts", "2 stories".

/** `n` and the word, plural unless n is 1: "1 error", "0 errors", "2 numbers", "3 stories" (a consonant's y -> ies). */
export const plural = (n: number, word: string) =>
  `${n} ${n === 1 ? word : `${word.replace(/([^aeiou])y$/, '$1ie')}s`}`;
