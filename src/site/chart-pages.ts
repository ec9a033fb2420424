// What a chart's own page says besides the chart: the stories that use it, its date, its versions and how to cite
// it, built once by `chartPage`, the one function the page calls (its route data). The live page (/charts/<id>/)
// and each dated version (/charts/<id>/versions/<date>/) are the same page over a different state of the site.
import type { RenderedChart } from '../charts/render.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import type { Article, Site } from '../model/load.ts';
import { absoluteUrl, embedCode } from './embed-code.ts';
import { figureOf } from './figures.ts';
import { getSite } from './site.ts';
import { chartVersions, newerThan, type Version } from './versions.ts';
import { dayOf, isoDate, longDate } from '../util/dates.ts';
import { chartPath } from '../util/urls.ts';

/**
 * /charts/<id>/ (no `version`) or /charts/<id>/versions/<date>/: the figure, the image's size, the embed codes and
 * citation, the stories and corrections naming it, and its versions.
 */
export function chartPage(id: string, site: URL | undefined, version?: Version) {
  const state = version?.site ?? getSite();
  const figure = figureOf(id, state);
  const { chart } = figure;
  const versions = chartVersions(id);
  // The dated version this page is, or the one the live page shows (none in a preview of uncommitted content).
  const dated = version ?? versions.current;
  const liveUrl = absoluteUrl(chartPath(id), site);
  const pageUrl = absoluteUrl(chartPath(id, version?.date), site);
  return {
    figure,
    chart,
    pageUrl,
    liveUrl,
    image: standaloneSvg(chart, { pageUrl }),
    /** Always the latest; and, when there is a dated version, that version. */
    code: embedCode(chart, site),
    pinnedCode: dated ? embedCode(chart, site, dated.date) : undefined,
    stories: storiesUsing(id, state),
    corrections: correctionsFor(id, state),
    citation: citation(chart, dated ? absoluteUrl(chartPath(id, dated.date), site) : pageUrl, {
      date: dated ? dayOf(dated.date) : chartDate(chart, state),
      live: dated ? liveUrl : undefined,
    }),
    versions: versions.list,
    version,
    /** A newer version than this one exists (only on a dated page). */
    newer: newerThan(versions, version),
  };
}

/** Published stories that place the chart, newest first (drafts never link from a published page). */
export function storiesUsing(chartId: string, site: Site = getSite()): Article[] {
  return site.articles.filter((a) => !a.draft && a.body.charts.includes(chartId));
}

/** Corrections to published stories that name the chart, oldest first, each with its story. */
export function correctionsFor(
  chartId: string,
  site: Site = getSite(),
): { date: Date; text: string; article: Article }[] {
  return site.articles
    .flatMap((article) =>
      article.corrections
        .filter((c) => c.charts.includes(chartId))
        .map((c) => ({ date: c.date, text: c.text, article })),
    )
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** The chart's date: the later of its first publication in a story and its data's last recorded change. */
export function chartDate(chart: RenderedChart, site: Site = getSite()): Date | undefined {
  const published = storiesUsing(chart.id, site).map((a) => a.pubDate.getTime());
  const changed = (chart.dataset.changes ?? []).map((c) => c.date.getTime());
  const dates = [published.length ? Math.min(...published) : undefined, ...changed].filter(
    (t): t is number => t !== undefined,
  );
  return dates.length ? new Date(Math.max(...dates)) : undefined;
}

/**
 * Supply Lines, “Title”, chart, version of 7 December 2026, https://.../charts/id/versions/2026-12-07/ (latest:
 * https://.../charts/id/); without versions (a clone without history), the chart's date and its live address.
 */
export function citation(
  chart: RenderedChart,
  pageUrl: string,
  { date, live }: { date?: Date; live?: string } = {},
): string {
  const when = date ? (live ? `version of ${longDate(date)}` : longDate(date)) : 'undated';
  return `Supply Lines, “${chart.spec.title}”, chart, ${when}, ${pageUrl}${live ? ` (latest version: ${live})` : ''}`;
}

/**
 * /embed/<id>/versions/<date>/: the figure of that day, whether a newer version exists, and the corrections to the
 * stories naming the chart that were made after that day (from today's site: a pinned frame still shows them).
 */
export function pinnedEmbed(id: string, version: Version) {
  return {
    figure: figureOf(id, version.site),
    newer: newerThan(chartVersions(id), version),
    correctionsSince: correctionsFor(id).filter((c) => isoDate(c.date) > version.date),
  };
}
