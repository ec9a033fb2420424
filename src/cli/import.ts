// `npm run import -- <file.csv|file.tsv> --dataset <id> [--source <source-id>]`: the rows of data/<id>.json from a
// spreadsheet file; with --source, the rows of one source's edition, beside the other editions (io/edition-import.ts).
// Creates the dataset (with starter metadata to fill in) or updates its rows, keeping its title, sources and notes,
// and adds a dated change note saying which rows were added, removed and revised. Stops, naming the row and column,
// on anything it could read two ways; writes nothing then.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changeText, mergeRows, rewriteDataset } from '../io/dataset-file.ts';
import { editionRevisions, revisionLine, withEdition, withSourceBlock } from '../io/edition-import.ts';
import { fieldKinds, readSheet, SheetError, sheetValues, type JsonRow } from '../io/spreadsheet.ts';
import { starterDatasetHead, starterMark } from '../model/drafts.ts';
import { loadSite } from '../model/load.ts';
import { contentDirs } from '../model/read-files.ts';
import { formatProblem, sortProblems } from '../model/problems.ts';
import { idSchema, type Row, type Source } from '../schemas/index.ts';
import { fail, readArguments } from './arguments.ts';
import { isoDatePattern } from '../util/dates.ts';
import { today } from '../util/today.ts';

const usage = `Usage:
  npm run import -- <file.csv|file.tsv> --dataset <id> [--source <source-id>] [--decimal point|comma] [--date YYYY-MM-DD]

Reads the rows of data/<id>.json from a spreadsheet saved as CSV or TSV: row 1 names the fields (year, country,
tonnes, estimate, source, ...), each further row is one row of figures. --decimal says which decimal mark the
numbers use when the file alone does not tell; --date dates the change note (default: today). --source imports the
sheet as that source's edition: its rows go beside the other sources' rows (an edition's rows imported before are
updated), the source is added to the dataset's sources to fill in if it is not there, and the import reports which
figures the new edition revises.`;

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
  const { values, positionals } = readArguments(usage, ['dataset', 'decimal', 'date', 'source']);
  if (positionals.length !== 1) fail(`Name one spreadsheet file (CSV or TSV).\n\n${usage}`, 2);
  const id = values.dataset;
  if (!id) fail(`Name the dataset to write with --dataset <id>, e.g. --dataset mine-production.\n\n${usage}`, 2);
  if (!idSchema.safeParse(id).success)
    fail(`"${id}" cannot be a dataset id: use lower-case letters, digits and hyphens only. Nothing was written.`, 2);
  const decimal = values.decimal;
  if (decimal !== undefined && decimal !== 'point' && decimal !== 'comma')
    fail(`--decimal is "point" or "comma", not "${decimal}".`, 2);
  const date = values.date ?? today();
  if (!isoDatePattern.test(date)) fail(`--date is a day as YYYY-MM-DD, e.g. 2026-03-01, not "${date}".`, 2);
  const edition = values.source;
  if (edition !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(edition))
    fail(
      `--source is the id of a source, e.g. --source mcs2026 (letters, digits, "-", "_", "."), not "${edition}".`,
      2,
    );
  return { sheetFile: positionals[0], id, decimal: decimal as 'point' | 'comma' | undefined, date, edition };
}

const { sheetFile, id, decimal, date, edition } = options();
if (!/\.(csv|tsv)$/i.test(sheetFile))
  fail(`${sheetFile}: save the sheet as CSV (.csv) or tab-separated text (.tsv) first; nothing was written.`, 2);
if (!existsSync(sheetFile)) fail(`${sheetFile}: no such file. Nothing was written.`);
const datasetFile = `${contentDirs.data}/${id}.json`;
const datasetPath = path.join(root, datasetFile);
const oldText = existsSync(datasetPath) ? readFileSync(datasetPath, 'utf8') : undefined;
let old: { rows?: JsonRow[]; sources?: { id?: string; [field: string]: unknown }[] } | undefined;
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
let text0 = oldText;
if (edition !== undefined && old) {
  const clash = withEdition(published, reading.rows, edition).others;
  if (clash.length)
    fail(
      `${sheetFile}: ${rowList(clash.map((i) => sheet.rows[i].row))} name another source than --source ${edition}: leave their source cells empty, or correct them. Nothing was written.`,
    );
  // The edition's source, to fill in, when the dataset does not list it yet.
  if (!(old.sources ?? []).some((s) => s.id === edition)) {
    const editions = new Set(reading.rows.map((r) => r.edition));
    const [first] = editions;
    const block = {
      id: edition,
      name: fill('publisher and document, e.g. "USGS Mineral Commodity Summaries 2026: Rare Earths"'),
      url: `https://example.org/${fill('the address of the document')}`,
      edition:
        editions.size === 1 && typeof first === 'string' ? first : fill('the edition, e.g. "MCS 2026 (February 2026)"'),
      retrieved: date,
      kind: 'primary',
    };
    text0 = withSourceBlock(oldText!, block);
    old.sources = [...(old.sources ?? []), block];
    console.log(
      `Added the source "${edition}" to ${datasetFile}: fill in its name, url and edition (each ${starterMark}), and give it "published" (YYYY-MM-DD or YYYY-MM) and "nextExpected", so that charts draw the latest edition.`,
    );
  }
}

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
  const changes =
    edition !== undefined ? withEdition(published, reading.rows, edition) : mergeRows(published, reading.rows);
  const note = changeText(changes, path.basename(sheetFile));
  const text =
    note && edition !== undefined
      ? note.replace(/^Imported from (\S+):/, `Imported from $1 as the edition of "${edition}":`)
      : note;
  if (!text && text0 === oldText) {
    console.log(`${datasetFile} already holds these ${published.length} rows: nothing to change.`);
    process.exit(0);
  }
  writeFileSync(datasetPath, rewriteDataset(text0!, changes.rows, text ? { date, text } : undefined));
  console.log(`Updated ${datasetFile}. Its change note (${date}): ${text ?? 'none (the rows are unchanged)'}`);
  if (edition !== undefined) {
    const revised = editionRevisions(changes.rows as Row[], (old?.sources ?? []) as Source[], edition);
    console.log(
      revised.length
        ? `The edition "${edition}" revises ${revised.length} figure${revised.length === 1 ? '' : 's'} of earlier editions:\n${revised.map((r) => `  ${revisionLine(r)}`).join('\n')}`
        : `The edition "${edition}" revises no figure of earlier editions.`,
    );
  }
}

// What `npm run check` says of the new file, with each row's place in the sheet.
const found = sortProblems(loadSite(root, { includeDrafts: true }).problems.filter((p) => p.file === datasetFile));
const inSheet = (message: string) =>
  message.replace(/rows\[(\d+)\]/g, (whole, i) =>
    sheet.rows[Number(i)] ? `${whole} (sheet row ${sheet.rows[Number(i)].row})` : whole,
  );
for (const problem of found) console.log(inSheet(formatProblem(problem)));
if (found.some((p) => p.severity === 'error')) process.exit(1);
