// `npm run import -- <file.csv|file.tsv> --dataset <id>`: the rows of data/<id>.json from a spreadsheet file.
// Creates the dataset (with starter metadata to fill in) or updates its rows, keeping its title, sources and notes,
// and adds a dated change note saying which rows were added, removed and revised. Stops, naming the row and column,
// on anything it could read two ways; writes nothing then.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changeText, mergeRows, rewriteDataset } from '../io/dataset-file.ts';
import { fieldKinds, readSheet, SheetError, sheetValues, type JsonRow } from '../io/spreadsheet.ts';
import { starterDatasetHead, starterMark } from '../model/drafts.ts';
import { loadSite } from '../model/load.ts';
import { contentDirs } from '../model/read-files.ts';
import { formatProblem, sortProblems } from '../model/problems.ts';
import { idSchema } from '../schemas/index.ts';
import { fail, readArguments } from './arguments.ts';
import { isoDate, isoDatePattern } from '../util/dates.ts';

const usage = `Usage:
  npm run import -- <file.csv|file.tsv> --dataset <id> [--decimal point|comma] [--date YYYY-MM-DD]

Reads the rows of data/<id>.json from a spreadsheet saved as CSV or TSV: row 1 names the fields (year, country,
tonnes, estimate, source, ...), each further row is one row of figures. --decimal says which decimal mark the
numbers use when the file alone does not tell; --date dates the change note (default: today).`;

const root = process.env.CONTENT_ROOT ?? process.cwd();
const fill = (what: string) => `${starterMark}: ${what}`;

/** Sheet rows as a reader counts them: "row 4", "rows 3-5 and 9". */
function rowList(rows: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j > i ? `${rows[i]}-${rows[j]}` : `${rows[i]}`);
    i = j + 1;
  }
  return `${rows.length === 1 ? 'row' : 'rows'} ${runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : runs[0]}`;
}

function options() {
  const { values, positionals } = readArguments(usage, ['dataset', 'decimal', 'date']);
  if (positionals.length !== 1) fail(`Name one spreadsheet file (CSV or TSV).\n\n${usage}`, 2);
  const id = values.dataset;
  if (!id) fail(`Name the dataset to write with --dataset <id>, e.g. --dataset mine-production.\n\n${usage}`, 2);
  if (!idSchema.safeParse(id).success)
    fail(`"${id}" cannot be a dataset id: use lower-case letters, digits and hyphens only. Nothing was written.`, 2);
  const decimal = values.decimal;
  if (decimal !== undefined && decimal !== 'point' && decimal !== 'comma')
    fail(`--decimal is "point" or "comma", not "${decimal}".`, 2);
  const date = values.date ?? isoDate(new Date());
  if (!isoDatePattern.test(date)) fail(`--date is a day as YYYY-MM-DD, e.g. 2026-03-01, not "${date}".`, 2);
  return { sheetFile: positionals[0], id, decimal: decimal as 'point' | 'comma' | undefined, date };
}

const { sheetFile, id, decimal, date } = options();
if (!/\.(csv|tsv)$/i.test(sheetFile))
  fail(`${sheetFile}: save the sheet as CSV (.csv) or tab-separated text (.tsv) first; nothing was written.`, 2);
if (!existsSync(sheetFile)) fail(`${sheetFile}: no such file. Nothing was written.`);
const datasetFile = `${contentDirs.data}/${id}.json`;
const datasetPath = path.join(root, datasetFile);
const oldText = existsSync(datasetPath) ? readFileSync(datasetPath, 'utf8') : undefined;
let old: { rows?: JsonRow[]; sources?: { id?: string }[] } | undefined;
try {
  old = oldText === undefined ? undefined : JSON.parse(oldText.replace(/^\uFEFF/, ''));
} catch {
  fail(
    `${datasetFile} is not valid JSON, so its rows cannot be updated: fix it first (npm run check says where). Nothing was written.`,
  );
}
const published = Array.isArray(old?.rows) ? old.rows : [];

