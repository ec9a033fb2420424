import { z } from 'astro/zod';

/** What a `:value` prints: the row's figure, or a figure computed from it and a second row. */
export const valueFormSchema = z.enum(['value', 'share', 'change', 'difference', 'ratio']);

/**
 * Attributes of an inline `:value{dataset field where as of from digits scale}` directive: a figure printed from a
 * dataset's row, formatted as the charts format that field. Written in the article body, e.g.
 * `:value{dataset="mine-production" field="tonnes_reo" where="country=China; year=2024"}`.
 */
export const valueSchema = z.strictObject({
  /** Id of the dataset: the name of a file in data/ without .json. Required. */
  dataset: z.string().min(1),
  /** The field of the row to print, e.g. "tonnes_reo". Required. */
  field: z.string().min(1),
  /** The one row to read, as "<field>=<value>; <field>=<value>", e.g. "country=China; year=2024". None or several rows stop the build. Required. */
  where: z.string().min(1),
  /** What to print: "value" (the row's figure, the default), "share" (a percentage of the row `of` selects), "change" (minus the row `from` selects, signed: "+1,500"), "difference" (the same, without a plus sign) or "ratio" (divided by the row `of` selects: "2.3 times"). */
  as: valueFormSchema.optional(),
  /** For "share" and "ratio": the row to divide by, as keys that replace those of `where`, e.g. "country=World total". */
  of: z.string().optional(),
  /** For "change" and "difference": the row to subtract, as keys that replace those of `where`, e.g. "year=2017". */
  from: z.string().optional(),
  /** Decimal places, e.g. "0". Default: a figure as the source gives it; a share or a ratio to one decimal. */
  digits: z.string().regex(/^\d$/, 'expected a digit, e.g. "0"').optional(),
  /** Written in thousands, millions or billions: "million" prints 3500000 as "3.5 million". */
  scale: z.enum(['thousand', 'million', 'billion']).optional(),
});

export type ValueAttributes = z.output<typeof valueSchema>;
export type ValueForm = z.output<typeof valueFormSchema>;
