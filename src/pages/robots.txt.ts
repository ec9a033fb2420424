// robots.txt: everything may be crawled except embeds (they duplicate chart pages); points at the sitemap.
import type { APIContext } from 'astro';
import { url } from '../util/urls.ts';

export function GET(context: APIContext) {
  const sitemap = new URL(url('/sitemap-index.xml'), context.site).href;
  return new Response(`User-agent: *\nDisallow: ${url('/embed/')}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
