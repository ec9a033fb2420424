// The agreements pages, built from a fixture site (test/fixtures/site-agreements/: made-up instruments): a page per
// instrument with its commitments, their due dates computed from the signing and the period, what a reader is told
// of their delivery, two statements of one promise side by side, and the tracker, sitemap, search and JSON-LD.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { nonEmpty } from '../support/lists.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/site-agreements');
const data = JSON.parse(readFileSync(path.join(root, 'data/agreements.json'), 'utf8')) as {
  rows: { id: string; date: string; instrument: string; commitments: { id: string; text: string }[] }[];
};

let build: BuildResult;
beforeAll(async () => {
  build = await buildSite({ contentRoot: root });
  if (!build.ok) throw new Error(`the fixture site did not build:\n${build.output}`);
}, 300_000);
afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
const page = (route: string) => parseHTML(read(`${route}/index.html`)).document;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const commitmentOf = (row: string, id: string) => page(`agreements/${row}`).querySelector(`#${row}-${id}`);

describe('each instrument has its page, with every commitment it lists', () => {
  test.for(nonEmpty(data.rows, 'instruments').map((row) => [row.id, row] as const))('%s', ([id, row]) => {
    const doc = page(`agreements/${id}`);
    expect(text(doc.querySelector('h1'))).toContain(row.instrument);
    for (const commitment of nonEmpty(row.commitments, `${id}: commitments`))
      expect(text(doc.querySelector(`#${id}-${commitment.id} h3`))).toBe(commitment.text);
    expect(doc.querySelector('[data-pagefind-body]')).not.toBeNull();
  });
});

describe('due dates are computed from the signing and the period, and read against the "as of" date', () => {
  test('six months from 20 October 2025: due 20 April 2026, past, with no evidence of delivery', () => {
    const section = commitmentOf('partner-a-2025-framework', 'one-each');
    expect(text(section)).toContain('20 April 2026 (6 months after the signing (20 October 2025))');
    expect(text(section?.querySelector('.commitment-reading'))).toBe(
      'Due 20 April 2026: no evidence of delivery in our sources as of 29 October 2025.',
    );
    expect(text(section)).not.toMatch(/not met/);
  });
  test('180 days from 28 October 2025: due 26 April 2026, met by a dated source', () => {
    expect(text(commitmentOf('partner-b-2025-framework', 'ministerial')?.querySelector('.commitment-reading'))).toBe(
      'Due 26 April 2026: met, according to a source of 2 May 2026.',
    );
  });
  test('one month from 31 January 2024 (a leap year): due 29 February 2024', () => {
    expect(text(commitmentOf('partner-c-2024-compact', 'plan')?.querySelector('.commitment-reading'))).toBe(
      'Due 29 February 2024: no evidence of delivery in our sources as of 1 February 2024.',
    );
  });
  test('12 months from 28 October 2025 is after the as-of date: not yet due', () => {
    expect(text(commitmentOf('partner-b-2025-framework', 'far-deadline')?.querySelector('.commitment-reading'))).toBe(
      'Due 28 October 2026, after 30 June 2026: no status recorded.',
    );
  });
  test('a document with no address says so, and is not linked', () => {
    const section = commitmentOf('partner-c-2024-compact', 'plan');
    expect(text(section)).toContain(
      'Fixture source: a briefing with no recorded address (no address recorded), January 2024 (fixture)',
    );
    expect(section?.querySelector('a[href*="briefing"]')).toBeNull();
  });
});

