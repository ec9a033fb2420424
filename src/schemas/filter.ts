import { z } from 'astro/zod';

const cell = z.union([z.string(), z.number(), z.boolean()]);

/** Keep only rows whose field equals the value, or one of the values: { "country": ["China", "Australia"] }. */
export const filterSchema = z.record(z.string(), z.union([cell, z.array(cell).min(1)]));

export type Filter = z.output<typeof filterSchema>;
