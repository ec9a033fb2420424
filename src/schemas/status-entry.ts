import { z } from 'astro/zod';
import { dateSchema } from './common.ts';
import { statementSourceSchema } from './statement-source.ts';

/** What a commitment's delivery stood at on a date: met, partly, not-met, no-report or disputed. */
export const commitmentStatuses = ['met', 'partly', 'not-met', 'no-report', 'disputed'] as const;

/** One dated entry of a commitment's status history, with its source. */
export const statusEntrySchema = z.strictObject({
  /** The date of the source the status is read in (for "no-report": the date we last looked), YYYY-MM-DD. Required. */
  date: dateSchema,
  /** met, partly, not-met, disputed, or no-report: our sources hold no evidence either way. Required. */
  status: z.enum(commitmentStatuses),
  /** What the source shows, in our words. Required. */
  text: z.string().min(1),
  /** Where it was read: a source id, a list of ids, or { "name", "edition", "url" }. Required. */
  source: statementSourceSchema,
  /**
   * The date its sources were read (for a search, the day it ended), YYYY-MM-DD: the page says "Sources read 7
   * December 2026". Leave it out when it was not recorded: the page says so. Not before `date`, nor after `asOf`.
   */
  retrieved: dateSchema.optional(),
});

export type StatusEntry = z.output<typeof statusEntrySchema>;
