// Views recoloured, not redrawn: where a kind draws every view with the same shapes in the same order (a map's views
// keep different rows of one world), a page carries the first view's drawings whole and each other view as its paint:
// per element, the attributes that differ (fill, outline, "no data", a hidden symbol, `data-point`, the marker's
// place, aria-describedby). client/chart-paint.ts clones the first view's drawing and applies it.
import { parseHTML } from 'linkedom';

/** Attributes to set on elements of a drawing, by the element's place in document order (the <svg> is 0); null removes. */
export type Paint = [number, Record<string, string | null>][];

const elementsOf = (svg: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.body.firstElementChild!;
  return [root, ...root.querySelectorAll('*')];
};
/** A drawing with its attributes left out: its elements, in order, and its text. */
const structure = (svg: string) => svg.replace(/\s[^\s=<>"/]+="[^"]*"/g, '');

/** What turns drawing `from` into drawing `to`, or undefined when they differ in more than attributes. */
export function paintBetween(from: string, to: string): Paint | undefined {
  if (structure(from) !== structure(to)) return undefined;
  const [a, b] = [elementsOf(from), elementsOf(to)];
  const paint: Paint = [];
  a.forEach((element, i) => {
    const target = b[i];
    const change: Record<string, string | null> = {};
    for (const name of element.getAttributeNames()) if (!target.hasAttribute(name)) change[name] = null;
    for (const name of target.getAttributeNames())
      if (element.getAttribute(name) !== target.getAttribute(name)) change[name] = target.getAttribute(name);
    if (Object.keys(change).length) paint.push([i, change]);
  });
  return paint;
}
