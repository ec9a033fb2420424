// A `draft: true` article never reaches the production build: not its page, the home page, the feed, the sitemap,
// the search index, tag pages or a chart's list of stories. Drafts are whole: a chart and a dataset only the draft
// uses are drafts too (no chart page, embed, oEmbed, image, download or catalogue entry). test/fixtures/drafts/ holds
// a published story and a draft placing the same chart, and the draft's own chart and dataset; every word of the
// draft, its ids included, carries "quarantined", so one search of every built file's name and bytes (search-index
// files decompressed) finds any leak; the draft's own figures are looked for too.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/drafts');
let build: BuildResult;
let files: { name: string; text: string }[];

/** Every built file as text; gzip files (Pagefind's index and fragments) are decompressed first. */
function readAll(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const bytes = readFileSync(full);
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      return { name: path.relative(dir, full), text: (gzip ? gunzipSync(bytes) : bytes).toString('utf8') };
    });
}

beforeAll(async () => {
  build = await buildSite({ contentRoot: fixture });
  if (!build.ok) throw new Error(`the drafts fixture did not build:\n${build.output}`);
  files = readAll(build.outDir);
}, 300_000);
afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

test('no built file holds any word of the draft: slug, headline, dek, tag, author, body, claim or uncertainty', () => {
  const leaks = files
    .filter((file) => /quarantined/i.test(file.text) || /quarantined/i.test(file.name))
    .map((file) => file.name);
  expect(leaks).toEqual([]);
});

test("no built file holds the figures of the draft's own dataset, written any way (48213, 48,213)", () => {
  const leaks = files.filter((file) => /48,?213|57,?391/.test(file.text)).map((file) => file.name);
  expect(leaks).toEqual([]);
});

test("the published chart and dataset beside the draft are in every output the draft's own stay out of", () => {
  const names = files.map((file) => file.name);
  for (const name of [
    'charts/zircon-output/index.html',
    'charts/zircon-output.svg',
    'charts/zircon-output.png',
    'embed/zircon-output/index.html',
    'oembed/zircon-output.json',
    'data/zircon-output.csv',
    'data/zircon-output.json',
  ]) {
    expect(names, name).toContain(name);
  }
  expect(files.find((file) => file.name === 'data/index.html')?.text).toContain('/data/zircon-output.json');
  expect(files.find((file) => file.name === 'charts/index.html')?.text).toContain('/charts/zircon-output/');
  expect(
    files
      .filter((file) => /^sitemap.*\.xml$/.test(file.name))
      .some((file) => file.text.includes('/charts/zircon-output/')),
  ).toBe(true);
  expect(
    files.some(
      (file) => file.name.startsWith('pagefind/') && file.text.includes('Borduria mines more zircon than Syldavia'),
    ),
  ).toBe(true);
});

test('the published story beside it is in the places a draft must stay out of, so the search above looks there', () => {
  const holding = (text: string) => files.filter((file) => file.text.includes(text)).map((file) => file.name);
  const withSlug = holding('/articles/zircon-published/');
  expect(withSlug).toContain('index.html'); // the home page
  expect(withSlug).toContain('rss.xml');
  expect(withSlug.some((name) => /^sitemap.*\.xml$/.test(name))).toBe(true);
  expect(withSlug).toContain('charts/zircon-output/index.html'); // the chart's list of stories
  expect(withSlug).toContain('tags/zircon/index.html');
  // The search index (Pagefind's compressed fragments) holds the published story's words.
  expect(
    holding('Zircon output, published (test fixture)').some((name) => name.startsWith('pagefind/')),
    'the search index holds the published story (a page with data-pagefind-body makes Pagefind drop every page without it)',
  ).toBe(true);
});

test('the draft has no page of its own and no tag page', () => {
  const names = files.map((file) => file.name);
  expect(names.filter((name) => name.startsWith('articles/'))).toEqual(['articles/zircon-published/index.html']);
  expect(names.some((name) => name.startsWith('tags/quarantined-tag'))).toBe(false);
});

test('DEV=1 or MODE=development in the environment of a build does not publish drafts', async () => {
  // Astro lets these variables override import.meta.env; drafts are decided when the code is compiled instead.
  const hostile = await buildSite({ contentRoot: fixture, env: { DEV: '1', MODE: 'development' } });
  try {
    if (!hostile.ok) throw new Error(`the drafts fixture did not build:\n${hostile.output}`);
    const leaks = readAll(hostile.outDir).filter(
      (file) => /quarantined/i.test(file.text) || /quarantined/i.test(file.name),
    );
    expect(leaks.map((file) => file.name)).toEqual([]);
  } finally {
    rmSync(hostile.outDir, { recursive: true, force: true });
  }
}, 300_000);
