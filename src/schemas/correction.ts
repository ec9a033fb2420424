import { z } from 'astro/zod';
import { dateSchema } from './common.ts';

/** A correction to a published article. */
export const correctionSchema = z.strictObject({
  /** When it was corrected, YYYY-MM-DD. Required. */
  date: dateSchema,
  /** What was wrong and what is right now. Required. */
  text: z.string().min(1),
  /** Ids of the charts the correction concerns: it is shown on their chart pages too. */
  charts: z.array(z.string()).default([]),
});

export type Correction = z.output<typeof correctionSchema>;
