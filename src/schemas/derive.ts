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

/** rest: a new row per `by` group holding the `total` row's `value` less the `parts` rows', e.g. the rest of the world. */
const restSchema = z.strictObject({
  /** The operation. */
  op: z.literal('rest'),
  /** Value of `key` on the new rows, e.g. "Rest of the world". Required. */
  name: z.string().min(1),
  /** Field holding the figure, e.g. "tonnes_reo". Required. */
  value: z.string().min(1),
  /** Field naming each row, e.g. "country". Required. */
  key: z.string().min(1),
  /** Value of `key` on the row that holds the total, e.g. "World total". Required. */
  total: z.string().min(1),
  /** Values of `key` on the rows taken away from the total, e.g. ["China"]. Required. */
  parts: z.array(z.string().min(1)).min(1),
  /** Field that groups rows sharing one total, e.g. "year". Required. */
  by: z.string().min(1),
});

/** A figure computed at build time from the figures it comes from, never typed in by hand. */
export const deriveSchema = z.discriminatedUnion('op', [shareSchema, ratioSchema, differenceSchema, restSchema]);

export type Derive = z.output<typeof deriveSchema>;

/** The field a derive adds to every row, or undefined for rest, which adds rows instead. */
export const derivedField = (derive: Derive): string | undefined => (derive.op === 'rest' ? undefined : derive.as);
