// A chart's tables (one per view) compared row by row for the review. Rows are matched by their key, the cells of
// the row's text and year or date columns (not the numbers, nor the flags, edition and note), so a new ranking reads
// as figures that changed and rows in a new order, never as names that changed.

/** One table as a chart page shows it: its view, its column heads, which columns make a row's key, its rows. */
export interface PageTable {
  view: string;
  columns: string[];
  key: number[];
  rows: string[][];
}

export interface TableChange {
  /** Cells that differ in rows found on both sides, by row key and column head. */
  cells: { view: string; row: string; column: string; before: string; after: string }[];
  added: { view: string; row: string[] }[];
  removed: { view: string; row: string[] }[];
  /** Column heads of each side (for the rows added and removed). */
  columns: { before: string[]; after: string[] };
  /** The same rows in another order. */
  reordered: boolean;
}

/** The columns the data table (components/DataTable.astro) adds after the figures: a row's flags and notes. */
const aboutTheRow = new Set(['Flags', 'Edition', 'Earlier edition', 'Note']);
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The tables of a chart page's figure: one per view (`.chart-table-view`), else every table. */
export function pageTables(figure: Element | null | undefined): PageTable[] {
  if (!figure) return [];
  return [...figure.querySelectorAll('table')].map((table) => {
    const heads = [...table.querySelectorAll('thead th')];
    const columns = heads.map((th) => clean(th.textContent));
    // Numbers (class "num") and what is said about a row are not its key; a year or a date is.
    const key = heads.flatMap((th, i) => (th.classList.contains('num') || aboutTheRow.has(columns[i]) ? [] : [i]));
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td, th')].map((cell) => clean(cell.textContent)));
    return { view: table.closest('[data-view]')?.getAttribute('data-view') ?? '', columns, key, rows };
  });
}

/** Each row by its key ("2024, Australia"); a key seen twice gets its count ("2024, Australia (2)"). */
function keyed(table: PageTable): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const row of table.rows) {
    const base = (table.key.length ? table.key.map((i) => row[i]) : row).filter(Boolean).join(', ') || '(empty row)';
    let name = base;
    for (let n = 2; rows.has(name); n++) name = `${base} (${n})`;
    rows.set(name, row);
  }
  return rows;
}

/** The rows of the tables before and after, matched by key; undefined when no row changed. */
export function compareTables(before: PageTable[], after: PageTable[]): TableChange | undefined {
  const change: TableChange = { cells: [], added: [], removed: [], columns: { before: before[0]?.columns ?? [], after: after[0]?.columns ?? [] }, reordered: false };
  const views = [...new Set([...before, ...after].map((t) => t.view))];
  for (const view of views) {
    const b = before.find((t) => t.view === view) ?? { view, columns: [], key: [], rows: [] };
    const a = after.find((t) => t.view === view) ?? { view, columns: [], key: [], rows: [] };
    // Both sides keyed by the head's key columns when the tables have the same heads, else each by its own.
    const sameHeads = JSON.stringify(a.columns) === JSON.stringify(b.columns);
    const bRows = keyed(sameHeads ? { ...b, key: a.key } : b);
    const aRows = keyed(a);
    const columns = [...new Set([...a.columns, ...b.columns])];
    for (const [row, cells] of aRows) {
      const old = bRows.get(row);
      if (!old) {
        change.added.push({ view, row: cells });
        continue;
      }
      for (const column of columns) {
        const was = old[b.columns.indexOf(column)] ?? '';
        const is = cells[a.columns.indexOf(column)] ?? '';
        if (was !== is) change.cells.push({ view, row, column, before: was, after: is });
      }
    }
    for (const [row, cells] of bRows) if (!aRows.has(row)) change.removed.push({ view, row: cells });
    const common = (rows: Map<string, string[]>, other: Map<string, string[]>) => [...rows.keys()].filter((k) => other.has(k));
    if (JSON.stringify(common(bRows, aRows)) !== JSON.stringify(common(aRows, bRows))) change.reordered = true;
  }
  return change.cells.length || change.added.length || change.removed.length || change.reordered ? change : undefined;
}
