// Counts in words, for messages and notes: "1 chart", "3 charts".

/** `n` and the word, with an s unless n is 1: "1 error", "0 errors", "2 numbers". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
