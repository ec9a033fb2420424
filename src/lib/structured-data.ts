// schema.org objects for stories (NewsArticle) and datasets (Dataset).
import type { Dataset } from '../schemas/index.ts';
import type { Article } from '../model/load.ts';
import { articleUrl, url } from './urls.ts';

export const publisher = { '@type': 'NewsMediaOrganization', name: 'Supply Lines' } as const;

const absolute = (path: string, site: URL) => new URL(path, site).href;

export function newsArticle(article: Article, site: URL, image?: string) {
  return {
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    datePublished: article.pubDate.toISOString(),
    dateModified: (article.updatedDate ?? article.corrections.at(-1)?.date ?? article.pubDate).toISOString(),
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    ...(image ? { image: [absolute(image, site)] } : {}),
    publisher: { ...publisher, url: absolute(url('/'), site) },
    mainEntityOfPage: absolute(articleUrl(article.slug), site),
    keywords: article.tags.join(', '),
  };
}

export function datasetObject(dataset: Dataset, site: URL) {
  return {
    '@type': 'Dataset',
    name: dataset.title,
    description: dataset.description ?? dataset.title,
    url: absolute(url(`/data/#${dataset.id}`), site),
    creator: { ...publisher, url: absolute(url('/'), site) },
    ...(dataset.license ? { license: dataset.license } : {}),
    isBasedOn: dataset.sources.map((s) => s.url),
    citation: dataset.sources.map((s) => [s.name, s.edition].filter(Boolean).join(', ')),
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: absolute(url(`/data/${dataset.id}.csv`), site) },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: absolute(url(`/data/${dataset.id}.json`), site) },
    ],
  };
}
