// What a story's page (/articles/<slug>/) shows besides the article itself, built once by the one function the page
// calls (its route data): the body with its figures rendered, the date of its last update, its topics and related
// stories. The components under it (ArticleBody, Byline) take their part as props.
import type { Article } from '../model/load.ts';
import { relatedStories, storyTopics, topicIndex } from '../model/tags.ts';
import { articleBody } from './figures.ts';
import { getSite } from './site.ts';
import { lastModified } from './structured-data.ts';

export function articlePage(article: Article) {
  const { charts, articles } = getSite();
  return {
    body: articleBody(article),
    // The same date the feed and the structured data give: the update, else the latest correction.
    updated: lastModified(article),
    related: relatedStories(article, articles),
    topics: storyTopics(article, topicIndex(articles)),
    chartTitle: (id: string) => charts.get(id)?.title ?? id,
  };
}