let sheet: ReturnType<typeof readSheet>;
let reading: ReturnType<typeof sheetValues>;
try {
  sheet = readSheet(readFileSync(sheetFile, 'utf8'), sheetFile);
  reading = sheetValues(sheet, fieldKinds(published), decimal);
} catch (error) {
  if (!(error instanceof SheetError)) throw error;
  fail(`${error.problems.map(formatProblem).join('\n')}\n\nNothing was written to ${datasetFile}.`);
}
if (!reading.rows.length) fail(`${sheetFile} has no rows below its header. Nothing was written.`);

// Every source a row names must be one of the dataset's (a new dataset gets a source to fill in for each). An
// unknown one is most often a new edition's: one message per source, listing its rows, with the source to paste.
const sourceIds = new Set((old?.sources ?? []).flatMap((s) => (s.id ? [s.id] : [])));
if (old) {
  const column = sheet.columns.indexOf('source');
  const unknown = Map.groupBy(
    reading.rows.flatMap((row, i) =>
      typeof row.source === 'string' && !sourceIds.has(row.source)
        ? [{ row: sheet.rows[i].row, source: row.source, edition: row.edition }]
        : [],
    ),
    (u) => u.source,
  );
  if (unknown.size) {
    const lines = [...unknown].map(
      ([source, rows]) =>
        `${sheetFile}:${rows[0].row}:${column + 1}  source  ${rowList(rows.map((r) => r.row))}: no source "${source}" in ${datasetFile}; its sources are ${[...sourceIds].join(', ') || 'none yet'}`,
    );
    const blocks = [...unknown].map(([source, rows]) => {
      const editions = new Set(rows.map((r) => r.edition));
      const edition =
        editions.size === 1 && typeof rows[0].edition === 'string'
          ? rows[0].edition
          : fill('the edition, e.g. "MCS 2026 (January 2026)"');
      return {
        id: source,
        name: fill('publisher and document, e.g. "USGS Mineral Commodity Summaries 2026: Rare Earths"'),
        url: `https://example.org/${fill('the address of the document')}`,
        edition,
        retrieved: date,
        kind: 'primary',
      };
    });
    const them = blocks.length === 1 ? 'it' : 'them';
    fail(
      `${lines.join('\n')}\n\nAdd ${them} to "sources" in ${datasetFile} (then fill in each ${starterMark}), or correct the cells if the id is mistyped:\n\n` +
        `${blocks.map((block) => JSON.stringify(block, null, 2)).join(',\n')}\n\nNothing was written.`,
    );
  }
}

for (const note of reading.notes) console.log(note);
if (oldText === undefined) {
  const rows = mergeRows([], reading.rows).rows;
  const named = [...new Set(rows.flatMap((r) => (typeof r.source === 'string' ? [r.source] : [])))];
  const dataset = { ...starterDatasetHead(named.length ? named : ['source-1'], date), rows };
  mkdirSync(path.dirname(datasetPath), { recursive: true });
  writeFileSync(datasetPath, `${JSON.stringify(dataset, null, 2)}\n`);
  console.log(
    `Wrote ${datasetFile}: ${rows.length} rows from ${sheetFile}. Fill in its title and sources (each ${starterMark}; npm run check lists them).`,
  );
} else {
  const changes = mergeRows(published, reading.rows);
  const text = changeText(changes, path.basename(sheetFile));
  if (!text) {
    console.log(`${datasetFile} already holds these ${published.length} rows: nothing to change.`);
    process.exit(0);
  }
  writeFileSync(datasetPath, rewriteDataset(oldText, changes.rows, { date, text }));
  console.log(`Updated ${datasetFile}. Its change note (${date}): ${text}`);
}

// What `npm run check` says of the new file, with each row's place in the sheet.
const found = sortProblems(loadSite(root, { includeDrafts: true }).problems.filter((p) => p.file === datasetFile));
const inSheet = (message: string) =>
  message.replace(/rows\[(\d+)\]/g, (whole, i) =>
    sheet.rows[Number(i)] ? `${whole} (sheet row ${sheet.rows[Number(i)].row})` : whole,
  );
for (const problem of found) console.log(inSheet(formatProblem(problem)));
if (found.some((p) => p.severity === 'error')) process.exit(1);
