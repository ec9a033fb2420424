// What Plot's marks cannot place well on their own, drawn in pixels with Plot's own scales (as render functions):
// category labels above rows, value and series labels, timeline labels, reference-line labels, error bars and
// the numbered uncertainty markers. Each label and marker is put where it covers the least: data points and other
// labels count heavily, bars and lines lightly, and nothing may leave the drawing.
import type { ResolvedChart } from './prepare.ts';
import { asAxisValue, background, grid, ink, muted, reported, stepOf, type ChartShape, type DrawRow, type NumberedAnnotation, type Plan, type TextBlock } from './plot-options.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
/** A line as x1, y1, x2, y2, and what covering a pixel of it costs: data lines much, reference lines little. */
type Segment = [number, number, number, number, number?];

/** The scale functions Plot hands a render function. */
interface Scale {
  (value: unknown): number;
  bandwidth?: () => number;
}
interface Scales {
  x?: Scale;
  y?: Scale;
}

type RenderFunction = (index: number[], scales: Scales, values: unknown, dimensions: unknown, context: { document: Document }) => SVGElement;

const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Length of the part of a segment inside a box (Liang-Barsky clipping). */
function clippedLength([x0, y0, x1, y1]: Segment, box: Box): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x0 - box.x0], [dx, box.x1 - x0], [-dy, y0 - box.y0], [dy, box.y1 - y0]]) {
    if (p === 0) {
      if (q < 0) return 0;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t1 > t0 ? (t1 - t0) * Math.hypot(dx, dy) : 0;
}

/** Everything already drawn that a new label or marker should keep clear of. */
class Space {
  hard: Box[] = [];
  soft: Box[] = [];
  segments: Segment[] = [];
  bounds: Box;
  constructor(bounds: Box) {
    this.bounds = bounds;
  }
  cost(box: Box): number {
    let cost = 0;
    for (const b of this.hard) cost += overlapArea(box, b) * 40;
    for (const b of this.soft) cost += overlapArea(box, b);
    for (const s of this.segments) cost += clippedLength(s, box) * (s[4] ?? 8);
    const inside = overlapArea(box, this.bounds);
    cost += ((box.x1 - box.x0) * (box.y1 - box.y0) - inside) * 1000;
    return cost;
  }
  /** The cheapest of the candidates; earlier ones win ties, so callers list their preferences first. */
  best<T extends { box: Box; penalty?: number }>(candidates: T[]): T & { cost: number } {
    let best = { ...candidates[0], cost: Infinity };
    for (const c of candidates) {
      const cost = this.cost(c.box) + (c.penalty ?? 0);
      if (cost < best.cost - 0.5) best = { ...c, cost };
    }
    return best;
  }
}

interface TextOptions {
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  weight?: 'bold' | 'normal';
  halo?: boolean;
  size?: number;
  className?: string;
}

/** Builds SVG nodes and knows the plan's type sizes. */
class Painter {
  doc: Document;
  plan: Plan;
  constructor(doc: Document, plan: Plan) {
    this.doc = doc;
    this.plan = plan;
  }
  el(name: string, attributes: Record<string, string | number | undefined>, parent?: Element): SVGElement {
    const node = this.doc.createElementNS(SVG_NS, name) as SVGElement;
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(key, String(round(value)));
    parent?.append(node);
    return node;
  }
  /** Lines of text whose block starts at `top`; x is where the anchor is. Returns the block's box. */
  text(parent: Element, block: TextBlock, x: number, top: number, options: TextOptions = {}): Box {
    const { anchor = 'start', fill = ink, weight, halo = false, size = this.plan.fontSize, className } = options;
    const lh = this.lineHeight(size);
    const node = this.el('text', {
      x,
      y: top + lh / 2 + size * 0.32,
      'text-anchor': anchor,
      'font-size': size,
      'font-weight': weight === 'bold' ? 'bold' : undefined,
      fill,
      class: className,
      ...(halo ? { stroke: background, 'stroke-width': 3.5, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } : {}),
    }, parent);
    if (block.lines.length === 1) node.textContent = block.lines[0];
    else block.lines.forEach((line, i) => {
      const span = this.el('tspan', { x, dy: i === 0 ? undefined : lh }, node);
      span.textContent = line;
    });
    return this.box(block, x, top, anchor, size);
  }
  box(block: TextBlock, x: number, top: number, anchor: 'start' | 'middle' | 'end', size = this.plan.fontSize): Box {
    const x0 = anchor === 'start' ? x : anchor === 'end' ? x - block.width : x - block.width / 2;
    return { x0, y0: top, x1: x0 + block.width, y1: top + block.lines.length * this.lineHeight(size) };
  }
  lineHeight(size: number): number {
    return size === this.plan.fontSize ? this.plan.lineHeight : Math.round(size * 1.25);
  }
}

const round = (value: string | number) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value);

