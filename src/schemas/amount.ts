import { z } from 'astro/zod';

/** A sum of money a commitment names: the figure as the source gives it, in its currency, and who pays. */
export const amountSchema = z.strictObject({
  /** The sum in units of the currency, never rounded, e.g. 1000000000 for US$1bn. Required. */
  value: z.number().positive(),
  /** Currency, as its three-letter code, e.g. "USD". Required. */
  currency: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'required: name the currency of the amount, e.g. "USD" (a sum without one cannot be read)'
          : undefined,
    })
    .regex(/^[A-Z]{3}$/, 'expected a three-letter currency code in capitals, e.g. "USD" or "AUD"'),
  /** Who pays, e.g. "each government". */
  payer: z.string().min(1).optional(),
  /** How the source bounds the sum: "at least", "more than", "up to" or "about". Default: the sum as stated. */
  qualifier: z.enum(['at least', 'more than', 'up to', 'about']).optional(),
});

export type Amount = z.output<typeof amountSchema>;
