// Which marks of a chart's drawing changed between base and head, for the review's before and after images. A mark
// changed when what it draws changed, not when it moved: a longer bar moves the axis, and a new ranking moves every
// bar to another row, yet the other bars draw the same figures. Marks that draw rows are told by the reading points
// the build wrote beside each drawing (each row's position and text): a mark on a row whose text is not in the other
// side's drawing changed. Every other mark (labels, rules, axes) changed when its markup, positions left out, has no
// counterpart in the other drawing.
import { parseHTML } from 'linkedom';

/** A drawing's reading points: each row's text and its position in the SVG (the chart page's `.chart-points`). */
export interface DrawingPoints {
  texts: string[];
  at: [number, number][];
}

/** A drawing as the review compares it: its SVG, and its reading points when the page has them. */
export interface DrawingSide {
  svg: string;
  points?: DrawingPoints;
}

/** Attributes that place a mark rather than say what it draws. */
const placing = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'd', 'points', 'transform', 'dx', 'dy', 'text-anchor', 'data-point']);

/** Leaf elements (shapes, texts) as text: what a drawing is made of, to tell which marks changed. */
function leaves(svg: Element): Element[] {
  return [...svg.querySelectorAll('*')].filter((el) => el.children.length === 0 && !['style', 'title', 'desc', 'defs'].includes(el.tagName.toLowerCase()));
}

/** A mark's markup without its position: tag, the attributes that style it, its text. */
function identity(el: Element): string {
  const attributes = [...el.attributes].filter((a) => !placing.has(a.name)).map((a) => `${a.name}=${a.value}`);
  return `${el.tagName.toLowerCase()} ${attributes.sort().join(' ')} ${el.textContent}`;
}

const numbers = (value: string | null) => (value ?? '').match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
const attribute = (el: Element, name: string) => Number(el.getAttribute(name) ?? 0);

/** Where an element's own coordinates sit in the drawing's: the translations of it and its ancestors, and nested SVGs' x and y. */
function offset(el: Element, root: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    const translate = /translate\(\s*([-\d.e]+)(?:[\s,]+([-\d.e]+))?\s*\)/.exec(node.getAttribute('transform') ?? '');
    if (translate) {
      x += Number(translate[1]);
      y += Number(translate[2] ?? 0);
    }
    if (node !== el && node.tagName.toLowerCase() === 'svg') {
      x += attribute(node, 'x');
      y += attribute(node, 'y');
    }
  }
  return [x, y];
}

/** A path's vertices, in absolute coordinates (move, line, horizontal, vertical and curve end points). */
function vertices(d: string): [number, number][] {
  const out: [number, number][] = [];
  let at: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MLHVCSQTAZmlhvcsqtaz])([^MLHVCSQTAZmlhvcsqtaz]*)/g)) {
    const n = numbers(args);
    const relative = command === command.toLowerCase();
    const step = { m: 2, l: 2, t: 2, h: 1, v: 1, c: 6, s: 4, q: 4, a: 7, z: 0 }[command.toLowerCase()] ?? 0;
    for (let i = 0; step && i + step <= n.length; i += step) {
      const c = command.toLowerCase();
      const [px, py] = c === 'h' ? [n[i], relative ? 0 : at[1]] : c === 'v' ? [relative ? 0 : at[0], n[i]] : [n[i + step - 2], n[i + step - 1]];
      at = relative ? [at[0] + px, at[1] + py] : [px, py];
      out.push(at);
    }
  }
  return out;
}

