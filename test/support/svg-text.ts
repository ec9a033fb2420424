// The boxes of texts in a drawn chart SVG, for the tests that hold labels apart: Plot's axis tick labels and the
// overlay's series labels, measured in DejaVu as the renderer measures them.
import { DOMParser } from 'linkedom';
import { textWidth } from '../../src/charts/text-measure.ts';

export interface TextBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const translate = (el: Element | null) => {
  const m = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(el?.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};
const em = (value: string | null, size: number) =>
  value?.endsWith('em') ? Number(value.slice(0, -2)) * size : Number(value ?? 0);

function box(text: string, x: number, baseline: number, anchor: string, size: number, bold = false): TextBox {
  const width = textWidth(text, size, bold);
  const x0 = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  return { text, x0, x1: x0 + width, y0: baseline - size * 0.8, y1: baseline + size * 0.2 };
}

function parse(svg: string): Element {
  return new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement as unknown as Element;
}

/** Plot's axis tick labels: the texts of the groups of positioned texts before the data. */
export function axisTextBoxes(svg: string, size: number): TextBox[] {
  const root = parse(svg);
  const boxes: TextBox[] = [];
  for (const g of [...root.children].filter((el) => el.tagName.toLowerCase() === 'g')) {
    const texts = [...g.children];
    if (!texts.length || !texts.every((t) => t.tagName.toLowerCase() === 'text' && t.hasAttribute('transform')))
      continue;
    const [gx, gy] = translate(g);
    const anchor = g.getAttribute('text-anchor') ?? root.getAttribute('text-anchor') ?? 'start';
    for (const t of texts) {
      const [tx, ty] = translate(t);
      boxes.push(box(t.textContent ?? '', gx + tx, gy + ty + em(t.getAttribute('y'), size), anchor, size));
    }
  }
  return boxes;
}

/** The overlay's series labels (class chart-series-label), bold. */
export function seriesLabelBoxes(svg: string): TextBox[] {
  return [...parse(svg).querySelectorAll('text.chart-series-label')].map((t) => {
    const size = Number(t.getAttribute('font-size'));
    return box(
      t.textContent ?? '',
      Number(t.getAttribute('x')),
      Number(t.getAttribute('y')),
      t.getAttribute('text-anchor') ?? 'start',
      size,
      t.getAttribute('font-weight') === 'bold',
    );
  });
}

export const overlap = (a: TextBox, b: TextBox) =>
  Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
