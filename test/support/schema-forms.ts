// The forms a Zod schema documents, walked the way `npm run fields` walks them (src/cli/field-reference.ts), and
// which of them some content uses: every field, every value of an enum or of true/false, each "op" of a
// discriminated union, each form of a shared schema (one text or a list; a number or a text...), and leaving out
// a field that may be left out. `formsUsed` walks content with the same code, so the two lists name forms alike:
// "chart: views[].format.y = \"percent\"", "dataset: sources[].url as http".
import { axisValueSchema } from '../../src/schemas/annotation.ts';
import { dateSchema, httpUrlSchema, idSchema, textListSchema } from '../../src/schemas/common.ts';
import { filterSchema } from '../../src/schemas/filter.ts';

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(value: unknown): { success: boolean };
}
const def = (schema: unknown) => (schema as ZodLike)._zod.def;

const isDateText = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const filterValues = (value: unknown) => (value && typeof value === 'object' ? Object.values(value) : []);

/** Shared schemas, each with the forms an editor may write it in (as CONTRIBUTING names them). */
const sharedForms = new Map<unknown, Record<string, (value: unknown) => boolean>>([
  [idSchema, {}],
  [dateSchema, {}],
  [httpUrlSchema, { https: (v) => String(v).startsWith('https:'), http: (v) => String(v).startsWith('http:') }],
  [textListSchema, { 'one text': (v) => typeof v === 'string', 'a list of texts': (v) => Array.isArray(v) }],
  [
    axisValueSchema,
    {
      'a number': (v) => typeof v === 'number',
      'a category': (v) => typeof v === 'string' && !isDateText(v),
      'a YYYY-MM-DD date': isDateText,
    },
  ],
  [
    filterSchema,
    {
      'one value': (v) => filterValues(v).some((x) => !Array.isArray(x)),
      'a list of values': (v) => filterValues(v).some(Array.isArray),
      'a number': (v) =>
        filterValues(v)
          .flat()
          .some((x) => typeof x === 'number'),
      'a text': (v) =>
        filterValues(v)
          .flat()
          .some((x) => typeof x === 'string'),
      'true or false': (v) =>
        filterValues(v)
          .flat()
          .some((x) => typeof x === 'boolean'),
    },
  ],
]);

const typeName = (schema: unknown) => {
  const type = def(schema).type;
  return type === 'string' ? 'text' : type === 'boolean' ? 'true or false' : type;
};

/** Adds to `need` every form of `schema` at `path`, and to `used` those that `value` (if given) shows. */
function walk(schema: unknown, path: string, value: unknown, need: Set<string>, used: Set<string>): void {
  const present = value !== undefined;
  const form = (name: string, shown: boolean) => {
    need.add(name);
    if (present && shown) used.add(name);
  };
  const shared = sharedForms.get(schema);
  if (shared) {
    for (const [name, test] of Object.entries(shared)) form(`${path} as ${name}`, test(value));
    return;
  }
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'default':
      return walk(d.innerType, path, value, need, used);
    case 'pipe':
      return walk(d.in, path, value, need, used);
    case 'enum':
      for (const entry of Object.values(d.entries as Record<string, string>))
        form(`${path} = ${JSON.stringify(entry)}`, value === entry);
      return;
    case 'boolean':
      form(`${path} = true`, value === true);
      form(`${path} = false`, value === false);
      return;
    case 'array': {
      const items = Array.isArray(value) && value.length ? value : [undefined];
      for (const item of items) walk(d.element, `${path}[]`, item, need, used);
      return;
    }
    case 'object': {
      const shape = d.shape as Record<string, unknown>;
      const object = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
      const prefix = path ? `${path}.` : '';
      for (const [key, field] of Object.entries(shape)) {
        const fieldType = def(field).type;
        const given = object?.[key];
        form(`${prefix}${key}`, given !== undefined);
        if (fieldType === 'optional' || fieldType === 'default')
          form(`${prefix}${key} left out`, object !== undefined && given === undefined);
        walk(field, `${prefix}${key}`, given, need, used);
      }
      const catchall = d.catchall as unknown;
      if (catchall && def(catchall).type !== 'never') {
        const others = object
          ? Object.keys(object)
              .filter((key) => !(key in shape))
              .map((key) => object[key])
          : [];
        for (const option of def(catchall).type === 'union' ? (def(catchall).options as unknown[]) : [catchall]) {
          form(
            `${prefix}<any other field> as ${typeName(option)}`,
            others.some((other) => (option as ZodLike).safeParse(other).success),
          );
        }
      }
      return;
    }
    case 'union': {
      const options = d.options as unknown[];
      if (d.discriminator) {
        const key = d.discriminator as string;
        for (const option of options) {
          const literal = (def(option).shape as Record<string, unknown>)[key];
          const tag = (def(literal).values as unknown[])[0];
          const mine = (value as Record<string, unknown> | undefined)?.[key] === tag;
          walk(option, `${path}(${key}: ${JSON.stringify(tag)})`, mine ? value : undefined, need, used);
        }
      } else {
        for (const option of options)
          form(`${path} as ${typeName(option)}`, (option as ZodLike).safeParse(value).success);
      }
      return;
    }
    default:
      // text, numbers, null, records (fold.labels), literals: the field itself is the form.
      return;
  }
}

/** Every form `schema` documents, named with `root` ("chart: mark = \"line\""). */
export function formsOf(root: string, schema: unknown): Set<string> {
  const need = new Set<string>();
  walk(schema, '', undefined, need, new Set());
  return new Set([...need].map((form) => `${root}: ${form}`));
}

/** The forms of `schema` that these values (parsed files, as editors wrote them) use. */
export function formsUsed(root: string, schema: unknown, values: unknown[]): Set<string> {
  const used = new Set<string>();
  for (const value of values) walk(schema, '', value, new Set(), used);
  return new Set([...used].map((form) => `${root}: ${form}`));
}
