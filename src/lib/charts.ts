// Charts rendered once per build and shared by every page that shows them.
import { renderChart, type RenderedChart } from '../charts/render.ts';
import { getSite } from '../model/site.ts';

const rendered = new Map<string, RenderedChart>();

export function getChart(id: string): RenderedChart {
  let chart = rendered.get(id);
  if (!chart || import.meta.env?.DEV) {
    const site = getSite();
    const spec = site.charts.get(id);
    if (!spec) throw new Error(`No chart "${id}"`); // load.ts has already reported unknown ids
    chart = renderChart(spec, site.datasets.get(spec.dataset)!);
    rendered.set(id, chart);
  }
  return chart;
}
