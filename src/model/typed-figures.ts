// Figures typed by hand where the data holds them: a number in an article's prose (a `:view` link's words included),
// or in a chart's title, subtitle or annotation, that equals, as written and rounded, a figure of a dataset the
// article or chart uses. `npm run check` warns (a warning: the editors' contract never tightens) with the `:value`
// directive to paste, so that the next edition of the data changes the words by itself. Years, dates, list and
// announcement numbers, times, ranges and amounts of money are not figures; a claim's words are what a report says,
// not the data, and are left alone.
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { latestEditions } from '../charts/editions.ts';
import { formatFor } from '../charts/format.ts';
import type { ChartSpec, Dataset, Row } from '../schemas/index.ts';
import { lineAndColumn } from '../util/positions.ts';
import type { RenderedMarkdown } from '../remark/markdown.ts';
import type { Problem, Report } from './problems.ts';

/** A number as an editor typed it: "270,000", "69%", "3.5 million". */
export interface TypedFigure {
  text: string;
  /** Where it starts in the text. */
  index: number;
  /** The number as written, before any scale word ("3.5" of "3.5 million"). */
  written: number;
  decimals: number;
  scale: number;
  percent: boolean;
}

const months =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const scales: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const number =
  /(?<![\w.,$€£¥/:-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w$€£]|[.,:]\d|-\d)(\s?%| per ?cent| percent)?(?: (thousand|million|billion)\b)?/g;
const dateBefore = new RegExp(`(?:\\b(?:${months})\\.?\\s+)$`, 'i');
const dateAfter = new RegExp(`^\\s+(?:${months})\\b`, 'i');
/** "No. 18", "Nos. 55", "number 3", "#2", "list 1", "item 4": numbers that name, not measure. */
const naming = /(?:\bNos?\.?|\bnumbers?|\bitems?|\bsteps?|\bversion|\bv|#)\s*$/i;

/** The figures typed in a text, with years, dates, naming numbers, times, ranges and money left out. */
export function figuresIn(text: string): TypedFigure[] {
  const found: TypedFigure[] = [];
  for (const match of text.matchAll(number)) {
    const [whole, digits, fraction, percent, scale] = match;
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + whole.length);
    const plain = digits.replace(/,/g, '');
    const year =
      !fraction && !percent && !scale && /^\d{4}$/.test(digits) && Number(plain) >= 1800 && Number(plain) <= 2100;
    if (year || dateBefore.test(before) || dateAfter.test(after) || naming.test(before)) continue;
    found.push({
      text: whole,
      index: match.index,
      written: Number(`${plain}.${fraction ?? '0'}`),
      decimals: fraction?.length ?? 0,
      scale: scale ? scales[scale] : 1,
      percent: Boolean(percent),
    });
  }
  return found;
}

/** A numeric cell of a dataset a figure may be: its row, field and whether the field is written in percent. */
interface Cell {
  dataset: Dataset;
  row: Row;
  field: string;
  value: number;
  percent: boolean;
}

const metaFields = new Set([
  'note',
  'source',
  'revised',
  'label',
  'low',
  'high',
  'estimate',
  'secondary',
  'projection',
  'qualifier',
]);

/** The numeric cells of a dataset, without years and the fixed fields. */
export function cellsOf(dataset: Dataset): Cell[] {
  const fields = [...new Set(dataset.rows.flatMap((row) => Object.keys(row)))].filter((f) => !metaFields.has(f));
  const formats = new Map(fields.map((field) => [field, formatFor(field, undefined, {}, dataset.rows)]));
  return dataset.rows.flatMap((row) =>
    fields.flatMap((field) => {
      const value = row[field];
      const format = formats.get(field);
      return typeof value === 'number' && format !== 'year' && format !== 'date'
        ? [{ dataset, row, field, value, percent: format === 'percent' }]
        : [];
    }),
  );
}

/** True when the cell, rounded as the figure is written, is the figure. */
const equals = (figure: TypedFigure, cell: Cell) =>
  figure.percent === cell.percent &&
  Number((cell.value / figure.scale).toFixed(figure.decimals)) === figure.written &&
  (figure.decimals > 0 || figure.scale > 1 || cell.value === figure.written);

