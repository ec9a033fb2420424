// `:value{dataset field where as of from digits scale}`: figures in the prose printed from the data. The Markdown
// cases are remark fixtures (test/fixtures/remark/value-directive*/, compared with their output.html by
// remark.test.ts); this file asserts what a reader and an editor notice in them: each form's figure, where it links,
// the source, edition and marks it carries, and each error with its line. The fixture site test/fixtures/values/
// (rows copied from data/, see test/README.md) shows the same through loadSite: chart states, file and line, and a
// changed figure changing the prose.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSite, type Article } from '../../src/model/load.ts';
import type { RenderedMarkdown } from '../../src/remark/markdown.ts';
import { renderRemarkFixture } from '../support/remark-fixture.ts';

const site = path.resolve(import.meta.dirname, '../fixtures/values');

const render = renderRemarkFixture;

const documentOf = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
const bodyOf = (result: RenderedMarkdown) =>
  documentOf(result.segments.map((s) => ('html' in s ? s.html : '')).join(''));

describe(':value prints each form as the charts write the field', () => {
  const result = render('value-directive');
  const figures = [...bodyOf(result).querySelectorAll('.value')];

  test('value, share, change, difference, ratio, digits and scale, in the order written, with no error', () => {
    expect(result.messages).toEqual([]);
    expect(figures.map((f) => f.textContent)).toEqual([
      '270,000', // value: thousands separated, as the chart's axis and table write tonnes
      '69.2%', // share: one decimal by default
      '69%', // digits="0"
      '+3,400', // change: signed
      '-12,000',
      '27,000', // difference: the same subtraction, no plus sign
      '6.0 times', // ratio
      '80%', // a field in percent, as given
      '-15 percentage points', // a change of a percentage
      '3.5 million', // scale
      '18.5 million', // difference, scaled, digits="1"
      '45,000', // inside a :view link
      '255,000', // inside a Markdown link
    ]);
    expect(result.values.map((v) => v.number)).toEqual([
      270000,
      (270000 / 390000) * 100,
      (270000 / 390000) * 100,
      3400,
      -12000,
      27000,
      270000 / 45000,
      80,
      -15,
      3500000,
      18500000,
      45000,
      255000,
    ]);
  });

  test('each figure names its rows, source, edition and marks in its title, and links to the rows', () => {
    const [china, share] = figures;
    expect(china.tagName).toBe('A');
    expect(china.getAttribute('href')).toBe('../../data/mine-sample/');
    expect(china.getAttribute('title')).toBe(
      'Tonnes REO, China, 2024. Source: USGS Mineral Commodity Summaries 2025: Rare Earths, MCS 2025 (January 2025). Rows: data/mine-sample.json',
    );
    expect(share.getAttribute('title')).toMatch(
      /^Tonnes REO, China, 2024, as a share of World total, 2024 \(computed\)\. Source: USGS/,
    );
    const change = figures[3].getAttribute('title')!;
    expect(change).toContain('United States, 2024: estimate');
    expect(change).toContain('United States, 2023: revised (MCS 2024 gave 43,000)');
    expect(figures[5].getAttribute('title')).toContain('read at second hand');
    expect(figures[8].getAttribute('title')).toContain('2023: the source says "more than" this figure');
  });

  test('inside a link a figure is no link of its own: the link around it carries its provenance', () => {
    const inView = figures[11];
    expect(inView.tagName).toBe('SPAN');
    const link = inView.closest('a')!;
    expect(link.className).toBe('view-link');
    expect(link.getAttribute('title')).toBe(`45,000: ${inView.getAttribute('title')}.`);
    const inLink = figures[12].closest('a')!;
    expect(inLink.getAttribute('href')).toBe('https://example.org/');
    expect(inLink.getAttribute('title')).toMatch(/^Example\. 255,000: Tonnes REO, China, 2023\. /);
    // No link inside a link, anywhere.
    expect(bodyOf(result).querySelectorAll('a a')).toHaveLength(0);
  });
});