/** Under the data: timeline row guides and year boundaries, and the year labels under the axis. */
export function underlayMark(plan: Plan): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const paint = new Painter(context.document, plan);
    const g = paint.el('g', { class: 'chart-underlay', 'aria-hidden': 'true' });
    const frame = frameOf(plan);
    if (plan.kind === 'timeline' && scales.y) {
      const y = scales.y;
      for (const category of plan.categories) {
        const at = y(category) + (y.bandwidth?.() ?? 0) / 2 + plan.markOffset;
        paint.el('line', { x1: frame.x0, x2: frame.x1, y1: at, y2: at, stroke: grid, 'stroke-width': 1 }, g);
      }
    }
    if (plan.timeAxis && scales.x) {
      for (const start of plan.timeAxis.starts) {
        const at = scales.x(start);
        paint.el('line', { x1: at, x2: at, y1: frame.y0, y2: frame.y1 + 5, stroke: grid, 'stroke-width': 1 }, g);
      }
      for (const { at, label } of plan.timeAxis.middles) paint.text(g, { lines: label.split('\n'), width: 0 }, scales.x(at), frame.y1 + 6, { anchor: 'middle' });
    }
    return g;
  };
}

function frameOf(plan: Plan): Box {
  return { x0: plan.marginLeft, y0: plan.marginTop, x1: plan.width - plan.marginRight, y1: plan.height - plan.marginBottom };
}

