// Reading the content folders: which files there are, and their JSON or front matter parsed, with syntax errors in
// plain words and their line and column. The checks of what the files say are in check-*.ts.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import {
  getLocation,
  parse as parseJsonc,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { idSchema } from '../schemas/index.ts';
import { lineAndColumn, locateInJson, locateInYaml, type Locate } from '../util/positions.ts';
import { fieldName, type FieldPath, type Problem } from './problems.ts';

export const contentDirs = { articles: 'content/articles', charts: 'content/charts', data: 'data' } as const;

export interface SourceFile {
  file: string; // path from the root, with forward slashes
  id: string;
  text: string;
}

export function listFiles(root: string, dir: string, extension: string, problems: Problem[]): SourceFile[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  const names = readdirSync(full)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort();
  return names.flatMap((name) => {
    const file = `${dir}/${name}`;
    if (!name.endsWith(extension)) {
      problems.push({
        file,
        field: '',
        message: `unexpected file: ${dir}/ holds ${extension} files only`,
        severity: 'error',
      });
      return [];
    }
    const id = name.slice(0, -extension.length);
    if (!idSchema.safeParse(id).success) {
      // Windows and macOS see Cobalt.md and cobalt.md as one file: whichever is read, the other is lost.
      const twin = names.find((other) => other !== name && other.toLowerCase() === name.toLowerCase());
      const message = twin
        ? `file name "${name}" differs from "${twin}" only by case: on Windows and macOS they are one file; keep one, in lower case`
        : `file name "${id}" must be lower-case letters, digits and hyphens, e.g. "china-mine-share${extension}"`;
      problems.push({ file, field: '', message, severity: 'error' });
      return [];
    }
    // Files saved on Windows: no byte-order mark, and \n line ends (line and column numbers are unchanged).
    const text = readFileSync(path.join(full, name), 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    return [{ file, id, text }];
  });
}

// Plain words for the JSON syntax errors editors make: a missing or extra comma, single quotes, comments.
const jsonSyntax: Record<string, string> = {
  CommaExpected: 'expected a comma "," before this (is one missing at the end of the line above?)',
  PropertyNameExpected:
    'expected a field name in double quotes, e.g. "title" (JSON allows no comma after the last field)',
  ValueExpected:
    'expected a value: "text in double quotes", a number, true, false, null, [a list] or {an object} (JSON allows no comma after the last item)',
  ColonExpected: 'expected a colon ":" between the field name and its value',
  CloseBraceExpected: 'expected "}" to close this object',
  CloseBracketExpected: 'expected "]" to close this list',
  InvalidCommentToken: 'comments are not allowed in JSON: put remarks in "notes"',
  InvalidSymbol: 'unexpected character: text goes in double quotes, "like this"',
  UnexpectedEndOfString: 'text is not closed: a double quote " is missing',
  EndOfFileExpected: "unexpected text after the end of the file's outer {...}",
};

/** Parses a JSON file; syntax errors and repeated fields become problems with their line and column. */
export function parseJson(source: SourceFile, problems: Problem[]): { raw: unknown; locate: Locate } | undefined {
  const errors: ParseError[] = [];
  parseJsonc(source.text, errors, { disallowComments: true, allowTrailingComma: false });
  const at = (offset: number) => lineAndColumn(source.text, offset);
  if (errors.length) {
    // The first error is the mistake; the ones after it usually follow from it.
    const { error, offset } = errors[0];
    const code = printParseErrorCode(error);
    // `"tonnes": 12,5` reads as 12, then a field name missing: name the number instead.
    const comma = /(-?\d+),$/.exec(source.text.slice(0, offset).trimEnd());
    const digits = /^\d+/.exec(source.text.slice(offset));
    if (comma && digits && code === 'PropertyNameExpected') {
      const start = comma.index;
      const written = `${comma[1]},${digits[0]}`;
      const fix =
        digits[0].length === 3
          ? `write ${comma[1]}${digits[0]} if the comma separates thousands, or ${comma[1]}.${digits[0]} if it is a decimal comma`
          : `write ${comma[1]}.${digits[0]}`;
      const field = fieldName(getLocation(source.text, start + 1).path.filter((p) => p !== ''));
      problems.push({
        file: source.file,
        field,
        message: `not valid JSON: ${written} is not a number in JSON (a dot before decimals, no thousands separators): ${fix}`,
        severity: 'error',
        ...at(start),
      });
      return undefined;
    }
    const field = fieldName(getLocation(source.text, offset).path.filter((p) => p !== ''));
    problems.push({
      file: source.file,
      field,
      message: `not valid JSON: ${jsonSyntax[code] ?? code}`,
      severity: 'error',
      ...at(offset),
    });
    return undefined;
  }
  const root = parseTree(source.text);
  // JSON.parse keeps the last of two fields with one name and drops the first without a word.
  const walk = (node: JsonNode | undefined, path: FieldPath) => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key?.value);
        if (seen.has(name)) {
          problems.push({
            file: source.file,
            field: fieldName([...path, name]),
            message: `field "${name}" appears twice in this object: keep one (JSON would silently use the last)`,
            severity: 'error',
            ...at(key.offset),
          });
        }
        seen.add(name);
        walk(value, [...path, name]);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(root, []);
  return { raw: JSON.parse(source.text), locate: locateInJson(source.text) };
}

// The same for the YAML front matter of articles (codes of the `yaml` library).
const yamlSyntax: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY:
    'text that holds ": " goes in double quotes, e.g. title: "Rare earths: the deals, checked" (or a line is indented too far)',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'this field appears twice: keep one',
  BAD_SCALAR_START: 'text that starts with @, `, %, | or > goes in double quotes',
  BAD_INDENT:
    'the indentation is off, or a [list] is not closed with ]: items of a list, and fields of an object, line up under each other',
};

/** Parses an article's front matter; a missing opening --- or a YAML syntax error becomes a problem. */
export function parseFrontMatter(
  source: SourceFile,
  problems: Problem[],
): { parsed: matter.GrayMatterFile<string>; locate: Locate } | undefined {
  if (!source.text.startsWith('---')) {
    problems.push({
      file: source.file,
      field: 'front matter',
      message: 'expected front matter between --- lines at the top (title, description, pubDate)',
      severity: 'error',
      line: 1,
      column: 1,
    });
    return undefined;
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // YAML 1.2 (the `yaml` library, as for positions): dates stay text, so 2025-02-30 is refused, not rolled over.
    parsed = matter(source.text, { engines: { yaml: (text) => parseYaml(text, { logLevel: 'error' }) ?? {} } });
  } catch (error) {
    // The YAML text starts with the newline after the opening ---, so its line numbers are the file's.
    const position = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const code = error instanceof YAMLParseError ? error.code : '';
    const message =
      yamlSyntax[code] ?? (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    problems.push({
      file: source.file,
      field: 'front matter',
      message: `not valid YAML: ${message}`,
      severity: 'error',
      line: position?.line,
      column: position?.col,
    });
    return undefined;
  }
  const yamlText = parsed.matter.replace(/^\r?\n/, '');
  const locate = locateInYaml(yamlText, 2);
  return { parsed, locate };
}
