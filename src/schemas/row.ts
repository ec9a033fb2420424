import { z } from 'astro/zod';
import { commitmentSchema } from './commitment.ts';

/** One value in a row: text, a number, true/false, or null for "not available". */
const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One row of a dataset: a flat object. Any field name is allowed; these have a fixed meaning
 * that charts, tooltips and tables show.
 */
export const rowSchema = z
  .object({
    /** true when the source marks this figure as an estimate. */
    estimate: z.boolean().optional(),
    /** true when the figure was read in a report quoting the source, not in the source itself. */
    secondary: z.boolean().optional(),
    /** true when the figure is a projection or forecast, not a measurement: drawn dashed or hollow and labelled "projection". */
    projection: z.boolean().optional(),
    /** The edition the figure comes from, e.g. "MCS 2025". */
    edition: z.string().optional(),
    /** Id of an entry in the dataset's `sources`. */
    source: z.string().optional(),
    /** What an earlier edition gave, e.g. "MCS 2024 gave 43,000". Marks the figure as revised. Computed when the earlier edition's row is in the dataset; a typed one wins. */
    revised: z.string().optional(),
    /** Lower bound of a range around the row's figure, in its unit; it must hold the figure. */
    low: z.number().optional(),
    /** Upper bound of a range around the row's figure, in its unit; it must hold the figure. */
    high: z.number().optional(),
    /** A remark shown in the data table and tooltip. */
    note: z.string().optional(),
    /** What an instrument promises, each with its due date and status history (agreements data). Not a column: shown on the instrument's page. */
    commitments: z.array(commitmentSchema).optional(),
  })
  .catchall(cellSchema);

/** A row as the schema gives it, `commitments` included (an agreements dataset's, before the loader takes them off). */
type ParsedRow = z.output<typeof rowSchema>;

/**
 * A row as a loaded dataset holds it: the fixed fields typed (`low` is a number or absent), any other field a cell.
 * Flat: the loader takes `commitments` off and keeps them by row id (model/check-commitments.ts), so that charts,
 * tables and CSV read scalar fields only.
 */
export type Row = { [K in keyof ParsedRow as K extends 'commitments' ? never : K]: ParsedRow[K] };
