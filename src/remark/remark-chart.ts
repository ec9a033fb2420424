import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lineAndColumn } from '../util/positions.ts';
import { didYouMean } from '../util/suggest.ts';

export interface RemarkChartOptions {
  /** Ids of the charts that exist; a `::chart` naming another id is an error. */
  charts: ReadonlySet<string>;
  /** The charts a chart shows as tabs of its figure (its spec's `tabs`): they are on the page with it. */
  tabs?: (chart: string) => readonly string[];
}

/**
 * `::chart{id="china-mine-share"}` on its own line places a chart. The directive becomes an empty
 * `<chart-slot data-chart="id">` element that the page replaces with the chart's figure.
 * The ids placed, in order, are left in `file.data.charts`; with the charts their figures show as tabs, in
 * `file.data.shown`. A chart is on a page once: placed, or as a tab of a chart placed.
 */
export default function remarkChart(options: RemarkChartOptions) {
  return (tree: Root, file: VFile) => {
    const placed: string[] = [];
    const directives = new Map<string, LeafDirective>();
    visit(tree, (node) => {
      if (node.type === 'text') {
        // A ::chart that is not alone on its line, or not closed, is no directive: it would be published as text.
        const { start, end } = node.position ?? {};
        if (start?.offset === undefined || end?.offset === undefined) return;
        const written = String(file.value).slice(start.offset, end.offset);
        for (const match of written.matchAll(/::chart\b/g)) {
          const closed = /^::chart(\[[^\]\n]*\])?\{[^}\n]*\}/.test(written.slice(match.index));
          const at = lineAndColumn(String(file.value), start.offset + match.index);
          file.message(
            closed
              ? '::chart must be on a line of its own: ::chart{id="..."}'
              : '::chart is not closed: write ::chart{id="..."} on a line of its own',
            at,
          );
        }
        return;
      }
      if (node.type === 'textDirective' && node.name === 'chart') {
        file.message('a chart goes on a line of its own, written with two colons: ::chart{id="..."}', node);
        return;
      }
      if (node.type === 'containerDirective') {
        // Would otherwise become a bare <div>, its ::: lines silently gone.
        file.message(`unknown directive ":::${node.name}": articles use ::chart{id="..."} and :claim[...]{...}`, node);
        return;
      }
      if (node.type !== 'leafDirective') return;
      const directive = node as LeafDirective;
      if (directive.name !== 'chart') {
        file.message(`unknown directive "::${directive.name}"${didYouMean(directive.name, ['chart'])}`, directive);
        return;
      }
      const id = directive.attributes?.id ?? '';
      if (!id) {
        file.message('::chart needs an id: ::chart{id="chart-id"}', directive);
      } else if (!options.charts.has(id)) {
        file.message(`no chart "${id}" in content/charts/${didYouMean(id, options.charts)}`, directive);
      } else if (placed.includes(id)) {
        file.message(`chart "${id}" is placed twice; place each chart once`, directive);
      } else {
        placed.push(id);
        directives.set(id, directive);
      }
      directive.data = { hName: 'chart-slot', hProperties: { dataChart: id } };
    });
    const shown = [...placed];
    for (const host of placed) {
      for (const tab of options.tabs?.(host) ?? []) {
        if (placed.includes(tab))
          file.message(
            `chart "${tab}" is shown already, as a tab of chart "${host}"; remove this ::chart, or the tab from content/charts/${host}.json`,
            directives.get(tab),
          );
        else if (shown.includes(tab))
          file.message(
            `chart "${tab}" is a tab of two charts this article places ("${host}" and another); show it in one figure`,
            directives.get(host),
          );
        else shown.push(tab);
      }
    }
    file.data.charts = placed;
    file.data.shown = shown;
  };
}

declare module 'vfile' {
  interface DataMap {
    charts: string[];
    shown: string[];
  }
}
