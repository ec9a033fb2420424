// SVG nodes for the overlay and underlay, drawn in pixels inside Plot's render functions with Plot's own scales.
import { background, ink } from '../colors.ts';
import type { Plan } from '../layout/plan.ts';
import type { TextBlock } from '../layout/text.ts';
import type { Box } from './space.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The scale functions Plot hands a render function. */
export interface Scale {
  (value: unknown): number;
  bandwidth?: () => number;
}
export interface Scales {
  x?: Scale;
  y?: Scale;
}

/** Plot's render context: the document, and the SVG being drawn (the marks before this one are in it). */
export type RenderFunction = (
  index: number[],
  scales: Scales,
  values: unknown,
  dimensions: unknown,
  context: { document: Document; ownerSVGElement?: SVGSVGElement },
) => SVGElement;

export interface TextOptions {
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  weight?: 'bold' | 'normal';
  halo?: boolean;
  size?: number;
  className?: string;
}

const round = (value: string | number) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value);

/** Builds SVG nodes and knows the plan's type sizes. */
export class Painter {
  doc: Document;
  plan: Plan;
  constructor(doc: Document, plan: Plan) {
    this.doc = doc;
    this.plan = plan;
  }
  el(name: string, attributes: Record<string, string | number | undefined>, parent?: Element): SVGElement {
    const node = this.doc.createElementNS(SVG_NS, name) as SVGElement;
    for (const [key, value] of Object.entries(attributes))
      if (value !== undefined) node.setAttribute(key, String(round(value)));
    parent?.append(node);
    return node;
  }
  /** Lines of text whose block starts at `top`; x is where the anchor is. Returns the block's box. */
  text(parent: Element, block: TextBlock, x: number, top: number, options: TextOptions = {}): Box {
    const { anchor = 'start', fill = ink, weight, halo = false, size = this.plan.fontSize, className } = options;
    const lh = this.lineHeight(size);
    const node = this.el(
      'text',
      {
        x,
        y: top + lh / 2 + size * 0.32,
        'text-anchor': anchor,
        'font-size': size,
        'font-weight': weight === 'bold' ? 'bold' : undefined,
        fill,
        class: className,
        ...(halo
          ? { stroke: background, 'stroke-width': 3.5, 'stroke-linejoin': 'round', 'paint-order': 'stroke' }
          : {}),
      },
      parent,
    );
    if (block.lines.length === 1) node.textContent = block.lines[0];
    else
      block.lines.forEach((line, i) => {
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

/** The plotting frame of a plan, px. */
export function frameOf(plan: Plan): Box {
  return {
    x0: plan.marginLeft,
    y0: plan.marginTop,
    x1: plan.width - plan.marginRight,
    y1: plan.height - plan.marginBottom,
  };
}
