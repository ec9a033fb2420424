import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** Gives each heading an id made from its words, so sections can be linked to. */
export default function remarkHeadingIds() {
  return (tree: Root) => {
    const seen = new Map<string, number>();
    visit(tree, 'heading', (node) => {
      const base =
        toString(node)
          .toLowerCase()
          .normalize('NFKD')
          .replace(/\p{Mark}/gu, '')
          .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
          .replace(/^-|-$/g, '') || 'section';
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      node.data = { ...node.data, hProperties: { id: count ? `${base}-${count}` : base } };
    });
  };
}
