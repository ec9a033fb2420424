// `npm run export` and `npm run import`: a dataset through a spreadsheet and back, as an editor would take it.
// How a dataset file is rewritten in its own style is tested in test/unit/dataset-file.test.ts.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { projectRoot } from '../support/build.ts';

const fixtures = path.join(projectRoot, 'test/fixtures');
const sheetFixture = path.join(fixtures, 'spreadsheet/australia-mine-production.csv');
const siteSmallData = path.join(fixtures, 'site-small/data/australia-mine-production.json');

/** A temp content root holding the given dataset files under data/. */
function rootWith(...files: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'supply-lines-sheet-'));
  mkdirSync(path.join(root, 'data'));
  for (const file of files) cpSync(file, path.join(root, 'data', path.basename(file)));
  return root;
}

const read = (file: string) => readFileSync(file, 'utf8');
const importSheet = (root: string, sheet: string, id: string, ...args: string[]) =>
  runCli('import', [sheet, '--dataset', id, '--date', '2026-03-01', ...args], { contentRoot: root });

describe('export then import', () => {
  const datasets = [
    ...readdirSync(path.join(fixtures, 'reader/data')).map((name) => path.join(fixtures, 'reader/data', name)),
    siteSmallData,
    ...['fixture-agreements', 'fixture-output', 'fixture-ranges', 'fixture-trade'].map((id) =>
      path.join(fixtures, `contract/data/${id}.json`),
    ),
  ];
  it.each(datasets.map((file) => [path.relative(fixtures, file), file]))(
    'leaves %s byte for byte as it was',
    async (_, file) => {
      const id = path.basename(file, '.json');
      const root = rootWith(file);
      const sheet = path.join(root, `${id}.csv`);
      const exported = await runCli('export', [id, '--out', sheet], { contentRoot: root });
      expect(exported.status, exported.stderr).toBe(0);
      const imported = await importSheet(root, sheet, id);
      expect(imported.status, imported.stderr + imported.stdout).toBe(0);
      expect(imported.stdout).toContain('nothing to change');
      expect(read(path.join(root, 'data', `${id}.json`))).toBe(read(file));
    },
  );

  it('writes what a spreadsheet opens: a BOM, CRLF, a header of fields, true for flags, empty cells for what a row lacks', async () => {
    const root = rootWith(siteSmallData);
    const sheet = path.join(root, 'out.csv');
    await runCli('export', ['australia-mine-production', '--out', sheet], { contentRoot: root });
    const lines = read(sheet).split('\r\n');
    expect(lines[0]).toBe('\uFEFFyear,country,tonnes_reo,edition,secondary,source,estimate,revised,note');
    expect(lines[3]).toBe(
      '2023,Australia,16000,MCS 2025,,mcs2025,true,"MCS 2024 gave 18,000",estimate based on imports',
    );
  });
});

