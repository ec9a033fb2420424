// /rss.xml: every published story, newest first, with its dek, link and last update.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleUrl } from '../lib/urls.ts';
import { getSite } from '../model/site.ts';

export function GET(context: APIContext) {
  const { articles } = getSite();
  return rss({
    title: 'Supply Lines',
    description: 'Data journalism about critical-mineral supply chains.',
    site: context.site!,
    items: articles.map((article) => ({
      title: article.title,
      description: article.description,
      link: articleUrl(article.slug),
      pubDate: article.pubDate,
      author: article.authors.join(', '),
      categories: article.tags,
      // dateModified for feed readers that show updates (atom:updated is not in RSS 2.0).
      customData: article.updatedDate ? `<dc:date>${article.updatedDate.toISOString()}</dc:date>` : undefined,
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>en</language>',
  });
}
