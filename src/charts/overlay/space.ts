// Where the overlay may still write: everything already drawn, and what covering it costs. Data points and other
// labels count heavily, bars and lines lightly, and nothing may leave the drawing.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
/** A line as x1, y1, x2, y2, and what covering a pixel of it costs: data lines much, reference lines little. */
export type Segment = [number, number, number, number, number?];

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Length of the part of a segment inside a box (Liang-Barsky clipping). */
function clippedLength([x0, y0, x1, y1]: Segment, box: Box): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, x0 - box.x0],
    [dx, box.x1 - x0],
    [-dy, y0 - box.y0],
    [dy, box.y1 - y0],
  ]) {
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
export class Space {
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
