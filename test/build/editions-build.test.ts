// test/fixtures/editions/ built as a site, on two days set with SUPPLY_LINES_TODAY (never the clock): the chart page's
// "Sources and notes" gives each source's dates, and once the next edition's month is over, says it is due; the data
// table gives what the latest edition revised.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../support/build.ts';

const site = path.join(projectRoot, 'test/fixtures/editions');
const builds: BuildResult[] = [];
const sourcesOn = async (day: string) => {
  const build = await buildSite({ contentRoot: site, env: { SUPPLY_LINES_TODAY: day } });
  builds.push(build);
  if (!build.ok) throw new Error(`the editions fixture did not build:\n${build.output}`);
  const page = parseHTML(readFileSync(path.join(build.outDir, 'charts/editions-latest/index.html'), 'utf8')).document;
  return page;
};

describe('a chart of a figure in two editions, built', () => {
  let before: Document;
  let after: Document;
  beforeAll(async () => {
    before = await sourcesOn('2027-02-28');
    after = await sourcesOn('2027-03-01');
  }, 600_000);
  afterAll(() => builds.forEach((b) => rmSync(b.outDir, { recursive: true, force: true })));

  const sourceLine = (page: Document) => page.querySelector('.chart-source')!.textContent!.replace(/\s+/g, ' ');
  test("'Sources and notes' gives each source's dates, then says the next edition is due", () => {
    expect(sourceLine(before)).toContain('FX 2026 · Published Feb 2026 · next edition expected Feb 2027');
    expect(sourceLine(after)).toContain('FX 2026 · Published Feb 2026 · next edition due since Feb 2027');
    // FX 2025's next edition (FX 2026) is in the dataset: only its publication is given.
    expect(sourceLine(after)).toContain('FX 2025 · Published Jan 2025;');
  });
  test('the data table draws the latest edition and gives what it revised', () => {
    const table = before.querySelector('.chart-table table')!.textContent!.replace(/\s+/g, ' ');
    expect(table).toContain('Earlier edition');
    expect(table).toContain('FX 2025 gave 13,000');
    expect(table).not.toContain('13,000 FX 2025');
  });
});
