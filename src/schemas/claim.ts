import { z } from 'astro/zod';
import { valueFormSchema } from './value.ts';

/**
 * Attributes of an inline `:claim[...]{status note chart select year view}` directive; with `states`, `dataset`,
 * `field` and `where` (and `within`, `as`, `of`, `from`), a claim checked against the data, whose status is computed.
 */
export const claimSchema = z
  .strictObject({
    /** How the claim stands against the data: supported, disputed, unsupported or unverified. Required, unless the claim is checked against the data (`states`): then computed, and a typed status that disagrees stops the build. */
    status: z.enum(['supported', 'disputed', 'unsupported', 'unverified']).optional(),
    /** What the data says, in plain words. Required, unless the claim is checked against the data (`states`): the data's figure is then shown with its source and edition. */
    note: z.string().min(1).optional(),
    /** Id of the chart that shows the data. */
    chart: z.string().optional(),
    /** Places of the chart that back the claim, highlighted when the reader opens the chart from it, comma-separated: "Australia, China". */
    select: z.string().optional(),
    /** The year the chart opens at, e.g. "2024". */
    year: z.string().optional(),
    /** The chart's view it opens at (a view's id). */
    view: z.string().optional(),
    /** The figure the claim states, as it gives it: "80%", "more than 50%", "270,000", "3.5 million". Checks the claim against the figure `dataset`, `field` and `where` select. */
    states: z.string().min(1).optional(),
    /** How far the data's figure may be from the stated one, in the figure's unit (percentage points for a share), e.g. "5". Default: half a unit of the last digit written in `states` ("80%": 0.5). */
    within: z.string().optional(),
    /** For a checked claim: the dataset holding the figure, as for `:value`. */
    dataset: z.string().optional(),
    /** For a checked claim: the field of the row, as for `:value`. */
    field: z.string().optional(),
    /** For a checked claim: the one row, "<field>=<value>; <field>=<value>", as for `:value`. */
    where: z.string().optional(),
    /** For a checked claim: "value" (default), "share", "change", "difference" or "ratio", as for `:value`. */
    as: valueFormSchema.optional(),
    /** For a checked claim with as="share" or "ratio": the row to divide by, as for `:value`. */
    of: z.string().optional(),
    /** For a checked claim with as="change" or "difference": the row to subtract, as for `:value`. */
    from: z.string().optional(),
  })
  .superRefine((claim, ctx) => {
    // Without a figure to check (`states`), the editors judge the claim: status and note are theirs to give.
    if (claim.states !== undefined) return;
    for (const field of ['status', 'note'] as const)
      if (!claim[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
  });

export type Claim = z.output<typeof claimSchema>;
export type ClaimStatus = NonNullable<Claim['status']>;
