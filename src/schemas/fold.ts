import { z } from 'astro/zod';

/** Turns wide rows into long ones: one row per listed field, e.g. for a cell grid of attributes. */
export const foldSchema = z.strictObject({
  /** The fields to turn into rows. Required. */
  fields: z.array(z.string().min(1)).min(1),
  /** Name of the new field that holds the old field's name (or its label). Required. */
  key: z.string().min(1),
  /** Name of the new field that holds the old field's value. Required. */
  value: z.string().min(1),
  /** Readable names for the folded fields, e.g. { "status_money": "Money" }. */
  labels: z.record(z.string(), z.string()).optional(),
});

export type Fold = z.output<typeof foldSchema>;
