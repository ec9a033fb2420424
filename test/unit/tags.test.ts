// Topics from free-text tags: shown as written, one URL per slug, the old hyphenated tags keep their URLs.
import { describe, expect, test } from 'vitest';
import { relatedStories, storyTopics, tagLabel, tagSlug, topicIndex, topicPath } from '../../src/model/tags.ts';

const story = (slug: string, tags: string[], day = 1) => ({ slug, tags, pubDate: new Date(Date.UTC(2025, 0, day)) });

describe('tag slugs', () => {
  test.each([
    ['Supply chains', 'supply-chains'],
    ['DR Congo', 'dr-congo'],
    ['US-China trade', 'us-china-trade'],
    ['  Rare   earths ', 'rare-earths'],
    ['rare-earths', 'rare-earths'],
    ['trade-policy', 'trade-policy'],
    ['Côte d’Ivoire', 'côte-divoire'],
  ])('%j has the URL segment %j', (tag, slug) => expect(tagSlug(tag)).toBe(slug));

  test('hostile text never reaches a URL: no quote, angle bracket, slash or equals sign is left', () => {
    const path = topicPath({ slug: tagSlug('"><img src=x onerror=alert(1)>/../x?y#z') });
    expect(path).toMatch(/^\/tags\/[a-z0-9_-]+\/$/);
  });
});

describe('labels', () => {
  test('free text is shown as written; the old hyphenated form reads word by word capitalised', () => {
    expect(tagLabel('DR Congo')).toBe('DR Congo');
    expect(tagLabel('US-China trade')).toBe('US-China trade');
    expect(tagLabel('united-states')).toBe('United States');
  });
});

describe('topics', () => {
  const a = story('a', ['Supply chains', 'cobalt'], 3);
  const b = story('b', ['supply chains', 'DR Congo'], 2);
  const c = story('c', ['Supply Chains', 'Supply chains', 'supply-chains'], 1);
  const index = topicIndex([a, b, c]);

  test('tags that slug the same are one topic, shown in the form most stories use', () => {
    const supply = index.get('supply-chains')!;
    expect(supply.label).toBe('Supply chains');
    expect(supply.articles.map((s) => s.slug)).toEqual(['a', 'b', 'c']);
    expect([...index.keys()]).toEqual(['cobalt', 'dr-congo', 'supply-chains']);
  });

  test('a story lists each of its topics once, in its own order', () => {
    expect(storyTopics(c, index).map((t) => t.slug)).toEqual(['supply-chains']);
    expect(storyTopics(b, index).map((t) => t.label)).toEqual(['Supply chains', 'DR Congo']);
  });

  test('a tag with no letter or digit makes no topic', () => {
    expect([...topicIndex([story('d', ['!!!', 'Cobalt'])]).keys()]).toEqual(['cobalt']);
  });

  test('related stories share a topic whatever its spelling', () => {
    expect(relatedStories(a, [a, b, c]).map((s) => s.slug)).toEqual(['b', 'c']);
    expect(relatedStories(story('e', ['Lithium']), [a, b, c])).toEqual([]);
  });
});