const near = 1.5;
/** The reading points a shape draws: the point it names, else the points on it (a bar's end, a dot, a line's corner). */
function pointsOn(el: Element, root: Element, points: DrawingPoints): number[] {
  if (el.hasAttribute('data-point')) return [Number(el.getAttribute('data-point'))];
  const [ox, oy] = offset(el, root);
  const tag = el.tagName.toLowerCase();
  const hit = (test: (x: number, y: number) => boolean) => points.at.flatMap(([x, y], i) => (test(x - ox, y - oy) ? [i] : []));
  if (tag === 'rect') {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => attribute(el, a));
    return hit((px, py) => px >= x - near && px <= x + w + near && py >= y - near && py <= y + h + near);
  }
  if (tag === 'circle') return hit((px, py) => Math.hypot(px - attribute(el, 'cx'), py - attribute(el, 'cy')) <= attribute(el, 'r') + near);
  if (tag === 'line') {
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => attribute(el, a));
    return hit((px, py) => {
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const along = ((px - x1) * (x2 - x1) + (py - y1) * (y2 - y1)) / length;
      return along >= -near && along <= length + near && Math.abs((px - x1) * (y2 - y1) - (py - y1) * (x2 - x1)) / length <= near;
    });
  }
  const corners = tag === 'path' ? vertices(el.getAttribute('d') ?? '') : tag === 'polygon' || tag === 'polyline' ? vertices(`M${el.getAttribute('points') ?? ''}`) : [];
  return hit((px, py) => corners.some(([x, y]) => Math.hypot(px - x, py - y) <= near));
}

/** The points of one side whose text the other side's drawing does not read (as many times): rows that changed. */
function changedPoints(points: DrawingPoints, other: DrawingPoints): Set<number> {
  const left = new Map<string, number>();
  for (const text of other.texts) left.set(text, (left.get(text) ?? 0) + 1);
  const changed = new Set<number>();
  points.texts.forEach((text, i) => {
    const n = left.get(text) ?? 0;
    if (n > 0) left.set(text, n - 1);
    else changed.add(i);
  });
  return changed;
}

/** The marks of one drawing that changed against the other drawing. */
function changedMarks(svg: Element, side: DrawingSide, other: { svg: Element | null; side?: DrawingSide }): Element[] {
  const ownPoints = side.points;
  const otherPoints = other.side?.points;
  const byData = ownPoints && otherPoints ? { changed: changedPoints(ownPoints, otherPoints), ownPoints, otherPoints } : undefined;
  const onPoints = (el: Element, root: Element, points: DrawingPoints | undefined) => (points && el.tagName.toLowerCase() !== 'text' ? pointsOn(el, root, points) : []);
  // Marks on no point, by their markup without positions (or, with no points to go by, their full markup).
  const key = (el: Element) => (byData ? identity(el) : el.outerHTML);
  const otherLeaves = other.svg ? leaves(other.svg) : [];
  const left = new Map<string, number>();
  const styles = new Set(otherLeaves.map(identity));
  for (const el of otherLeaves) if (!byData || !onPoints(el, other.svg!, byData.otherPoints).length) left.set(key(el), (left.get(key(el)) ?? 0) + 1);
  return leaves(svg).filter((el) => {
    const on = byData ? onPoints(el, svg, byData.ownPoints) : [];
    // A mark that draws rows changed with their figures, or with its colour or style.
    if (byData && on.length) return on.some((i) => byData.changed.has(i)) || !styles.has(identity(el));
    const n = left.get(key(el)) ?? 0;
    if (n > 0) left.set(key(el), n - 1);
    return n === 0;
  });
}

/**
 * Before and after as images, with the marks that changed outlined: removed in the before, added in the after.
 * `changed` counts the larger side's marks.
 */
export function highlightChanges(before: DrawingSide | undefined, after: DrawingSide | undefined, colours: string): { before?: string; after?: string; changed: number } {
  const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg');
  const b = before ? parse(before.svg) : null;
  const a = after ? parse(after.svg) : null;
  // Both sides are compared before either is marked: marking adds attributes the other side would not match.
  const removed = b && before ? changedMarks(b, before, { svg: a, side: after }) : [];
  const added = a && after ? changedMarks(a, after, { svg: b, side: before }) : [];
  const image = (svg: Element | null, changed: Element[], kind: string) => {
    if (!svg) return undefined;
    for (const el of changed) el.setAttribute('data-review', kind);
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const style = svg.ownerDocument.createElement('style');
    style.textContent = `svg{${colours}} [data-review]{stroke:#d4007a!important;stroke-width:3px!important;paint-order:stroke;stroke-dasharray:none!important} text[data-review],tspan[data-review]{fill:#d4007a!important;stroke-width:0.6px!important}`;
    svg.insertBefore(style, svg.firstChild);
    return `data:image/svg+xml;base64,${Buffer.from(svg.outerHTML).toString('base64')}`;
  };
  return { before: image(b, removed, 'removed'), after: image(a, added, 'added'), changed: Math.max(removed.length, added.length) };
}
