// What a story's page (/articles/<slug>/) shows besides the article itself, built once by the one function the page
// calls (its route data): the body with its figures rendered, the date of its last update, its topics and related
// stories. The components under it (ArticleBody, Byline) take their part as props.
import type { Article, Site } from '../model/load.ts';
import { relatedStories, storyTopics, topicIndex, topicPath } from '../model/tags.ts';
import { articleBody } from './figures.ts';
import { getSite } from './site.ts';
import { lastModified } from './structured-data.ts';
import { newerThan, storyVersions, type Version } from './versions.ts';
import { storyPath, url } from '../util/urls.ts';

/** The live story (no `version`), or a dated version of it (site/versions.ts), with its list of versions. */
export function articlePage(article: Article, version?: Version) {
  const site: Site = version?.site ?? getSite();
  const { charts, articles } = site;
  const versions = storyVersions(article.slug);
  return {
    versions: versions.list,
    version,
    /** A newer version than this dated one exists. */
    newer: newerThan(versions, version),
    body: version
      ? articleBody(article, site).map((part) =>
          'html' in part ? { html: asOnLivePage(part.html, article.slug) } : part,
        )
      : articleBody(article, site),
    // The same date the feed and the structured data give: the update, else the latest correction.
    updated: lastModified(article),
    related: relatedStories(article, articles),
    topics: storyTopics(article, topicIndex(articles)).map((topic) => ({ ...topic, path: topicPath(topic) })),
    chartTitle: (id: string) => charts.get(id)?.title ?? id,
  };
}

/**
 * A story's links as they work from its live page. The Markdown's relative links ("../../data/x/", written so the
 * site works under any BASE_PATH) count from /articles/<slug>/; a dated version sits two folders deeper.
 */
function asOnLivePage(html: string, slug: string): string {
  const live = new URL(url(storyPath(slug)), 'https://site.invalid');
  return html.replace(/(\shref=")(?![a-z][a-z0-9+.-]*:|\/|#)([^"]*)"/gi, (_, attribute: string, href: string) => {
    const target = new URL(href.replace(/&amp;/g, '&'), live);
    return `${attribute}${(target.pathname + target.search + target.hash).replace(/&/g, '&amp;')}"`;
  });
}
