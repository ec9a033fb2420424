// Rows read from a spreadsheet, merged into a dataset file: which rows were added, removed and revised, the change
// note that says so, and the file's new text. Only the rows (and the change list) are rewritten, in the style the file
// already has, so that the title, sources and notes stay byte for byte as they were, and an import of the same rows
// leaves the file untouched.
import { parseTree, findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { EMPTY, reservedFields, type Cell, type JsonRow, type SheetRow } from './spreadsheet.ts';
import { plural } from '../util/words.ts';

export interface RowChanges {
  rows: JsonRow[];
  added: JsonRow[];
  removed: JsonRow[];
  /** Figures (numbers) that changed in rows kept: field, old and new value. */
  revised: { row: JsonRow; field: string; from: Cell; to: Cell }[];
  /** Other cells that changed in rows kept (text, flags, a field added or dropped). */
  edited: { row: JsonRow; field: string }[];
  /** True when the rows are the same ones in another order. */
  reordered: boolean;
}

const present = (value: unknown) => value !== null && value !== undefined && value !== EMPTY;
/** The same value: a cell, or a list a row holds (an instrument's commitments), compared by what it holds. */
const sameValue = (a: unknown, b: unknown) =>
  a === b ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    JSON.stringify(a) === JSON.stringify(b));

/** The same row, whatever the order of its fields, and whether a value it lacks is null or left out. */
function sameRow(a: JsonRow | SheetRow, b: JsonRow | SheetRow): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields].every((f) => (present(a[f]) || present(b[f]) ? sameValue(a[f], b[f]) : true));
}

/** The fields that tell rows apart: `id` when every row has one, else the text fields and the year or date. */
function keyFields(rows: readonly (JsonRow | SheetRow)[]): string[] {
  if (rows.every((r) => present(r.id))) return ['id'];
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((f) => !reservedFields.includes(f));
  return fields.filter((f) => /year|date/i.test(f) || rows.every((r) => !present(r[f]) || typeof r[f] !== 'number'));
}

/** "year 2024, country China": how a row is named in a change note. */
export function rowLabel(row: JsonRow, fields: readonly string[]): string {
  return (
    fields
      .filter((f) => present(row[f]))
      .map((f) => (f === 'id' ? String(row[f]) : `${f} ${row[f]}`))
      .join(', ') || 'a row'
  );
}

/**
 * The rows to write: an unchanged row is the published row itself (its field order, its nulls); a row whose
 * key (id, or text and year fields) matches one published is that row revised; the rest are added or removed.
 */
export function mergeRows(
  published: readonly JsonRow[],
  imported: readonly SheetRow[],
): RowChanges & { key: string[] } {
  const used = new Set<number>();
  const result: (JsonRow | undefined)[] = imported.map((row) => {
    const i = published.findIndex((old, j) => !used.has(j) && sameRow(old, row));
    if (i < 0) return undefined;
    used.add(i);
    return published[i];
  });
  const key = keyFields([...published, ...imported]);
  const keyOf = (row: JsonRow | SheetRow) => JSON.stringify(key.map((f) => (present(row[f]) ? row[f] : null)));
  const changes: RowChanges = { rows: [], added: [], removed: [], revised: [], edited: [], reordered: false };
  imported.forEach((row, n) => {
    if (result[n]) return;
    const i = published.findIndex((old, j) => !used.has(j) && keyOf(old) === keyOf(row));
    const old = i >= 0 ? published[i] : undefined;
    if (old) used.add(i);
    // A revised row keeps its fields' order, and leaves out what it left out; a new row has null where a cell is empty.
    const fields = [
      ...(old ? Object.keys(old).filter((f) => f in row) : []),
      ...Object.keys(row).filter((f) => !old || !(f in old)),
    ];
    const next: JsonRow = {};
    for (const f of fields) {
      const value = row[f];
      if (value !== EMPTY) next[f] = value as Cell;
      else if (!reservedFields.includes(f) && (!old || f in old)) next[f] = null;
    }
    result[n] = next;
    if (!old) return void changes.added.push(next);
    for (const f of new Set([...Object.keys(old), ...Object.keys(next)])) {
      if (sameValue(old[f], next[f]) || (!present(old[f]) && !present(next[f]))) continue;
      if (typeof old[f] === 'number' || typeof next[f] === 'number')
        changes.revised.push({ row: next, field: f, from: old[f] ?? null, to: next[f] ?? null });
      else changes.edited.push({ row: next, field: f });
    }
  });
  changes.removed = published.filter((_, j) => !used.has(j));
  changes.rows = result as JsonRow[];
  const unchanged =
    !changes.added.length && !changes.removed.length && !changes.revised.length && !changes.edited.length;
  changes.reordered = unchanged && changes.rows.some((row, i) => row !== published[i]);
  return { ...changes, key };
}

