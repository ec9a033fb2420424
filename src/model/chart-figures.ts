// Figures from the data in a chart's words: `:value{...}` in a chart's title, subtitle, a view's subtitle or an
// annotation's text is printed as in an article (src/model/figures.ts), when the content is loaded, so that every
// page, image and embed of the chart shows the figure the data gives. A directive that reads no figure is an error at
// its field.
import { valueAttributes, type FigureLookup } from '../remark/figures.ts';
import type { ChartSpec } from '../schemas/index.ts';
import type { FieldPath, Report } from './problems.ts';

const directive = /:value\{([^}]*)\}/g;

/** `text` with each `:value{...}` printed, reporting what cannot be read at `field`. */
export function printFigures(text: string, lookup: FigureLookup, say: (message: string) => void): string {
  return text.replace(directive, (written, inside: string) => {
    const found = Object.fromEntries([...inside.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const { attributes, messages } = valueAttributes(found, ':value');
    messages.forEach(say);
    if (!attributes) return written;
    const figure = lookup(attributes, []);
    if ('error' in figure) {
      say(`${written}: ${figure.error}`);
      return written;
    }
    return figure.text;
  });
}

/** The chart with the figures of its title, subtitles and annotations printed from the data. */
export function printChartFigures(chart: ChartSpec, lookup: FigureLookup, report: Report): ChartSpec {
  const print = (text: string | undefined, field: FieldPath) =>
    text?.includes(':value{') ? printFigures(text, lookup, (message) => report(chart.file, field, message)) : text;
  return {
    ...chart,
    title: print(chart.title, ['title'])!,
    ...(chart.subtitle !== undefined ? { subtitle: print(chart.subtitle, ['subtitle']) } : {}),
    ...(chart.views
      ? {
          views: chart.views.map((view, i) =>
            view.subtitle !== undefined ? { ...view, subtitle: print(view.subtitle, ['views', i, 'subtitle']) } : view,
          ),
        }
      : {}),
    ...(chart.annotations
      ? {
          annotations: chart.annotations.map((note, i) => ({
            ...note,
            text: print(note.text, ['annotations', i, 'text'])!,
          })),
        }
      : {}),
  };
}
