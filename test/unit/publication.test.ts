// The publication's models behind the tracker, tag pages, related stories, the feed's and JSON-LD's dates and the
// Dataset objects, with the content they would meet: the reader fixture (a frozen copy of the publication), the
// publication fixture, and variants of them for the cases neither has (a chart drawing some agreements only, a note about one agreement).
// The built pages are tested in test/browser/publication.test.ts and publication-fixture.test.ts.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { agreementEntries, agreementsDatasetId } from '../../src/site/agreements.ts';
import { datasetObject, lastModified, newsArticle } from '../../src/site/structured-data.ts';
import { relatedStories, tagSlug, topicIndex } from '../../src/model/tags.ts';
import { loadSite, type Article, type Site } from '../../src/model/load.ts';
import { nonEmpty } from '../support/lists.ts';
import { readerFixture } from '../support/site.ts';

const real = loadSite(readerFixture).site;
const fixture = loadSite(path.resolve(import.meta.dirname, '../fixtures/publication')).site;
const siteUrl = new URL('https://news.example/');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('tags', () => {
  test('every topic of every published story is indexed with exactly its stories, newest first', () => {
    const index = topicIndex(real.articles);
    const slugs = [...new Set(real.articles.flatMap((a) => a.tags.map(tagSlug)))].sort();
    expect(slugs.length).toBeGreaterThan(0);
    expect([...index.keys()].sort()).toEqual(slugs);
    for (const [slug, topic] of index) {
      expect(topic.articles.map((s) => s.slug)).toEqual(
        real.articles.filter((a) => a.tags.some((t) => tagSlug(t) === slug)).map((a) => a.slug),
      );
      expect(
        topic.articles.every((s, i) => i === 0 || s.pubDate <= topic.articles[i - 1].pubDate),
        slug,
      ).toBe(true);
    }
  });

  test('related stories share a tag, most shared tags first, then newest; never the story itself', () => {
    for (const story of nonEmpty(real.articles, 'stories')) {
      const related = relatedStories(story, real.articles);
      const shared = (other: Article) => other.tags.filter((t) => story.tags.includes(t)).length;
      expect(related.length).toBeLessThanOrEqual(3);
      expect(related).not.toContain(story);
      for (const [i, other] of related.entries()) {
        expect(shared(other), `${story.slug} -> ${other.slug}`).toBeGreaterThan(0);
        if (i > 0) {
          const before = related[i - 1];
          expect(
            shared(before) > shared(other) || (shared(before) === shared(other) && before.pubDate >= other.pubDate),
          ).toBe(true);
        }
      }
    }
    const [updated, earlier] = fixture.articles;
    expect(relatedStories(updated, fixture.articles)).toEqual([earlier]);
    // A story with no tag in common has none.
    expect(relatedStories({ ...updated, tags: ['nothing-else-has-this'] }, fixture.articles)).toEqual([]);
  });
});

describe('when a story last changed', () => {
  const updated = fixture.articles.find((a) => a.updatedDate)!;
  const never = fixture.articles.find((a) => !a.updatedDate && a.corrections.length === 0)!;

  test('its updatedDate; else its latest correction, in whatever order they are listed; else none', () => {
    expect(lastModified(updated)).toEqual(updated.updatedDate);
    const corrections = [
      { date: day('2026-11-05'), text: 'later', charts: [] },
      { date: day('2026-11-01'), text: 'earlier', charts: [] },
    ];
    expect(lastModified({ ...updated, updatedDate: undefined, corrections })).toEqual(day('2026-11-05'));
    expect(lastModified(never)).toBeUndefined();
  });

  test("the NewsArticle's dateModified is that date, or the publication date", () => {
    expect(newsArticle(updated, siteUrl).dateModified).toBe(updated.updatedDate!.toISOString());
    const corrected = {
      ...updated,
      updatedDate: undefined,
      corrections: [{ date: day('2026-11-05'), text: 'x', charts: [] }],
    };
    expect(newsArticle(corrected, siteUrl).dateModified).toBe('2026-11-05T00:00:00.000Z');
    expect(newsArticle(never, siteUrl).dateModified).toBe(never.pubDate.toISOString());
    expect(newsArticle(never, siteUrl, '/cards/x.png').image).toEqual(['https://news.example/cards/x.png']);
  });
});

