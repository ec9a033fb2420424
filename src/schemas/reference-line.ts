import { z } from 'astro/zod';
import { axisValueSchema } from './annotation.ts';

/** A labelled line at a value, e.g. a figure as reported. Give x or y. */
export const referenceLineSchema = z
  .strictObject({
    /** A value on the x axis: draws a vertical line. */
    x: axisValueSchema.optional(),
    /** A value on the y axis: draws a horizontal line. */
    y: axisValueSchema.optional(),
    /** The line's label, e.g. "About 80%, as reported". Required. */
    label: z.string().min(1),
    /** reported: a figure from the report, drawn dashed and labelled as reported; note: any other. Default reported. */
    kind: z.enum(['reported', 'note']).default('reported'),
  })
  .refine((line) => (line.x === undefined) !== (line.y === undefined), 'expected exactly one of x or y');

export type ReferenceLine = z.output<typeof referenceLineSchema>;
