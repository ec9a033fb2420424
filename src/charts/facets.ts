// Small multiples (`"facet": "<field>"`): one small chart per value of the field, on scales shared by all, each
// titled, laid out in a grid of one column in the narrow drawing and two or three in the wide one. Each small chart
// is drawn by the kind as any chart is (render.ts draws them); here they are placed in one SVG per layout, so the
// page, the downloads and the embed handle a faceted chart as any other, and each point's position is moved with
// its small chart, so the pointer and the keyboard read every facet.
import type { Layout } from './layout/plan.ts';
import { wrap, type TextBlock } from './layout/text.ts';
import type { Point } from './points.ts';
import type { ResolvedChart } from './prepare.ts';
import type { ChartShape, NumberedAnnotation } from './shape.ts';

/** One small chart: its facet value and the chart's rows for it, with every facet's rows for the shared scales. */
export interface Facet {
  value: string;
  shape: ChartShape;
}

/** A small chart as drawn: its SVG element (Plot's), size, points, and its plotting frame within it. */
export interface FacetDrawing {
  svg: SVGSVGElement;
  width: number;
  height: number;
  points: Point[];
  xTexts: string[];
  frame: [number, number, number, number];
}

/** The facets of a chart in the order of its rows, each with its own rows and the rows of all for its scales. */
export function facetsOf(chart: ResolvedChart, shape: ChartShape): Facet[] {
  const values = [...new Set(shape.rows.map((row) => String(row[chart.facet!])))];
  return values.map((value) => ({
    value,
    shape: { ...shape, rows: shape.rows.filter((row) => String(row[chart.facet!]) === value), domainRows: shape.rows },
  }));
}

/** One column at the narrow width; at the wide one, two for up to four facets, three for more (one alone, full width). */
export function facetColumns(count: number, layout: Layout): number {
  if (layout.width < 480 || count === 1) return 1;
  return count <= 4 ? 2 : 3;
}

/** Room between small charts, px. */
const gapOf = (layout: Layout) => Math.round(layout.fontSize * 1.5);

/** The layout each small chart is drawn at: its column's width, at the drawing's type size; one column of many
 * small charts gets flatter frames, so that a phone scrolls past twelve of them in a few screens. */
export function facetLayout(count: number, layout: Layout): Layout {
  const columns = facetColumns(count, layout);
  return {
    width: Math.floor((layout.width - gapOf(layout) * (columns - 1)) / columns),
    fontSize: layout.fontSize,
    ...(columns === 1 && count > 2 ? { aspect: 0.42 } : {}),
  };
}

/**
 * Each uncertainty marker goes in one small chart: the first whose rows have its x (and its y, when y is a category),
 * else the first. The numbers stay the chart's, so one list under the figure reads every marker.
 */
export function markersOf(
  chart: ResolvedChart,
  facets: Facet[],
  uncertainties: NumberedAnnotation[],
): NumberedAnnotation[][] {
  const owner = (u: NumberedAnnotation) => {
    const has = (facet: Facet) =>
      facet.shape.rows.some(
        (row) =>
          (u.x === undefined || String(row[chart.x]) === String(u.x)) &&
          (u.y === undefined || typeof u.y === 'number' || String(row[chart.y]) === String(u.y)),
      );
    return Math.max(0, facets.findIndex(has));
  };
  const owners = uncertainties.map(owner);
  return facets.map((_, i) => uncertainties.filter((_, k) => owners[k] === i));
}

/** The facet's title above its small chart, bold, wrapped to its width. */
export const facetTitle = (value: string, layout: Layout): TextBlock =>
  wrap(value, layout.width - 4, layout.fontSize, true);

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The small charts in a grid, in one SVG: each row of the grid as tall as its tallest title and chart. Points move
 * with their small chart and start their tooltip with its title; `panels` are the plotting frames, by facet.
 */
export function composeFacets(document: Document, facets: Facet[], drawings: FacetDrawing[], layout: Layout) {
  const columns = facetColumns(facets.length, layout);
  const gap = gapOf(layout);
  const lineHeight = Math.round(layout.fontSize * 1.25);
  const panel = facetLayout(facets.length, layout);
  const titles = facets.map((facet) => facetTitle(facet.value, panel));
  const svg = document.createElementNS(SVG_NS, 'svg') as unknown as SVGSVGElement;
  const points: Point[] = [];
  const xTexts: string[] = [];
  const panels: [number, number, number, number][] = [];
  let top = 0;
  for (let start = 0; start < facets.length; start += columns) {
    const row = drawings.slice(start, start + columns);
    const titleHeight = Math.max(...titles.slice(start, start + columns).map((t) => t.lines.length)) * lineHeight + 4;
    row.forEach((drawing, k) => {
      const i = start + k;
      const left = k * (panel.width + gap);
      const title = document.createElementNS(SVG_NS, 'text');
      for (const [name, value] of Object.entries({
        class: 'chart-facet-title',
        x: left,
        y: top + lineHeight * 0.75,
        'text-anchor': 'start',
        'font-weight': 'bold',
        'font-size': layout.fontSize,
      }))
        title.setAttribute(name, String(value));
      titles[i].lines.forEach((line, n) => {
        const span = title.appendChild(document.createElementNS(SVG_NS, 'tspan'));
        span.setAttribute('x', String(left));
        if (n) span.setAttribute('dy', String(lineHeight));
        span.textContent = line;
      });
      svg.append(title);
      const chartTop = top + titleHeight;
      // A nested SVG keeps Plot's drawing whole; its type size and face are the figure's.
      drawing.svg.removeAttribute('font-size');
      drawing.svg.removeAttribute('font-family');
      drawing.svg.setAttribute('x', String(left));
      drawing.svg.setAttribute('y', String(chartTop));
      svg.append(drawing.svg);
      const [x0, y0, x1, y1] = drawing.frame;
      panels.push([left + x0, chartTop + y0, left + x1, chartTop + y1]);
      const offset = xTexts.length;
      for (const point of drawing.points) {
        const moved: Point = {
          x: Math.round((point.x + left) * 10) / 10,
          y: Math.round((point.y + chartTop) * 10) / 10,
          text: `${facets[i].value}; ${point.text}`,
          panel: i,
        };
        points.push(point.xGroup === undefined ? moved : { ...moved, xGroup: point.xGroup + offset });
      }
      xTexts.push(...drawing.xTexts.map((text) => `${facets[i].value}; ${text}`));
    });
    top += titleHeight + Math.max(...row.map((d) => d.height)) + gap;
  }
  const height = top - gap;
  for (const [name, value] of Object.entries({
    viewBox: `0 0 ${layout.width} ${height}`,
    height,
    width: layout.width,
    'text-anchor': 'middle',
    'font-size': layout.fontSize,
    'font-family': 'system-ui, sans-serif',
    fill: 'currentColor',
    class: 'plot-facets',
  }))
    svg.setAttribute(name, String(value));
  return { svg, width: layout.width, height, points, xTexts, panels };
}
