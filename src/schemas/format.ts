import { z } from 'astro/zod';

/** How numbers on an axis, in tooltips and tables are written. */
export const formatNameSchema = z.enum(['number', 'percent', 'year', 'date', 'text']);

/** Formats for the x and y values. Default: guessed from the data (numbers with thousands separators). */
export const formatSchema = z.strictObject({
  /** Format of x values. */
  x: formatNameSchema.optional(),
  /** Format of y values. */
  y: formatNameSchema.optional(),
});

export type FormatName = z.output<typeof formatNameSchema>;
