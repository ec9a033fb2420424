import { z } from 'astro/zod';
import { amountSchema } from './amount.ts';
import { idSchema } from './common.ts';
import { dueSchema } from './due.ts';
import { statementSourceSchema } from './statement-source.ts';
import { statusEntrySchema } from './status-entry.ts';

/** One thing an instrument promises, when it falls due, and what is known of its delivery. */
export const commitmentSchema = z.strictObject({
  /** Id, unique within the instrument, e.g. "financing-six-months"; the page links to it as #<row id>-<id>. Required. */
  id: idSchema,
  /** What is promised, in our words. Required. */
  text: z.string().min(1),
  /** A few words naming it on charts, e.g. "US$1bn each in six months". Default: its id. */
  short: z.string().min(1).optional(),
  /** Kind of promise: money, deadline, meeting, body (a group set up), market-access or other. Required. */
  kind: z.enum(['money', 'deadline', 'meeting', 'body', 'market-access', 'other']),
  /** The sum promised, with its currency and who pays, if any. */
  amount: amountSchema.optional(),
  /** When it falls due: { "after": "signing", "within": "6 months" }, or a date, YYYY-MM-DD. */
  due: dueSchema.optional(),
  /** Where the promise was read: a source id, a list of ids, or { "name", "edition", "url" }. Default: the row's source. */
  source: statementSourceSchema.optional(),
  /** Id of another commitment of this instrument that states the same promise differently: the two are shown side by side. */
  conflictsWith: idSchema.optional(),
  /** What is known of its delivery: dated entries, oldest first, newest last. Default []. */
  status: z.array(statusEntrySchema).default([]),
});

export type Commitment = z.output<typeof commitmentSchema>;
