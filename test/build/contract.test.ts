// The editors' contract corpus (test/fixtures/contract/, see test/unit/contract.test.ts) builds as a site and keeps
// every page's address, so that a page renamed fails here.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { corpus, published } from '../support/contract-corpus.ts';

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
  // Each dataset's own page (issue 24).
  '/data/fixture-agreements/',
  '/data/fixture-deals/',
  '/data/fixture-deals-commitments/',
  '/data/fixture-minimal/',
  '/data/fixture-output/',
  '/data/fixture-places/',
  '/data/fixture-projections/',
  '/data/fixture-ranges/',
  '/data/fixture-trade/',
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
  // A chart whose views are made from a field, "viewsBy" (issue 24).
  '/articles/fixture-views-by/',
  '/cards/fixture-views-by.png',
  '/charts/fixture-output-by-year.png',
  '/charts/fixture-output-by-year.svg',
  '/charts/fixture-output-by-year/',
  '/charts/fixture-output-by-year/thumbnail.svg',
  '/embed/fixture-output-by-year/',
  '/oembed/fixture-output-by-year.json',
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
    const unlisted = built.filter(
      (url) => families.some((family) => url.startsWith(family)) && !promisedUrls.includes(url),
    );
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
