import { z } from 'astro/zod';

/** Attributes of an inline `:claim[...]{status note chart select year view}` directive. */
export const claimSchema = z.strictObject({
  /** How the claim stands against the data: supported, disputed, unsupported or unverified. Required. */
  status: z.enum(['supported', 'disputed', 'unsupported', 'unverified']),
  /** What the data says, in plain words. Required. */
  note: z.string().min(1),
  /** Id of the chart that shows the data. */
  chart: z.string().optional(),
  /** Places of the chart that back the claim, highlighted when the reader opens the chart from it, comma-separated: "Australia, China". */
  select: z.string().optional(),
  /** The year the chart opens at, e.g. "2024". */
  year: z.string().optional(),
  /** The chart's view it opens at (a view's id). */
  view: z.string().optional(),
});

export type Claim = z.output<typeof claimSchema>;
