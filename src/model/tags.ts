// Topics: the tags editors write, free text ("Supply chains", "DR Congo", "rare-earths"), grouped by their URL slug.
import { group, rollup } from 'd3-array';
import { slug } from 'github-slugger';

/** What topics need of a story (an Article), so the model can use this module without importing it back. */
interface Tagged {
  slug: string;
  tags: string[];
  pubDate: Date;
}

export interface Topic<A extends Tagged = Tagged> {
  /** The topic's URL segment: /tags/<slug>/. */
  slug: string;
  /** The topic as shown: the form most of its stories use. */
  label: string;
  /** Its published stories, newest first. */
  articles: A[];
}

/**
 * A tag's URL segment, by GitHub's heading slugger: lower case, spaces to hyphens, punctuation dropped, so
 * "US-China trade" -> "us-china-trade" and a lower-case hyphenated tag keeps its URL. May be "" (no letter or digit).
 */
export function tagSlug(tag: string): string {
  return slug(tag.trim().replace(/\s+/g, ' '));
}

/** The old contract's form, "trade-policy": shown word by word capitalised ("Trade Policy"), as it always was. */
const hyphenatedTag = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A tag as readers see it: as written, except the old hyphenated form, which reads "Trade Policy". */
export function tagLabel(tag: string): string {
  const written = tag.trim().replace(/\s+/g, ' ');
  if (!hyphenatedTag.test(written)) return written;
  return written
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A topic's page, before the site's base path: its slug may hold any letter, so it is percent-encoded. */
export function topicPath(topic: Pick<Topic, 'slug'>): string {
  return `/tags/${encodeURIComponent(topic.slug)}/`;
}

const indexes = new WeakMap<Tagged[], Map<string, Topic>>();

/** Every topic of these stories, in alphabetical order; tags that slug the same are one topic. Worked out once per list. */
export function topicIndex<A extends Tagged>(articles: A[]): Map<string, Topic<A>> {
  const known = indexes.get(articles);
  if (known) return known as Map<string, Topic<A>>;
  const index = buildTopicIndex(articles);
  indexes.set(articles, index);
  return index;
}

function buildTopicIndex<A extends Tagged>(articles: A[]): Map<string, Topic<A>> {
  // Each tag a story carries, once per story, with the topic it falls under.
  const tagged = articles.flatMap((article) =>
    [...new Set(article.tags)]
      .map((tag) => ({ key: tagSlug(tag), label: tagLabel(tag), article }))
      .filter((t) => t.key),
  );
  const topics = [...group(tagged, (t) => t.key)].map(([key, list]) => ({
    slug: key,
    // The most used form; among equals the first in alphabetical order, so the choice never depends on file order.
    label: [
      ...rollup(
        list,
        (same) => same.length,
        (t) => t.label,
      ),
    ].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))[0][0],
    articles: [...new Set(list.map((t) => t.article))].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()),
  }));
  return new Map(topics.sort((a, b) => a.label.localeCompare(b.label)).map((topic) => [topic.slug, topic]));
}

/** The topics a story carries, in the order it lists them, as the site's topic index names them. */
export function storyTopics<A extends Tagged>(article: Tagged, topics: Map<string, Topic<A>>): Topic<A>[] {
  const found = article.tags.map((tag) => topics.get(tagSlug(tag))).filter((t): t is Topic<A> => t !== undefined);
  return [...new Set(found)];
}

/** Stories that share the most topics with this one (at most `count`), newest first among equals. */
export function relatedStories<A extends Tagged>(article: A, articles: A[], count = 3): A[] {
  const mine = new Set(article.tags.map(tagSlug).filter(Boolean));
  return articles
    .filter((other) => other.slug !== article.slug)
    .map((other) => ({ other, shared: new Set(other.tags.map(tagSlug).filter((t) => mine.has(t))).size }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.other.pubDate.getTime() - a.other.pubDate.getTime())
    .slice(0, count)
    .map(({ other }) => other);
}
