// The fonts the image workers (png-worker.ts) draw with. resvg reads a font file whole every time it draws a glyph:
// with DejaVu Sans (757 KB) that was most of a chart image's cost to read (about 25 ms for its thousand glyphs, and as
// much again in the kernel copying the file). So images are drawn with subsets of the bundled fonts that hold only
// the characters drawn so far in the build, about 25 KB each, made on the build's thread (one HarfBuzz instance,
// 18 MB, rather than one per worker). HarfBuzz's subsetter (subset-font) keeps those glyphs with
// their kerning, ligatures and metrics, so the pixels are the ones the whole fonts draw (png-fonts.test.ts checks).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { fontOptions } from './text-measure.ts';

const span = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** What nearly every image draws, so a worker seldom makes another subset: printable ASCII, Latin-1, typographic punctuation. */
const common = [...span(0x20, 0x7e), ...span(0xa0, 0xff), ...'‐‑–—‘’‚“”„•…‰′″‹›€−×≤≥≈≠'];

/**
 * The characters of the SVG not yet covered: those outside printable ASCII (which `common` holds, and with it every
 * character of the markup) and those written as numeric references (`&#8217;`).
 */
function missing(svg: string, covered: Set<string>): Set<string> {
  const found = new Set(svg.match(/[^\x20-\x7e]/gu));
  for (const [, n] of svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const code = n[0].toLowerCase() === 'x' ? parseInt(n.slice(1), 16) : Number(n);
    if (code <= 0x10ffff) found.add(String.fromCodePoint(code));
  }
  for (const c of found) if (covered.has(c)) found.delete(c);
  return found;
}

let covered = new Set<string>();
let fonts: Promise<ReturnType<typeof fontOptions>> | undefined;

/**
 * resvg font options for drawing `svg`: the bundled fonts cut down to the characters needed so far. A new character
 * makes new subsets (a few ms; the latest include every character asked for before, so an image still waiting for
 * them gets them too), written to `dir` under a hash of the font and the characters, where the next build finds them.
 */
export function fontsFor(svg: string, dir: string): Promise<ReturnType<typeof fontOptions>> {
  const needed = missing(svg, covered);
  if (fonts && !needed.size) return fonts;
  covered = new Set([...common, ...covered, ...needed]);
  fonts = subsets([...covered].sort().join(''), dir);
  return fonts;
}

async function subsets(text: string, dir: string): Promise<ReturnType<typeof fontOptions>> {
  const whole = fontOptions();
  mkdirSync(dir, { recursive: true });
  const fontFiles = await Promise.all(
    whole.fontFiles.map(async (file) => {
      const font = readFileSync(file);
      const subset = path.join(
        dir,
        `${path.basename(file, '.ttf')}-${createHash('sha256').update(font).update(text).digest('hex').slice(0, 32)}.ttf`,
      );
      if (!existsSync(subset)) {
        // Hinting is left out: resvg does not use it.
        const temp = `${subset}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temp, await subsetFont(font, text, { targetFormat: 'truetype', noHinting: true }));
        renameSync(temp, subset); // atomic: a build drawing at the same time never reads half a font
      }
      return subset;
    }),
  );
  return { ...whole, fontFiles };
}
