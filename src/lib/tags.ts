import type { Article } from '../model/load.ts';

/** Every tag with its published stories, newest first; tags in alphabetical order. */
export function tagIndex(articles: Article[]): Map<string, Article[]> {
  const index = new Map<string, Article[]>();
  for (const article of articles) for (const tag of article.tags) index.set(tag, [...(index.get(tag) ?? []), article]);
  return new Map([...index].sort(([a], [b]) => a.localeCompare(b)));
}

/** "trade-policy" -> "Trade Policy": every word capitalised, so "united-states" reads "United States". */
export function tagLabel(tag: string): string {
  return tag
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Stories that share the most tags with this one (at most `count`), newest first among equals. */
export function relatedStories(article: Article, articles: Article[], count = 3): Article[] {
  return articles
    .filter((other) => other.slug !== article.slug)
    .map((other) => ({ other, shared: other.tags.filter((t) => article.tags.includes(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.other.pubDate.getTime() - a.other.pubDate.getTime())
    .slice(0, count)
    .map(({ other }) => other);
}
