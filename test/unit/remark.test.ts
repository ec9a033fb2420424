// Remark plugin fixtures, in the remark-plugins style: test/fixtures/remark/<case>/input.md (+ optional
// config.json: the chart ids that exist, and for :view, what each chart's states may name) through renderMarkdown, compared with output.html beside it.
// output.html is the body's HTML; a chart slot is written as <!-- ::chart id -->, and each message the
// plugins raise as <!-- message line:column text --> at the end, so one file shows all that came out.
// `UPDATE=1 npm run test:unit` rewrites the outputs: review the diff, it is the test.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { renderMarkdown, type RenderedMarkdown } from '../../src/remark/markdown.ts';
import { renderRemarkFixture } from '../support/remark-fixture.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/remark');

const render = renderRemarkFixture;

function serialize(result: RenderedMarkdown): string {
  const body = result.segments
    .map((s) => ('chart' in s ? `<!-- ::chart ${s.chart} (title h${s.headingLevel}) -->\n` : s.html))
    .join('');
  const messages = result.messages.map((m) => `<!-- message ${m.line}:${m.column} ${m.message} -->\n`).join('');
  return `${body.trimEnd()}\n${messages}`;
}

/** The body as a document, for assertions on elements rather than text. */
function bodyOf(result: RenderedMarkdown) {
  const html = result.segments
    .map((s) =>
      'chart' in s ? `<chart-slot data-chart="${s.chart}" data-level="${s.headingLevel}"></chart-slot>` : s.html,
    )
    .join('');
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('each fixture renders to its output.html', () => {
  const cases = readdirSync(fixtures)
    .filter((name) => existsSync(path.join(fixtures, name, 'input.md')))
    .sort();

  test('there are fixtures to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  test.for(cases)('%s', (name) => {
    const actual = serialize(render(name));
    const expectedFile = path.join(fixtures, name, 'output.html');
    if (process.env.UPDATE || (!existsSync(expectedFile) && !process.env.CI)) {
      writeFileSync(expectedFile, actual);
      return;
    }
    expect(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE=1 npm run test:unit`).toBe(true);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

// What the outputs must show, whatever UPDATE writes.
describe('remark-chart: ::chart{id} places a chart', () => {
  test('each placement becomes a chart slot, in order, between the HTML around it', () => {
    const result = render('chart-directive');
    expect(result.messages).toEqual([]);
    expect(result.charts).toEqual(['china-mine-share', 'agreements-timeline']);
    expect(result.segments.map((s) => ('chart' in s ? s.chart : 'html'))).toEqual([
      'html',
      'china-mine-share',
      'html',
      'agreements-timeline',
    ]);
    expect(serialize(result)).not.toContain('::chart{');
  });

  test('unknown, missing, inline, repeated and unknown leaf directives are errors with their line', () => {
    const result = render('chart-directive-errors');
    expect(result.messages).toEqual([
      {
        message: 'no chart "china-mine-shar" in content/charts/ (did you mean "china-mine-share"?)',
        line: 3,
        column: 1,
      },
      { message: '::chart needs an id: ::chart{id="chart-id"}', line: 7, column: 1 },
      { message: 'a chart goes on a line of its own, written with two colons: ::chart{id="..."}', line: 9, column: 25 },
      { message: 'chart "china-mine-share" is placed twice; place each chart once', line: 15, column: 1 },
      { message: 'unknown directive "::map"', line: 19, column: 1 },
    ]);
    expect(result.charts).toEqual(['china-mine-share']);
  });
});

describe('remark-claim: :claim[words]{status note chart}', () => {
  test('every status is marked, numbered and linked to its note', () => {
    const result = render('claim-directive');
    expect(result.messages).toEqual([]);
    expect(result.claims.map((c) => [c.number, c.status, c.text, c.chart])).toEqual([
      [1, 'disputed', 'China controls about 80% of supply', 'china-mine-share'],
      [2, 'unsupported', 'deals were signed on 12 March 2024', undefined],
      [3, 'supported', 'China dominates refining', 'china-mine-share'],
      [4, 'unverified', 'the deals will take years to bear fruit', undefined],
    ]);
    const links = [...bodyOf(result).querySelectorAll('a.claim')];
    expect(
      links.map((a) => [
        a.getAttribute('href'),
        a.id,
        a.getAttribute('data-status'),
        a.querySelector('sup.claim-mark')?.textContent,
      ]),
    ).toEqual([
      ['#claim-1', 'claim-ref-1', 'disputed', 'Disputed 1'],
      ['#claim-2', 'claim-ref-2', 'unsupported', 'Unsupported 2'],
      ['#claim-3', 'claim-ref-3', 'supported', 'Supported 3'],
      ['#claim-4', 'claim-ref-4', 'unverified', 'Unverified 4'],
    ]);
    expect(links[3].querySelector('em')?.textContent).toBe('years');
  });

  test('a wrong status, a missing note, an unknown chart or attribute is an error at the claim', () => {
    const result = render('claim-directive-errors');
    expect(result.messages).toEqual([
      {
        message:
          'claim status: expected one of supported, disputed, unsupported, unverified, found "disputd" (did you mean "disputed"?)',
        line: 1,
        column: 27,
      },
      { message: 'claim note: required, found nothing', line: 3, column: 10 },
      { message: 'claim chart: no chart "china-share" in content/charts/', line: 5, column: 19 },
      {
        message:
          'claim: unknown attribute source; known: status, note, chart, select, year, view, states, within, dataset, field, where, as, of, from',
        line: 7,
        column: 23,
      },
    ]);
  });
});

describe('other directives', () => {
  test('an unknown text directive is put back as the text it was; times and ratios are untouched', () => {
    const result = render('unknown-text-directive');
    expect(result.messages).toEqual([]);
    const text = bodyOf(result).body.textContent;
    for (const written of [
      '10:30',
      '12:45',
      '3:1',
      ':foo[x]',
      ':note[*see* below]{kind="aside" #n1}',
      ':bare',
      '9:00',
      'https://pubs.usgs.gov/',
    ]) {
      expect(text).toContain(written);
    }
  });

  test('a container directive is an error, not a silent <div>', () => {
    expect(render('container-directive').messages).toEqual([
      {
        message: 'unknown directive ":::aside": articles use ::chart{id="..."} and :claim[...]{...}',
        line: 3,
        column: 1,
      },
    ]);
  });
});

test('raw HTML is dropped: no element, attribute or script from the Markdown source survives', () => {
  const result = render('raw-html');
  const document = bodyOf(result);
  expect([...document.body.querySelectorAll('*')].map((e) => e.localName)).toEqual(['p', 'p']);
  expect(document.body.textContent).toContain('inline tags lose their tags and keep their words');
  expect(document.body.textContent).toContain('bold and an escaped <tag>');
  expect(document.body.textContent).not.toContain('A block of raw HTML disappears');
  expect(result.messages).toEqual([]);
});

test('links and images go to http(s), mailto or this site only; javascript: and data: are errors and removed', () => {
  const result = render('unsafe-links');
  const refused = (kind: string, url: string, line: number, column: number) => ({
    message: `${kind} address ${JSON.stringify(url)}: only http(s), mailto and relative addresses are allowed`,
    line,
    column,
  });
  expect(result.messages).toEqual([
    refused('link', 'javascript:alert(1)', 4, 10),
    refused('link', 'java\tscript:alert(1)', 4, 43),
    refused('image', 'data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E', 5, 1),
    refused('link', 'JAVASCRIPT:alert(1)', 7, 1),
  ]);
  const document = bodyOf(result);
  const addresses = [...document.querySelectorAll('a[href], img[src]')].map(
    (e) => e.getAttribute('href') ?? e.getAttribute('src'),
  );
  expect(addresses).toEqual([
    'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf',
    '/about/',
    '#what-we-dont-know',
    'mailto:desk@example.org',
    '',
    '',
    '',
    '',
  ]);
});

test('headings get ids from their words, unique within the article', () => {
  const result = render('heading-ids');
  const ids = [...bodyOf(result).querySelectorAll('h2, h3, h4')].map((h) => h.id);
  expect(ids).toEqual([
    'supply-lines',
    'china-s-share-80',
    'what-we-don-t-know',
    'what-we-don-t-know-1',
    'emigre-and-sao-paulo',
    '2024',
    'section',
  ]);
});

describe('remark-heading-levels: any article reads as an outline under the page title', () => {
  /** The outline of the body: each heading's level and each chart title's, in order. */
  const outline = (result: RenderedMarkdown) =>
    [...bodyOf(result).querySelectorAll('h1, h2, h3, h4, h5, h6, chart-slot')].map((el) =>
      el.localName === 'chart-slot' ? `chart h${el.getAttribute('data-level')}` : `${el.localName} ${el.textContent}`,
    );
  const of = (markdown: string, charts = ['a', 'b']) => outline(renderMarkdown(markdown, new Set(charts)));

  test('no headings: a chart title is an h2, straight under the page h1', () => {
    expect(of('A short story.\n\n::chart{id="a"}\n\nThe end.')).toEqual(['chart h2']);
  });

  test('a chart first, and two charts in a row, take the same level', () => {
    expect(of('::chart{id="a"}\n\n::chart{id="b"}\n\nText.')).toEqual(['chart h2', 'chart h2']);
  });

  test('only ### headings: they become h2, and a chart under one is an h3', () => {
    expect(of('Intro.\n\n### One\n\n::chart{id="a"}\n\n### Two')).toEqual(['h2 One', 'chart h3', 'h2 Two']);
  });

  test('a skipped level closes up, a body # never competes with the page h1, and a chart under a deep heading stops at h5', () => {
    expect(of('# Top\n\n#### Deep\n\n## Back')).toEqual(['h2 Top', 'h3 Deep', 'h3 Back']);
    expect(of('## A\n\n### B\n\n#### C\n\n##### D\n\n###### E\n\n::chart{id="a"}')).toEqual([
      'h2 A',
      'h3 B',
      'h4 C',
      'h5 D',
      'h6 E',
      'chart h5',
    ]);
  });

  test('a chart under a ## heading is an h3, as in the lead story', () => {
    expect(of('## Section\n\n::chart{id="a"}')).toEqual(['h2 Section', 'chart h3']);
  });
});

describe('remark-view: :view[words]{chart select year view} links to a chart state', () => {
  test('each link is an <a> to the state, listed with its chart and state', () => {
    const result = render('view-directive');
    expect(result.messages).toEqual([]);
    const links = [...bodyOf(result).querySelectorAll('a.view-link')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['an estimated 13,000 tonnes', '#mine-production-by-country=select:Australia;year:2024'],
      ['compare them', '#mine-production-by-country=view:2023;select:Burma+(Myanmar),United+States'],
    ]);
    expect(result.views.map((v) => v.state.select)).toEqual([['Australia'], ['Burma (Myanmar)', 'United States']]);
  });

  test('a place whose name holds a comma is one place', () => {
    const result = renderMarkdown(
      ':view[w]{chart="c" select="Korea, Republic of"}\n\n::chart{id="c"}\n',
      new Set(['c']),
      () => ({ views: [], field: 'country', places: ['Korea, Republic of'], years: [] }),
    );
    expect(result.messages).toEqual([]);
    expect(result.views[0].state.select).toEqual(['Korea, Republic of']);
  });

  test('an unknown chart, a chart not in the article, an unknown place, year, view or attribute each stop the build, with the line and a suggestion', () => {
    const messages = render('view-directive-errors').messages.map((m) => `${m.line}: ${m.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^1: :view chart: no chart "mine-production" in content\/charts\/ \(did you mean "mine-production-by-country"\?\)/,
      ),
      expect.stringMatching(
        /^3: :view chart: "china-mine-share" is not placed in this article.*::chart\{id="china-mine-share"\}/,
      ),
      expect.stringMatching(
        /^5: :view select: no country "Austrlia" in chart "mine-production-by-country" \(did you mean "Australia"\?\); it draws: China, United States, Australia/,
      ),
      expect.stringMatching(
        /^5: :view year: chart "mine-production-by-country" draws no year "2042".*its years: 2024, 2023/,
      ),
      expect.stringMatching(/^7: :view: unknown attribute selct \(did you mean "select"\?\)/),
      expect.stringMatching(
        /^7: :view view: chart "mine-production-by-country" has no view "2022".*its views: 2024, 2023/,
      ),
      expect.stringMatching(/^9: :view chart: required/),
    ]);
  });
});
