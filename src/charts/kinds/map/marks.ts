// The map's one data mark, drawn in pixels from the plan: the countries without a row in one path, each drawn row's
// country in its colour (or, on a symbol map, a circle sized by its value), and a symbol for each place too small to
// see. Every shape of a row carries its point's index (`data-point`), so a pointer over it reads that row.
import { accent, background, ink, noData } from '../../colors.ts';
import type { Plan } from '../../layout/plan.ts';
import { Painter, type RenderFunction } from '../../overlay/paint.ts';
import { stepOf, type DrawRow } from '../../shape.ts';
import type { DrawContext } from '../types.ts';

/** A map's plan: the shared one (no margins: the map fills the drawing) and its places projected to its pixels. */
export interface MapPlan extends Plan {
  map: MapPlaces;
}

/** A map projected to one drawing: outlines as SVG path data, and each drawn row's place. */
export interface MapPlaces {
  /** Countries without a row, as one path. */
  noData: string;
  /** Each drawn row's outline (absent when the base map lacks it), its point (where its tooltip, focus ring and
   * markers go), and whether it also gets a symbol to stay findable (too small to see at 360 px, or no outline). */
  places: Map<DrawRow, { outline?: string; at: [number, number]; symbol: boolean }>;
  /** How many countries of the base map have no row. */
  noDataCount: number;
  /** Every place the chart's views draw, in one order for all views: this view's rows, and as "no data" the places
   * only other views draw, each with a shape of its own, so that the views' drawings differ in paint only
   * (recolour.ts). */
  slots: { row?: DrawRow; outline?: string; at: [number, number]; symbol: boolean }[];
}

/** Estimates keep their colour and get a dashed outline, as the key says. */
const estimateStroke = { stroke: ink, 'stroke-width': 1, 'stroke-dasharray': '2,1.5' };

export function mapMark({ chart, shape, plan }: DrawContext<MapPlan>, style: 'choropleth' | 'symbol'): RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const paint = new Painter(context.document, plan);
    const g = paint.el('g', { class: 'chart-map' });
    const { map } = plan;
    paint.el('path', { d: map.noData, fill: noData, stroke: background, 'stroke-width': 0.5 }, g);
    const value = (row: DrawRow) => Number(row[chart.y]);
    const colour = (row: DrawRow) => (shape.colorSteps ? stepOf(shape.colorSteps, value(row)).color : noData);
    const index = new Map(shape.rows.map((row, i) => [row, i]));
    if (style === 'choropleth') {
      // A place only other views draw is "no data" here, in the shape those views paint (its symbol hidden).
      for (const { row, outline } of map.slots) {
        if (!outline) continue;
        if (!row) paint.el('path', { d: outline, fill: noData, stroke: background, 'stroke-width': 0.5 }, g);
        else
          paint.el(
            'path',
            {
              d: outline,
              fill: colour(row),
              'data-point': index.get(row),
              ...(row.estimate ? estimateStroke : { stroke: background, 'stroke-width': 0.5 }),
            },
            g,
          );
      }
      for (const { row, at, symbol } of map.slots) {
        if (!symbol) continue;
        if (!row)
          paint.el(
            'circle',
            {
              cx: at[0],
              cy: at[1],
              r: plan.dotRadius,
              fill: noData,
              stroke: ink,
              'stroke-width': 1,
              visibility: 'hidden',
            },
            g,
          );
        else
          paint.el(
            'circle',
            {
              cx: at[0],
              cy: at[1],
              r: plan.dotRadius,
              fill: colour(row),
              'data-point': index.get(row),
              ...(row.estimate ? estimateStroke : { stroke: ink, 'stroke-width': 1 }),
            },
            g,
          );
      }
      return g;
    }
    // Symbols: circle areas in proportion to the values, the largest first so the smaller stay on top.
    const largest = Math.max(...shape.rows.map(value).filter((v) => v > 0), 1);
    const biggest = Math.round(plan.width * 0.045);
    const circles = [...map.places]
      .map(([row, place]) => ({ row, place, r: Math.max(1.5, Math.sqrt(Math.max(0, value(row)) / largest) * biggest) }))
      .sort((a, b) => b.r - a.r);
    for (const { row, place, r } of circles) {
      paint.el(
        'circle',
        {
          cx: place.at[0],
          cy: place.at[1],
          r,
          fill: accent,
          'fill-opacity': 0.6,
          'data-point': index.get(row),
          ...(row.estimate ? estimateStroke : { stroke: accent, 'stroke-width': 1 }),
        },
        g,
      );
    }
    return g;
  };
}
