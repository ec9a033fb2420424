// A dataset's rows to and from a spreadsheet file (CSV or TSV), for `npm run export` and `npm run import`.
// Export writes what import reads back unchanged: one column per field, true/false for flags, numbers as JavaScript
// prints them, an empty cell for a value a row does not have. Import reads what spreadsheets write: a byte-order mark,
// CRLF line ends, semicolons (Excel's CSV where a comma is the decimal mark), thousands separators, decimal commas and
// true/false in the sheet's language (WAHR, VRAI, ...), each detected from the file and reported; what could be read
// two ways stops with its row and column.
import { csvParseRows, dsvFormat, tsvParseRows } from 'd3-dsv';
import type { Problem } from '../model/problems.ts';
import type { Dataset } from '../schemas/index.ts';
import { rowSchema } from '../schemas/row.ts';
import { delimitedText } from '../util/csv.ts';
import { plural } from '../util/words.ts';

export type Cell = string | number | boolean | null;
export type JsonRow = Record<string, Cell>;

/** Fields whose cells are true or false. */
export const flagFields = ['estimate', 'secondary', 'projection'];
const numberFields = ['low', 'high'];
/** Fields the row schema fixes (estimate, edition, source, ...): an empty cell leaves them out, as null is not allowed. */
export const reservedFields = Object.keys(rowSchema.shape);

/** A stop: the problems are the rows and columns to fix. */
export class SheetError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.problems = problems;
  }
}

export interface Sheet {
  file: string;
  columns: string[];
  /** Data rows, with their row number as a spreadsheet shows it (the header is row 1). */
  rows: { row: number; cells: string[] }[];
  /** How the file separates its columns, for the report. */
  delimiter: ',' | ';' | '\t';
}

/** Column letters as a spreadsheet names them: A, B, ... Z, AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function stop(sheet: Pick<Sheet, 'file' | 'columns'>, row: number, column: number, message: string): Problem {
  const where = column >= 0 ? `row ${row}, column ${columnLetter(column)} (${sheet.columns[column]})` : `row ${row}`;
  return {
    file: sheet.file,
    field: sheet.columns[column] ?? '',
    line: row,
    column: column >= 0 ? column + 1 : undefined,
    message: `${where}: ${message}`,
    severity: 'error',
  };
}

/** Splits a CSV or TSV file into a header and rows. */
export function readSheet(text: string, file: string): Sheet {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n|\r/, 1)[0];
  const delimiter: Sheet['delimiter'] = /\.tsv$/i.test(file)
    ? '\t'
    : firstLine.includes(';') && !firstLine.includes(',')
      ? ';'
      : ',';
  const parse = delimiter === '\t' ? tsvParseRows : delimiter === ';' ? dsvFormat(';').parseRows : csvParseRows;
  const [header = [], ...body] = parse(clean);
  const columns = header.map((name) => name.trim());
  const sheet: Sheet = { file, columns, rows: [], delimiter };
  const problems: Problem[] = [];
  if (!columns.some(Boolean))
    throw new SheetError([
      {
        file,
        field: '',
        line: 1,
        message: 'row 1 should name the columns (year, country, ...); it is empty',
        severity: 'error',
      },
    ]);
  // Excel keeps the line break a cell was typed with as CRLF; JSON text holds \n.
  const rows = body.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.replace(/\r\n?/g, '\n')) }));
  columns.forEach((name, i) => {
    const used = rows.some((r) => (r.cells[i] ?? '') !== '');
    if (!name && used)
      problems.push(stop(sheet, 1, i, 'this column has figures but no name: write its field name in row 1'));
    const twin = columns.indexOf(name);
    if (name && twin < i)
      problems.push(stop(sheet, 1, i, `"${name}" names column ${columnLetter(twin)} too: each field has one column`));
  });
  for (const { row, cells } of rows) {
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== '')) {
      problems.push(
        stop(
          sheet,
          row,
          -1,
          `${cells.length} cells, but row 1 names ${columns.length} columns: name the extra columns in row 1, or remove their cells`,
        ),
      );
    }
  }
  if (problems.length) throw new SheetError(problems);
  // Rows with every cell empty are the blank lines spreadsheets leave at the end: not rows of data.
  sheet.rows = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  return sheet;
}

