// Text widths in DejaVu Sans, the open-licence font the chart PNGs are drawn with. DejaVu is wider than most
// system sans-serifs, so text wrapped with these widths also fits where a browser substitutes its own font.
// Each character's advance is measured once with resvg (the renderer itself), then lines are summed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { escapeXml } from '../util/escape.ts';

// resvg (a native module) is loaded on the first measurement, not on import: `npm run check` and `npm run new` import
// the chart kinds for their rules and starters, and should not pay for the renderer (architecture.test.ts checks).
let Resvg: typeof ResvgClass | undefined;
const resvg = () =>
  (Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg);

const fontDir = path.resolve(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf');

let fonts:
  { loadSystemFonts: false; fontFiles: string[]; defaultFontFamily: string; sansSerifFamily: string } | undefined;

/** resvg font options: only the bundled DejaVu Sans, so a build draws the same pixels on every machine. */
export function fontOptions() {
  if (fonts) return fonts;
  const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => path.join(fontDir, name));
  const missing = fontFiles.find((file) => !existsSync(file));
  if (missing) throw new Error(`Font not found: ${missing} (the dejavu-fonts-ttf package provides it)`);
  fonts = { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  return fonts;
}

const probeSize = 100;
const advances = new Map<string, number>();

/** Ink width of `text` at 100px: the difference between "HxH" and "HH" is the advance of x. */
function inkWidth(text: string, bold: boolean): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="200"><text x="0" y="150" font-size="${probeSize}" font-weight="${bold ? 'bold' : 'normal'}" xml:space="preserve">${escapeXml(text)}</text></svg>`;
  return new (resvg())(svg, { font: fontOptions() }).getBBox()?.width ?? 0;
}

function advance(char: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}${char}`;
  let width = advances.get(key);
  if (width === undefined) {
    width = (inkWidth(`H${char}H`, bold) - inkWidth('HH', bold)) / probeSize;
    advances.set(key, width);
  }
  return width;
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  for (const char of text) width += advance(char, bold);
  return width * fontSize;
}

/** Greedy word wrap to `width` pixels; a word longer than a line gets a line of its own. */
export function wrapText(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
