// Every internal link and #anchor of the real built site resolves. linkinator (a maintained link checker) crawls
// the site served as a static host serves it, starting from every HTML page, and checks fragments against the
// ids of the target page. Links written with the site's public address (canonical, feeds, oEmbed) are checked
// against the served copy; other sites are not fetched (no network in tests, and not ours to fix here).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LinkChecker } from 'linkinator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { serve } from '../support/serve.ts';

const publicAddress = 'https://supply-lines.example';
let build: BuildResult;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  build = await buildSite({ env: { SITE_URL: publicAddress, BASE_PATH: '/' } });
  if (!build.ok) throw new Error(`the site did not build:\n${build.output}`);
  site = await serve(build.outDir);
}, 300_000);
afterAll(async () => {
  await site?.close();
  if (build) rmSync(build.outDir, { recursive: true, force: true });
});

/** Every page, linked or not: `/about/` for about/index.html, `/404.html` for 404.html. */
function pages(dir: string, origin: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => `${origin}/${name.replace(/(^|\/)index\.html$/, '$1')}`);
}

/** Crawls from the start pages; `origin` is where the site is served. */
async function brokenLinks(start: string[], origin: string) {
  const result = await new LinkChecker().check({
    path: start,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${publicAddress.replace(/\./g, '\\.')}`), replacement: origin }],
    linksToSkip: async (link) => !link.startsWith(origin),
  });
  return {
    checked: result.links.filter((link) => link.state === 'OK').length,
    broken: result.links
      .filter(
        (link, i, all) =>
          link.state === 'BROKEN' &&
          all.findIndex((other) => other.url === link.url && other.parent === link.parent) === i,
      )
      .map(
        (link) =>
          `${link.url.replace(origin, '')} (${link.status}${link.failureDetails?.length ? `: ${link.failureDetails.map(String).join('; ')}` : ''}) on ${link.parent?.replace(origin, '') ?? 'a start page'}`,
      ),
  };
}

test('every internal link and #anchor on every built page resolves', async () => {
  const start = pages(build.outDir, site.url);
  expect(start.length).toBeGreaterThan(5);
  const { checked, broken } = await brokenLinks(start, site.url);
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(start.length);
}, 180_000);

test('the same check reports a missing page and a missing #anchor, on the page or on another', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supply-lines-links-'));
  mkdirSync(path.join(dir, 'about'));
  writeFileSync(path.join(dir, 'about/index.html'), '<!doctype html><title>About</title><h2 id="sources">Sources</h2>');
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Home</title><a href="#main">skip</a><main id="main"><a href="/about/#sources">ok</a>' +
      '<a href="/about/#no-such-anchor">a</a><a href="/no-such-page/">b</a><a href="#nowhere">c</a></main>',
  );
  const probe = await serve(dir);
  try {
    const { broken } = await brokenLinks(pages(dir, probe.url), probe.url);
    expect(broken.map((line) => line.split(' ')[0]).sort()).toEqual([
      '/#nowhere',
      '/about/#no-such-anchor',
      '/no-such-page/',
    ]);
  } finally {
    await probe.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
