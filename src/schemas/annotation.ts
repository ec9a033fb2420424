import { z } from 'astro/zod';

/** A value on a chart axis: a number, a category or a date as YYYY-MM-DD. */
export const axisValueSchema = z.union([z.number(), z.string()]);

/** A note placed on a chart. Uncertainties are drawn as numbered markers and listed under the chart. */
export const annotationSchema = z.strictObject({
  /** The note, in plain words. Required. */
  text: z.string().min(1),
  /** uncertainty: what is not known; note: context; claim: a reported claim set against the data. Default note. */
  kind: z.enum(['uncertainty', 'note', 'claim']).default('note'),
  /** Who raised it, e.g. "Analysts quoted in the report". */
  raisedBy: z.string().optional(),
  /** The document it comes from: a name or an http(s) address. */
  source: z.string().optional(),
  /** Where on the x axis the marker goes (a value of the chart's x field). */
  x: axisValueSchema.optional(),
  /** Where on the y axis the marker goes (a value of the chart's y field). */
  y: axisValueSchema.optional(),
});

export type Annotation = z.output<typeof annotationSchema>;
