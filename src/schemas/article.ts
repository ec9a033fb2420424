import { z } from 'astro/zod';
import { dateSchema, idSchema } from './common.ts';
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
  /** Topics: lower-case words joined by hyphens, e.g. "rare-earths"; each has a page at /tags/<tag>/. */
  tags: z.array(idSchema).default([]),
  /** true keeps the article out of the published site (it shows in `npm run dev`). Default false. */
  draft: z.boolean().default(false),
  /** What the article's sources say is not known, who said it, which charts it bears on. */
  uncertainties: z.array(uncertaintySchema).default([]),
  /** Corrections, oldest first. */
  corrections: z.array(correctionSchema).default([]),
});

export type ArticleData = z.output<typeof articleSchema>;
