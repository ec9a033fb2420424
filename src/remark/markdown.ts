// The one Markdown pipeline: remark parses, the directive plugins check and mark, rehype writes HTML.
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkChart from './remark-chart.ts';
import remarkClaim, { type MarkedClaim } from './remark-claim.ts';
import remarkHeadingIds from './remark-heading-ids.ts';
import remarkHeadingLevels from './remark-heading-levels.ts';
import remarkSafeLinks from './remark-safe-links.ts';
import remarkValue, { type FigureLookup, type PrintedValue } from './remark-value.ts';
import remarkView, { type ChartStates, type ViewLink } from './remark-view.ts';

/** A piece of an article body: HTML, or the place of a chart with the level of its title in the outline. */
export type Segment = { html: string } | { chart: string; headingLevel: number };

export interface RenderedMarkdown {
  segments: Segment[];
  charts: string[];
  claims: MarkedClaim[];
  /** `:view` links, in order: the chart each sets and the state. */
  views: ViewLink[];
  /** `:value` figures, in order: what each printed and where it comes from. */
  values: PrintedValue[];
  /** Problems with the 1-based line and column in the Markdown body. */
  messages: { message: string; line?: number; column?: number }[];
}

/**
 * `states`: a chart's views, places and years, to check what `:view` and `:claim` name (without it, only the chart);
 * `tabs`: the charts a chart's figure shows as tabs, on the page with it; `figures`: where `:value` and checked claims
 * read their figures (src/model/figures.ts).
 */
export function renderMarkdown(
  markdown: string,
  charts: ReadonlySet<string>,
  states?: (chart: string) => ChartStates | undefined,
  tabs?: (chart: string) => readonly string[],
  figures?: FigureLookup,
): RenderedMarkdown {
  const file = new VFile(markdown);
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkChart, { charts, tabs })
      .use(remarkValue, { figures })
      .use(remarkView, { charts, states, figures })
      .use(remarkClaim, { charts, states, figures })
      .use(remarkHeadingIds)
      .use(remarkHeadingLevels)
      .use(remarkSafeLinks)
      .use(remarkRehype) // raw HTML in Markdown is dropped, not passed through
      .use(rehypeStringify)
      .processSync(file),
  );
  // chart-slot elements carry validated ids only: split the HTML around them.
  const segments: Segment[] = [];
  const parts = html.split(/<chart-slot data-chart="([^"]*)" data-level="(\d)"><\/chart-slot>/);
  for (let i = 0; i < parts.length; i += 3) {
    if (parts[i].trim()) segments.push({ html: parts[i] });
    if (i + 2 < parts.length) segments.push({ chart: parts[i + 1], headingLevel: Number(parts[i + 2]) });
  }
  return {
    segments,
    charts: file.data.charts ?? [],
    claims: file.data.claims ?? [],
    views: file.data.views ?? [],
    values: file.data.values ?? [],
    messages: file.messages.map((m) => ({
      message: m.reason,
      line: m.line ?? undefined,
      column: m.column ?? undefined,
    })),
  };
}
