// The site is built for the root of its domain; BASE_PATH builds it for a sub-path instead (a GitHub Pages
// project site). Every address in such a build must stay inside the sub-path, or the page it links is a 404.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { nonEmpty } from '../support/lists.ts';

const small = path.resolve(import.meta.dirname, '../fixtures/site-small');
const base = '/supply-lines';
const origin = 'https://newsroom.example';

let build: BuildResult;
beforeAll(async () => {
  build = await buildSite({ contentRoot: small, env: { BASE_PATH: base, SITE_URL: origin } });
  if (!build.ok) throw new Error(`the fixture site did not build under ${base}:\n${build.output}`);
}, 300_000);
afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test(`every address in every page stays under ${base}/`, () => {
  const outside: string[] = [];
  const pages = files(build.outDir, '.html');
  expect(pages.length).toBeGreaterThan(5);
  for (const file of pages) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const element of nonEmpty(
      document.querySelectorAll('[href], [src], [action], meta[content^="http"]'),
      `${file}: addresses`,
    )) {
      for (const attribute of ['href', 'src', 'action', 'content']) {
        const value = element.getAttribute(attribute);
        if (
          !value ||
          value.startsWith('#') ||
          value.startsWith('data:') ||
          (attribute === 'content' && !value.startsWith(origin))
        )
          continue;
        const address = new URL(value, `${origin}${base}/`);
        if (address.origin !== origin) continue; // a source's own site
        if (!address.pathname.startsWith(`${base}/`))
          outside.push(`${path.relative(build.outDir, file)}: ${attribute}="${value}"`);
      }
    }
  }
  expect(outside).toEqual([]);
});

test('canonical addresses, the feed and the oEmbed answers name the public address with the sub-path', () => {
  const { document } = parseHTML(readFileSync(path.join(build.outDir, 'articles/australia-output/index.html'), 'utf8'));
  expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
    `${origin}${base}/articles/australia-output/`,
  );
  const feed = readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8');
  expect(feed).toContain(`<link>${origin}${base}/articles/australia-output/</link>`);
  for (const file of nonEmpty(files(path.join(build.outDir, 'oembed'), '.json'), 'oEmbed answers')) {
    const answer = JSON.parse(readFileSync(file, 'utf8'));
    expect(answer.html).toContain(`src="${origin}${base}/embed/`);
    expect(answer.html).toContain(`${origin}${base}/embed.js`);
    expect(answer.thumbnail_url.startsWith(`${origin}${base}/charts/`)).toBe(true);
  }
});
