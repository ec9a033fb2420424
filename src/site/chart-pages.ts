// What a chart's own page says besides the chart: the stories that use it, its date and how to cite it, built once
// by `chartPage`, the one function the page calls (its route data).
import type { RenderedChart } from '../charts/render.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import type { Article } from '../model/load.ts';
import { absoluteUrl, embedCode } from './embed-code.ts';
import { figureOf } from './figures.ts';
import { getSite } from './site.ts';
import { longDate } from '../util/dates.ts';

/** /charts/<id>/: the figure, the image's size, the embed code and citation, and the stories and corrections naming it. */
export function chartPage(id: string, site: URL | undefined) {
  const figure = figureOf(id);
  const { chart } = figure;
  const pageUrl = absoluteUrl(`/charts/${id}/`, site);
  return {
    figure,
    chart,
    pageUrl,
    image: standaloneSvg(chart, { pageUrl }),
    code: embedCode(chart, site),
    stories: storiesUsing(id),
    corrections: correctionsFor(id),
    citation: citation(chart, pageUrl),
  };
}

/** Published stories that place the chart, newest first (drafts never link from a published page). */
export function storiesUsing(chartId: string): Article[] {
  return getSite().articles.filter((a) => !a.draft && a.body.charts.includes(chartId));
}

/** Corrections to published stories that name the chart, oldest first, each with its story. */
export function correctionsFor(chartId: string): { date: Date; text: string; article: Article }[] {
  return getSite()
    .articles.flatMap((article) =>
      article.corrections
        .filter((c) => c.charts.includes(chartId))
        .map((c) => ({ date: c.date, text: c.text, article })),
    )
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** The chart's date: the later of its first publication in a story and its data's last recorded change. */
export function chartDate(chart: RenderedChart): Date | undefined {
  const published = storiesUsing(chart.id).map((a) => a.pubDate.getTime());
  const changed = (chart.dataset.changes ?? []).map((c) => c.date.getTime());
  const dates = [published.length ? Math.min(...published) : undefined, ...changed].filter(
    (t): t is number => t !== undefined,
  );
  return dates.length ? new Date(Math.max(...dates)) : undefined;
}

/** Supply Lines, “Title”, chart, 28 November 2026, https://.../charts/id/ */
export function citation(chart: RenderedChart, pageUrl: string): string {
  const date = chartDate(chart);
  return `Supply Lines, “${chart.spec.title}”, chart, ${date ? longDate(date) : 'undated'}, ${pageUrl}`;
}
