import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { stateEntry, type ChartState } from '../util/chart-state.ts';
import { didYouMean } from '../util/suggest.ts';
import { viewIdSchema } from '../schemas/view.ts';
import { checkAttributes, checkClaim } from './claim-check.ts';
import type { FigureLookup } from './figures.ts';
import { toString } from 'mdast-util-to-string';

/** What a chart can be set to: its views, the places it draws (and their field's name) and the years. */
export interface ChartStates {
  views: string[];
  field?: string;
  places: string[];
  years: string[];
}

export interface RemarkViewOptions {
  /** Ids of the charts that exist. */
  charts: ReadonlySet<string>;
  /** Where a `:view` whose words are checked against the data (`states`, as a claim's) reads its figure. */
  figures?: FigureLookup;
  /** A chart's views, places and years, to check what a link names; without it only the chart is checked. */
  states?: (chart: string) => ChartStates | undefined;
}

/** A `:view` link (or a `:claim` with a chart) as the page needs it: the chart and the state it sets. */
export interface ViewLink {
  chart: string;
  state: ChartState;
  /** The hash entry, "<chart-id>=select:Australia;year:2024": the link's href and the id the figure carries. */
  entry: string;
}

const attributes = ['chart', 'select', 'year', 'view', ...checkAttributes];

/**
 * The places of a `select` attribute: the whole text when it is one place (a name may hold a comma), else the
 * comma-separated names ("Australia, China").
 */
export function splitPlaces(text: string, places: readonly string[] = []): string[] {
  if (places.includes(text.trim())) return [text.trim()];
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Checks a directive's `chart`, `select`, `year` and `view` against the chart (`what` names the directive in
 * messages: ":view" or ":claim"; `placed`, when given, the charts the article places, one of which it must be) and
 * returns the link, or undefined when the chart is unknown.
 */
export function checkState(
  what: string,
  found: Record<string, string | null | undefined>,
  options: RemarkViewOptions,
  placed: readonly string[] | undefined,
  say: (message: string) => void,
): ViewLink | undefined {
  const chart = found.chart ?? '';
  if (!options.charts.has(chart)) {
    say(`${what} chart: no chart "${chart}" in content/charts/${didYouMean(chart, options.charts)}`);
    return undefined;
  }
  if (placed && !placed.includes(chart))
    say(
      `${what} chart: "${chart}" is not placed in this article${didYouMean(chart, placed)}; place it with ::chart{id="${chart}"} or link to a chart the article places${placed.length ? ` (${placed.join(', ')})` : ''}`,
    );
  const known = options.states?.(chart);
  const select = found.select ? splitPlaces(found.select, known?.places) : [];
  // A view named as its spec writes it ("2022 figures") goes in the address as its id does ("2022-figures").
  const view = found.view ? (viewIdSchema.safeParse(found.view).data ?? found.view) : undefined;
  const state: ChartState = { select, ...(found.year ? { year: found.year } : {}), ...(view ? { view } : {}) };
  if (known) {
    const noun = known.field ?? 'place';
    if (select.length && !known.places.length)
      say(`${what} select: chart "${chart}" has no places to highlight (no field holds a place or series)`);
    else {
      for (const place of select) {
        if (!known.places.includes(place))
          say(
            `${what} select: no ${noun} "${place}" in chart "${chart}"${didYouMean(place, known.places)}; it draws: ${known.places.join(', ')}`,
          );
      }
    }
    if (state.year && !known.years.includes(state.year))
      say(
        `${what} year: chart "${chart}" draws no year "${state.year}"${didYouMean(state.year, known.years)}; its years: ${known.years.join(', ') || 'none'}`,
      );
    if (state.view && !known.views.includes(state.view))
      say(
        `${what} view: chart "${chart}" has no view "${state.view}"${didYouMean(state.view, known.views)}; its views: ${known.views.join(', ') || 'none'}`,
      );
  }
  return { chart, state, entry: stateEntry(chart, state) };
}

/**
 * `:view[see Australia's share]{chart="mine-production-by-country" select="Australia" year="2024"}` links words
 * to a chart's state: the chart (placed in the same article), the places highlighted (`select`, comma-separated),
 * the `year` and the `view`. It becomes `<a href="#<chart-id>=select:Australia;year:2024">`, which without
 * JavaScript jumps to the figure (the figure carries that id) and with it also sets the chart's state. The links
 * are left in `file.data.views`. Run after remark-chart, which lists the charts placed.
 */
export default function remarkView(options: RemarkViewOptions) {
  return (tree: Root, file: VFile) => {
    const links: ViewLink[] = [];
    const placed = file.data.shown ?? file.data.charts ?? [];
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'view') return;
      const found = node.attributes ?? {};
      const say = (message: string) => file.message(message, node);
      for (const name of Object.keys(found)) {
        if (!attributes.includes(name))
          say(`:view: unknown attribute ${name}${didYouMean(name, attributes)}; known: ${attributes.join(', ')}`);
      }
      if (!node.children.length)
        say(':view needs words to link: :view[the words]{chart="chart-id" select="Australia"}');
      if (!found.chart)
        say(':view chart: required, found nothing: :view[the words]{chart="chart-id" select="Australia"}');
      const link = found.chart ? checkState(':view', found, options, placed, say) : undefined;
      if (link) links.push(link);
      // Words checked against the data, as a claim is: they must hold, or the build stops.
      const checked = checkAttributes.some((name) => found[name] != null);
      const check = checked
        ? checkClaim(
            Object.fromEntries(checkAttributes.map((name) => [name, found[name] ?? undefined])),
            options.figures,
            placed,
            say,
            ':view',
          )
        : undefined;
      if (check?.status === 'disputed')
        say(
          `:view "${toString(node)}": its words state ${check.states}, but the data gives ${check.figure.text} (${check.figure.about}), which is ${check.reason}: correct the words`,
        );
      const title = node.data?.hProperties?.title;
      const checkedTitle = check ? `Checked against the data: ${check.figure.text}. ${check.figure.about}.` : undefined;
      node.data = {
        hName: 'a',
        hProperties: {
          ...node.data?.hProperties,
          className: ['view-link'],
          href: link ? `#${link.entry || `chart-${link.chart}`}` : undefined,
          dataChart: link?.chart,
          ...(checkedTitle ? { title: typeof title === 'string' ? `${title} ${checkedTitle}` : checkedTitle } : {}),
        },
      };
    });
    file.data.views = links;
  };
}

declare module 'vfile' {
  interface DataMap {
    views: ViewLink[];
  }
}