/** The fewest fields (places and other text first, then year, then edition) that pick the row out of its dataset. */
export function whereOf(dataset: Dataset, row: Row, field: string): string {
  const keys = Object.keys(row).filter(
    (k) =>
      k !== field && !metaFields.has(k) && (typeof row[k] === 'string' || (k === 'year' && typeof row[k] === 'number')),
  );
  // The place (the row's first text), then the year, the edition, other texts.
  const place = keys.find((k) => typeof row[k] === 'string' && k !== 'edition');
  const rank = (k: string) => (k === place ? 0 : k === 'year' ? 1 : k === 'edition' ? 2 : 3);
  keys.sort((a, b) => rank(a) - rank(b));
  const all: string[][] = [
    ...keys.map((k) => [k]),
    ...keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b])),
    ...keys.flatMap((a, i) => keys.slice(i + 1).flatMap((b, j) => keys.slice(i + j + 2).map((c) => [a, b, c]))),
  ];
  // Named by its place where that can be: "country=Russia; edition=MCS 2024" rather than "edition=MCS 2024".
  const sets = [
    ...all.filter((set) => place && set.includes(place)),
    ...all.filter((set) => !place || !set.includes(place)),
  ];
  // Of editions of one figure, the latest needs no edition: `:value` prints it, and follows the next edition.
  const selects = (set: string[]) => {
    const found = dataset.rows.filter((r) => set.every((k) => r[k] === row[k]));
    const rows = set.includes('edition') || set.includes('source') ? found : latestEditions(found, dataset);
    return rows.length === 1 && rows[0] === row;
  };
  const unique = sets.find(selects) ?? keys;
  return unique.map((k) => `${k}=${row[k]}`).join('; ');
}

const yearIn = /\b(1[89]\d\d|20\d\d|2100)\b/g;

/**
 * Whether a cell fits the sentence a figure is typed in: a row of a year is the figure only where the sentence names
 * that year, or names none ("Malaysia, with 13%"), so that 120,000 t "in 2024" is not China's 120,000 t of 2018.
 */
function fits(cell: Cell, sentence: string): boolean {
  const year = cell.row.year;
  if (typeof year !== 'number' && typeof year !== 'string') return true;
  const years: string[] = sentence.match(yearIn) ?? [];
  return years.length === 0 || years.includes(String(year));
}

/** True when the figure sits inside quotation marks: someone else's words ("approximately 80%"), not ours. */
function quoted(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return straight || before.lastIndexOf('\u201c') > before.lastIndexOf('\u201d');
}

