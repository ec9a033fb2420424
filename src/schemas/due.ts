import { z } from 'astro/zod';
import { periodPattern } from '../util/due-dates.ts';
import { dateSchema } from './common.ts';

/** When a commitment falls due, counted from a date: { "after": "signing", "within": "6 months" }. The build computes the date. */
export const dueAfterSchema = z.strictObject({
  /** What the period counts from: "signing" (the row's "date") or a date, YYYY-MM-DD. Default "signing". */
  after: z.union([z.literal('signing'), dateSchema]).default('signing'),
  /** The period: a whole number, then days, weeks, months or years, e.g. "6 months", "180 days", "12 months". Required. */
  within: z.string().regex(periodPattern, 'expected a period such as "6 months", "180 days" or "12 months"'),
});

/** When a commitment falls due: counted from the signing or a date ({ "after", "within" }), or a date the source names. */
export const dueSchema = z.union([dueAfterSchema, dateSchema]);

export type Due = z.output<typeof dueSchema>;
