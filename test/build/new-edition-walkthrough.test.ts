// A new editor follows CONTRIBUTING.md's "When a new edition comes out" on a fixture edition: the made-up yearbook of
// test/fixtures/edition-walkthrough/ (FX 2025 and FX 2026) gets its FX 2027 edition, which revises Country A's 2025
// output from 14,000 to 15,500 tonnes. The walk reads the section's numbered steps and their `npm run` commands from
// the guide itself and does each step in the guide's order, with the guide's commands (the example's names swapped for
// the fixture's), and only the edits the guide asks of an editor: a spreadsheet, the new source's fields, a chart's
// subtitle and a story's words, front matter and update note. No JSON row is typed and no code is touched. A step the
// walk does not know, or a command a step no longer gives, stops it; a step the guide drops leaves the site unfinished,
// which the assertions (the check, the review, the built pages) notice.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../support/build.ts';
import { runCli, type CliResult } from '../support/cli.ts';

const fixture = path.join(projectRoot, 'test/fixtures/edition-walkthrough');
/** The day the editor works, a month after FX 2027 came out; every command reads it (never the clock). */
const today = '2027-03-01';
/** The guide's example names, and the fixture's. */
const names: Record<string, string> = { 'mine-production': 'fixture-output', mcs2026: 'fx2027' };
const swapNames = (text: string) => text.replace(/mine-production|mcs2026/g, (name) => names[name]);
/** FX 2027's figures, as the editor types them into the spreadsheet. */
const edition = [
  { year: 2025, country: 'Country A', tonnes: 15500 },
  { year: 2025, country: 'Country B', tonnes: 6000 },
  { year: 2026, country: 'Country A', tonnes: 16000, estimate: true },
  { year: 2026, country: 'Country B', tonnes: 6500 },
];

