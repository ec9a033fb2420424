// The editors' contract, held to its word. test/fixtures/contract/ is content written from CONTRIBUTING.md and the
// issues that fixed the contract, with every documented field in every documented form (see its README). It must
// pass the check with no error, build, keep every page's address, and hold an example of every form the schemas
// document, so that a field added without an example, a page renamed or a field tightened fails here.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem, sortProblems } from '../../src/model/problems.ts';
import { articleSchema, chartSchema, claimSchema, datasetSchema } from '../../src/schemas/index.ts';
import { valueSchema } from '../../src/schemas/value.ts';
import { buildSite, type BuildResult } from '../support/build.ts';
import { formsOf, formsUsed } from '../support/schema-forms.ts';

const corpus = path.resolve(import.meta.dirname, '../fixtures/contract');

const names = (dir: string, ext: string) =>
  readdirSync(path.join(corpus, dir))
    .filter((name) => name.endsWith(ext))
    .sort();
const readJson = (dir: string) => names(dir, '.json').map((name) => JSON.parse(readFileSync(path.join(corpus, dir, name), 'utf8')) as unknown);

interface Story {
  slug: string;
  frontMatter: Document;
  data: Record<string, unknown>;
  tree: Root;
  claims: Record<string, string>[];
  values: Record<string, string>[];
  charts: string[];
}

// Front matter as the loader reads it (YAML 1.2, so dates stay the text the editor typed), the body as remark sees it.
const stories: Story[] = names('content/articles', '.md').map((name) => {
  const text = readFileSync(path.join(corpus, 'content/articles', name), 'utf8');
  const [, yamlText, body] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text)!;
  const frontMatter = parseDocument(yamlText);
  const tree = unified().use(remarkParse).use(remarkDirective).parse(body);
  const claims: Record<string, string>[] = [];
  const values: Record<string, string>[] = [];
  const charts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'textDirective' && node.name === 'claim') claims.push(node.attributes as Record<string, string>);
    if (node.type === 'textDirective' && node.name === 'value') values.push(node.attributes as Record<string, string>);
    if (node.type === 'leafDirective' && node.name === 'chart') charts.push(String(node.attributes?.id));
  });
  return { slug: name.replace(/\.md$/, ''), frontMatter, data: frontMatter.toJS() as Record<string, unknown>, tree, claims, values, charts };
});
const published = stories.filter((story) => story.data.draft !== true);

