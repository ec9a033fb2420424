import { z } from 'astro/zod';

/** share: each row's `value` as a percentage of the `total` row's value in the same `by` group. */
const shareSchema = z.strictObject({
  /** The operation. */
  op: z.literal('share'),
  /** Name of the new field. Required. */
  as: z.string().min(1),
  /** Field holding the figure, e.g. "tonnes_reo". Required. */
  value: z.string().min(1),
  /** Field naming each row, e.g. "country". Required. */
  key: z.string().min(1),
  /** Value of `key` on the row that holds the total, e.g. "World total". Required. */
  total: z.string().min(1),
  /** Field that groups rows sharing one total, e.g. "year". Required. */
  by: z.string().min(1),
});

/** ratio: numerator / denominator x 100, for rows that have both. */
const ratioSchema = z.strictObject({
  /** The operation. */
  op: z.literal('ratio'),
  /** Name of the new field. Required. */
  as: z.string().min(1),
  /** Field holding the part. Required. */
  numerator: z.string().min(1),
  /** Field holding the whole. Required. */
  denominator: z.string().min(1),
});

/** difference: a - b, for rows that have both. */
const differenceSchema = z.strictObject({
  /** The operation. */
  op: z.literal('difference'),
  /** Name of the new field. Required. */
  as: z.string().min(1),
  /** Field to subtract from. Required. */
  a: z.string().min(1),
  /** Field to subtract. Required. */
  b: z.string().min(1),
});

/** A figure computed at build time from the figures it comes from, never typed in by hand. */
export const deriveSchema = z.discriminatedUnion('op', [shareSchema, ratioSchema, differenceSchema]);

export type Derive = z.output<typeof deriveSchema>;
