import { z } from 'astro/zod';
import { httpUrlSchema } from './common.ts';

/** A document that is not among the dataset's sources, e.g. a report whose address our reference does not record. */
export const documentSchema = z.strictObject({
  /** Publisher and document, e.g. "Secondary reports on the memorandum". Required. */
  name: z.string().min(1),
  /** Edition or date of the document, e.g. "October 2025". */
  edition: z.string().min(1).optional(),
  /** Address of the document, http(s) only. Leave it out when no address is known: never guess one. */
  url: httpUrlSchema.optional(),
});

const sourceId = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'required: name the source: the id of one of the dataset\'s sources, a list of ids, or { "name": "...", "edition": "..." } for a document with no address'
        : undefined,
  })
  .min(1);

/** Where a commitment or a status was read: a source id, a list of ids, or a document described in place. */
export const statementSourceSchema = z.union([sourceId, z.array(sourceId).min(1), documentSchema]);

export type StatementSource = z.output<typeof statementSourceSchema>;
export type DocumentSource = z.output<typeof documentSchema>;
