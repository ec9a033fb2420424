// No NaN or Infinity ever reaches an SVG attribute: a coordinate Plot or the overlay could not compute is written as
// "NaN" without an error, and the browser logs one per element. Scans the SVGs in a text (an SVG file, or a page
// with inline SVGs) and every .svg and .html file under a folder.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** `x1="NaN"` and the like, in any attribute of any element inside an <svg>, with the element's name. */
export function nonFiniteAttributes(text: string): string[] {
  const found: string[] = [];
  for (const svg of text.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
    for (const tag of svg.match(/<[a-zA-Z][^>]*>/g) ?? []) {
      for (const [attribute] of tag.matchAll(/[\w:-]+="[^"]*(?:NaN|Infinity)[^"]*"/g))
        found.push(`<${tag.slice(1).split(/[\s>]/)[0]} ${attribute}>`);
    }
  }
  return found;
}

/** Every .svg and .html file under a folder with the non-finite attributes it holds, as "file: attribute" lines. */
export function nonFiniteAttributesIn(dir: string): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(svg|html)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    for (const attribute of nonFiniteAttributes(readFileSync(file, 'utf8')))
      lines.push(`${path.relative(dir, file)}: ${attribute}`);
  }
  return lines;
}
