// The messages between an embedded chart and the host page's /embed.js. public/embed.js is a static file that
// cannot import this module: it repeats these two strings, and the browser test checks the pair works.

/** Embed -> host: { type, id, height } with the content's height in CSS pixels. */
export const heightMessage = 'supply-lines:height';
/** Host -> embed: "post your height again" (the host's script may load after the embed first posted). */
export const measureMessage = 'supply-lines:measure';
