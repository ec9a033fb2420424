// Direct labels for the series of lines and dots, where a clear spot exists; the legend names them all anyway.
import { ink, muted } from '../colors.ts';
import type { SeriesPlan } from '../layout/value-axis.ts';
import { seriesOf } from '../shape.ts';
import { textWidth } from '../text-measure.ts';
import type { At } from './types.ts';
import type { Box, Segment } from './space.ts';

export function seriesLabels(at: At<SeriesPlan>): void {
  const { chart, plan, paint, g, space, x, y, lh, f } = at;
  if (!chart.color) return;
  for (const series of seriesOf(at.rows, chart.color).values()) {
    const name = String(series[0][chart.color]);
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
    const color = at.colorOf(series[0]);
    space.hard.push(
      paint.text(g, block, choice.x, choice.top, {
        anchor: choice.anchor,
        fill: color === muted ? ink : color,
        weight: 'bold',
        halo: true,
        className: 'chart-series-label',
      }),
    );
  }
}

/** The segments of each series' line, point to point, which labels should not cross. */
export function seriesSegments(at: At): Segment[] {
  const segments: Segment[] = [];
  for (const series of seriesOf(at.rows, at.chart.color).values()) {
    for (let i = 1; i < series.length; i++)
      segments.push([at.x(series[i - 1].__x), at.y(series[i - 1].__y), at.x(series[i].__x), at.y(series[i].__y)]);
  }
  return segments;
}

const translate = (el: Element) => {
  const m = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};

/**
 * The boxes of Plot's axis tick labels, read from the SVG drawn so far (its groups of positioned texts), so that
 * series labels keep clear of them as of each other: a label pushed to the frame's left end sat on "100%".
 */
export function axisTextBoxes(svg: Element | undefined, fontSize: number): Box[] {
  if (!svg) return [];
  const boxes: Box[] = [];
  for (const g of [...svg.children].filter((el) => el.tagName.toLowerCase() === 'g')) {
    const texts = [...g.children];
    if (!texts.length || !texts.every((t) => t.tagName.toLowerCase() === 'text' && t.hasAttribute('transform')))
      continue;
    const [gx, gy] = translate(g);
    const anchor = g.getAttribute('text-anchor') ?? svg.getAttribute('text-anchor') ?? 'start';
    for (const text of texts) {
      const [tx, ty] = translate(text);
      const dy = /^(-?[\d.]+)em$/.exec(text.getAttribute('y') ?? '');
      const baseline = gy + ty + (dy ? Number(dy[1]) * fontSize : Number(text.getAttribute('y') ?? 0));
      const width = textWidth(text.textContent ?? '', fontSize);
      const x0 = gx + tx - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
      boxes.push({
        x0: x0 - 2,
        x1: x0 + width + 2,
        y0: baseline - fontSize * 0.8 - 1,
        y1: baseline + fontSize * 0.2 + 1,
      });
    }
  }
  return boxes;
}
