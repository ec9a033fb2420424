import { z } from 'astro/zod';
import { dateSchema } from './common.ts';

/** A dated note of what changed in a dataset. */
export const changeSchema = z.strictObject({
  /** When the change was made, YYYY-MM-DD. Required. */
  date: dateSchema,
  /** What changed, in plain words. Required. */
  text: z.string().min(1),
  /** The value of the row's `id` field that the change concerns, if it concerns one row. */
  key: z.string().optional(),
});
