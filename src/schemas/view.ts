import { z } from 'astro/zod';
import { filterSchema } from './filter.ts';
import { formatSchema } from './format.ts';

/** A variant of a chart the reader can switch to, drawn at build time. Fields override the chart's own. */
export const viewSchema = z.strictObject({
  /** Id used in the URL hash, e.g. "2024". Required. */
  id: z.string().regex(/^[A-Za-z0-9-]+$/, 'expected letters, digits and hyphens'),
  /** Label of the switch button, e.g. "2024". Required. */
  label: z.string().min(1),
  /** Rows to keep in this view (replaces the chart's filter). */
  filter: filterSchema.optional(),
  /** Field on the y axis in this view. */
  y: z.string().min(1).optional(),
  /** Field on the x axis in this view. */
  x: z.string().min(1).optional(),
  /** Subtitle in this view. */
  subtitle: z.string().optional(),
  /** x axis label in this view. */
  xLabel: z.string().optional(),
  /** y axis label in this view. */
  yLabel: z.string().optional(),
  /** Number formats in this view. */
  format: formatSchema.optional(),
});

export type View = z.output<typeof viewSchema>;

