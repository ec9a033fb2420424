// Figures typed by hand where the data holds them: `npm run check` warns (never an error: the editors' contract) with
// the `:value` to paste. The fixture is test/fixtures/values/ (rows copied from data/, see test/README.md): its story
// typed.md types figures the data holds, beside numbers that are not figures, and its chart mine-sample-share types
// one in an annotation and prints one from the data in its title.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { figuresIn } from '../../src/model/typed-figures.ts';

const site = path.resolve(import.meta.dirname, '../fixtures/values');

describe('what counts as a typed figure', () => {
  test('numbers as written: separators, decimals, percentages, millions', () => {
    expect(
      figuresIn('China mined 270,000 tonnes, 69.2% of the world, and holds 3.5 million tonnes, or 0.1% of it.').map(
        (f) => [f.text, f.written, f.decimals, f.scale, f.percent],
      ),
    ).toEqual([
      ['270,000', 270000, 0, 1, false],
      ['69.2%', 69.2, 1, 1, true],
      ['3.5 million', 3.5, 1, 1e6, false],
      ['0.1%', 0.1, 1, 1, true],
    ]);
  });

  test('years, dates, naming numbers, times, ranges and money are not figures', () => {
    expect(
      figuresIn(
        'In 2024, on 12 March 2024, on March 12, on 2025-10-09, under Announcement No. 18 and Nos. 61, at 10:30, for 2020-23, for US$270m, $3bn and €5 no figure was typed.',
      ),
    ).toEqual([]);
  });
});

describe('npm run check warns about figures typed where the data holds them', () => {
  const { problems } = loadSite(site);
  const warnings = problems.filter((p) => p.severity === 'warning' && /matches data\//.test(p.message));

  test("in prose and a :view's words, at the line and column of the figure, with the directive to paste", () => {
    expect(warnings.filter((p) => p.file.endsWith('typed.md')).map(formatProblem)).toEqual([
      'content/articles/typed.md:9:25  body  warning: 270,000 matches data/mine-sample.json (China, 2024, tonnes_reo): write :value{dataset="mine-sample" field="tonnes_reo" where="country=China; year=2024"} so that it follows the data',
      'content/articles/typed.md:9:63  body  warning: 390,000 matches data/mine-sample.json (World total, 2024, tonnes_reo): write :value{dataset="mine-sample" field="tonnes_reo" where="country=World total; year=2024"} so that it follows the data',
      'content/articles/typed.md:15:31  body  warning: 45,000 matches data/mine-sample.json (United States, 2024, tonnes_reo): write :value{dataset="mine-sample" field="tonnes_reo" where="country=United States; year=2024"} so that it follows the data',
      'content/articles/typed.md:19:114  body  warning: 80% matches data/reliance-sample.json (2024, reliance_pct): write :value{dataset="reliance-sample" field="reliance_pct" where="year=2024"} so that it follows the data',
      'content/articles/typed.md:19:147  body  warning: 3.5 million matches data/reserves-sample.json (Vietnam, MCS 2025, tonnes_reo): write :value{dataset="reserves-sample" field="tonnes_reo" where="country=Vietnam; edition=MCS 2025" scale="million"} so that it follows the data',
    ]);
  });

  test("not in a quotation, a claim's words, a checked :view's words, a sentence about another year, or the other story's :value figures", () => {
    const lines = warnings.map((p) => `${p.file}:${p.line}`);
    expect(lines).not.toContain('content/articles/typed.md:11'); // 120,000 is China's of 2018; 255,000 is 2023's, in a sentence about 2024
    expect(lines).not.toContain('content/articles/typed.md:13'); // "approximately 270,000 tonnes" and :claim[China mined 270,000 tonnes]
    expect(warnings.filter((p) => p.line === 15).map((p) => p.column)).toEqual([31]); // the checked :view's 270,000 is not warned
    expect(lines).not.toContain('content/articles/typed.md:17'); // dates, years, numbers that name, times, ranges, money
    expect(lines.filter((l) => l.endsWith('figures.md'))).toEqual([]);
  });

  test("in a chart's subtitle and annotations, at the field; a :value in a chart's words is printed from the data", () => {
    expect(
      warnings
        .filter((p) => p.file.endsWith('mine-sample-share.json'))
        .map((p) => `${p.field}: ${p.message.split(':')[0]}`),
    ).toEqual([
      'subtitle: 390,000 matches data/mine-sample.json (World total, 2024, tonnes_reo)',
      'annotations[1].text: 31,000 matches data/mine-sample.json (Burma (Myanmar), 2024, tonnes_reo)',
    ]);
    const chart = loadSite(site).site.charts.get('mine-sample-share')!;
    expect(chart.title).toBe('China mined 270,000 tonnes in 2024');
    expect(chart.annotations?.[0].text).toBe('The United States: 45,000 t, an estimate.');
  });

  test('warnings only: the story still publishes', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
