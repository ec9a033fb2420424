import type { Nodes, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { ValueAttributes } from '../schemas/value.ts';
import { valueAttributes, written, type FigureLookup, type PrintedFigure } from './figures.ts';

export type { FigureLookup, PrintedFigure };

export interface RemarkValueOptions {
  /** Where figures are read; without it, every `:value` is an error. */
  figures?: FigureLookup;
}

/** A `:value` as printed in an article, for the review and the checks. */
export interface PrintedValue extends PrintedFigure {
  /** The directive as written, `:value{dataset="..." ...}`. */
  directive: string;
  attributes: ValueAttributes;
  line?: number;
}

/** Elements a figure sits in that are links already: it cannot be a link of its own. */
const isLink = (node: Nodes) =>
  node.type === 'link' ||
  node.type === 'linkReference' ||
  (node.type === 'textDirective' && (node.name === 'view' || node.name === 'claim'));

/**
 * `:value{dataset="mine-production" field="tonnes_reo" where="country=China; year=2024"}` prints a figure from a
 * dataset's row, as the charts write that field ("270,000"); `as`, `of`, `from`, `digits` and `scale` compute and
 * write it otherwise (src/schemas/value.ts). The figure is a link to the rows that hold it (a chart's state in the
 * article, else the dataset), its title the source, edition and marks, which a pointer shows on hover, the site's
 * style on keyboard focus, and a screen reader as the link's description. Inside a link (a `:view`, a `:claim`), it
 * is a span and the link carries its provenance. Row by row errors name the directive; values are left in
 * `file.data.values`. Run after remark-chart (the charts placed) and before remark-view and remark-claim (which
 * read the figure's text as part of their words).
 */
export default function remarkValue(options: RemarkValueOptions) {
  return (tree: Root, file: VFile) => {
    const values: PrintedValue[] = [];
    const placed = file.data.shown ?? file.data.charts ?? [];
    const walk = (node: Nodes, ancestors: Nodes[]) => {
      if (node.type === 'textDirective' && node.name === 'value') {
        print(node, ancestors);
        return;
      }
      if ('children' in node) for (const child of node.children) walk(child as Nodes, [...ancestors, node]);
    };
    const print = (node: TextDirective, ancestors: Nodes[]) => {
      const directive = written(node, file) || ':value';
      const say = (message: string) => file.message(message, node);
      const parent = ancestors[ancestors.length - 1];
      const next =
        parent && 'children' in parent ? parent.children[parent.children.indexOf(node as never) + 1] : undefined;
      const found = node.attributes ?? {};
      const show = (text: string, properties: Record<string, string | string[]>) => {
        node.children = [{ type: 'text', value: text }];
        node.data = { hName: properties.href ? 'a' : 'span', hProperties: properties };
      };
      if (!Object.keys(found).length && next?.type === 'text' && next.value.startsWith('{')) {
        say(':value is not closed: write :value{dataset="..." field="..." where="..."}, with } after the attributes');
        return show(directive, { className: ['value', 'value--error'] });
      }
      if (node.children.length)
        say(`:value takes no words in [...]: it prints the figure itself; write the words around it`);
      const { attributes, messages } = valueAttributes(found, ':value');
      messages.forEach(say);
      if (!attributes) return show(directive, { className: ['value', 'value--error'] });
      const figure = options.figures
        ? options.figures(attributes, placed)
        : { error: 'no datasets to read figures from' };
      if ('error' in figure) {
        say(`${directive}: ${figure.error}`);
        return show(directive, { className: ['value', 'value--error'] });
      }
      values.push({ ...figure, directive, attributes, line: node.position?.start.line });
      const inLink = [...ancestors].reverse().find(isLink);
      if (inLink) {
        // The link around it says where each of its figures comes from.
        const props = (inLink.data ??= {}) as { hProperties?: Record<string, unknown> };
        const title = props.hProperties?.title ?? (inLink.type === 'link' ? inLink.title : undefined);
        props.hProperties = {
          ...props.hProperties,
          title: `${typeof title === 'string' && title ? `${title}${/[.!?]$/.test(title) ? '' : '.'} ` : ''}${figure.text}: ${figure.about}.`,
        };
        return show(figure.text, { className: ['value'], title: figure.about });
      }
      show(figure.text, { className: ['value'], href: figure.href, title: figure.about });
    };
    walk(tree, []);
    file.data.values = values;
  };
}

declare module 'vfile' {
  interface DataMap {
    values: PrintedValue[];
  }
}