// Numbers as spreadsheets write them. A cell is read one way only when it can be: "1,234,567" and "1,234.5"
// separate thousands with commas, "12,5" has a decimal comma; "45,000" alone could be either, and the rest of the
// file (or --decimal) decides.
type Decimal = 'point' | 'comma';
interface NumberText {
  /** The value for each decimal mark the cell allows (both when it could be either). */
  point?: number;
  comma?: number;
  /** Thousands separator, when the cell has one under that reading. */
  grouping?: { point?: string; comma?: string };
}

const space = '[ \\u00A0\\u202F]';
/** The readings of a cell as a number, or undefined when it is not one. */
export function numberText(cell: string): NumberText | undefined {
  const text = cell.trim().replace(/^\u2212/, '-');
  const sign = text.startsWith('-') ? -1 : 1;
  const t = text.replace(/^[-+]/, '');
  const num = (s: string) => sign * Number(s);
  if (/^\d+$/.test(t) || /^\d+(\.\d+)?[eE][-+]?\d+$/.test(t))
    return { point: num(t), comma: /\./.test(t) ? undefined : num(t) };
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(\\d{1,3}(?:${space}\\d{3})+)(?:([.,])(\\d+))?$`).exec(t))) {
    const whole = m[1].replace(new RegExp(space, 'g'), '');
    const value = num(m[3] ? `${whole}.${m[3]}` : whole);
    const grouping = { point: 'space', comma: 'space' };
    return m[2] === '.'
      ? { point: value, grouping }
      : m[2] === ','
        ? { comma: value, grouping }
        : { point: value, comma: value, grouping };
  }
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(t) || /^\d{1,3}(,\d{3}){2,}$/.test(t))
    return { point: num(t.replace(/,/g, '')), grouping: { point: ',' } };
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t) || /^\d{1,3}(\.\d{3}){2,}$/.test(t))
    return { comma: num(t.replace(/\./g, '').replace(',', '.')), grouping: { comma: '.' } };
  if (/^[1-9]\d{0,2},\d{3}$/.test(t))
    return { point: num(t.replace(',', '')), comma: num(t.replace(',', '.')), grouping: { point: ',' } };
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(t))
    return { point: num(t), comma: num(t.replace('.', '')), grouping: { comma: '.' } };
  if (/^(\d+\.\d*|\.\d+)$/.test(t)) return { point: num(t) };
  if (/^(\d+,\d*|,\d+)$/.test(t)) return { comma: num(t.replace(',', '.')) };
  return undefined;
}

const words = { point: 'a decimal point (1,234.5)', comma: 'a decimal comma (1.234,5)' };
// True and false as spreadsheets write them in their language (Excel and LibreOffice write TRUE as WAHR in German),
// case ignored; each language's words are reported, as decimal commas are.
const booleanWords: Record<string, { value: boolean; language?: string }> = {
  true: { value: true },
  yes: { value: true },
  false: { value: false },
  no: { value: false },
  wahr: { value: true, language: 'German' },
  falsch: { value: false, language: 'German' },
  vrai: { value: true, language: 'French' },
  faux: { value: false, language: 'French' },
  verdadero: { value: true, language: 'Spanish' },
  vero: { value: true, language: 'Italian' },
  falso: { value: false, language: 'Spanish or Italian' },
  waar: { value: true, language: 'Dutch' },
  onwaar: { value: false, language: 'Dutch' },
};
const booleanWord = (cell: string) =>
  Object.hasOwn(booleanWords, cell.trim().toLowerCase()) ? booleanWords[cell.trim().toLowerCase()] : undefined;
const booleanText = (cell: string) => booleanWord(cell)?.value;

/** The language of a sheet's true and false: FALSO alone is Spanish or Italian, and VERDADERO or VERO says which. */
function booleanLanguage(words: readonly string[]): string | undefined {
  const languages = new Set(words.flatMap((word) => booleanWord(word)?.language ?? []));
  const named = [...languages].filter((l) => l !== 'Spanish or Italian');
  return named.length ? named.join(' and ') : languages.size ? 'Spanish or Italian' : undefined;
}

/** An empty cell: null, or left out of the row (import decides, as it knows the row it replaces). */
export const EMPTY = Symbol('empty');
export type SheetRow = Record<string, Cell | typeof EMPTY>;

type Kind = 'number' | 'boolean' | 'text' | 'mixed';

/** Each field's kind of value in rows already published, so that "2024" stays text where it was text. */
export function fieldKinds(rows: readonly JsonRow[]): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) {
      if (value === null) continue;
      const kind: Kind = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
      const was = kinds.get(field);
      kinds.set(field, was && was !== kind ? 'mixed' : kind);
    }
  }
  return kinds;
}

export interface SheetReading {
  rows: SheetRow[];
  /** What was detected and how it was read, for the editor to see. */
  notes: string[];
}

/**
 * The rows of a sheet as typed values. `known` gives the kinds of the fields of the rows being replaced;
 * `decimal` is the decimal mark when the editor named it.
 */
export function sheetValues(sheet: Sheet, known: Map<string, Kind> = new Map(), decimal?: Decimal): SheetReading {
  const problems: Problem[] = [];
  const notes: string[] = [];
  if (sheet.delimiter === ';')
    notes.push('Columns separated by semicolons (as Excel writes CSV where the comma is the decimal mark).');
  const cellsOf = (i: number) =>
    sheet.rows.map((r) => ({ row: r.row, text: r.cells[i] ?? '' })).filter((c) => c.text.trim() !== '');

  const kinds = sheet.columns.map((name, i): Kind | undefined => {
    if (!name) return undefined;
    if (flagFields.includes(name)) return 'boolean';
    if (numberFields.includes(name)) return 'number';
    if (reservedFields.includes(name)) return 'text';
    const kind = known.get(name);
    if (kind) return kind;
    const cells = cellsOf(i);
    if (cells.length && cells.every((c) => booleanText(c.text) !== undefined)) return 'boolean';
    const numbers = cells.filter((c) => numberText(c.text));
    if (cells.length && numbers.length === cells.length) return 'number';
    if (numbers.length * 2 > cells.length) {
      const odd = cells.find((c) => !numberText(c.text))!;
      problems.push(
        stop(
          sheet,
          odd.row,
          i,
          `${JSON.stringify(odd.text)} is not a number, but ${numbers.length} of the ${cells.length} cells in this column are: write the number as the source gives it, or leave the cell empty where it gives none`,
        ),
      );
    } else if (numbers.length) {
      notes.push(
        `Column ${columnLetter(i)} (${name}) read as text: ${cells.length - numbers.length} of its ${cells.length} cells are not numbers.`,
      );
    }
    return 'text';
  });

  // Which decimal mark: named by the editor, else the one the file's unambiguous numbers use.
  const numeric = sheet.columns.flatMap((_, i) =>
    kinds[i] === 'number' || kinds[i] === 'mixed'
      ? cellsOf(i).map((c) => ({ ...c, column: i, reading: numberText(c.text) }))
      : [],
  );
  const evidence = {
    point: numeric.find((c) => c.reading && c.reading.comma === undefined && c.reading.point !== undefined),
    comma: numeric.find((c) => c.reading && c.reading.point === undefined && c.reading.comma !== undefined),
  };
  const quote = (c: { row: number; column: number; text: string; reading?: NumberText }) =>
    `row ${c.row}, column ${columnLetter(c.column)} (${sheet.columns[c.column]}) has ${JSON.stringify(c.text)}, ${c.reading?.grouping?.point === ',' ? 'with commas separating thousands' : 'with a decimal point'}`;
  if (!decimal && evidence.point && evidence.comma) {
    problems.push(
      stop(
        sheet,
        evidence.comma.row,
        evidence.comma.column,
        `${JSON.stringify(evidence.comma.text)} has a decimal comma, but ${quote(evidence.point)}: write every number the same way`,
      ),
    );
  }
  const mark: Decimal | undefined = decimal ?? (evidence.point ? 'point' : evidence.comma ? 'comma' : undefined);
  const twoWays = numeric.find(
    (c) => c.reading?.point !== undefined && c.reading.comma !== undefined && c.reading.point !== c.reading.comma,
  );
  if (!mark && twoWays) {
    const r = twoWays.reading!;
    problems.push(
      stop(
        sheet,
        twoWays.row,
        twoWays.column,
        `${JSON.stringify(twoWays.text)} could be ${r.point} (with a comma separating thousands) or ${r.comma} (with a decimal comma), and no other number in the file says which: run the import again with --decimal point or --decimal comma`,
      ),
    );
  }
  if (problems.length) throw new SheetError(problems);

  const grouped = new Map<string, { count: number; example: string }>();
  const flags: { text: string; example: string }[] = [];
  const rows = sheet.rows.map(({ row, cells }) => {
    const out: SheetRow = {};
    sheet.columns.forEach((name, i) => {
      if (!name) return;
      const text = cells[i] ?? '';
      if (text.trim() === '') return void (out[name] = EMPTY);
      const kind = kinds[i];
      if (kind === 'text') return void (out[name] = text);
      if (kind === 'boolean') {
        const value = booleanText(text);
        if (value === undefined)
          problems.push(
            stop(
              sheet,
              row,
              i,
              `${JSON.stringify(text)} is not true or false: write true where it applies, false or nothing where it does not`,
            ),
          );
        else flags.push({ text, example: `row ${row}, ${name}: ${JSON.stringify(text)} read as ${value}` });
        return void (out[name] = value ?? null);
      }
      const reading = numberText(text);
      const value = reading && mark ? reading[mark] : reading?.point;
      if (value === undefined) {
        if (kind === 'mixed') return void (out[name] = text);
        problems.push(
          stop(
            sheet,
            row,
            i,
            reading
              ? `${JSON.stringify(text)} is written with ${words[mark === 'point' ? 'comma' : 'point']}, but the file's numbers use ${words[mark!]}: write it the same way`
              : `${JSON.stringify(text)} is not a number: write the number as the source gives it (e.g. 45000), or leave the cell empty where it gives none`,
          ),
        );
        return;
      }
      const separator = reading?.grouping?.[mark ?? 'point'];
      if (separator) {
        const key = `${separator === 'space' ? 'spaces' : `"${separator}"`} separating thousands`;
        const seen = grouped.get(key) ?? {
          count: 0,
          example: `row ${row}, ${name}: ${JSON.stringify(text)} read as ${value}`,
        };
        grouped.set(key, { ...seen, count: seen.count + 1 });
      }
      out[name] = value;
    });
    return out;
  });
  if (problems.length) throw new SheetError(problems);
  const foreign = flags.filter((f) => booleanWord(f.text)?.language);
  const language = booleanLanguage(foreign.map((f) => f.text));
  if (language) {
    const spellings = [...new Set(foreign.map((f) => f.text.trim().toUpperCase()))].join(', ');
    notes.push(
      `${plural(foreign.length, 'cell')} of true or false written as in ${language} (${spellings}), read as true and false (e.g. ${foreign[0].example}).`,
    );
  }
  for (const [what, { count, example }] of grouped)
    notes.push(`${plural(count, 'number')} with ${what} (e.g. ${example}).`);
  const commas = numeric.filter(
    (c) => mark === 'comma' && c.reading && c.reading.comma !== undefined && /,/.test(c.text),
  ).length;
  if (commas)
    notes.push(
      `${plural(commas, 'number')} with a decimal comma, read as decimals${decimal ? ' (--decimal comma)' : ''}.`,
    );
  return { rows, notes };
}

/** The columns of a dataset's rows: every field, in the order they first appear. */
export function sheetColumns(rows: readonly JsonRow[]): string[] {
  return [...new Set(rows.flatMap((row) => Object.keys(row)))];
}

/**
 * The rows as a spreadsheet file: CSV (RFC 4180, CRLF) or TSV, with a byte-order mark so that Excel reads the
 * text as UTF-8. Import reads it back to the same rows.
 */
export function sheetText(rows: readonly JsonRow[], format: 'csv' | 'tsv'): string {
  return '\uFEFF' + delimitedText(sheetColumns(rows), rows, format);
}

/** A dataset's download (/data/<id>.csv): its own fields in order of first appearance, then the reserved ones
 * (estimate, edition, source, note, ...). */
export function datasetCsv(dataset: Pick<Dataset, 'rows'>): string {
  const reserved = Object.keys(rowSchema.shape);
  const fields = sheetColumns(dataset.rows);
  return delimitedText(
    [...fields.filter((f) => !reserved.includes(f)), ...reserved.filter((f) => fields.includes(f))],
    dataset.rows,
  );
}
