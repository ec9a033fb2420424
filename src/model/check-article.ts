// An article's front matter cross-checked: the charts it names exist, tags make topic pages, dates make sense.
import { tagSlug } from './tags.ts';
import type { ArticleData } from '../schemas/index.ts';
import type { Report } from './problems.ts';
import { didYouMean } from '../util/suggest.ts';
import { isoDate } from '../util/dates.ts';

export function checkArticle(
  file: string,
  article: Partial<ArticleData>,
  chartIds: ReadonlySet<string>,
  report: Report,
) {
  for (const list of ['uncertainties', 'corrections'] as const) {
    article[list]?.forEach((item, i) =>
      item.charts.forEach((id, j) => {
        if (!chartIds.has(id))
          report(file, [list, i, 'charts', j], `no chart "${id}" in content/charts/${didYouMean(id, chartIds)}`);
      }),
    );
  }
  article.tags?.forEach((tag, i) => {
    if (!tagSlug(tag))
      report(file, ['tags', i], `tag "${tag}" has no letter or digit, so it gets no topic page: use a word`, 'warning');
  });
  // The build publishes what is not a draft at once, whatever its date: a future date would be printed as given.
  if (article.pubDate && article.draft !== true && isoDate(article.pubDate) > isoDate(new Date())) {
    report(
      file,
      ['pubDate'],
      `${isoDate(article.pubDate)} is in the future: the article is published as soon as the site is built, dated ${isoDate(article.pubDate)} (keep draft: true until the day)`,
      'warning',
    );
  }
  if (article.pubDate && article.updatedDate && article.updatedDate < article.pubDate) {
    report(
      file,
      ['updatedDate'],
      `expected a date on or after pubDate (${isoDate(article.pubDate)}), found ${isoDate(article.updatedDate)}`,
    );
  }
}
