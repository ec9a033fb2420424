import { z } from 'astro/zod';
import { dateSchema } from './common.ts';
import { correctionSchema } from './correction.ts';
import { uncertaintySchema } from './uncertainty.ts';

/** Front matter of content/articles/<slug>.md. */
export const articleSchema = z.strictObject({
  /** The headline. Required. */
  title: z.string().min(1),
  /** The dek: one or two sentences under the headline. Required. */
  description: z.string().min(1),
  /** Publication date, YYYY-MM-DD. Required. */
  pubDate: dateSchema,
  /** Date of the last substantive update, YYYY-MM-DD. */
  updatedDate: dateSchema.optional(),
  /** Names of the authors. Default: "Supply Lines staff". */
  authors: z.array(z.string().min(1)).default(['Supply Lines staff']),
  /** Topics, written as you would say them ("Supply chains", "DR Congo"; "rare-earths" works too); each has a page at /tags/<slug>/. Default []. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** true keeps the article out of the published site (it shows in `npm run dev`). Default false. */
  draft: z.boolean().default(false),
  /** What the article's sources say is not known, who said it, which charts it bears on. */
  uncertainties: z.array(uncertaintySchema).default([]),
  /** Corrections, oldest first. */
  corrections: z.array(correctionSchema).default([]),
});

export type ArticleData = z.output<typeof articleSchema>;