/** The sentence of a text around a position, and the position in it. */
export function sentenceAt(text: string, at: number): { sentence: string; at: number } {
  const ends = [...text.matchAll(/[.!?](?=\s+["\u201c(]?[A-Z0-9:])/g)].map((m) => m.index + 1);
  const start = Math.max(0, ...ends.filter((end) => end <= at));
  const end = Math.min(text.length, ...ends.filter((e) => e > at));
  return { sentence: text.slice(start, end), at: at - start };
}

/** The warning for a figure, typed at `at` in `text`, that a dataset holds: where, and the directive to paste instead. */
function warning(figure: TypedFigure, cells: Cell[], text: string, at: number): string | undefined {
  const { sentence, at: inSentence } = sentenceAt(text, at);
  if (quoted(sentence, inSentence)) return undefined;
  const matches = cells.filter((cell) => equals(figure, cell) && fits(cell, sentence));
  if (!matches.length) return undefined;
  const [first, ...others] = matches;
  const where = whereOf(first.dataset, first.row, first.field);
  const named = (cell: Cell) => whereOf(cell.dataset, cell.row, cell.field).replace(/\w+=/g, '').replace(/;/g, ',');
  const also = others.length
    ? `; also ${others
        .slice(0, 2)
        .map((c) => `${named(c)}${c.dataset === first.dataset ? '' : ` in ${c.dataset.file}`}`)
        .join(' and ')}${others.length > 2 ? ` and ${others.length - 2} more` : ''}`
    : '';
  const scale = figure.scale > 1 ? ` scale="${Object.keys(scales).find((k) => scales[k] === figure.scale)}"` : '';
  return `${figure.text.trim()} matches ${first.dataset.file} (${named(first)}, ${first.field}${also}): write :value{dataset="${first.dataset.id}" field="${first.field}" where="${where}"${scale}} so that it follows the data`;
}

/**
 * The prose of an article: its text nodes with their offsets and the block (paragraph, heading, cell) they are in,
 * leaving out claims' words, checked `:view`s' words (both checked against the data already), code and `:value`s.
 */
function proseOf(markdown: string): { value: string; offset: number; block: string; blockOffset: number }[] {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown) as Root;
  const texts: { value: string; offset: number; block: string; blockOffset: number }[] = [];
  const walk = (node: Nodes, block: { text: string; offset: number }) => {
    if (node.type === 'textDirective' && (node.name !== 'view' || node.attributes?.states)) return;
    if (node.type === 'leafDirective' || node.type === 'containerDirective') return;
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    // The text as written (escapes and entities aside), so that offsets are the file's.
    if (node.type === 'text')
      texts.push({
        value: markdown.slice(start.offset, end.offset),
        offset: start.offset,
        block: block.text,
        blockOffset: block.offset,
      });
    const inner = ['paragraph', 'heading', 'tableCell'].includes(node.type)
      ? { text: markdown.slice(start.offset, end.offset), offset: start.offset }
      : block;
    if ('children' in node) node.children.forEach((child) => walk(child as Nodes, inner));
  };
  walk(tree, { text: markdown, offset: 0 });
  return texts;
}

/** An article's body as the loader read it. */
export interface ProseToCheck {
  file: string;
  /** The Markdown body, and the file line it starts on. */
  markdown: string;
  bodyStartLine: number;
  body: RenderedMarkdown;
  /** The charts on its page: placed, and their tabs. */
  charts: string[];
}

/** Warns about each figure typed in an article's prose that a dataset it uses (its charts', claims', `:value`s') holds. */
export function checkTypedProse(
  prose: ProseToCheck,
  charts: ReadonlyMap<string, ChartSpec>,
  datasets: ReadonlyMap<string, Dataset>,
  problems: Problem[],
) {
  const ids = new Set([
    ...[...prose.charts, ...prose.body.claims.flatMap((c) => c.chart ?? [])].flatMap(
      (id) => charts.get(id)?.dataset ?? [],
    ),
    ...prose.body.values.map((v) => v.attributes.dataset),
    ...prose.body.claims.flatMap((c) => c.dataset ?? []),
  ]);
  const cells = [...ids].flatMap((id) => (datasets.has(id) ? cellsOf(datasets.get(id)!) : []));
  if (!cells.length) return;
  for (const text of proseOf(prose.markdown)) {
    for (const figure of figuresIn(text.value)) {
      const message = warning(figure, cells, text.block, text.offset - text.blockOffset + figure.index);
      if (!message) continue;
      const at = lineAndColumn(prose.markdown, text.offset + figure.index);
      problems.push({
        file: prose.file,
        field: 'body',
        message,
        severity: 'warning',
        line: at.line + prose.bodyStartLine - 1,
        column: at.column,
      });
    }
  }
}

/** Warns about each figure typed in a chart's title, subtitles and annotations that its dataset holds; returns the chart. */
export function checkTypedChart(chart: ChartSpec, dataset: Dataset | undefined, report: Report): ChartSpec {
  if (!dataset) return chart;
  const cells = cellsOf(dataset);
  const texts: [(string | number)[], string | undefined][] = [
    [['title'], chart.title],
    [['subtitle'], chart.subtitle],
    ...(chart.views ?? []).map((view, i): [(string | number)[], string | undefined] => [
      ['views', i, 'subtitle'],
      view.subtitle,
    ]),
    ...(chart.annotations ?? []).map((note, i): [(string | number)[], string | undefined] => [
      ['annotations', i, 'text'],
      note.text,
    ]),
  ];
  for (const [field, text] of texts) {
    const written = (text ?? '').replace(/:value\{[^}]*\}/g, (directive) => ' '.repeat(directive.length));
    for (const figure of figuresIn(written)) {
      const message = warning(figure, cells, written, figure.index);
      if (message) report(chart.file, field, message, 'warning');
    }
  }
  return chart;
}