describe('the corpus checks', () => {
  test('npm run check finds no error in it (warnings are listed here, and allowed)', () => {
    const { problems } = loadSite(corpus, { includeDrafts: true });
    const sorted = sortProblems(problems);
    const warnings = sorted.filter((p) => p.severity === 'warning');
    if (warnings.length) console.log(`The contract corpus gives ${warnings.length} warning(s):\n${warnings.map(formatProblem).join('\n')}`);
    expect(sorted.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  test('it holds an example of every field and form the schemas document', () => {
    const claims = stories.flatMap((story) => story.claims);
    const schemas = [
      ['article', articleSchema, stories.map((story) => story.data)],
      ['claim', claimSchema, claims],
      ['value', valueSchema, stories.flatMap((story) => story.values)],
      ['chart', chartSchema, readJson('content/charts')],
      ['dataset', datasetSchema, readJson('data')],
    ] as const;
    const missing = schemas.flatMap(([root, schema, values]) => {
      const used = formsUsed(root, schema, [...values]);
      return [...formsOf(root, schema)].filter((form) => !used.has(form));
    });
    // A form listed here has no example in test/fixtures/contract/: add one (never remove a form to pass).
    expect(missing).toEqual([]);
  });

  test('its front matter is written in each way the guide shows: dates plain and quoted, lists in blocks and in brackets', () => {
    const styles = new Set<string>();
    for (const story of stories) {
      const top = story.frontMatter.contents;
      if (!isMap(top)) continue;
      for (const item of top.items) {
        const key = String(isScalar(item.key) ? item.key.value : item.key);
        if (isScalar(item.value)) styles.add(`${key}: ${item.value.type}`);
        if (isSeq(item.value)) styles.add(`${key}: ${item.value.flow ? 'flow' : 'block'} list`);
      }
    }
    const expected = [
      'title: PLAIN',
      'title: QUOTE_DOUBLE',
      'pubDate: PLAIN',
      'pubDate: QUOTE_DOUBLE',
      'updatedDate: PLAIN',
      'updatedDate: QUOTE_DOUBLE',
      'tags: block list',
      'tags: flow list',
      'authors: block list',
      'authors: flow list',
    ];
    expect(expected.filter((style) => !styles.has(style))).toEqual([]);
  });

  test('its tags are free text as editors write them, and the old hyphenated form', () => {
    const tags = new Set(stories.flatMap((story) => (story.data.tags as string[] | undefined) ?? []));
    // From the issues that made tags free text again: "Supply chains", "DR Congo", "US-China trade"; the old form
    // "rare-earths"; `tags: ["cobalt", "supply chains"]`; and two spellings of one topic ("Rare earths").
    const expected = ['Supply chains', 'DR Congo', 'US-China trade', 'rare-earths', 'cobalt', 'supply chains', 'Rare earths'];
    expect(expected.filter((tag) => !tags.has(tag))).toEqual([]);
  });

  test('its stories have the shapes other tests rely on: no heading, only ### headings, a chart first, two charts in a row', () => {
    const isChart = (node: RootContent | undefined) => node?.type === 'leafDirective' && node.name === 'chart';
    const headings = (story: Story) => story.tree.children.filter((node) => node.type === 'heading').map((node) => (node as { depth: number }).depth);
    const shapes = {
      'no heading, one chart': published.some((story) => headings(story).length === 0 && story.charts.length === 1),
      'only ### headings': published.some((story) => headings(story).length > 0 && headings(story).every((depth) => depth === 3)),
      'a chart first': published.some((story) => isChart(story.tree.children[0])),
      'two charts in a row': published.some((story) => story.tree.children.some((node, i) => isChart(node) && isChart(story.tree.children[i + 1]))),
      'a draft': stories.some((story) => story.data.draft === true),
    };
    expect(Object.entries(shapes).filter(([, found]) => !found).map(([shape]) => shape)).toEqual([]);
  });
});

// Every address the corpus's pages and files are published at. A page that moves breaks every link to it: a name
// missing here is a promise broken; a new one is added to the list in the same change that adds it.
const promisedUrls = [
  // Site-wide: home, guide pages, the feed and the embed script hosts paste.
  '/',
  '/404.html',
  '/about/',
  '/agreements/',
  '/charts/',
  '/data/',
  '/embed.js',
  '/robots.txt',
  '/rss.xml',
  '/search/',
  '/sitemap-index.xml',
  '/tags/',
  // What the corpus's stories, charts, datasets and tags publish.
  '/articles/fixture-chart-first/',
  '/articles/fixture-full-story/',
  '/articles/fixture-minor-headings/',
  '/articles/fixture-quick-note/',
  '/articles/fixture-two-charts/',
  '/cards/fixture-chart-first.png',
  '/cards/fixture-full-story.png',
  '/cards/fixture-minor-headings.png',
  '/cards/fixture-quick-note.png',
  '/cards/fixture-two-charts.png',
  '/charts/fixture-columns-2023.png',
  '/charts/fixture-columns-2023.svg',
  '/charts/fixture-columns-2023/',
  '/charts/fixture-columns-2023/thumbnail.svg',
  '/charts/fixture-deal-deadlines.png',
  '/charts/fixture-deal-deadlines.svg',
  '/charts/fixture-deal-deadlines/',
  '/charts/fixture-deal-deadlines/thumbnail.svg',
  '/charts/fixture-grid.png',
  '/charts/fixture-grid.svg',
  '/charts/fixture-grid/',
  '/charts/fixture-grid/thumbnail.svg',
  '/charts/fixture-minimal.png',
  '/charts/fixture-minimal.svg',
  '/charts/fixture-minimal/',
  '/charts/fixture-minimal/thumbnail.svg',
  '/charts/fixture-output-area.png',
  '/charts/fixture-output-area.svg',
  '/charts/fixture-output-area/',
  '/charts/fixture-output-area/thumbnail.svg',
  '/charts/fixture-output-bars.png',
  '/charts/fixture-output-bars.svg',
  '/charts/fixture-output-bars/',
  '/charts/fixture-output-bars/thumbnail.svg',
  '/charts/fixture-output-stacked.png',
  '/charts/fixture-output-stacked.svg',
  '/charts/fixture-output-stacked/',
  '/charts/fixture-output-stacked/thumbnail.svg',
  '/charts/fixture-output-facets.png',
  '/charts/fixture-output-facets.svg',
  '/charts/fixture-output-facets/',
  '/charts/fixture-output-facets/thumbnail.svg',
  '/charts/fixture-output-stack-share.png',
  '/charts/fixture-output-stack-share.svg',
  '/charts/fixture-output-stack-share/',
  '/charts/fixture-output-stack-share/thumbnail.svg',
  '/charts/fixture-output-stack-sum.png',
  '/charts/fixture-output-stack-sum.svg',
  '/charts/fixture-output-stack-sum/',
  '/charts/fixture-output-stack-sum/thumbnail.svg',
  '/charts/fixture-output-stack-views.png',
  '/charts/fixture-output-stack-views.svg',
  '/charts/fixture-output-stack-views/',
  '/charts/fixture-output-stack-views/thumbnail.svg',
  '/charts/fixture-ranges.png',
  '/charts/fixture-ranges.svg',
  '/charts/fixture-ranges/',
  '/charts/fixture-ranges/thumbnail.svg',
  '/charts/fixture-share-bars.png',
  '/charts/fixture-share-bars.svg',
  '/charts/fixture-share-bars/',
  '/charts/fixture-share-bars/thumbnail.svg',
  '/charts/fixture-share-line.png',
  '/charts/fixture-share-line.svg',
  '/charts/fixture-share-line/',
  '/charts/fixture-share-line/thumbnail.svg',
  '/charts/fixture-timeline-vertical.png',
  '/charts/fixture-timeline-vertical.svg',
  '/charts/fixture-timeline-vertical/',
  '/charts/fixture-timeline-vertical/thumbnail.svg',
  '/charts/fixture-timeline.png',
  '/charts/fixture-timeline.svg',
  '/charts/fixture-timeline/',
  '/charts/fixture-timeline/thumbnail.svg',
  '/charts/fixture-trade-grid.png',
  '/charts/fixture-trade-grid.svg',
  '/charts/fixture-trade-grid/',
  '/charts/fixture-trade-grid/thumbnail.svg',
  '/charts/fixture-trade-views.png',
  '/charts/fixture-trade-views.svg',
  '/charts/fixture-trade-views/',
  '/charts/fixture-trade-views/thumbnail.svg',
  '/data/fixture-agreements.csv',
  '/data/fixture-agreements.json',
  '/data/fixture-deals-commitments.csv',
  '/data/fixture-deals-commitments.json',
  '/data/fixture-deals.csv',
  '/data/fixture-deals.json',
  '/data/fixture-minimal.csv',
  '/data/fixture-minimal.json',
  '/data/fixture-output.csv',
  '/data/fixture-output.json',
  '/data/fixture-ranges.csv',
  '/data/fixture-ranges.json',
  '/data/fixture-trade.csv',
  '/data/fixture-trade.json',
  '/embed/fixture-columns-2023/',
  '/embed/fixture-deal-deadlines/',
  '/embed/fixture-grid/',
  '/embed/fixture-minimal/',
  '/embed/fixture-output-area/',
  '/embed/fixture-output-bars/',
  '/embed/fixture-output-stacked/',
  '/embed/fixture-output-facets/',
  '/embed/fixture-output-stack-share/',
  '/embed/fixture-output-stack-sum/',
  '/embed/fixture-output-stack-views/',
  '/embed/fixture-ranges/',
  '/embed/fixture-share-bars/',
  '/embed/fixture-share-line/',
  '/embed/fixture-timeline-vertical/',
  '/embed/fixture-timeline/',
  '/embed/fixture-trade-grid/',
  '/embed/fixture-trade-views/',
  '/oembed/fixture-columns-2023.json',
  '/oembed/fixture-deal-deadlines.json',
  '/oembed/fixture-grid.json',
  '/oembed/fixture-minimal.json',
  '/oembed/fixture-output-area.json',
  '/oembed/fixture-output-bars.json',
  '/oembed/fixture-output-stacked.json',
  '/oembed/fixture-output-facets.json',
  '/oembed/fixture-output-stack-share.json',
  '/oembed/fixture-output-stack-sum.json',
  '/oembed/fixture-output-stack-views.json',
  '/oembed/fixture-ranges.json',
  '/oembed/fixture-share-bars.json',
  '/oembed/fixture-share-line.json',
  '/oembed/fixture-timeline-vertical.json',
  '/oembed/fixture-timeline.json',
  '/oembed/fixture-trade-grid.json',
  '/oembed/fixture-trade-views.json',
  '/tags/cobalt/',
  '/tags/c%C3%B4te-divoire/',
  '/tags/dr-congo/',
  '/tags/rare-earths/',
  '/tags/supply-chains/',
  '/tags/trade--tariffs/',
  '/tags/us-china-trade/',
  // Slopes, bands and projections (issue 13).
  '/articles/fixture-slopes-and-projections/',
  '/cards/fixture-slopes-and-projections.png',
  '/charts/fixture-projection-bars.png',
  '/charts/fixture-projection-bars.svg',
  '/charts/fixture-projection-bars/',
  '/charts/fixture-projection-bars/thumbnail.svg',
  '/charts/fixture-projection-line.png',
  '/charts/fixture-projection-line.svg',
  '/charts/fixture-projection-line/',
  '/charts/fixture-projection-line/thumbnail.svg',
  '/charts/fixture-slope.png',
  '/charts/fixture-slope.svg',
  '/charts/fixture-slope/',
  '/charts/fixture-slope/thumbnail.svg',
  '/data/fixture-projections.csv',
  '/data/fixture-projections.json',
  '/embed/fixture-projection-bars/',
  '/embed/fixture-projection-line/',
  '/embed/fixture-slope/',
  '/oembed/fixture-projection-bars.json',
  '/oembed/fixture-projection-line.json',
  '/oembed/fixture-slope.json',
  '/tags/projections/',
  // A chart whose figure shows other charts of its dataset as tabs (issue 14).
  '/articles/fixture-chart-tabs/',
  '/cards/fixture-chart-tabs.png',
  '/charts/fixture-places-bars.png',
  '/charts/fixture-places-bars.svg',
  '/charts/fixture-places-bars/',
  '/charts/fixture-places-bars/thumbnail.svg',
  '/embed/fixture-places-bars/',
  '/oembed/fixture-places-bars.json',
  // The world maps (issue 13).
  '/articles/fixture-world-map/',
  '/cards/fixture-world-map.png',
  '/charts/fixture-places-linear.png',
  '/charts/fixture-places-linear.svg',
  '/charts/fixture-places-linear/',
  '/charts/fixture-places-linear/thumbnail.svg',
  '/embed/fixture-places-linear/',
  '/oembed/fixture-places-linear.json',
  '/charts/fixture-places-map.png',
  '/charts/fixture-places-map.svg',
  '/charts/fixture-places-map/',
  '/charts/fixture-places-map/thumbnail.svg',
  '/embed/fixture-places-map/',
  '/oembed/fixture-places-map.json',
  '/charts/fixture-places-quantiles.png',
  '/charts/fixture-places-quantiles.svg',
  '/charts/fixture-places-quantiles/',
  '/charts/fixture-places-quantiles/thumbnail.svg',
  '/embed/fixture-places-quantiles/',
  '/oembed/fixture-places-quantiles.json',
  '/charts/fixture-places-symbols.png',
  '/charts/fixture-places-symbols.svg',
  '/charts/fixture-places-symbols/',
  '/charts/fixture-places-symbols/thumbnail.svg',
  '/embed/fixture-places-symbols/',
  '/oembed/fixture-places-symbols.json',
  '/data/fixture-places.csv',
  '/data/fixture-places.json',
];

/** Addresses in the families a corpus file creates; site-wide pages (home, about, search...) may come and go. */
const families = ['/articles/', '/cards/', '/charts/', '/data/', '/embed/', '/oembed/', '/tags/'];

describe('the corpus builds as a site and its pages keep their addresses', () => {
  let build: BuildResult;
  let built: string[];
  beforeAll(async () => {
    build = await buildSite({ contentRoot: corpus });
    if (!build.ok) throw new Error(`the contract corpus did not build:\n${build.output}`);
    // Files as addresses: a/b/index.html is /a/b/, each part percent-encoded as a link to it is.
    built = readdirSync(build.outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(build.outDir, path.join(entry.parentPath, entry.name)).split(path.sep))
      .filter((parts) => parts[0] !== 'pagefind' && parts[0] !== '_astro')
      .map((parts) => {
        const page = parts.at(-1) === 'index.html';
        const segments = (page ? parts.slice(0, -1) : parts).map(encodeURIComponent);
        return `/${segments.join('/')}${page && segments.length ? '/' : ''}`;
      })
      .sort();
  }, 300_000);
  afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

  test('every promised address is built', () => {
    expect(built.length).toBeGreaterThan(promisedUrls.length / 2);
    expect(promisedUrls.filter((url) => !built.includes(url))).toEqual([]);
  });

  test('no page of the corpus is built at an address the list does not hold (a renamed page shows here)', () => {
    const unlisted = built.filter((url) => families.some((family) => url.startsWith(family)) && !promisedUrls.includes(url));
    expect(unlisted).toEqual([]);
  });

  test('every story places its charts: no directive is left as text', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const story of published) {
      const html = readFileSync(path.join(build.outDir, 'articles', story.slug, 'index.html'), 'utf8');
      for (const id of story.charts) expect(html, `${story.slug} places ${id}`).toContain(`id="chart-${id}"`);
      expect(html).not.toMatch(/::chart|:claim\[/);
    }
  });
});
