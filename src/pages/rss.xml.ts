// /rss.xml: every published story, newest first, with its dek, link and last update.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { escapeXml } from '../util/escape.ts';
import { lastModified } from '../site/structured-data.ts';
import { articleUrl, url } from '../util/urls.ts';
import { getSite } from '../site/site.ts';

export function GET(context: APIContext) {
  const { articles } = getSite();
  const self = new URL(url('/rss.xml'), context.site).href;
  return rss({
    title: 'Supply Lines',
    description: 'Data journalism about critical-mineral supply chains.',
    site: context.site!,
    items: articles.map((article) => {
      const modified = lastModified(article);
      return {
        title: article.title,
        description: article.description,
        link: articleUrl(article.slug),
        pubDate: article.pubDate,
        categories: article.tags,
        // RSS 2.0's <author> must be an e-mail address; Dublin Core names the people. dc:date is the last update
        // (a later correction or updatedDate), as the story's JSON-LD dateModified; RSS 2.0 has no element for it.
        customData: [
          ...article.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
          ...(modified ? [`<dc:date>${modified.toISOString()}</dc:date>`] : []),
        ].join(''),
      };
    }),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
  });
}