export function overlayMark(plan: Plan, chart: ResolvedChart, shape: ChartShape, uncertainties: NumberedAnnotation[], colorOf: (row: DrawRow) => string): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const paint = new Painter(context.document, plan);
    const g = paint.el('g', { class: 'chart-overlay' });
    const frame = frameOf(plan);
    const space = new Space({ x0: 0, y0: 0, x1: plan.width, y1: plan.height });
    const { rows } = shape;
    const f = plan.fontSize;
    const lh = plan.lineHeight;
    const X = scales.x!;
    const Y = scales.y!;
    const bandX = Boolean(X.bandwidth);
    const bandY = Boolean(Y.bandwidth);
    const x = (value: unknown) => X(value) + (bandX ? X.bandwidth!() / 2 : 0);
    const y = (value: unknown) => Y(value) + (bandY ? Y.bandwidth!() / 2 + plan.markOffset : 0);
    const markBox = (row: DrawRow): Box => {
      const [base, top] = [row.__base ?? 0, row.__top ?? Number(plan.kind === 'hbar' ? row.__x : row.__y)];
      if (plan.kind === 'hbar') return { x0: Math.min(x(base), x(top)), x1: Math.max(x(base), x(top)), y0: y(row.__y) - plan.thickness / 2, y1: y(row.__y) + plan.thickness / 2 };
      if (plan.kind === 'cell') return { x0: X(row.__x), x1: X(row.__x) + X.bandwidth!(), y0: y(row.__y) - plan.thickness / 2, y1: y(row.__y) + plan.thickness / 2 };
      if (plan.kind === 'vbar') return { x0: X(row.__x), x1: X(row.__x) + X.bandwidth!(), y0: Math.min(y(base), y(top)), y1: Math.max(y(base), y(top)) };
      const r = plan.dotRadius + 1;
      return { x0: x(row.__x) - r, x1: x(row.__x) + r, y0: y(row.__y) - r, y1: y(row.__y) + r };
    };

    // What the data occupies.
    for (const row of rows) (plan.kind === 'line' || plan.kind === 'timeline' ? space.hard : space.soft).push(markBox(row));
    if (plan.kind === 'line' && chart.mark !== 'dot') {
      for (const series of groupRows(rows, chart.color)) {
        for (let i = 1; i < series.length; i++) space.segments.push([x(series[i - 1].__x), y(series[i - 1].__y), x(series[i].__x), y(series[i].__y)]);
      }
    }
    for (const ref of chart.reference ?? []) {
      if (ref.y !== undefined) space.segments.push([frame.x0, y(asAxisValue(ref.y)), frame.x1, y(asAxisValue(ref.y)), 2]);
      else space.segments.push([x(asAxisValue(ref.x)), frame.y0, x(asAxisValue(ref.x)), frame.y1, 2]);
    }

    // The y-axis label of a numeric or date y axis, above the frame on the left.
    if (plan.yLabel.lines.length) space.hard.push(paint.text(g, plan.yLabel, 0, 2, { className: 'chart-axis-label' }));

    // Column headers of cell grids; staggered headers get a tick down to their column.
    if (plan.kind === 'cell') {
      const [tier0, tier1] = plan.headerTierHeight;
      for (const header of plan.headers) {
        const at = x(header.value);
        const top = header.tier === 0 ? 2 : 2 + tier0 + 4;
        const block = header.block;
        const bottom = top + block.lines.length * lh;
        // Kept inside the drawing: the last column's header may be wider than the column.
        const half = block.width / 2;
        const centre = Math.min(Math.max(at, half + 1), plan.width - half - 1);
        space.hard.push(paint.text(g, block, centre, top, { anchor: 'middle' }));
        if (tier1) paint.el('line', { x1: at, x2: at, y1: bottom + 1, y2: frame.y0 - 2, stroke: grid, 'stroke-width': 1 }, g);
      }
    }

    // Category labels above their rows.
    if (plan.rowLabels === 'above') {
      for (const [category, block] of plan.rowLabelText) {
        const markTop = y(category) - plan.thickness / 2;
        space.hard.push(paint.text(g, block, frame.x0, markTop - 2 - block.lines.length * lh, { halo: true }));
      }
    }

    // Labels of reference lines across x, above the frame, with the dashed line carried up to them.
    for (const ref of plan.xReferenceLabels) {
      const at = x(ref.x);
      const top = frame.y0 - 4 - ref.block.lines.length * lh;
      const dash = ref.kind === 'reported' ? '6,4' : '2,3';
      paint.el('line', { x1: at, x2: at, y1: top + 2, y2: frame.y0, stroke: reported, 'stroke-width': 2, 'stroke-dasharray': dash }, g);
      space.hard.push(paint.text(g, ref.block, ref.anchor === 'start' ? at + 5 : at - 5, top, { anchor: ref.anchor, fill: reported, weight: 'bold', halo: true }));
    }

    // Timeline labels above their dots.
    for (const [row, block] of plan.eventLabels) {
      const at = x(row.__x);
      const top = y(row.__y) - plan.dotRadius - 3 - block.lines.length * lh;
      const edge = block.anchor === 'start' ? at - plan.dotRadius : at + plan.dotRadius;
      space.hard.push(paint.text(g, block, edge, top, { anchor: block.anchor, halo: true }));
    }

    // Error bars for ranges (low to high), with caps.
    for (const row of rows.filter((r) => typeof r.low === 'number' && typeof r.high === 'number')) {
      const cap = Math.max(4, plan.thickness / 3);
      const bar = paint.el('g', { class: 'chart-range', stroke: ink, 'stroke-width': 1.5 }, g);
      const line = (x1: number, y1: number, x2: number, y2: number) => paint.el('line', { x1, y1, x2, y2 }, bar);
      if (plan.kind === 'hbar') {
        const [a, b, at] = [x(row.low), x(row.high), y(row.__y)];
        line(a, at, b, at);
        line(a, at - cap, a, at + cap);
        line(b, at - cap, b, at + cap);
        space.segments.push([a, at, b, at]);
      } else {
        const [a, b, at] = [y(row.low), y(row.high), x(row.__x)];
        line(at, a, at, b);
        line(at - cap, a, at + cap, a);
        line(at - cap, b, at + cap, b);
        space.segments.push([at, a, at, b]);
      }
    }

    // Values beside horizontal bars (past the error bar, if any) and above vertical ones; a segment of a stack gets its
    // value inside it where it fits (else the tooltip and table give it), and the stack its total at its end.
    const valueBoxes = new Map<DrawRow, Box>();
    for (const [row, block] of plan.valueText) {
      if (row.__stacked) {
        const box = markBox(row);
        const fits = box.x1 - box.x0 >= block.width + 6 && box.y1 - box.y0 >= lh + 2;
        if (fits) {
          const placed = paint.text(g, block, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2 - lh / 2, { anchor: 'middle', halo: true });
          valueBoxes.set(row, placed);
          space.hard.push(placed);
        }
        continue;
      }
      const negative = Number(plan.kind === 'hbar' ? row.__x : row.__y) < 0;
      let box: Box;
      if (plan.kind === 'hbar') {
        const end = x(typeof row.high === 'number' && !negative ? Math.max(Number(row.__x), row.high) : row.__x);
        box = paint.text(g, block, negative ? end - 5 : end + 5, y(row.__y) - lh / 2, { anchor: negative ? 'end' : 'start', halo: true });
      } else {
        const end = y(typeof row.high === 'number' ? Math.max(Number(row.__y), row.high) : row.__y);
        box = paint.text(g, block, x(row.__x), negative ? end + 3 : end - 3 - lh, { anchor: 'middle', halo: true });
      }
      valueBoxes.set(row, box);
      space.hard.push(box);
    }

    for (const stack of plan.stackTotals) {
      const negative = stack.total < 0;
      const box =
        plan.kind === 'hbar'
          ? paint.text(g, stack.block, negative ? x(stack.end) - 5 : x(stack.end) + 5, y(stack.category) - lh / 2, { anchor: negative ? 'end' : 'start', weight: 'bold', halo: true })
          : paint.text(g, stack.block, x(stack.category), negative ? y(stack.end) + 3 : y(stack.end) - 3 - lh, { anchor: 'middle', weight: 'bold', halo: true });
      space.hard.push(box);
    }

    // Text inside cells, so the grid reads without colour; on a sequential scale, in the colour that reads on its step.
    for (const [row, block] of plan.cellText) {
      const top = y(row.__y) - (block.lines.length * lh) / 2;
      const fill = shape.colorSteps ? stepOf(shape.colorSteps, Number(row[chart.color!])).ink : 'var(--chart-on-cell)';
      space.hard.push(paint.text(g, block, x(row.__x), top, { anchor: 'middle', fill }));
    }

    // Labels of reference lines across y: above or below the line, at either end, wherever they cover least.
    for (const ref of plan.yReferenceLabels) {
      const at = y(ref.y);
      const candidates = ref.blocks.flatMap((block) => {
        const height = block.lines.length * lh;
        return [
          { block, anchor: 'end' as const, x: frame.x1 - 4, top: at - 3 - height },
          { block, anchor: 'start' as const, x: frame.x0 + 4, top: at - 3 - height },
          { block, anchor: 'end' as const, x: frame.x1 - 4, top: at + 3 },
          { block, anchor: 'start' as const, x: frame.x0 + 4, top: at + 3 },
        ];
      });
      // Fewer lines are worth a little overlap with a line.
      const choice = space.best(candidates.map((c) => ({ ...c, box: paint.box(c.block, c.x, c.top, c.anchor), penalty: (c.block.lines.length - 1) * 30 })));
      space.hard.push(paint.text(g, choice.block, choice.x, choice.top, { anchor: choice.anchor, fill: reported, weight: 'bold', halo: true }));
    }

    // Direct labels for the series of a line chart, where a clear spot exists; the legend names them all anyway.
    for (const series of plan.kind === 'line' && chart.color ? groupRows(rows, chart.color) : []) {
      const name = String(series[0][chart.color!]);
      const block = plan.seriesText.get(name)!;
      const r = plan.dotRadius + 3;
      const candidates = [...series].reverse().flatMap((row, i) => {
        const [px, py] = [x(row.__x), y(row.__y)];
        const list = [
          { anchor: 'middle' as const, x: px, top: py - r - lh },
          { anchor: 'middle' as const, x: px, top: py + r },
          { anchor: 'end' as const, x: px - r, top: py - r - lh },
          { anchor: 'start' as const, x: px + r, top: py - r - lh },
          { anchor: 'end' as const, x: px - r, top: py + r },
          { anchor: 'start' as const, x: px + r, top: py + r },
        ];
        return i === 0 ? [{ anchor: 'start' as const, x: px + r + 2, top: py - lh / 2 }, ...list] : list;
      });
      const choice = space.best(candidates.map((c) => ({ ...c, box: paint.box(block, c.x, c.top, c.anchor, f) })));
      if (choice.cost > 20) continue;
      const color = colorOf(series[0]);
      space.hard.push(paint.text(g, block, choice.x, choice.top, { anchor: choice.anchor, fill: color === muted ? ink : color, weight: 'bold', halo: true, className: 'chart-series-label' }));
    }

    // Uncertainty markers: numbered as in the list under the chart, at their x/y or as near as is clear.
    const R = plan.markerRadius;
    let unplaced = 0;
    for (const u of uncertainties) {
      const ux = u.x !== undefined ? safe(() => x(asAxisValue(u.x))) : undefined;
      const uy = u.y !== undefined ? safe(() => y(asAxisValue(u.y))) : undefined;
      const markerBox = (cx: number, cy: number): Box => ({ x0: cx - R - 1, y0: cy - R - 1, x1: cx + R + 1, y1: cy + R + 1 });
      const candidate = (cx: number, cy: number) => ({ cx, cy, box: markerBox(cx, cy), penalty: 0 });
      let candidates: ReturnType<typeof candidate>[] = [];
      let anchor: [number, number] | undefined;
      if (plan.kind === 'hbar' && uy !== undefined) {
        const row = rows.find((r) => String(r.__y) === String(u.y));
        const label = row && valueBoxes.get(row);
        if (label) candidates.push(candidate(label.x1 + 4 + R, uy));
        // In the row, after its value, reads best; off the row is a last resort.
        if (ux !== undefined) candidates.push(candidate(ux, uy), { ...candidate(ux, uy - plan.thickness / 2 - R), penalty: 60 }, { ...candidate(ux, uy + plan.thickness / 2 + R), penalty: 60 });
      } else if (plan.kind === 'cell' && ux !== undefined && uy !== undefined) {
        const [left, right] = [ux - X.bandwidth!() / 2, ux + X.bandwidth!() / 2];
        const [top, bottom] = [uy - plan.thickness / 2, uy + plan.thickness / 2];
        candidates = [candidate(right, top), candidate(left, top), candidate(right, bottom), candidate(left, bottom)];
      } else if (ux !== undefined && uy !== undefined) {
        anchor = [ux, uy];
        const onPoint = rows.some((r) => Math.hypot(x(r.__x) - ux, y(r.__y) - uy) < plan.dotRadius + 2);
        if (!onPoint) candidates.push(candidate(ux, uy));
        for (const distance of [R + plan.dotRadius + 3, 2 * R + plan.dotRadius + 8]) {
          for (const angle of [-45, -135, 0, 180, -90, 90, 45, 135]) {
            const t = (angle * Math.PI) / 180;
            candidates.push(candidate(ux + Math.cos(t) * distance, uy + Math.sin(t) * distance));
          }
        }
      }
      if (!candidates.length) {
        // No place on this drawing (no position, or a category this view leaves out): top right of the frame.
        candidates.push(candidate(frame.x1 - R - unplaced * (2 * R + 4), frame.y0 + R));
        unplaced++;
      }
      const choice = space.best(candidates);
      const marker = paint.el('g', { class: 'chart-marker', 'data-number': u.number }, g);
      if (plan.kind === 'cell' && ux !== undefined && uy !== undefined) {
        // The marked cell is outlined, so a marker on its corner cannot be read as its neighbour's.
        const half = X.bandwidth!() / 2 - 1.5;
        paint.el('rect', { x: ux - half, y: uy - plan.thickness / 2, width: half * 2, height: plan.thickness, fill: 'none', stroke: 'var(--chart-marker)', 'stroke-width': 2.5 }, marker);
      }
      if (anchor && Math.hypot(choice.cx - anchor[0], choice.cy - anchor[1]) > R + plan.dotRadius + 5) {
        const t = Math.atan2(choice.cy - anchor[1], choice.cx - anchor[0]);
        paint.el('line', { x1: anchor[0] + Math.cos(t) * (plan.dotRadius + 1), y1: anchor[1] + Math.sin(t) * (plan.dotRadius + 1), x2: choice.cx - Math.cos(t) * R, y2: choice.cy - Math.sin(t) * R, stroke: 'var(--chart-marker)', 'stroke-width': 1.25 }, marker);
      }
      paint.el('circle', { cx: choice.cx, cy: choice.cy, r: R, fill: 'var(--chart-marker)', stroke: background, 'stroke-width': 1.5 }, marker);
      paint.text(marker, { lines: [String(u.number)], width: 0 }, choice.cx, choice.cy - paint.lineHeight(plan.markerFontSize) / 2, { anchor: 'middle', fill: 'var(--chart-on-marker)', weight: 'bold', size: plan.markerFontSize });
      space.hard.push(choice.box);
    }
    return g;
  };
}

function safe(get: () => number): number | undefined {
  const value = get();
  return Number.isFinite(value) ? value : undefined;
}

function groupRows(rows: DrawRow[], field?: string): DrawRow[][] {
  if (!field) return [rows];
  const groups = new Map<string, DrawRow[]>();
  for (const row of rows) groups.set(String(row[field]), [...(groups.get(String(row[field])) ?? []), row]);
  return [...groups.values()];
}
