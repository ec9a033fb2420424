import { z } from 'astro/zod';
import { calendarDay, isoDate, isoDatePattern, monthNames } from '../util/dates.ts';

/** Ids of charts and datasets, and article slugs: lower-case letters, digits and hyphens. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens, e.g. "china-mine-share"');

/** A web address: only http and https are accepted (javascript:, data: and the rest are refused). */
export const httpUrlSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'required: add the web address of the document, e.g. "https://pubs.usgs.gov/..."'
        : undefined,
  })
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL, e.g. "https://pubs.usgs.gov/..."');

/** Why a YYYY-MM-DD text is not a date: "there is no 30 February 2025". */
function noSuchDay(text: string): string {
  const [year, month, day] = text.split('-').map(Number);
  if (month < 1 || month > 12) return `there is no month ${month}`;
  return `there is no ${day} ${monthNames[month - 1]} ${year}`;
}

/** A calendar date: YAML date or "YYYY-MM-DD" text; impossible dates such as 2025-02-30 are refused. */
export const dateSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? isoDate(value) : value;
  const date = calendarDay(text);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a date as YYYY-MM-DD, found "${text}"${isoDatePattern.test(text) ? `: ${noSuchDay(text)}` : ''}`,
    });
    return z.NEVER;
  }
  return date;
});

/** A month or a day: "YYYY-MM" or "YYYY-MM-DD" text (in JSON files); impossible ones are refused. */
export const monthOrDaySchema = z.string().transform((text, ctx) => {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month ? Number(month[2]) >= 1 && Number(month[2]) <= 12 : calendarDay(text)) return text;
  ctx.addIssue({
    code: 'custom',
    message: `expected a month as YYYY-MM or a day as YYYY-MM-DD, found "${text}"${isoDatePattern.test(text) ? `: ${noSuchDay(text)}` : ''}`,
  });
  return z.NEVER;
});

/** Free text that is one paragraph or a list of paragraphs; always read as a list. */
export const textListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? [value] : value));