describe('Dataset objects', () => {
  test('a licence is a named CreativeWork; no licence, no licence field', () => {
    const dataset = fixture.datasets.get('china-world-production')!;
    expect(datasetObject(dataset, siteUrl).license).toEqual({ '@type': 'CreativeWork', name: dataset.license });
    expect('license' in datasetObject({ ...dataset, license: undefined }, siteUrl)).toBe(false);
  });

  test('downloads are the CSV and JSON files of the dataset; sources are cited and each address is named once', () => {
    for (const dataset of nonEmpty(real.datasets.values(), 'datasets')) {
      const ld = datasetObject(dataset, siteUrl);
      expect(ld.distribution.map((d) => [d.encodingFormat, d.contentUrl])).toEqual([
        ['text/csv', `https://news.example/data/${dataset.id}.csv`],
        ['application/json', `https://news.example/data/${dataset.id}.json`],
      ]);
      expect(ld.citation).toHaveLength(dataset.sources.length);
      expect(new Set(ld.isBasedOn).size).toBe(ld.isBasedOn.length);
      expect(new Set(ld.isBasedOn)).toEqual(new Set(dataset.sources.map((s) => s.url)));
    }
  });

  test("dateModified is the dataset's latest change", () => {
    const dataset = fixture.datasets.get('china-world-production')!;
    expect(datasetObject(dataset, siteUrl).dateModified).toBe('2026-10-20');
    expect('dateModified' in datasetObject({ ...dataset, changes: undefined }, siteUrl)).toBe(false);
  });
});

describe('agreements tracker', () => {
  const dataset = real.datasets.get(agreementsDatasetId)!;
  const rows = dataset.rows as { id: string; partner: string; date: string }[];
  const spec = [...real.charts.values()].find((c) => c.dataset === agreementsDatasetId)!;
  const story = real.articles.find((a) => a.body.charts.includes(spec.id))!;

  /** The real site plus charts of the agreements data and stories placing only them. */
  function withCharts(
    extra: {
      id: string;
      filter?: Record<string, string | string[]>;
      views?: { id: string; label: string; filter: Record<string, string> }[];
    }[],
  ): Site {
    const charts = new Map(real.charts);
    const articles = [...real.articles];
    for (const chart of extra) {
      charts.set(chart.id, { ...spec, ...chart, views: chart.views } as typeof spec);
      articles.push({ ...story, slug: `story-${chart.id}`, body: { ...story.body, charts: [chart.id] } });
    }
    return { ...real, charts, articles };
  }

  test('one entry per row, oldest first, each with the charts of the agreements data and the stories placing them', () => {
    const entries = agreementEntries(dataset, real);
    expect(entries.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(
      nonEmpty(entries, 'tracker entries').every(
        (e, i) => i === 0 || String(e.row.date) >= String(entries[i - 1].row.date),
      ),
    ).toBe(true);
    const agreementCharts = [...real.charts.values()].filter((c) => c.dataset === agreementsDatasetId).map((c) => c.id);
    for (const entry of entries) {
      expect(entry.year).toBe(Number(String(entry.row.date).slice(0, 4)));
      expect(entry.charts.map((c) => c.id).sort(), entry.id).toEqual([...agreementCharts].sort()); // they draw every row
      expect(
        entry.stories.map((s) => s.slug),
        entry.id,
      ).toContain(story.slug);
    }
  });

  test('a chart that keeps some agreements only (by its filter or its views) is listed on those entries only, with its story', () => {
    const partner = rows[0].partner;
    const others = [...new Set(rows.map((r) => r.partner))].filter((p) => p !== partner);
    const site = withCharts([
      { id: 'one-partner', filter: { partner } },
      {
        id: 'two-views',
        views: [
          { id: 'a', label: 'A', filter: { partner: others[0] } },
          { id: 'b', label: 'B', filter: { partner: others[1] } },
        ],
      },
    ]);
    const entries = agreementEntries(dataset, site);
    const listing = (chartId: string) =>
      entries
        .filter((e) => e.charts.some((c) => c.id === chartId))
        .map((e) => e.id)
        .sort();
    expect(listing('one-partner')).toEqual(
      rows
        .filter((r) => r.partner === partner)
        .map((r) => r.id)
        .sort(),
    );
    expect(listing('two-views')).toEqual(
      rows
        .filter((r) => r.partner === others[0] || r.partner === others[1])
        .map((r) => r.id)
        .sort(),
    );
    const storiesOf = (slug: string) =>
      entries
        .filter((e) => e.stories.some((s) => s.slug === slug))
        .map((e) => e.id)
        .sort();
    expect(storiesOf('story-one-partner')).toEqual(listing('one-partner'));
    expect(storiesOf('story-two-views')).toEqual(listing('two-views'));
  });

  test("an entry's history holds the dataset's notes about the whole dataset and those about it, not about others", () => {
    const [first, second] = rows;
    const changes = [
      ...(dataset.changes ?? []),
      { date: day('2026-12-01'), text: 'Money clause re-read.', key: first.id },
    ];
    const entries = agreementEntries({ ...dataset, changes }, real);
    const historyOf = (id: string) => entries.find((e) => e.id === id)!.history.map((h) => h.text);
    const general = (dataset.changes ?? []).filter((c) => c.key === undefined).map((c) => c.text);
    expect(general.length).toBeGreaterThan(0);
    expect(historyOf(first.id)).toEqual([...general, 'Money clause re-read.']);
    expect(historyOf(second.id)).toEqual(general);
  });
});