interface Step {
  title: string;
  text: string;
}
/** CONTRIBUTING.md's section: its introduction and its numbered steps. */
function guide(): { section: string; intro: string; steps: Step[] } {
  const text = readFileSync(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
  const start = text.indexOf('\n## When a new edition comes out\n');
  if (start < 0) throw new Error('CONTRIBUTING.md has no section "When a new edition comes out"');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const [intro, ...parts] = section.split(/^(?=\d+\. \*\*)/m);
  const steps = parts.map((part) => ({ title: /^\d+\. \*\*(.+?)\*\*/.exec(part)![1], text: part }));
  return { section, intro, steps };
}
/** The `npm run` commands a part of the guide gives, in code spans or a code block, as written. */
const commandsIn = (text: string) => [...text.matchAll(/npm run [a-z:]+(?: -- [^`\n]+)?/g)].map((m) => m[0].trim());
const scripts: Record<string, string> = JSON.parse(
  readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
).scripts;

/** What the walk saw, step by step. */
interface Walk {
  root: string;
  ran: string[];
  due: CliResult;
  rowsBefore: unknown[];
  exported: string;
  imported: CliResult;
  afterImport: string;
  afterFill: string;
  checks: CliResult[];
  review: CliResult;
}

/** The steps the walk knows, by the words of their titles, each done as the guide says. */
const walkSteps: {
  title: RegExp;
  act: (step: Step, walk: Walk, run: (command: string) => Promise<CliResult>) => Promise<void>;
}[] = [
  {
    // 1. The export gives the columns; the editor keeps its header, types the edition's rows, saves the sheet.
    title: /spreadsheet/i,
    act: async (step, walk, run) => {
      const exported = await run(command(step, 'npm run export'));
      expect(exported.status, exported.stderr).toBe(0);
      const exportedFile = /^Wrote (\S+):/.exec(exported.stdout)?.[1];
      if (!exportedFile) throw new Error(`the export named no file:\n${exported.stdout}`);
      walk.exported = readFileSync(path.join(walk.root, exportedFile), 'utf8').replace(/^\uFEFF/, '');
      const header = walk.exported.split(/\r?\n/)[0].split(',');
      const sheet = sheetName();
      const cell = (row: Record<string, unknown>, column: string) =>
        column === 'edition' ? 'FX 2027' : column === 'source' ? '' : String(row[column] ?? '');
      const lines = [header.join(','), ...edition.map((row) => header.map((c) => cell(row, c)).join(','))];
      writeFileSync(path.join(walk.root, sheet), `${lines.join('\n')}\n`);
    },
  },
  {
    title: /^Import/i,
    act: async (step, walk, run) => {
      walk.imported = await run(command(step, 'npm run import'));
      walk.afterImport = readFileSync(path.join(walk.root, 'data/fixture-output.json'), 'utf8');
    },
  },
  {
    // 3. The new source's fields: the FILL IN ones the import left, and the dates.
    title: /Fill in the source/i,
    act: async (_step, walk) => {
      const file = path.join(walk.root, 'data/fixture-output.json');
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = lines.findIndex((line) => line.includes('"id": "fx2027"'));
      if (at < 0) throw new Error('the import added no source "fx2027" to fill in');
      const fields = {
        name: 'Fixture source: Yearbook 2027',
        url: 'https://example.org/fixture/yearbook-2027',
        edition: 'FX 2027',
        published: '2027-02-05',
        nextExpected: '2028-02',
      };
      for (const [field, value] of Object.entries(fields)) lines[at] = withField(lines[at], field, value);
      writeFileSync(file, lines.join('\n'));
      walk.afterFill = lines.join('\n');
    },
  },
  {
    // 4. The check, then the review against what was committed before the edition.
    title: /^Run `npm run check`$/,
    act: async (step, walk, run) => {
      const [check, review] = [command(step, 'npm run check'), command(step, 'npm run review')];
      walk.checks.push(await run(check));
      walk.review = await run(review);
    },
  },
  {
    // 5. What is typed: the chart's subtitle names the edition; the story called FX 2026 the latest.
    title: /Read what is typed/i,
    act: async (_step, walk) => {
      edit(walk.root, 'content/charts/output-2025.json', 'Fixture Yearbook 2026', 'Fixture Yearbook 2027');
      edit(
        walk.root,
        'content/articles/output.md',
        'by the latest edition of the yearbook, FX 2026.',
        'by the latest edition of the yearbook, FX 2027.',
      );
    },
  },
  {
    // 6. updatedDate, and a dated update note that prints both editions' figures with :value.
    title: /Date the stories/i,
    act: async (_step, walk) => {
      const story = 'content/articles/output.md';
      edit(walk.root, story, '\npubDate: 2026-03-02\n', `\npubDate: 2026-03-02\nupdatedDate: ${today}\n`);
      const value = (ed: string) =>
        `:value{dataset="fixture-output" field="tonnes" where="country=Country A; year=2025; edition=${ed}"}`;
      const file = path.join(walk.root, story);
      writeFileSync(
        file,
        `${readFileSync(file, 'utf8')}\nUpdated 1 March 2027: FX 2027 revised Country A's 2025 output from ${value('FX 2026')} to ${value('FX 2027')} tonnes; Country A still leads.\n`,
      );
    },
  },
  {
    title: /check.* again/i,
    act: async (step, walk, run) => {
      walk.checks.push(await run(command(step, 'npm run check')));
    },
  },
];

/** The step's command that starts so; the walk runs only what the guide gives. */
function command(step: Step, start: string): string {
  const found = commandsIn(step.text).find((c) => c === start || c.startsWith(`${start} `));
  if (!found) throw new Error(`step "${step.title}" of the guide gives no \`${start}\` command`);
  return found;
}
/** The spreadsheet the guide's import reads (its first argument), by the fixture's name. */
function sheetName(): string {
  const imports = commandsIn(guide().section).find((c) => c.startsWith('npm run import -- '));
  if (!imports) throw new Error('the guide gives no `npm run import -- <file>` command');
  return swapNames(imports.split(/\s+/)[4]);
}
/** A field of a one-line JSON object set as an editor types it: its value replaced, or added at the end. */
function withField(line: string, field: string, value: string): string {
  const has = new RegExp(`"${field}": "(?:[^"\\\\]|\\\\.)*"`);
  const typed = `"${field}": ${JSON.stringify(value)}`;
  return has.test(line) ? line.replace(has, typed) : line.replace(/ \}(,?)$/, `, ${typed} }$1`);
}
function edit(root: string, file: string, from: string, to: string) {
  const text = readFileSync(path.join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not say "${from}"`);
  writeFileSync(path.join(root, file), text.replace(from, to));
}
const rowsOf = (text: string) => JSON.parse(text).rows as unknown[];

test("the guide's steps are the ones this walk follows, in order, and every command the walk runs is the guide's", () => {
  const { steps } = guide();
  const known = steps.map((step) => walkSteps.findIndex((w) => w.title.test(step.title)));
  expect(known, `steps: ${steps.map((s) => s.title).join(' | ')}`).toEqual(walkSteps.map((_, i) => i));
});

describe('a new edition, brought in by following the guide', () => {
  const walk: Walk = {
    root: '',
    ran: [],
    rowsBefore: [],
    exported: '',
    afterImport: '',
    afterFill: '',
    checks: [],
    due: { status: -1, stdout: '', stderr: '' },
    imported: { status: -1, stdout: '', stderr: '' },
    review: { status: -1, stdout: '', stderr: '' },
  };
  let build: BuildResult | undefined;
  const page = (file: string) => {
    if (!build?.ok) throw new Error(`the site after the walk does not build:\n${build?.output}`);
    return parseHTML(readFileSync(path.join(build.outDir, file), 'utf8')).document;
  };

  beforeAll(async () => {
    walk.root = mkdtempSync(path.join(tmpdir(), 'supply-lines-walk-'));
    cpSync(fixture, walk.root, { recursive: true });
    // The site as published before the edition: the base `npm run review` compares with.
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.org', '-c', 'init.defaultBranch=main', ...args],
        { cwd: walk.root },
      );
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'the site before FX 2027');
    walk.rowsBefore = rowsOf(readFileSync(path.join(walk.root, 'data/fixture-output.json'), 'utf8'));

    const run = async (written: string) => {
      const [, script, rest] = /^npm run (\S+)(?: -- (.*))?$/.exec(written)!;
      const tool = /^node src\/cli\/([\w-]+)\.ts$/.exec(scripts[script] ?? '')?.[1];
      if (!tool) throw new Error(`"${written}": npm script "${script}" is not one of src/cli's tools`);
      walk.ran.push(written);
      const args = swapNames(rest ?? '')
        .split(/\s+/)
        .filter(Boolean);
      return runCli(tool, args, { cwd: walk.root, contentRoot: walk.root, env: { SUPPLY_LINES_TODAY: today } });
    };
    const { intro, steps } = guide();
    // How the editor learns the edition is out: the introduction's check.
    const due = commandsIn(intro).find((c) => c === 'npm run check');
    if (!due) throw new Error("the guide's introduction does not say how `npm run check` tells that an edition is due");
    walk.due = await run(due);
    for (const step of steps) {
      const known = walkSteps.find((w) => w.title.test(step.title));
      if (!known) throw new Error(`the guide has a step this walk does not know: "${step.title}"`);
      await known.act(step, walk, run);
    }
    build = await buildSite({ contentRoot: walk.root, env: { SUPPLY_LINES_TODAY: today } });
  }, 600_000);
  afterAll(() => {
    for (const dir of [walk.root, build?.outDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every command the walk ran is written in the section', () => {
    const { section } = guide();
    expect(walk.ran.length).toBeGreaterThanOrEqual(5);
    for (const written of walk.ran) expect(section).toContain(written);
  });

  test('before: the check says the edition is due, with no error', () => {
    expect(walk.due.status).toBe(0);
    expect(walk.due.stdout).toContain(
      'warning: the next edition of Fixture Yearbook 2026 was expected in 2027-02: add it, or move the date',
    );
    expect(walk.due.stdout).toContain('1 warning');
  });

  test('the import puts the edition beside the earlier ones, says what it revises and what to fill in', () => {
    const out = walk.imported.stdout;
    expect(out).toContain(
      'The edition "fx2027" revises 1 figure of earlier editions:\n  tonnes, Country A, 2025: 14,000 (FX 2026) to 15,500 (FX 2027)',
    );
    expect(out).toContain('Added the source "fx2027" to data/fixture-output.json: fill in its name, url and edition');
    expect(out).toContain('give it "published"');
    expect(out).toMatch(/sources\[2\]\.name {2}starter text to replace: "FILL IN/);
    expect(out).toMatch(/sources\[2\]\.url {2}starter text to replace: "https:\/\/example\.org\/FILL IN/);
    const data = JSON.parse(walk.afterImport);
    expect(data.rows.slice(0, walk.rowsBefore.length)).toEqual(walk.rowsBefore);
    expect(data.rows.slice(walk.rowsBefore.length)).toEqual(
      edition.map((row) => ({ ...row, edition: 'FX 2027', source: 'fx2027' })),
    );
    expect(data.changes).toEqual([{ date: today, text: expect.stringContaining('as the edition of "fx2027"') }]);
  });

  test('no JSON row was typed: after the import, only the new source line of the dataset changed', () => {
    const final = readFileSync(path.join(walk.root, 'data/fixture-output.json'), 'utf8');
    expect(final).toBe(walk.afterFill);
    expect(rowsOf(final)).toEqual(rowsOf(walk.afterImport));
    const [before, after] = [walk.afterImport.split('\n'), final.split('\n')];
    expect(after.length).toBe(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual([expect.stringContaining('"id": "fx2027"')]);
    expect(final).not.toContain('FILL IN');
  });

  test('the check, at step 4 and at the end: 0 errors, 0 warnings', () => {
    expect(walk.checks).toHaveLength(2);
    for (const check of walk.checks) {
      expect(check.status, check.stdout).toBe(0);
      expect(check.stdout).toContain('Content OK: 1 article, 1 chart, 1 dataset, 0 warnings');
    }
  });

  test('the review names the changed chart and the printed figure it moves, before and after', () => {
    expect(walk.review.status, walk.review.stderr).toBe(0);
    expect(walk.review.stdout).toContain(
      'Changed charts (section `#chart-<id>` of `index.html` in the review artifact):\n- Country A produced more than Country B in 2025 (`output-2025`)',
    );
    expect(walk.review.stdout).toContain('Words the data moves (section `#words` of `index.html`): 1 printed value');
    const report = parseHTML(readFileSync(path.join(walk.root, 'review/index.html'), 'utf8')).document;
    const moved = [...report.querySelectorAll('#words tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    expect(moved).toContainEqual([
      ':value{dataset="fixture-output" field="tonnes" where="country=Country A; year=2025"}',
      '14,000',
      '15,500',
    ]);
  });

  test("the chart draws FX 2027's figure, and its tooltip, table and summary say what FX 2026 gave", () => {
    const chart = page('charts/output-2025/index.html');
    const svgText = [...chart.querySelectorAll('.chart-drawing svg text')].map((t) => t.textContent);
    expect(svgText).toContain('15,500');
    expect(svgText).not.toContain('14,000');
    const tooltips = JSON.parse(chart.querySelector('.chart-points')!.textContent!).texts;
    expect(tooltips).toContain(
      'Country A: 15,500 tonnes (fixture unit); source: FX 2027; revised (FX 2026 gave 14,000)',
    );
    const table = [...chart.querySelectorAll('.chart-table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(table).toContainEqual(['Country A', '15,500', '2025', 'FX 2027', 'FX 2026 gave 14,000']);
    expect(chart.querySelector('.chart-summary')!.textContent).toContain(
      '1 figure is revised from an earlier edition: FX 2026 gave 14,000',
    );
    expect(chart.querySelector('.chart-subtitle')!.textContent).toContain('Fixture Yearbook 2027');
    // The dates the editor filled in, as readers see them; FX 2026's next edition is in, so nothing is due.
    const sources = chart.querySelector('.chart-source')!.textContent!.replace(/\s+/g, ' ');
    expect(sources).toContain('FX 2027 (primary) · Published Feb 2027 · next edition expected Feb 2028');
    expect(sources).not.toContain('due since');
  });

  test("the dataset's page lists the revision, old and new, with both editions", () => {
    const data = page('data/fixture-output/index.html');
    const rows = [...data.querySelectorAll('table.revisions tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).toContainEqual(['Country A, 2025, Tonnes', '14,000 (FX 2026)', '15,500 (FX 2027)', '+1,500']);
  });

  test("the story prints the new figure, with the revision, is dated, and its update note prints both editions'", () => {
    const story = page('articles/output/index.html');
    const values = [...story.querySelectorAll('a.value')].map((a) => [a.textContent, a.getAttribute('title')]);
    expect(values[0]).toEqual([
      '15,500',
      'Tonnes, Country A, 2025. Source: Fixture source: Yearbook 2027, FX 2027. Marked: revised (FX 2026 gave 14,000)',
    ]);
    const text = story.querySelector('article, main')!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('by the latest edition of the yearbook, FX 2027.');
    expect(text).not.toContain('FX 2026.');
    expect(text).toContain(
      "Updated 1 March 2027: FX 2027 revised Country A's 2025 output from 14,000 to 15,500 tonnes",
    );
    expect(story.querySelector('.byline')!.textContent).toContain('Updated 1 March 2027');
  });
});
