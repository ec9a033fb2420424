import { z } from 'astro/zod';
import { changeSchema } from './change.ts';
import { dateSchema, textListSchema } from './common.ts';
import type { Commitment } from './commitment.ts';
import { rowSchema, type Row } from './row.ts';
import { sourceSchema } from './source.ts';

/** data/<id>.json: a dataset with its sources. */
export const datasetSchema = z.strictObject({
  /** What the data is, e.g. "Rare-earth mine production by country". Required. */
  title: z.string().min(1),
  /** One or two sentences on what the rows hold. */
  description: z.string().optional(),
  /** Unit of the main figures, e.g. "tonnes of rare-earth oxide (REO) equivalent". */
  unit: z.string().optional(),
  /** Where the figures were read: at least one source. Required. */
  sources: z.array(sourceSchema).min(1, 'expected at least one source'),
  /** Licence of the data as we publish it, e.g. "CC BY 4.0". */
  license: z.string().optional(),
  /** Notes on the data: one paragraph or a list. */
  notes: textListSchema.optional(),
  /** The date the rows' commitments were last checked, YYYY-MM-DD: a status may not be dated after it. Default: the day the site is built. */
  asOf: dateSchema.optional(),
  /** Dated change notes, newest last. */
  changes: z.array(changeSchema).optional(),
  /** The figures: a non-empty list of flat objects. Required. */
  rows: z.array(rowSchema).min(1, 'expected at least one row'),
});

export type Dataset = Omit<z.output<typeof datasetSchema>, 'rows'> & {
  id: string;
  file: string;
  // The rows, flat: their commitments are moved to `commitments`, by row id, when the file is loaded.
  rows: Row[];
  commitments?: Record<string, Commitment[]>;
  // The dataset a companion dataset (`<id>-commitments`) is computed from; it has no file of its own.
  derivedFrom?: string;
};
