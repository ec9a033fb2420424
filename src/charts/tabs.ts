// A figure's tabs (a chart spec's `tabs`): the chart itself first, then the charts it names, each with its words
// ("Chart", "Map") and its name in the address (`tab:map`, src/util/chart-state.ts). The build (Chart.astro) and the
// checks (src/model/check-chart-tabs.ts) read them here, so both agree on a tab's name.
import { slug } from 'github-slugger';
import type { ChartSpec } from '../schemas/index.ts';
import { kinds, type Mark } from './kinds/index.ts';

export interface FigureTab {
  chart: string;
  /** What the tab reads: the spec's label, else its kind's (`tabLabel`: "Map" for a map), else "Chart". */
  label: string;
  /** Its value in the host's state: the label as a slug ("Map" -> "map"). */
  name: string;
}

/** The panels a figure's own tab list names in `tab:` already: a chart tab may not take their names. */
export const panelNames = ['table', 'sources'];

export const tabLabel = (mark: string, label?: string) => label ?? kinds[mark as Mark]?.tabLabel ?? 'Chart';

/** The host's tabs, its own first; charts that do not exist are left out (the checks report them). */
export function figureTabs(
  host: Pick<ChartSpec, 'id' | 'mark' | 'tabs'>,
  charts: ReadonlyMap<string, Pick<ChartSpec, 'mark'>>,
): FigureTab[] {
  if (!host.tabs?.length) return [];
  const tab = (chart: string, label: string) => ({ chart, label, name: slug(label) });
  return [
    tab(host.id, tabLabel(host.mark)),
    ...host.tabs.flatMap((t) =>
      charts.has(t.chart) ? [tab(t.chart, tabLabel(charts.get(t.chart)!.mark, t.label))] : [],
    ),
  ];
}

/** The charts a chart shows as tabs, in order. */
export const tabCharts = (spec: Pick<ChartSpec, 'tabs'> | undefined) => spec?.tabs?.map((t) => t.chart) ?? [];