describe(':value errors stop the build with the line, the directive, the rows found and the nearest values', () => {
  const messages = render('value-directive-errors').messages.map((m) => `${m.line}:${m.column} ${m.message}`);

  test('no row: the value no row has, with the nearest; or the values the other keys leave', () => {
    expect(messages).toContain(
      '1:9 :value{dataset="mine-sample" field="tonnes_reo" where="country=Chna; year=2024"}: where selects no row of data/mine-sample.json: no row has country "Chna" (did you mean "China"?)',
    );
    expect(messages).toContain(
      '3:19 :value{dataset="mine-sample" field="tonnes_reo" where="country=United States; year=2017"}: where selects no row of data/mine-sample.json: no row has country "United States" and year "2017"; rows with country "United States" have year "2024", "2023" (did you mean year=2024?)',
    );
    expect(messages).toContain(
      '11:24 :value{dataset="mine-sample" field="tonnes_reo" where="country=China; year=2017" as="share" of="country=World"}: of (with where) selects no row of data/mine-sample.json: no row has country "World" (did you mean "World total"?)',
    );
  });

  test('several rows: the rows found, what tells them apart, and a where that picks one', () => {
    expect(messages).toContain(
      '5:15 :value{dataset="reliance-sample" field="reliance_pct" where="year=2016"}: where selects 2 rows of data/reliance-sample.json, not one: { edition: "MCS 2019", source: "mcs2019" }, { edition: "MCS 2021", source: "mcs2021" }; add a key that picks one, e.g. "year=2016; edition=MCS 2019"; they are editions of one figure: give the sources\' "published" dates ("mcs2019", "mcs2021") so that the latest is printed',
    );
  });

  test('an unknown dataset, field or key, a where not written as field=value, a missing of or from, a wrong form or attribute', () => {
    expect(
      messages.filter((m) => /^(7|9|11):/.test(m)).map((m) => m.replace(/ :value\{[^}]*\}:/, ' :value{...}:')),
    ).toEqual([
      '7:17 :value{...}: no dataset "mine-samples" in data/ (did you mean "mine-sample"?)',
      '7:92 :value{...}: field: data/mine-sample.json has no field "tonnes" (did you mean "tonnes_reo"?); its fields: year, country, tonnes_reo, edition, estimate, source, note, revised, secondary',
      '7:160 :value{...}: where: data/mine-sample.json has no field "contry" (did you mean "country"?); its fields: year, country, tonnes_reo, edition, estimate, source, note, revised, secondary',
      '7:248 :value{...}: where: "China 2024" is not <field>=<value>; write e.g. "country=China; year=2024"',
      '9:18 :value of: as="share" divides by another row: add of="<field>=<value>", e.g. of="country=World total"',
      '9:132 :value from: as="change" subtracts another row: add from="<field>=<value>", e.g. from="year=2017"',
      '9:234 :value as: expected one of value, share, change, difference, ratio, found "shares" (did you mean "share"?)',
      '9:363 :value takes no words in [...]: it prints the figure itself; write the words around it',
      '9:466 :value: unknown attribute digit (did you mean "digits"?); known: dataset, field, where, as, of, from, digits, scale',
      '11:24 :value{...}: of (with where) selects no row of data/mine-sample.json: no row has country "World" (did you mean "World total"?)',
      '11:155 :value{...}: the row (China, 2024) has no number for "edition" (found "MCS 2025"), so no share can be computed',
      '11:280 :value field: required, found nothing',
      '11:280 :value where: required, found nothing',
      '11:314 unknown directive ":valeu" (did you mean ":value"?): write :value{dataset="..." field="..." where="..."}',
    ]);
  });

  test('a figure in error prints the directive as written, never a number', () => {
    const text = bodyOf(render('value-directive-errors')).body.textContent;
    expect(text).toContain(':value{dataset="mine-sample" field="tonnes_reo" where="country=Chna; year=2024"}');
  });
});

describe("in a site: loadSite reads the datasets, links figures to the article's charts and reports the file and line", () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });
  /** The fixture site in a temporary folder, with `edit` applied to one of its files. */
  const edited = (file: string, edit: (text: string) => string) => {
    copy = mkdtempSync(path.join(tmpdir(), 'values-'));
    cpSync(site, copy, { recursive: true });
    writeFileSync(path.join(copy, file), edit(readFileSync(path.join(copy, file), 'utf8')));
    return copy;
  };
  const storyOf = (root: string): Article => loadSite(root).site.articles.find((a) => a.slug === 'figures')!;
  const figuresOf = (article: Article) => [
    ...documentOf(article.body.segments.map((s) => ('html' in s ? s.html : '')).join('')).querySelectorAll('.value'),
  ];

  test("the fixture site has no error, and a figure the article's chart draws links to that chart's state", () => {
    const { problems } = loadSite(site);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const article = storyOf(site);
    const [china] = figuresOf(article);
    expect(china.getAttribute('href')).toBe('#mine-sample-bars=select:China;year:2024');
    // The page gives the figure that id (ArticleBody's anchors), so the link jumps there without JavaScript.
    expect(article.body.values[0].link).toEqual({
      chart: 'mine-sample-bars',
      state: { select: ['China'], year: '2024' },
      entry: 'mine-sample-bars=select:China;year:2024',
    });
    // A figure the chart does not draw (2017) links to the dataset's rows instead.
    expect(
      figuresOf(article)
        .find((f) => f.textContent === '27,000')!
        .getAttribute('href'),
    ).toBe('../../data/mine-sample/');
  });

  test('changing one figure in the dataset changes the prose on the next load', () => {
    const before = figuresOf(storyOf(site)).map((f) => f.textContent);
    const root = edited('data/mine-sample.json', (text) =>
      text.replace(
        '"country": "China",\n      "tonnes_reo": 270000',
        '"country": "China",\n      "tonnes_reo": 280000',
      ),
    );
    const after = figuresOf(storyOf(root)).map((f) => f.textContent);
    expect(before.slice(0, 3)).toEqual(['270,000', '69.2%', '69%']);
    expect(after.slice(0, 3)).toEqual(['280,000', '71.8%', '72%']);
  });

  test("reading time counts a figure as the words it prints, not its directive or a claim's data attributes", () => {
    const article = storyOf(site);
    const root = edited('content/articles/figures.md', (text) => {
      let typed = text;
      for (const value of article.body.values) typed = typed.replace(value.directive, value.text);
      return typed.replace(/ (states|within|dataset|field|where|as|of|from)="[^"]*"/g, '');
    });
    expect(storyOf(root).body.values).toEqual([]);
    expect(article.words).toBe(storyOf(root).words);
  });

  test('a :value that selects no row is an error in the article, at its line, naming the directive', () => {
    const root = edited('content/articles/figures.md', (text) =>
      text.replace('where="country=China; year=2024"}', 'where="country=China; year=2042"}'),
    );
    const { problems } = loadSite(root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      {
        file: 'content/articles/figures.md',
        field: 'body',
        severity: 'error',
        line: 9,
        column: 13,
        message:
          ':value{dataset="mine-sample" field="tonnes_reo" where="country=China; year=2042"}: where selects no row of data/mine-sample.json: no row has year "2042" (did you mean "2024"?)',
      },
    ]);
  });
});
