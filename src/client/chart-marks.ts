// Which place each mark of a chart's drawing draws, for chart.ts to fade the places a reader did not pick.
import type { Paint } from '../charts/recolour.ts';
/** What the build wrote for a view's drawings (src/components/Chart.astro): each point's text and position. */
export interface PointData {
  texts: string[];
  /**
   * How a pointer finds its point: by row (horizontal bars), by column (vertical bars), by distance (dots, cells),
   * or, on lines and areas, the nearest x anywhere over the plot, read with every series at that x; on maps, the
   * place under the pointer (its outline or symbol names its point), else the nearest point by distance.
   */
  hit: 'x' | 'y' | 'xy' | 'nearest-x' | 'region';
  drawings: Record<string, [number, number][]>;
  /** nearest-x: each point's index among `xTexts`, the texts that read every series at one x. */
  xGroup?: number[];
  xTexts?: string[];
  /** nearest-x: the top and bottom of each drawing's plotting frame, where the rule at the pointer's x goes. */
  frames?: Record<string, [number, number]>;
  /** Small multiples: each point's facet, and each facet's frame (x0, y0, x1, y1) per drawing. */
  panel?: number[];
  panels?: Record<string, [number, number, number, number][]>;
  /** Charts with a place field: each point's place, year and sentence when highlighted (src/charts/selection.ts). */
  select?: { field: string; places: string[]; says: string[]; years: string[]; names?: Record<string, string> };
  /** A view drawn as the first view's drawings recoloured (src/charts/recolour.ts): per layout, its paint. */
  paint?: Record<string, Paint>;
}

/** Which place each mark of a drawing draws, worked out once per drawing (see marksOf). */
const drawnMarks = new WeakMap<HTMLElement, Map<SVGGeometryElement, string[]>>();

/**
 * Which places each mark of a drawing draws: the point a mark names (`data-point`, a map's shapes), else the place
 * most of whose points lie on it (a bar's end, a dot, a line's stroke), or the places tied for most (a dot where two series meet). Kind-agnostic: it reads the
 * SVG's geometry against the points the build wrote, so the drawings need no markup of their own. Marks on no point
 * (axes, rules) are left out. Undefined while the drawing is not shown (no geometry to read).
 */
export function marksOf(drawing: HTMLElement, data: PointData) {
  let found = drawnMarks.get(drawing);
  const svg = drawing.querySelector('svg');
  const points = data.drawings[drawing.dataset.layout ?? ''];
  const screen = svg?.getScreenCTM();
  if (found || !svg || !points || !screen || !data.select || drawing.offsetParent === null) return found;
  const { places } = data.select;
  found = new Map();
  // Marks that name their point (a map's countries and symbols) draw its place: no geometry to read, and none to
  // misread (a thin country's centre can lie in its neighbour, which is "no data").
  const named = svg.querySelectorAll<SVGGeometryElement>('[data-point]');
  for (const mark of named) found.set(mark, [places[Number(mark.dataset.point)]]);
  if (named.length) {
    drawnMarks.set(drawing, found);
    return found;
  }
  for (const mark of svg.querySelectorAll<SVGGeometryElement>(
    ':scope > g:not(.chart-overlay, .chart-underlay) :is(rect, circle, path, polygon)',
  )) {
    const own = mark.getScreenCTM();
    if (!own) continue;
    const toMark = own.inverse().multiply(screen);
    const box = mark instanceof SVGRectElement || mark instanceof SVGCircleElement ? mark.getBBox() : undefined;
    const counts = new Map<string, number>();
    points.forEach(([x, y], i) => {
      const p = new DOMPoint(x, y).matrixTransform(toMark);
      const on = box
        ? p.x >= box.x - 1.5 && p.x <= box.x + box.width + 1.5 && p.y >= box.y - 1.5 && p.y <= box.y + box.height + 1.5
        : mark.isPointInFill(p) || mark.isPointInStroke(p);
      if (on) counts.set(places[i], (counts.get(places[i]) ?? 0) + 1);
    });
    const most = Math.max(0, ...counts.values());
    if (most > 0)
      found.set(
        mark,
        [...counts].filter(([, n]) => n === most).map(([place]) => place),
      );
  }
  drawnMarks.set(drawing, found);
  return found;
}

/** The facet whose frame holds a point, or the nearest one to it. */
export function nearestPanel(panels: [number, number, number, number][], px: number, py: number): number {
  const distance = ([x0, y0, x1, y1]: [number, number, number, number]) =>
    Math.hypot(Math.max(x0 - px, 0, px - x1), Math.max(y0 - py, 0, py - y1));
  return panels.reduce((best, panel, i) => (distance(panel) < distance(panels[best]) ? i : best), 0);
}
