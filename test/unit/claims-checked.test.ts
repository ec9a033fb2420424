// Claims checked against the data: `:claim[words]{states within dataset field where as of from}`. The status is
// computed from the figure the data gives; a typed status that disagrees stops the build with the file, the line,
// the claim's words, the typed status and what the data gives; claims without data attributes work as before. The
// Markdown cases are remark fixtures (test/fixtures/remark/claim-checked*/, snapshot in remark.test.ts); the data is
// test/fixtures/values/data/ (rows copied from data/, see test/README.md).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { figureLookup } from '../../src/model/figures.ts';
import { loadSite } from '../../src/model/load.ts';
import { parseStated } from '../../src/remark/claim-check.ts';
import { renderMarkdown } from '../../src/remark/markdown.ts';
import type { Dataset } from '../../src/schemas/index.ts';
import { renderRemarkFixture } from '../support/remark-fixture.ts';

const site = path.resolve(import.meta.dirname, '../fixtures/values');

const render = renderRemarkFixture;

describe('the figure a claim states', () => {
  test.each([
    ['80%', { bound: '', value: 80, percent: true, half: 0.5 }],
    ['80.0%', { bound: '', value: 80, percent: true, half: 0.05 }],
    ['more than 50%', { bound: '>', value: 50, percent: true, half: 0.5 }],
    ['at most 3', { bound: '<=', value: 3, percent: false, half: 0.5 }],
    ['270,000', { bound: '', value: 270000, percent: false, half: 0.5 }],
    ['3.5 million', { bound: '', value: 3500000, percent: false, half: 50000 }],
    ['about 6 times', { bound: '', value: 6, percent: false, half: 0.5 }],
  ])('%s', (text, expected) => {
    expect(parseStated(text)).toMatchObject(expected);
  });

  test('words are no figure', () => {
    expect(parseStated('a lot')).toBeUndefined();
    expect(parseStated('80% or so')).toBeUndefined();
  });
});

describe('claims checked against the data get their status from it', () => {
  const result = render('claim-checked');

  test('each form: a share within a tolerance, a bound, the default tolerance, a percent field, a scaled difference, a ratio; and a claim left to the editors', () => {
    expect(result.messages).toEqual([]);
    expect(result.claims.map((c) => [c.number, c.status, c.check?.figure.text, c.check?.reason])).toEqual([
      [1, 'disputed', '69.2%', 'not within 5 points of 80%'],
      [2, 'supported', '69.2%', 'more than 50%'],
      [3, 'supported', '45,000', 'within 0.5 of 45,000'],
      [4, 'supported', '80%', 'within 0.5 points of 80%'],
      [5, 'disputed', '18,500,000', 'not within 0.5 million of 20 million'],
      [6, 'supported', '6.0 times', 'within 0.5 of 6 times'],
      [7, 'unsupported', undefined, undefined],
    ]);
  });

  test('a checked claim keeps its note, chart and selection, and its figure says where it comes from', () => {
    const [first, second] = result.claims;
    expect(first.note).toBe('The share depends on the stage.');
    expect(first.check?.figure.about).toMatch(
      /^Tonnes REO, China, 2024, as a share of World total, 2024 \(computed\)\. Source: USGS Mineral Commodity Summaries 2025: Rare Earths, MCS 2025 \(January 2025\)/,
    );
    expect(second.note).toBeUndefined();
    expect(second.link?.state).toEqual({ select: ['China'] });
  });

  test('the mark in the text keeps its words and shows the computed status', () => {
    const html = result.segments.map((s) => ('html' in s ? s.html : '')).join('');
    expect(html).toContain(
      'data-status="supported" data-checked="data">China\'s output exceeds that of all other countries combined<sup class="claim-mark">Supported 2</sup>',
    );
    expect(html).toContain(
      'data-status="unsupported">the deals were signed in March 2024<sup class="claim-mark">Unsupported 7</sup>',
    );
  });
});