/** The change note an import adds, or undefined when nothing changed. */
export function changeText(changes: RowChanges & { key: string[] }, file: string): string | undefined {
  const list = <T>(items: T[], say: (item: T) => string) => {
    const shown = items.slice(0, 3).map(say).join('; ');
    return items.length > 3 ? `${shown}; and ${items.length - 3} more` : shown;
  };
  const label = (row: JsonRow) => rowLabel(row, changes.key);
  const parts: string[] = [];
  if (changes.added.length) parts.push(`${plural(changes.added.length, 'row')} added (${list(changes.added, label)})`);
  if (changes.removed.length)
    parts.push(`${plural(changes.removed.length, 'row')} removed (${list(changes.removed, label)})`);
  if (changes.revised.length)
    parts.push(
      `${plural(changes.revised.length, 'figure')} revised (${list(changes.revised, (r) => `${r.field}, ${label(r.row)}: ${r.from ?? 'none'} to ${r.to ?? 'none'}`)})`,
    );
  if (changes.edited.length)
    parts.push(
      `${plural(changes.edited.length, 'other cell')} changed (${list(changes.edited, (e) => `${e.field}, ${label(e.row)}`)})`,
    );
  if (changes.reordered) parts.push('rows reordered');
  return parts.length ? `Imported from ${file}: ${parts.join('; ')}.` : undefined;
}

// Writing the file in its own style: rows one per line (`{ "year": 2024, ... }`) or one field per line.
function renderItem(item: object, inline: boolean, indent: string): string {
  if (!inline) return indent + JSON.stringify(item, null, 2).replace(/\n/g, `\n${indent}`);
  const entries = Object.entries(item);
  return (
    indent +
    (entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }` : '{}')
  );
}

/** How a JSON array in the file lays out its items: one per line or spread over lines, and how far indented. */
function arrayStyle(text: string, node: JsonNode | undefined, fallbackInline: boolean) {
  const first = node?.children?.[0];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const keyIndent = node?.parent ? text.slice(lineStart(node.parent.offset), node.parent.offset) : '  ';
  if (!first) return { inline: fallbackInline, indent: `${keyIndent}  `, keyIndent };
  return {
    inline: !text.slice(first.offset, first.offset + first.length).includes('\n'),
    indent: text.slice(lineStart(first.offset), first.offset),
    keyIndent,
  };
}

function renderArray(items: object[], style: { inline: boolean; indent: string; keyIndent: string }): string {
  return items.length
    ? `[\n${items.map((item) => renderItem(item, style.inline, style.indent)).join(',\n')}\n${style.keyIndent}]`
    : '[]';
}

/** The dataset file's text with new rows and, when given, a change note added at the end of `changes`. */
export function rewriteDataset(text: string, rows: JsonRow[], change?: { date: string; text: string }): string {
  const tree = parseTree(text);
  const rowsNode = tree && findNodeAtLocation(tree, ['rows']);
  if (!tree || !rowsNode) throw new Error('the dataset file has no "rows" list');
  const rowStyle = arrayStyle(text, rowsNode, false);
  const edits: { offset: number; length: number; text: string }[] = [
    { offset: rowsNode.offset, length: rowsNode.length, text: renderArray(rows, rowStyle) },
  ];
  if (change) {
    const changesNode = findNodeAtLocation(tree, ['changes']);
    if (changesNode?.type === 'array' && changesNode.children?.length) {
      const style = arrayStyle(text, changesNode, rowStyle.inline);
      const last = changesNode.children[changesNode.children.length - 1];
      edits.push({
        offset: last.offset + last.length,
        length: 0,
        text: `,\n${renderItem(change, style.inline, style.indent)}`,
      });
    } else if (changesNode) {
      edits.push({
        offset: changesNode.offset,
        length: changesNode.length,
        text: renderArray([change], arrayStyle(text, changesNode, rowStyle.inline)),
      });
    } else {
      // A new "changes" list goes just before "rows", in the rows' style.
      const property = rowsNode.parent!;
      const style = { ...rowStyle, keyIndent: rowStyle.keyIndent };
      edits.push({
        offset: property.offset,
        length: 0,
        text: `"changes": ${renderArray([change], style)},\n${rowStyle.keyIndent}`,
      });
    }
  }
  return edits
    .sort((a, b) => b.offset - a.offset)
    .reduce((out, e) => out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length), text);
}