describe('import', () => {
  it('reads a CSV with a BOM, CRLF, thousands separators and an estimate column as the dataset its JSON holds', async () => {
    const bytes = read(sheetFixture);
    expect(
      bytes.startsWith('\uFEFF') && bytes.includes('\r\n') && bytes.includes('"21,000"') && bytes.includes(',TRUE,'),
    ).toBe(true);
    // Over the published JSON: nothing to change.
    const root = rootWith(siteSmallData);
    const over = await importSheet(root, sheetFixture, 'australia-mine-production', '--decimal', 'point');
    expect(over.status, over.stderr).toBe(0);
    expect(over.stdout).toContain(
      '4 numbers with "," separating thousands (e.g. row 2, tonnes_reo: "21,000" read as 21000)',
    );
    expect(read(path.join(root, 'data/australia-mine-production.json'))).toBe(read(siteSmallData));
    // Into an empty project: the same rows, as numbers and true/false.
    const empty = rootWith();
    const fresh = await importSheet(empty, sheetFixture, 'australia-mine-production', '--decimal', 'point');
    expect(fresh.status, fresh.stderr).toBe(0);
    const created = JSON.parse(read(path.join(empty, 'data/australia-mine-production.json')));
    expect(created.rows).toEqual(JSON.parse(read(siteSmallData)).rows);
    expect(created.sources.map((s: { id: string }) => s.id)).toEqual(['mcs2020', 'mcs2023', 'mcs2025']);
    expect(fresh.stdout).toContain('FILL IN');
  });

  it('stops on "21,000" when nothing in the file says whether the comma separates thousands or decimals', async () => {
    const root = rootWith(siteSmallData);
    const result = await importSheet(root, sheetFixture, 'australia-mine-production');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'australia-mine-production.csv:2:3  tonnes_reo  row 2, column C (tonnes_reo): "21,000" could be 21000 (with a comma separating thousands) or 21 (with a decimal comma)',
    );
    expect(result.stderr).toContain('--decimal point or --decimal comma');
    expect(read(path.join(root, 'data/australia-mine-production.json'))).toBe(read(siteSmallData));
  });

  it('keeps the title, sources and notes, and adds a dated change note of rows added, removed and revised', async () => {
    const root = rootWith(siteSmallData);
    const sheet = path.join(root, 'edited.csv');
    const edited = read(sheetFixture)
      .replace('"21,000"', '"21,500"') // a figure revised
      .replace(/2022,Australia.*\r\n/, '') // a row removed
      .concat('2025,Australia,"1,012,000",TRUE,,MCS 2025,mcs2025,,\r\n'); // a row added; its millions say the comma separates thousands
    writeFileSync(sheet, edited);
    const result = await importSheet(root, sheet, 'australia-mine-production');
    expect(result.status, result.stderr).toBe(0);
    const before = JSON.parse(read(siteSmallData));
    const after = JSON.parse(read(path.join(root, 'data/australia-mine-production.json')));
    const { rows: _r, changes, ...metadata } = after;
    const { rows: _b, ...metadataBefore } = before;
    expect(metadata).toEqual(metadataBefore);
    expect(changes).toEqual([
      {
        date: '2026-03-01',
        text: 'Imported from edited.csv: 1 row added (year 2025, country Australia); 1 row removed (year 2022, country Australia); 1 figure revised (tonnes_reo, year 2019, country Australia: 21000 to 21500).',
      },
    ]);
    expect(after.rows.map((r: { year: number; tonnes_reo: number }) => [r.year, r.tonnes_reo])).toEqual([
      [2019, 21500],
      [2023, 16000],
      [2024, 13000],
      [2025, 1012000],
    ]);
    // Rows stay one per line, as the file had them.
    expect(read(path.join(root, 'data/australia-mine-production.json'))).toContain(
      '\n    { "year": 2025, "country": "Australia", "tonnes_reo": 1012000, "estimate": true, "edition": "MCS 2025", "source": "mcs2025" }\n',
    );
  });

  it('reads semicolon-separated sheets with decimal commas, and empty cells of data columns as null', async () => {
    const root = rootWith();
    const sheet = path.join(root, 'prices.csv');
    writeFileSync(sheet, 'year;price;label\r\n2023;"1.234,5";a\r\n2024;12,25;\r\n');
    const result = await importSheet(root, sheet, 'prices');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Columns separated by semicolons');
    expect(result.stdout).toContain('2 numbers with a decimal comma');
    expect(JSON.parse(read(path.join(root, 'data/prices.json'))).rows).toEqual([
      { year: 2023, price: 1234.5, label: 'a' },
      { year: 2024, price: 12.25, label: null },
    ]);
  });

  it('stops, naming the row and column, on mixed decimal marks, text among numbers, a flag that is not true or false and an unknown source', async () => {
    const cases: [string, string][] = [
      [
        'year,v\n2020,"1,234,567"\n2021,"12,5"\n',
        'row 3, column B (v): "12,5" has a decimal comma, but row 2, column B (v) has "1,234,567", with commas separating thousands',
      ],
      [
        'year,v\n2020,5\n2021,6\n2022,n/a\n',
        'row 4, column B (v): "n/a" is not a number, but 2 of the 3 cells in this column are',
      ],
      ['year,v,estimate\n2020,5,maybe\n', 'row 2, column C (estimate): "maybe" is not true or false'],
    ];
    for (const [text, message] of cases) {
      const root = rootWith();
      writeFileSync(path.join(root, 'bad.csv'), text);
      const result = await importSheet(root, path.join(root, 'bad.csv'), 'bad');
      expect(result.status, text).toBe(1);
      expect(result.stderr).toContain(message);
      expect(existsSync(path.join(root, 'data/bad.json'))).toBe(false);
    }
  });

  it('reads true and false as spreadsheets in other languages write them, and says which spelling it read', async () => {
    const spellings: [string, string, string | undefined][] = [
      ['WAHR', 'FALSCH', 'German'],
      ['VRAI', 'FAUX', 'French'],
      ['VERDADERO', 'FALSO', 'Spanish'],
      ['VERO', 'FALSO', 'Italian'],
      ['WAAR', 'ONWAAR', 'Dutch'],
      ['TRUE', 'FALSE', undefined],
    ];
    for (const [yes, no, language] of spellings) {
      const root = rootWith();
      const sheet = path.join(root, 'flags.csv');
      // A sheet saved where the comma is the decimal mark: semicolons, and the flags in the sheet's language.
      writeFileSync(
        sheet,
        `year;price;estimate;projection\r\n2023;"1.234,5";${yes};${no}\r\n2024;12,25;${no.toLowerCase()};${yes.toLowerCase()}\r\n`,
      );
      const result = await importSheet(root, sheet, 'flags');
      expect(result.status, `${yes}/${no}: ${result.stderr}`).toBe(0);
      expect(JSON.parse(read(path.join(root, 'data/flags.json'))).rows).toEqual([
        { year: 2023, price: 1234.5, estimate: true, projection: false },
        { year: 2024, price: 12.25, estimate: false, projection: true },
      ]);
      if (language) expect(result.stdout).toContain(`4 cells of true or false written as in ${language}`);
      else expect(result.stdout).not.toContain('true or false written');
    }
  });

  it('an unknown source is one message listing its rows, with the source to add to the dataset', async () => {
    const root = rootWith(siteSmallData);
    // A new edition brought in: its rows name a source the dataset does not have yet.
    writeFileSync(
      path.join(root, 'new.csv'),
      'year,country,tonnes_reo,edition,source\n2019,Australia,21000,MCS 2020,mcs2020\n2022,Australia,18000,MCS 2026,mcs2026\n2023,Australia,16000,MCS 2026,mcs2026\n2024,Australia,13000,MCS 2026,mcs2026\n',
    );
    const result = await importSheet(root, path.join(root, 'new.csv'), 'australia-mine-production');
    expect(result.status).toBe(1);
    const problems = result.stderr
      .split('\n')
      .filter((line) => line.includes('  source  '))
      .map((line) => line.slice(line.indexOf('new.csv')));
    expect(problems).toEqual([
      'new.csv:3:5  source  rows 3-5: no source "mcs2026" in data/australia-mine-production.json; its sources are mcs2025, mcs2023, mcs2020',
    ]);
    expect(result.stderr).not.toContain('did you mean');
    // The block to paste is JSON, names the new id, and takes the edition the rows give.
    const block = result.stderr.slice(result.stderr.indexOf('{'), result.stderr.lastIndexOf('}') + 1);
    expect(JSON.parse(block)).toMatchObject({
      id: 'mcs2026',
      edition: 'MCS 2026',
      retrieved: '2026-03-01',
      kind: 'primary',
    });
    expect(result.stderr).toContain('Add it to "sources" in data/australia-mine-production.json');
    expect(read(path.join(root, 'data/australia-mine-production.json'))).toBe(read(siteSmallData));
  });
});
