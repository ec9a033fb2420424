// A chart's `tabs` cross-checked: each names a chart that exists, is not the chart itself, draws the same dataset and
// has no tabs of its own (tabs do not nest); no two tabs of one figure read alike.
import { figureTabs, panelNames } from '../charts/tabs.ts';
import type { ChartSpec } from '../schemas/index.ts';
import type { Report } from './problems.ts';
import { didYouMean } from '../util/suggest.ts';

export function checkChartTabs(
  chart: ChartSpec,
  charts: ReadonlyMap<string, ChartSpec>,
  chartIds: ReadonlySet<string>,
  report: Report,
) {
  const named = new Set<string>();
  const fine = new Set<string>(); // the tabs whose labels are worth checking
  chart.tabs?.forEach(({ chart: id }, i) => {
    const say = (message: string) => report(chart.file, ['tabs', i, 'chart'], message);
    const other = charts.get(id);
    if (id === chart.id)
      say(
        `chart "${id}" is this chart: a tab shows another chart of the same dataset; remove it (the figure's first tab is this chart already)`,
      );
    else if (!chartIds.has(id))
      say(
        `no chart "${id}" in content/charts/${didYouMean(
          id,
          [...chartIds].filter((c) => c !== chart.id),
        )}`,
      );
    else if (named.has(id)) say(`chart "${id}" is a tab twice; name each chart once`);
    else if (other && other.dataset !== chart.dataset) {
      const same = [...charts.values()]
        .filter((c) => c.dataset === chart.dataset && c.id !== chart.id)
        .map((c) => c.id);
      say(
        `chart "${id}" draws dataset "${other.dataset}", this chart "${chart.dataset}": a tab shows a chart of the same dataset${same.length ? ` (charts of "${chart.dataset}": ${same.join(', ')})` : ''}`,
      );
    } else if (other?.tabs?.length)
      say(
        `chart "${id}" has tabs of its own, and tabs do not nest: remove "tabs" from ${other.file}, or name its tabs here`,
      );
    else fine.add(id);
    named.add(id);
  });
  // Two tabs that read alike could not be told apart, on screen or in the address (`tab:map`).
  const names = new Map<string, string>(
    panelNames.map((name) => [name, name === 'table' ? 'Table' : 'Sources and notes']),
  );
  for (const [at, tab] of figureTabs(chart, charts).entries()) {
    if (at > 0 && !fine.has(tab.chart)) continue;
    const clash = names.get(tab.name);
    // The host's own tab is labelled by its mark ("Chart", "Map"), so a clash is always a named tab's.
    if (clash)
      report(
        chart.file,
        ['tabs', chart.tabs!.findIndex((t) => t.chart === tab.chart), 'label'],
        `two tabs of this figure read "${clash}": give this tab a "label" of its own, e.g. "${tab.label} ${at + 1}"`,
      );
    names.set(tab.name, tab.label);
  }
}