describe('a checked claim that does not hold together stops the build at its line', () => {
  const messages = render('claim-checked-errors').messages.map((m) => `${m.line}:${m.column} ${m.message}`);

  test('a typed status the data contradicts: the words, the typed status, what the data gives', () => {
    expect(messages[0]).toBe(
      '1:38 claim "China controls about 80% of supply": status="supported" is typed, but the data gives 69.2% (Tonnes REO, China, 2024, as a share of World total, 2024 (computed). Source: USGS Mineral Commodity Summaries 2025: Rare Earths, MCS 2025 (January 2025). Rows: data/mine-sample.json), which is not within 5 points of 80%, so the claim is disputed; correct the claim, or write status="disputed" (or leave status out)',
    );
  });

  test('missing attributes, a figure that is none, a percentage against tonnes, no row, a tolerance or form that is wrong', () => {
    expect(messages.slice(1)).toEqual([
      '3:22 claim field, where: a claim checked against the data needs states, dataset, field and where, e.g. :claim[the words]{states="80%" dataset="..." field="..." where="country=China; year=2024"}; found states, dataset only',
      '3:121 claim states: "a lot" is not a figure; write it as the claim gives it, e.g. "80%", "more than 50%", "270,000", "3.5 million"',
      '5:30 claim states: "80%" is a percentage, but the data\'s figure (270,000) is not: add as="share" and of="..." to compare shares',
      '5:149 claim: where selects no row of data/mine-sample.json: no row has year "2042" (did you mean "2024"?)',
      '7:32 claim within: expected a number in the figure\'s unit, e.g. "5" (points for a share), found "five"',
      '7:152 claim as: expected one of value, share, change, difference, ratio, found "ratios" (did you mean "ratio"?)',
    ]);
  });

  test('in a site: the file and line of the article, and the build stops on it (an error)', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'claims-'));
    try {
      cpSync(site, copy, { recursive: true });
      const file = path.join(copy, 'content/articles/figures.md');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('{status="disputed" states="80%"', '{status="supported" states="80%"'),
      );
      const errors = loadSite(copy).problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.file, p.line, p.field, p.message.slice(0, 109)])).toEqual([
        [
          'content/articles/figures.md',
          21,
          'body',
          'claim "approximately 80% of global supply": status="supported" is typed, but the data gives 69.2% (Tonnes REO',
        ],
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('a :view whose words are checked against the data', () => {
  const dataset = JSON.parse(readFileSync(path.join(site, 'data/mine-sample.json'), 'utf8'));
  const lookup = figureLookup(
    new Map([['mine-sample', { ...dataset, id: 'mine-sample', file: 'data/mine-sample.json' } as Dataset]]),
    new Map(),
  );
  const view = (words: string, states: string) =>
    renderMarkdown(
      `:view[${words}]{chart="c" select="China" states="${states}" dataset="mine-sample" field="tonnes_reo" where="country=China; year=2024" as="share" of="country=World total"}\n\n::chart{id="c"}\n`,
      new Set(['c']),
      undefined,
      undefined,
      lookup,
    );

  test('words the data bears out: the link says so in its title, and nothing else changes', () => {
    const result = view(
      "China's quota alone is larger than the output of all other countries combined",
      'more than 50%',
    );
    expect(result.messages).toEqual([]);
    const html = result.segments.map((s) => ('html' in s ? s.html : '')).join('');
    expect(html).toContain(
      'title="Checked against the data: 69.2%. Tonnes REO, China, 2024, as a share of World total, 2024 (computed). Source: USGS',
    );
    expect(html).toContain(">China's quota alone is larger than the output of all other countries combined</a>");
  });

  test('words the data contradicts stop the build', () => {
    expect(view("China mines three-quarters of the world's rare earths", '75%').messages.map((m) => m.message)).toEqual(
      [
        expect.stringMatching(
          /^:view "China mines three-quarters of the world's rare earths": its words state 75%, but the data gives 69\.2% \(.*\), which is not within 0\.5 points of 75%: correct the words$/,
        ),
      ],
    );
  });
});
