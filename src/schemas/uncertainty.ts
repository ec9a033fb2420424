import { z } from 'astro/zod';

/** Something an article's sources say is not known. */
export const uncertaintySchema = z.strictObject({
  /** What is not known, in plain words. Required. */
  text: z.string().min(1),
  /** Who raised it, e.g. "Analysts quoted in the report". Required. */
  raisedBy: z.string().min(1),
  /** Ids of the charts it bears on. */
  charts: z.array(z.string()).default([]),
});

export type Uncertainty = z.output<typeof uncertaintySchema>;
