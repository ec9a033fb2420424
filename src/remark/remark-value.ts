import type { Nodes, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { valueFormSchema, valueSchema, type ValueAttributes } from '../schemas/value.ts';
import { didYouMean } from '../util/suggest.ts';
import type { ViewLink } from './remark-view.ts';

/** A figure read from a dataset, as the page prints it and says where it comes from. */
export interface PrintedFigure {
  /** As printed: "270,000", "69.2%", "+1,500", "2.3 times", "3.5 million". */
  text: string;
  /** The figure as a number in the unit printed (a share in percent, a scaled figure unscaled), for checked claims. */
  number?: number;
  /** True when the figure is a percentage: a share, or a field written in percent. */
  percent: boolean;
  /** Where it comes from, in words: the rows, the source and its edition, the marks (estimate, revised, projection). */
  about: string;
  /** Where its rows are: a chart's state in the article ("#<chart>=select:China;year:2024"), or the dataset's rows. */
  href: string;
  /** With a chart's state in the article: the link, so that the figure carries the id it jumps to. */
  link?: ViewLink;
}

/**
 * Reads the figure a `:value` (or a checked claim) asks for: the model's `figureLookup` (src/model/figures.ts).
 * `placed`: the charts the article shows, whose states may hold the figure.
 */
export type FigureLookup = (request: ValueAttributes, placed: readonly string[]) => PrintedFigure | { error: string };

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

const attributeNames = Object.keys(valueSchema.shape);
/** Elements a figure sits in that are links already: it cannot be a link of its own. */
const isLink = (node: Nodes) => node.type === 'link' || node.type === 'linkReference' || (node.type === 'textDirective' && (node.name === 'view' || node.name === 'claim'));

/** What was written, from the parser's positions. */
export function written(node: Nodes, file: VFile): string {
  const { start, end } = node.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined ? String(file.value).slice(start.offset, end.offset) : '';
}

/** The directive's attributes checked against the schema: the attributes, or messages. */
export function valueAttributes(found: Record<string, string | null | undefined>, what: string): { attributes?: ValueAttributes; messages: string[] } {
  const parsed = valueSchema.safeParse(found);
  if (parsed.success) {
    const { as = 'value', of, from } = parsed.data;
    const messages: string[] = [];
    if ((as === 'share' || as === 'ratio') && !of) messages.push(`${what} of: as="${as}" divides by another row: add of="<field>=<value>", e.g. of="country=World total"`);
    if ((as === 'change' || as === 'difference') && !from) messages.push(`${what} from: as="${as}" subtracts another row: add from="<field>=<value>", e.g. from="year=2017"`);
    return messages.length ? { messages } : { attributes: parsed.data, messages };
  }
  return {
    messages: parsed.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const value = found[field];
      if (issue.code === 'unrecognized_keys') {
        const keys = (issue as { keys?: string[] }).keys ?? [];
        return `${what}: unknown attribute ${keys.join(', ')}${keys.length === 1 ? didYouMean(keys[0], attributeNames) : ''}; known: ${attributeNames.join(', ')}`;
      }
      if (value === undefined || value === null || value === '') return `${what} ${field}: required, found nothing`;
      if (issue.code === 'invalid_value' && field === 'as') return `${what} as: expected one of ${valueFormSchema.options.join(', ')}, found "${value}"${didYouMean(value, valueFormSchema.options)}`;
      return `${what} ${field}: ${issue.message}, found "${value}"`;
    }),
  };
}

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
      const next = parent && 'children' in parent ? parent.children[parent.children.indexOf(node as never) + 1] : undefined;
      const found = node.attributes ?? {};
      const show = (text: string, properties: Record<string, string | string[]>) => {
        node.children = [{ type: 'text', value: text }];
        node.data = { hName: properties.href ? 'a' : 'span', hProperties: properties };
      };
      if (!Object.keys(found).length && next?.type === 'text' && next.value.startsWith('{')) {
        say(':value is not closed: write :value{dataset="..." field="..." where="..."}, with } after the attributes');
        return show(directive, { className: ['value', 'value--error'] });
      }
      if (node.children.length) say(`:value takes no words in [...]: it prints the figure itself; write the words around it`);
      const { attributes, messages } = valueAttributes(found, ':value');
      messages.forEach(say);
      if (!attributes) return show(directive, { className: ['value', 'value--error'] });
      const figure = options.figures ? options.figures(attributes, placed) : { error: 'no datasets to read figures from' };
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
        props.hProperties = { ...props.hProperties, title: `${typeof title === 'string' && title ? `${title}${/[.!?]$/.test(title) ? '' : '.'} ` : ''}${figure.text}: ${figure.about}.` };
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
