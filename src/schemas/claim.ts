import { z } from 'astro/zod';

/** Attributes of an inline `:claim[...]{status note chart}` directive. */
export const claimSchema = z.strictObject({
  /** How the claim stands against the data: supported, disputed, unsupported or unverified. Required. */
  status: z.enum(['supported', 'disputed', 'unsupported', 'unverified']),
  /** What the data says, in plain words. Required. */
  note: z.string().min(1),
  /** Id of the chart that shows the data. */
  chart: z.string().optional(),
});

export type Claim = z.output<typeof claimSchema>;
