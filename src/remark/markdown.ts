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
import remarkSafeLinks from './remark-safe-links.ts';

/** A piece of an article body: HTML, or the place of a chart. */
export type Segment = { html: string } | { chart: string };

export interface RenderedMarkdown {
  segments: Segment[];
  charts: string[];
  claims: MarkedClaim[];
  /** Problems with the 1-based line and column in the Markdown body. */
  messages: { message: string; line?: number; column?: number }[];
}

export function renderMarkdown(markdown: string, charts: ReadonlySet<string>): RenderedMarkdown {
  const file = new VFile(markdown);
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkChart, { charts })
      .use(remarkClaim, { charts })
      .use(remarkHeadingIds)
      .use(remarkSafeLinks)
      .use(remarkRehype) // raw HTML in Markdown is dropped, not passed through
      .use(rehypeStringify)
      .processSync(file),
  );
  // chart-slot elements carry validated ids only: split the HTML around them.
  const segments: Segment[] = [];
  const parts = html.split(/<chart-slot data-chart="([^"]*)"><\/chart-slot>/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) segments.push({ chart: part });
    else if (part.trim()) segments.push({ html: part });
  });
  return {
    segments,
    charts: file.data.charts ?? [],
    claims: file.data.claims ?? [],
    messages: file.messages.map((m) => ({ message: m.reason, line: m.line ?? undefined, column: m.column ?? undefined })),
  };
}
