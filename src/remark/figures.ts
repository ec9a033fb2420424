// What the Markdown pipeline needs to print a figure from the data (`:value`, a checked claim or `:view`): the shape
// of a figure and of the lookup the model passes in (src/model/figures.ts), and a directive's attributes checked.
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { valueFormSchema, valueSchema, type ValueAttributes } from '../schemas/value.ts';
import type { ChartState } from '../util/chart-state.ts';
import { didYouMean } from '../util/suggest.ts';

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
  link?: { chart: string; state: ChartState; entry: string };
}

/**
 * Reads the figure a `:value` (or a checked claim) asks for: the model's `figureLookup` (src/model/figures.ts).
 * `placed`: the charts the article shows, whose states may hold the figure.
 */
export type FigureLookup = (request: ValueAttributes, placed: readonly string[]) => PrintedFigure | { error: string };

const attributeNames = Object.keys(valueSchema.shape);

/** What was written, from the parser's positions. */
export function written(node: Nodes, file: VFile): string {
  const { start, end } = node.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined
    ? String(file.value).slice(start.offset, end.offset)
    : '';
}

/** The directive's attributes checked against the schema: the attributes, or messages. */
export function valueAttributes(
  found: Record<string, string | null | undefined>,
  what: string,
): { attributes?: ValueAttributes; messages: string[] } {
  const parsed = valueSchema.safeParse(found);
  if (parsed.success) {
    const { as = 'value', of, from } = parsed.data;
    const messages: string[] = [];
    if ((as === 'share' || as === 'ratio') && !of)
      messages.push(
        `${what} of: as="${as}" divides by another row: add of="<field>=<value>", e.g. of="country=World total"`,
      );
    if ((as === 'change' || as === 'difference') && !from)
      messages.push(
        `${what} from: as="${as}" subtracts another row: add from="<field>=<value>", e.g. from="year=2017"`,
      );
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
      if (issue.code === 'invalid_value' && field === 'as')
        return `${what} as: expected one of ${valueFormSchema.options.join(', ')}, found "${value}"${didYouMean(value, valueFormSchema.options)}`;
      return `${what} ${field}: ${issue.message}, found "${value}"`;
    }),
  };
}
