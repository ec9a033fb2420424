// Charts rendered once per loaded site and shared by every page that shows them. A build loads the site once;
// `npm run dev` loads it afresh for each request, so edited content draws anew there. Across builds, a chart
// whose spec, dataset and drawing code are unchanged comes from the content-hash cache. Within a build, one chart
// shown by several loaded sites (the live site and its dated versions, site/versions.ts) is held once: a version
// whose spec and dataset are unchanged shares the drawing already in memory.
import { cacheKey, readCache, rendererVersion, writeCache } from '../charts/cache.ts';
import { renderChart, type RenderedChart } from '../charts/render.ts';
import type { PreparedView } from '../charts/prepare.ts';
import type { Site } from '../model/load.ts';
import { getSite } from './site.ts';
import type { ChartSpec, Dataset } from '../schemas/index.ts';

const rendered = new WeakMap<Site, Map<string, RenderedChart>>();

/** Chart `id` of the live site, or of `site` (a dated version's, site/versions.ts). */
export function getChart(id: string, site: Site = getSite()): RenderedChart {
  let charts = rendered.get(site);
  if (!charts) rendered.set(site, (charts = new Map()));
  let chart = charts.get(id);
  if (!chart) {
    const spec = site.charts.get(id);
    if (!spec) throw new Error(`No chart "${id}"`); // load.ts has already reported unknown ids
    chart = renderCached(spec, site.datasets.get(spec.dataset)!, site.views.get(id));
    charts.set(id, chart);
  }
  return chart;
}

type Drawn = Omit<RenderedChart, 'id' | 'spec' | 'dataset'>;

/** Drawings in memory by cache key, while a loaded site holds them (weakly: `npm run dev` loads a site per request). */
const inMemory = new Map<string, WeakRef<RenderedChart>>();

/** `views`: the chart's views as the site prepared them for its checks (load.ts), drawn on a cache miss. */
function renderCached(spec: ChartSpec, dataset: Dataset, views: readonly PreparedView[] | undefined): RenderedChart {
  const key = cacheKey(rendererVersion, spec, dataset);
  const shared = inMemory.get(key)?.deref();
  if (shared) return { ...shared, id: spec.id, spec, dataset };
  const chart = drawnOrCached(key, spec, dataset, views);
  inMemory.set(key, new WeakRef(chart));
  return chart;
}

function drawnOrCached(
  key: string,
  spec: ChartSpec,
  dataset: Dataset,
  views: readonly PreparedView[] | undefined,
): RenderedChart {
  const cached = readCache('charts', key);
  if (cached) return { id: spec.id, spec, dataset, ...(JSON.parse(cached.toString('utf8')) as Drawn) };
  const chart = renderChart(spec, dataset, views);
  const { id: _id, spec: _spec, dataset: _dataset, ...drawn } = chart;
  writeCache('charts', key, JSON.stringify(drawn));
  return chart;
}
