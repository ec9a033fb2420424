// schema.org objects for stories (NewsArticle) and datasets (Dataset).
import type { Dataset, Row } from '../schemas/index.ts';
import type { Article } from '../model/load.ts';
import { articleUrl, url } from '../util/urls.ts';
import { isoDate } from '../util/dates.ts';

export const publisher = { '@type': 'NewsMediaOrganization', name: 'Supply Lines' } as const;

const absolute = (path: string, site: URL) => new URL(path, site).href;

/**
 * When a story last changed: its updatedDate, else its latest correction; undefined if neither. The JSON-LD's
 * dateModified and the feed's dc:date both come from here, so they never disagree.
 */
export function lastModified(article: Article): Date | undefined {
  const corrected = article.corrections.map((c) => c.date.getTime());
  return article.updatedDate ?? (corrected.length ? new Date(Math.max(...corrected)) : undefined);
}

export function newsArticle(article: Article, site: URL, image?: string) {
  return {
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    datePublished: article.pubDate.toISOString(),
    dateModified: (lastModified(article) ?? article.pubDate).toISOString(),
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    ...(image ? { image: [absolute(image, site)] } : {}),
    publisher: { ...publisher, url: absolute(url('/'), site) },
    mainEntityOfPage: absolute(articleUrl(article.slug), site),
    keywords: article.tags.join(', '),
  };
}

export function datasetObject(dataset: Dataset, site: URL) {
  const changed = (dataset.changes ?? []).map((c) => c.date.getTime());
  return {
    '@type': 'Dataset',
    name: dataset.title,
    description: dataset.description ?? dataset.title,
    url: absolute(url(`/data/#${dataset.id}`), site),
    creator: { ...publisher, url: absolute(url('/'), site) },
    // schema.org wants a licence as a URL or a CreativeWork; ours are sentences, so they are named works.
    ...(dataset.license ? { license: { '@type': 'CreativeWork', name: dataset.license } } : {}),
    ...(changed.length ? { dateModified: isoDate(new Date(Math.max(...changed))) } : {}),
    isBasedOn: [...new Set(dataset.sources.map((s) => s.url))],
    citation: dataset.sources.map((s) => [s.name, s.edition].filter(Boolean).join(', ')),
    distribution: [
      {
        '@type': 'DataDownload',
        encodingFormat: 'text/csv',
        contentUrl: absolute(url(`/data/${dataset.id}.csv`), site),
      },
      {
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl: absolute(url(`/data/${dataset.id}.json`), site),
      },
    ],
  };
}

/**
 * An instrument's page (/agreements/<id>/): a Dataset of its commitments and their statuses, part of the agreements
 * dataset, dated by the last check of the statuses.
 */
export function agreementObject(row: Row, pagePath: string, dataset: Dataset, asOf: Date, site: URL) {
  return {
    '@type': 'Dataset',
    name: `${row.partner}: ${row.instrument}: commitments, due dates and what is known of their delivery`,
    description: String(row.commits ?? row.instrument),
    url: absolute(pagePath, site),
    creator: { ...publisher, url: absolute(url('/'), site) },
    dateModified: isoDate(asOf),
    ...(typeof row.date === 'string' ? { temporalCoverage: `${row.date}/${isoDate(asOf)}` } : {}),
    isPartOf: datasetObject(dataset, site),
    isBasedOn: [...new Set(dataset.sources.filter((s) => s.id === row.source).map((s) => s.url))],
  };
}
