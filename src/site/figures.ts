// A figure as a page places it (Figure.astro): its chart and, when the spec names `tabs`, the chart of each tab,
// rendered here once and handed down as props, so that components never look charts up themselves.
import type { RenderedChart } from '../charts/render.ts';
import { figureTabs, type FigureTab } from '../charts/tabs.ts';
import type { Article, Site } from '../model/load.ts';
import { getChart } from './charts.ts';
import { getSite } from './site.ts';

export interface FigureData {
  chart: RenderedChart;
  /** The figure's tabs, its own chart first, each with its rendered chart; empty when the spec names no tabs. */
  tabs: (FigureTab & { rendered: RenderedChart })[];
}

/** The figure of chart `id`: the chart and the charts of its tabs. */
export function figureOf(id: string, site: Site = getSite()): FigureData {
  const chart = getChart(id, site);
  const tabs = figureTabs(chart.spec, site.charts).map((tab) => ({ ...tab, rendered: getChart(tab.chart, site) }));
  return { chart, tabs };
}

/** An article's body as ArticleBody.astro shows it: Markdown HTML, and a figure where each ::chart stood. */
export type BodyPart = { html: string } | { figure: FigureData; headingLevel: number };

export function articleBody(article: Pick<Article, 'body'>, site: Site = getSite()): BodyPart[] {
  return article.body.segments.map((segment) =>
    'chart' in segment ? { figure: figureOf(segment.chart, site), headingLevel: segment.headingLevel } : segment,
  );
}
