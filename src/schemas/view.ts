import { slug } from 'github-slugger';
import { z } from 'astro/zod';
import { filterSchema } from './filter.ts';
import { formatSchema } from './format.ts';

/** The first form of a view id, kept exactly as written so that links to a view keep working. */
const hashSafe = /^[A-Za-z0-9-]+$/;

/**
 * A view's id: any text with a letter or digit. It goes in the URL hash and in HTML ids, so other text is written
 * there as GitHub's slugger writes a heading ("2024 figures" -> "2024-figures"), as topics are.
 */
export const viewIdSchema = z
  .string()
  .trim()
  .min(1)
  .transform((text, ctx) => {
    const safe = hashSafe.test(text) ? text : slug(text);
    if (!safe)
      ctx.addIssue({ code: 'custom', message: `expected a letter or digit in the id, found ${JSON.stringify(text)}` });
    return safe;
  });

/** A variant of a chart the reader can switch to, drawn at build time. Fields override the chart's own. */
export const viewSchema = z.strictObject({
  /** Id used in the URL hash, e.g. "2024"; other text is written in the address as a slug ("2024 figures" -> "2024-figures"). Required. */
  id: viewIdSchema,
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
  /** Stacking in this view, e.g. "sum" for tonnes beside a "share" view of the same areas or bars (replaces the chart's `stack`). */
  stack: z.enum(['sum', 'share']).optional(),
});

export type View = z.output<typeof viewSchema>;