describe('every status names the date its sources were read, or says it was not recorded', () => {
  test('an entry with a read date prints it, as a machine-readable date', () => {
    const entry = commitmentOf('partner-b-2025-framework', 'ministerial')?.querySelector('.commitment-status');
    expect(text(entry?.querySelector('.commitment-read'))).toBe('Sources read 3 May 2026.');
    expect(entry?.querySelector('.commitment-read time')?.getAttribute('datetime')).toBe('2026-05-03');
  });
  test('after a list of sources, the read date is a sentence of its own', () => {
    expect(text(commitmentOf('partner-c-2024-compact', 'plan')?.querySelector('.commitment-status'))).toMatch(
      /Source: Fixture source: a briefing with no recorded address \(no address recorded\)\. Sources read 2 February 2024\.$/,
    );
  });
  test('an entry without one says so, and gives no date', () => {
    const entry = commitmentOf('partner-a-2025-framework', 'one-each')?.querySelector('.commitment-status');
    expect(text(entry?.querySelector('.commitment-read'))).toBe('No record of when the sources were read.');
  });
  test("the instrument's page and the tracker say how current each instrument's statuses are, not the data's as-of date", () => {
    expect(text(page('agreements/partner-b-2025-framework').querySelector('.commitments-dating'))).toMatch(
      /^Latest statuses: 1 of 2 May 2026, sources read 3 May 2026; 1 with no status recorded\. /,
    );
    const tracker = text(page('agreements').querySelector('#partner-a-2025-framework .tracker-commitments'));
    expect(tracker).toContain('2 commitments (latest status 29 October 2025; no record of when the sources were read)');
    expect(tracker).not.toContain('30 June 2026');
  });
});

test('the tracker states the years its instruments were signed in, from the data', () => {
  const years = data.rows.map((row) => row.date.slice(0, 4)).sort();
  expect(years[0]).not.toBe(years.at(-1));
  expect(text(page('agreements').querySelector('.dek'))).toContain(
    `with partner countries, ${years[0]} to ${years.at(-1)}: for each`,
  );
});

test('two statements of one commitment sit side by side in one group, each with its own source', () => {
  const group = page('agreements/partner-a-2025-framework').querySelector('.commitment-group--conflict');
  expect([...(group?.querySelectorAll('.commitment') ?? [])].map((s) => s.id)).toEqual([
    'partner-a-2025-framework-one-each',
    'partner-a-2025-framework-three-in-all',
  ]);
  expect(text(group?.querySelector('#partner-a-2025-framework-one-each'))).toContain('Joint Statement of Nowhere');
  expect(text(group?.querySelector('#partner-a-2025-framework-three-in-all dl'))).toContain('Example Wire');
  expect(text(group?.querySelector('#partner-a-2025-framework-three-in-all dl'))).not.toContain('Joint Statement');
});

test("the tracker links every instrument page and offers the commitments' statuses as a filter", () => {
  const tracker = page('agreements');
  for (const row of nonEmpty(data.rows, 'instruments'))
    expect(tracker.querySelector(`#${row.id} h2 a`)?.getAttribute('href')).toBe(`/agreements/${row.id}/`);
  expect([...tracker.querySelectorAll('select[name="status"] option')].map((o) => o.getAttribute('value'))).toEqual([
    '',
    'met',
    'no-report',
    'none',
  ]);
  expect(tracker.querySelector('#partner-b-2025-framework')?.getAttribute('data-statuses')).toBe('met none');
});

test('instrument pages are in the sitemap and carry Dataset JSON-LD', () => {
  const sitemap = read('sitemap-0.xml');
  for (const row of nonEmpty(data.rows, 'instruments')) expect(sitemap).toContain(`/agreements/${row.id}/</loc>`);
  const ld = JSON.parse(
    page('agreements/partner-a-2025-framework').querySelector('script[type="application/ld+json"]')!.textContent!,
  );
  expect(ld).toMatchObject({
    '@type': 'Dataset',
    url: expect.stringMatching(/\/agreements\/partner-a-2025-framework\/$/),
    dateModified: '2026-06-30',
    isPartOf: { '@type': 'Dataset' },
  });
});

test('the commitments timeline is drawn from the computed companion dataset, downloadable as CSV', () => {
  const csv = read('data/agreements-commitments.csv');
  expect(csv).toContain('partner-b-2025-framework,Fixture Framework on Processing,Partner B 2025,');
  expect(csv.split('\r\n').filter((line) => line.includes(',due,2026-04-26,'))).toHaveLength(1);
  expect(page('charts/fixture-deadlines').querySelector('figure svg')).not.toBeNull();
});
