// A view the build wrote as paint (src/charts/recolour.ts): the first view's drawings, cloned and recoloured to it
// the first time it is shown. Without JavaScript the first view is drawn and every view's rows are in the tables.
import type { Paint } from '../charts/recolour.ts';

/** Sets a paint's attributes on a drawing's elements (the <svg> is element 0, the rest in document order). */
export function applyPaint(svg: Element, paint: Paint) {
  const elements = [svg, ...svg.querySelectorAll('*')];
  for (const [i, change] of paint) {
    for (const [name, value] of Object.entries(change)) {
      if (value === null) elements[i].removeAttribute(name);
      else elements[i].setAttribute(name, value);
    }
  }
}

/** Gives a painted view (`plot`, with no drawings of its own) the first view's drawings (`base`), in its paint. */
export function paintView(plot: HTMLElement, base: HTMLElement, paint: Record<string, Paint>) {
  if (plot.querySelector('.chart-drawing')) return;
  const drawings = [...base.querySelectorAll<HTMLElement>('.chart-drawing')].map((drawing) => {
    const copy = drawing.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll('.chart-focus, .chart-focus-rule, .chart-faded')
      .forEach((mark) =>
        mark.classList.contains('chart-faded') ? mark.classList.remove('chart-faded') : mark.remove(),
      );
    const svg = copy.querySelector('svg');
    const own = paint[copy.dataset.layout ?? ''];
    if (svg && own) applyPaint(svg, own);
    return copy;
  });
  plot.prepend(...drawings);
}
