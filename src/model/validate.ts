// Zod issues turned into problems that say what was expected, what was found and where.
import type { z } from 'astro/zod';
import type { Locate } from '../util/positions.ts';
import { fieldName, type FieldPath, type Problem } from './problems.ts';
import { didYouMean } from '../util/suggest.ts';
import { isoDate } from '../util/dates.ts';

export interface Validated<T> {
  data?: T;
  problems: Problem[];
  /**
   * When the value is invalid: the value with its invalid fields removed, if that passes the schema.
   * For cross-checks only (so one typo does not hide the file's other mistakes); never published.
   */
  partial?: T;
}

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  locate: Locate,
  basePath: FieldPath = [],
): Validated<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const described = result.error.issues.flatMap((issue) => describeIssue(issue as Issue, value, schema));
  const problems = described.map(({ path, message }) => {
    const full = [...basePath, ...path];
    return { file, field: fieldName(full), message, severity: 'error' as const, ...locate(full) };
  });
  const partial = schema.safeParse(
    withoutFields(
      value,
      described.map((d) => d.path),
    ),
  );
  return { problems, partial: partial.success ? partial.data : undefined };
}

/** A copy of a JSON-like value without the fields at the given paths. */
function withoutFields(value: unknown, paths: FieldPath[]): unknown {
  if (paths.some((p) => p.length === 0)) return undefined;
  const copy = structuredClone(value);
  for (const path of paths) {
    const parent = valueAt(copy, path.slice(0, -1));
    const key = path[path.length - 1];
    if (parent && typeof parent === 'object' && !Array.isArray(parent))
      delete (parent as Record<string | number, unknown>)[key];
  }
  return copy;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  origin?: string;
  errors?: Issue[][];
  note?: string;
  discriminator?: string;
  options?: unknown[];
}

function describeIssue(issue: Issue, root: unknown, schema: z.ZodType): { path: FieldPath; message: string }[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const found = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type':
      // A schema may say what to add in its own words ("required: add the web address ...").
      if (found === undefined)
        return [
          {
            path,
            message: issue.message.startsWith('required:')
              ? issue.message
              : `required: expected ${article(issue.expected)}, found nothing`,
          },
        ];
      return [{ path, message: `expected ${article(issue.expected)}, found ${describe(found)}` }];
    case 'invalid_value': {
      const options = (issue.values ?? []).map((v) => JSON.stringify(v));
      const hint = typeof found === 'string' ? didYouMean(found, (issue.values ?? []).map(String)) : '';
      const required = found === undefined ? 'required: ' : '';
      return [{ path, message: `${required}expected one of ${options.join(', ')}, found ${describe(found)}${hint}` }];
    }
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({
        path: [...path, key],
        message: `unknown field "${key}"${didYouMean(key, knownKeys(schema, path))}; known fields: ${knownKeys(schema, path).join(', ')}`,
      }));
    case 'too_small':
      if (issue.origin === 'array') {
        const custom = issue.message.startsWith('expected')
          ? issue.message
          : `expected at least ${issue.minimum} item(s)`;
        return [{ path, message: `${custom}, found ${describe(found)}` }];
      }
      return [{ path, message: `expected a non-empty value, found ${describe(found)}` }];
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator' || issue.discriminator) {
        const field = issue.discriminator ?? 'op';
        const options = (issue.options ?? []).map((v) => JSON.stringify(v)).join(', ');
        return [
          {
            path: [...path, field],
            message: `expected one of ${options}, found ${describe(valueAt(root, [...path, field]))}`,
          },
        ];
      }
      // The alternatives' issues have paths from the union's own place.
      const alternatives = (issue.errors ?? []).map((errors) =>
        errors.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })),
      );
      // Each alternative is a different type (text, number...): name them all.
      if (
        found !== undefined &&
        alternatives.length &&
        alternatives.every(
          (a) => a.length === 1 && a[0].code === 'invalid_type' && a[0].path.length === issue.path.length,
        )
      ) {
        return [
          {
            path,
            message: `expected ${alternatives.map((a) => article(a[0].expected)).join(', or ')}, found ${describe(found)}`,
          },
        ];
      }
      // Report the alternative that got furthest: the one with the fewest issues.
      const best = alternatives.sort((a, b) => a.length - b.length)[0];
      if (best?.length) return best.flatMap((inner) => describeIssue(inner, root, schema));
      return [{ path, message: `found ${describe(found)}, which is not an accepted form` }];
    }
    default:
      return [
        {
          path,
          message: issue.message.startsWith('expected')
            ? `${issue.message}${found === undefined || issue.message.includes('found') ? '' : `, found ${describe(found)}`}`
            : issue.message,
        },
      ];
  }
}

function article(type = 'value'): string {
  const words: Record<string, string> = {
    array: 'a list',
    object: 'an object',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    date: 'a date',
  };
  return words[type] ?? type;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `a list of ${value.length}` : 'an empty list';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function valueAt(root: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>(
    (value, key) => (value == null ? undefined : (value as Record<string | number, unknown>)[key]),
    root,
  );
}

/** The field names an object schema accepts at a path, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  let current: unknown = schema;
  for (const part of [...path, null]) {
    current = unwrap(current);
    const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return [];
    if (part === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[part];
    else if (def.type === 'array') current = def.element;
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { _zod?: { def?: Record<string, unknown> } } | undefined;
  for (;;) {
    const def = current?._zod?.def;
    if (!def) return current;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault')
      current = def.innerType as typeof current;
    else if (def.type === 'pipe') current = def.in as typeof current;
    else return current;
  }
}
