import type { Heading, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

/** The deepest level a chart title takes: its own "What we don't know" and "Notes" headings sit one below. */
export const deepestChartTitle = 5;

/**
 * Keeps any article's outline valid under the page's <h1>: the body's shallowest heading becomes an <h2>, no
 * heading is more than one level below the one before it, and each `::chart` title (written as
 * `data-level` on its slot) sits one level below the heading it stands under (<h2> when none).
 * So "only ### headings", "no headings" and "a chart first" all read as an outline should.
 */
export default function remarkHeadingLevels() {
  return (tree: Root) => {
    const headings: Heading[] = [];
    visit(tree, 'heading', (node) => void headings.push(node));
    const shift = headings.length ? Math.min(...headings.map((h) => h.depth)) - 2 : 0;
    let level = 1; // the page's <h1>
    visit(tree, (node) => {
      if (node.type === 'heading') {
        level = Math.min(node.depth - shift, level + 1, 6);
        node.depth = level as Heading['depth'];
      } else if (node.type === 'leafDirective' && (node as LeafDirective).name === 'chart' && node.data?.hProperties) {
        node.data.hProperties.dataLevel = Math.min(level + 1, deepestChartTitle);
      }
    });
  };
}
