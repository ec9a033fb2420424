import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const allowed = new Set(['http:', 'https:', 'mailto:']);

/** An address as a browser reads it (tabs and newlines inside the scheme dropped), checked against the ones allowed. */
export function isSafeUrl(url: string): boolean {
  try {
    return allowed.has(new URL(url, 'https://supply-lines.invalid/').protocol); // relative addresses resolve to https
  } catch {
    return false;
  }
}

/**
 * Links and images in an article may point to http(s), mailto or this site only: `javascript:` and `data:`
 * addresses are reported and removed, since remark-rehype writes every address as it is.
 */
export default function remarkSafeLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      if (isSafeUrl(node.url)) return;
      file.message(
        `${node.type === 'image' ? 'image' : 'link'} address ${JSON.stringify(node.url)}: only http(s), mailto and relative addresses are allowed`,
        node,
      );
      node.url = '';
    });
  };
}
