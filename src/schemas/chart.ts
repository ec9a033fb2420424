import { z } from 'astro/zod';
import { annotationSchema } from './annotation.ts';
import { chartTabSchema } from './chart-tab.ts';
import { idSchema, textListSchema } from './common.ts';
import { deriveSchema } from './derive.ts';
import { filterSchema } from './filter.ts';
import { foldSchema } from './fold.ts';
import { formatSchema } from './format.ts';
import { mapOptionsSchema } from './map.ts';
import { referenceLineSchema } from './reference-line.ts';
import { viewSchema } from './view.ts';

/** The kinds of chart: line, area, bar (horizontal when x holds the numbers), dot (a timeline of categories, or dots on a numeric or date y), cell, slope (one line per color or label category between exactly two x values, e.g. two editions or two years), map (a world map: x names the country, y its value). */
export const markSchema = z.enum(['line', 'area', 'bar', 'dot', 'cell', 'slope', 'map']);

/** content/charts/<id>.json: a chart spec. Declarative: editors never write code for a chart. */
export const chartSchema = z.strictObject({
  /** The finding, e.g. "China mines about two-thirds of the world's rare earths". Required. */
  title: z.string().min(1),
  /** Measure, unit and period, e.g. "Share of world mine production, %, 2017-2024". */
  subtitle: z.string().optional(),
  /** Id of the dataset: the name of a file in data/ without .json. Required. */
  dataset: idSchema,
  /** Kind of chart: line, area, bar, dot, cell, slope or map. Required. */
  mark: markSchema,
  /** Field of the rows on the x axis. Required. */
  x: z.string().min(1),
  /** Field of the rows on the y axis. Required. */
  y: z.string().min(1),
  /** Field that splits the rows into series or colours the cells. */
  color: z.string().min(1).optional(),
  /** Field whose text is written next to each mark (direct labels). */
  label: z.string().min(1).optional(),
  /** Figures computed from other figures at build time (share, ratio, difference), applied first. */
  derive: z.array(deriveSchema).optional(),
  /** Wide rows turned into long rows, applied after derive. */
  fold: foldSchema.optional(),
  /** Rows to keep, applied after derive and fold. */
  filter: filterSchema.optional(),
  /** Order of the category axis by value: ascending or descending. Default: the data's order. */
  sort: z.enum(['ascending', 'descending']).optional(),
  /** Order of the colour categories (and their legend). */
  colorOrder: z.array(z.string()).optional(),
  /** The one colour category drawn in the accent colour; the rest are grey. */
  highlight: z.string().optional(),
  /** Labelled reference lines, e.g. a figure as reported. */
  reference: z.array(referenceLineSchema).optional(),
  /** Formats of x and y values. */
  format: formatSchema.optional(),
  /** x axis label, drawn under line, area, vertical bar and dot charts with numbers or dates on y. Default: none (the data table heads the column with the field name). */
  xLabel: z.string().optional(),
  /** y axis label, drawn above charts with numbers or dates on y. Default: none (the data table heads the column with the field name). */
  yLabel: z.string().optional(),
  /** Variants the reader switches between; the first is shown by default. */
  views: z.array(viewSchema).optional(),
  /** Field whose values each get a view of their own, made from the rows the chart draws, e.g. "year": one view per year, in order (years latest first, under a time control; other numbers and dates ascending; text as it first appears), a year added to the data getting its view without a change here. "{year}" (the field's name in braces) in the title or subtitle stands for the view's value. Not with `views`. */
  viewsBy: z.string().min(1).optional(),
  /** Notes placed on the chart: uncertainties, context, claims. */
  annotations: z.array(annotationSchema).optional(),
  /** Notes under the chart: one paragraph or a list. */
  notes: textListSchema.optional(),
  /** Areas and bars of each `color` category stacked: sum (their totals) or share (each category's percentage of its x's, or bar category's, total, computed at build time). Default: not stacked (bars of one category stack all the same). */
  stack: z.enum(['sum', 'share']).optional(),
  /** Field whose values each get a small chart of their own (small multiples), all on the same scales, e.g. "stage". */
  facet: z.string().min(1).optional(),
  /** Map charts: how places are drawn (style, colour scale, region). Default: a choropleth of the world on linear steps. */
  map: mapOptionsSchema.optional(),
  /** Other charts of the same dataset shown as tabs of this chart's figure, e.g. [{ "chart": "mine-production-map" }]: the figure's tabs read "Chart · Map", this chart's own tab labelled by its mark as a tab's default label is. Default: none (the figure shows this chart alone). */
  tabs: z.array(chartTabSchema).optional(),
  /** "all": draw every edition of each figure (e.g. to show revisions). Default: each figure's latest edition, the row whose source was `published` last, unless the filter picks editions (by `edition` or `source`). */
  editions: z.literal('all').optional(),
});

export type ChartSpec = z.output<typeof chartSchema> & { id: string; file: string };
