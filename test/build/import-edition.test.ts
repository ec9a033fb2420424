// `npm run import -- <file> --dataset <id> --source <source-id>`: a new edition of a made-up yearbook (FX 2027, sheet
// test/fixtures/spreadsheet/fixture-edition-2027.csv) brought into test/fixtures/editions/'s dataset beside FX 2025
// and FX 2026, as an editor would: no JSON edited by hand but the source's fields to fill in.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { runCli } from '../support/cli.ts';
import { projectRoot } from '../support/build.ts';

const fixtures = path.join(projectRoot, 'test/fixtures');
const sheet = path.join(fixtures, 'spreadsheet/fixture-edition-2027.csv');

function siteCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'supply-lines-edition-'));
  cpSync(path.join(fixtures, 'editions'), root, { recursive: true });
  mkdirSync(path.join(root, 'data'), { recursive: true });
  return root;
}
const datasetOf = (root: string) => JSON.parse(readFileSync(path.join(root, 'data/fixture-editions.json'), 'utf8'));
const importEdition = (root: string) =>
  runCli('import', [sheet, '--dataset', 'fixture-editions', '--source', 'fx2027', '--date', '2027-03-01'], {
    contentRoot: root,
  });

describe('importing a new edition', () => {
  it('adds its rows beside the earlier editions, adds the source to fill in, and reports what it revises', async () => {
    const root = siteCopy();
    const before = datasetOf(root);
    const beforeText = readFileSync(path.join(root, 'data/fixture-editions.json'), 'utf8');
    const run = await importEdition(root);
    // The file keeps its own style: the sources before stay on their lines, byte for byte.
    const afterText = readFileSync(path.join(root, 'data/fixture-editions.json'), 'utf8');
    expect(afterText.startsWith(beforeText.slice(0, beforeText.indexOf('\n  ],')))).toBe(true);
    const after = datasetOf(root);
    // The earlier editions' rows stay as they were; the sheet's rows follow, each naming the new source.
    expect(after.rows.slice(0, before.rows.length)).toEqual(before.rows);
    expect(after.rows.slice(before.rows.length)).toEqual([
      { year: 2024, country: 'Country A', tonnes: 12000, edition: 'FX 2027', source: 'fx2027' },
      { year: 2025, country: 'Country A', tonnes: 15500, edition: 'FX 2027', source: 'fx2027' },
      { year: 2025, country: 'Country B', tonnes: 6000, edition: 'FX 2027', source: 'fx2027' },
      { year: 2026, country: 'Country A', tonnes: 16000, edition: 'FX 2027', estimate: true, source: 'fx2027' },
    ]);
    expect(after.sources.map((s: { id: string }) => s.id)).toEqual(['fx2025', 'fx2026', 'fx2027']);
    expect(after.sources[2].edition).toBe('FX 2027');
    expect(run.stdout).toContain('Added the source "fx2027"');
    expect(run.stdout).toContain(
      'The edition "fx2027" revises 1 figure of earlier editions:\n  tonnes, Country A, 2025: 14,000 (FX 2026) to 15,500 (FX 2027)',
    );
    // Imported again, it changes nothing.
    const again = await importEdition(root);
    expect(again.stdout, again.stderr).toContain('nothing to change');
    expect(datasetOf(root)).toEqual(after);
  });

  it('once the source is filled in with its published date, charts draw the new edition with what it revised', async () => {
    const root = siteCopy();
    await importEdition(root);
    const file = path.join(root, 'data/fixture-editions.json');
    const data = datasetOf(root);
    Object.assign(data.sources[2], {
      name: 'Fixture source: Yearbook 2027',
      url: 'https://example.org/fixture/yearbook-2027',
      published: '2027-02-05',
      nextExpected: '2028-02',
    });
    writeFileSync(file, JSON.stringify(data, null, 2));
    const { site, problems } = loadSite(root, { today: '2027-03-01' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const rows = site.views.get('editions-latest')![0].rows;
    expect(rows.map((r) => [r.country, r.tonnes, r.edition])).toEqual([
      ['Country B', 5000, 'FX 2026'],
      ['Country A', 12000, 'FX 2027'],
    ]);
  });
});
