// SVG -> PNG with resvg and the bundled font, for chart images and social cards.
// Rendering is the slowest step of a build, so: it runs on libuv's thread pool (renderAsync), letting Astro build
// pages concurrently on every core; and each PNG is cached on disk under the hash of everything that decides its
// pixels (the SVG, the size, resvg's version, the font files), so an unchanged chart is not drawn again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontOptions } from './text-measure.ts';

// SUPPLY_LINES_CACHE moves the cache (the benchmark gives each run its own, to measure cold builds).
const cacheDir = path.resolve(process.env.SUPPLY_LINES_CACHE ?? path.join(process.cwd(), 'node_modules/.cache/supply-lines'), 'png');
const resvgVersion: string = JSON.parse(readFileSync(path.resolve(process.cwd(), 'node_modules/@resvg/resvg-js/package.json'), 'utf8')).version;

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

export async function svgToPng(svg: string, fitTo: ResvgRenderOptions['fitTo']): Promise<Png> {
  const font = fontOptions();
  const key = createHash('sha256').update(JSON.stringify([svg, fitTo, resvgVersion, font.fontFiles.map((f) => path.basename(f))])).digest('hex');
  const file = path.join(cacheDir, `${key}.png`);
  try {
    const png = readFileSync(file);
    // Width and height from the PNG's header (IHDR), so a cached image needs no decoding.
    return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  } catch {
    // not cached yet
  }
  const image = await renderAsync(svg, { font, fitTo });
  const png = image.asPng();
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, png);
  renameSync(temp, file); // atomic: a concurrent build never reads half a file
  return { png, width: image.width, height: image.height };
}
