// What the browser tests read besides the pages: the reader fixture's source files (test/fixtures/reader/: to work
// out expected values on their own, never from the page under test) and the list of built pages, one per kind.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { topicIndex } from '../../src/model/tags.ts';
import { loadSite } from '../../src/model/load.ts';
import { readerFixture } from '../support/site.ts';

export interface DataFile {
  unit?: string;
  rows: Record<string, unknown>[];
}

/** A file of the reader fixture, e.g. "data/mine-production.json". */
export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readText(file)) as T;
}

export function readText(file: string): string {
  return readFileSync(path.resolve(readerFixture, file), 'utf8');
}

/** Every HTML file of a built site, as paths relative to it ("articles/x/index.html"). */
export function htmlFiles(siteDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(siteDir, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.html')) files.push(rel);
    }
  };
  walk('');
  return files.sort();
}

/** The address a built file is served at: "articles/x/index.html" -> "/articles/x/". */
export function urlPath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * One page of each kind the build makes: pages one folder below a section ("articles/x/", "charts/x/", "embed/x/")
 * share a kind; every other page (home, about, 404, section indexes) is a kind of its own. `prefer` picks which
 * page stands for its kind where it matters (the lead story for articles).
 */
export function pageKinds(siteDir: string, prefer: string[] = []): { kind: string; path: string }[] {
  const kinds = new Map<string, string>();
  for (const file of htmlFiles(siteDir)) {
    const parts = file.split('/');
    // A dated version (charts/x/versions/2026-12-07/) is a kind of its own, per section.
    const kind = parts[2] === 'versions' ? `${parts[0]}/*/versions/*` : parts.length >= 3 ? `${parts[0]}/*` : file;
    const current = kinds.get(kind);
    if (!current || (prefer.includes(urlPath(file)) && !prefer.includes(current))) kinds.set(kind, urlPath(file));
  }
  return [...kinds].map(([kind, p]) => ({ kind, path: p }));
}

/** Every kind of page the build makes (see pageKinds): a kind that goes missing fails the tests that visit each. */
export const pageKindNames = [
  '404.html',
  'about/index.html',
  'agreements/*',
  'agreements/index.html',
  'articles/*',
  'charts/*',
  'charts/index.html',
  'data/*',
  'data/index.html',
  'embed/*',
  'index.html',
  'search/index.html',
  'tags/*',
  'tags/index.html',
];

/** The kinds of dated version a site built from a clone with history makes (src/site/versions.ts). */
export const versionKindNames = ['articles/*/versions/*', 'charts/*/versions/*', 'embed/*/versions/*'];

/**
 * How many HTML pages a build of this content root must make: a page per published story, a page and an embed per
 * chart, a page per dataset, a page per topic, and the site's own pages (one of each single kind in pageKindNames).
 */
export function expectedPageCount(root = readerFixture): number {
  const { articles, charts, datasets } = loadSite(root).site;
  const single = pageKindNames.filter((kind) => !kind.endsWith('/*')).length;
  // A page per instrument of the agreements data that has an id and a date (src/site/agreements.ts).
  const instruments = (datasets.get('agreements')?.rows ?? []).filter(
    (row) => typeof row.id === 'string' && typeof row.date === 'string',
  ).length;
  return articles.length + 2 * charts.size + datasets.size + topicIndex(articles).size + instruments + single;
}

/** The lead story and the ids of the charts it places, in order, read from its Markdown. */
export const leadStory = {
  path: '/articles/us-rare-earth-agreements/',
  markdown: 'content/articles/us-rare-earth-agreements.md',
  charts(): string[] {
    return [...readText(this.markdown).matchAll(/^::chart\{id="([^"]+)"\}/gm)].map((m) => m[1]);
  },
  uncertainties(): { text: string; raisedBy: string }[] {
    const front = readText(this.markdown).match(/^---\n([\s\S]*?)\n---/)![1];
    return (parse(front) as { uncertainties?: { text: string; raisedBy: string }[] }).uncertainties ?? [];
  },
  claims(): { text: string; status: string; note?: string; chart?: string }[] {
    return [...readText(this.markdown).matchAll(/:claim\[([^\]]+)\]\{([^}]*)\}/g)].map((m) => {
      const attribute = (name: string) => m[2].match(new RegExp(`${name}="([^"]*)"`))?.[1];
      return { text: m[1], status: attribute('status')!, note: attribute('note'), chart: attribute('chart') };
    });
  },
};

/** A number as the site writes a source's figure: full precision, thousands separated. */
export const figure = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 20 });
