import { z } from 'astro/zod';
import { dateSchema, httpUrlSchema, monthOrDaySchema } from './common.ts';

/** Where a dataset's figures were read. */
export const sourceSchema = z.strictObject({
  /** Short id that rows name in their `source` field, e.g. "mcs2025". Optional. */
  id: z.string().min(1).optional(),
  /** Publisher and document, e.g. "USGS Mineral Commodity Summaries 2025: Rare Earths". Required. */
  name: z.string().min(1),
  /** Address of the document, or of the publisher's page that lists it; http(s) only. Required. */
  url: httpUrlSchema,
  /** Edition of the document, e.g. "January 2025". A source without one gets a warning. */
  edition: z.string().min(1).optional(),
  /** Date the figures were read, YYYY-MM-DD. */
  retrieved: dateSchema.optional(),
  /** primary: read in the publisher's own document; secondary: read in a report quoting it. */
  kind: z.enum(['primary', 'secondary']).optional(),
  /** Anything a reader should know about this source. */
  note: z.string().optional(),
  /**
   * How the one-line source under a chart names it: publisher, document and edition, short, e.g. "USGS MCS 2025" or
   * "IEA GCMO 2024 via SEAISI". Editions of one document ending in a year are joined ("USGS MCS 2019–2025").
   * Without it, the `name` up to its first colon.
   */
  short: z.string().min(1).optional(),
  /** When this edition was published, YYYY-MM-DD or YYYY-MM: of a figure's editions, charts draw the one published last. */
  published: monthOrDaySchema.optional(),
  /** When the next edition is expected, YYYY-MM or YYYY-MM-DD: `npm run check` warns once it has passed. */
  nextExpected: monthOrDaySchema.optional(),
});

export type Source = z.output<typeof sourceSchema>;
