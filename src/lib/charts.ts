// Charts rendered once per loaded site and shared by every page that shows them. A build loads the site once;
// `npm run dev` loads it afresh for each request, so edited content draws anew there.
import { renderChart, type RenderedChart } from '../charts/render.ts';
import type { Site } from '../model/load.ts';
import { getSite } from '../model/site.ts';

const rendered = new WeakMap<Site, Map<string, RenderedChart>>();

export function getChart(id: string): RenderedChart {
  const site = getSite();
  let charts = rendered.get(site);
  if (!charts) rendered.set(site, (charts = new Map()));
  let chart = charts.get(id);
  if (!chart) {
    const spec = site.charts.get(id);
    if (!spec) throw new Error(`No chart "${id}"`); // load.ts has already reported unknown ids
    chart = renderChart(spec, site.datasets.get(spec.dataset)!);
    charts.set(id, chart);
  }
  return chart;
}
