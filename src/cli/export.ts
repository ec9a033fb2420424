// `npm run export -- <id> [--out <file.csv|file.tsv>]`: the rows of data/<id>.json as a spreadsheet file, to edit
// in Excel, LibreOffice or Google Sheets and bring back with `npm run import`. Export then import changes nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sheetText, type JsonRow } from '../io/spreadsheet.ts';
import { contentDirs } from '../model/read-files.ts';
import { didYouMean } from '../util/suggest.ts';
import { fail, readArguments } from './arguments.ts';

const usage = `Usage:
  npm run export -- <dataset-id> [--out <file.csv|file.tsv>]

Writes the rows of data/<dataset-id>.json as CSV (default: <dataset-id>.csv in the current folder). Edit it in a
spreadsheet, save it as CSV, then: npm run import -- <file.csv> --dataset <dataset-id>`;

const root = process.env.CONTENT_ROOT ?? process.cwd();

const { values, positionals } = readArguments(usage, ['out']);
if (positionals.length !== 1) fail(usage, 2);
const [id] = positionals;
const { out } = values;
const file = `${contentDirs.data}/${id}.json`;
if (!existsSync(path.join(root, file))) {
  const known = existsSync(path.join(root, contentDirs.data))
    ? readdirSync(path.join(root, contentDirs.data))
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.slice(0, -5))
    : [];
  fail(`No dataset "${id}" in data/${didYouMean(id, known)}. Datasets: ${known.join(', ') || 'none'}.`);
}
let rows: JsonRow[];
try {
  rows = JSON.parse(readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/, '')).rows;
} catch {
  fail(`${file} is not valid JSON: fix it first (npm run check says where).`);
}
if (
  !Array.isArray(rows) ||
  rows.some(
    (row) => !row || typeof row !== 'object' || Object.values(row).some((v) => v !== null && typeof v === 'object'),
  )
) {
  fail(`${file}: "rows" should be a list of flat rows; npm run check says what is wrong.`);
}
const target = out ?? `${id}.csv`;
if (!/\.(csv|tsv)$/i.test(target)) fail(`--out names a .csv or .tsv file, not "${target}".`, 2);
writeFileSync(target, sheetText(rows, /\.tsv$/i.test(target) ? 'tsv' : 'csv'));
console.log(
  `Wrote ${target}: ${rows.length} rows of ${file}. After editing it: npm run import -- ${target} --dataset ${id}`,
);
