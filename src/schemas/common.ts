import { z } from 'astro/zod';

/** Ids of charts and datasets, and article slugs: lower-case letters, digits and hyphens. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens, e.g. "china-mine-share"');

/** A web address: only http and https are accepted (javascript:, data: and the rest are refused). */
export const httpUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'expected an http(s) URL, e.g. "https://pubs.usgs.gov/..."');

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date: YAML date or "YYYY-MM-DD" text; impossible dates such as 2025-02-30 are refused. */
export const dateSchema = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    const date = new Date(`${text}T00:00:00Z`);
    if (!isoDate.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: 'custom', message: `expected a date as YYYY-MM-DD, found "${text}"` });
      return z.NEVER;
    }
    return date;
  });

/** Free text that is one paragraph or a list of paragraphs; always read as a list. */
export const textListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? [value] : value));
