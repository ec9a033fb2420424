// SVG -> PNG with resvg and the bundled font, for chart images and social cards.
// Rendering is the slowest step of a build, so: it runs on libuv's thread pool (renderAsync), letting Astro build
// pages concurrently on every core; and each PNG is kept in the content-hash cache (cache.ts).
import path from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { cacheKey, readCache, rendererVersion, writeCache } from './cache.ts';
import { fontOptions } from './text-measure.ts';

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

export async function svgToPng(svg: string, fitTo: ResvgRenderOptions['fitTo']): Promise<Png> {
  const font = fontOptions();
  const key = cacheKey(svg, fitTo, rendererVersion, font.fontFiles.map((f) => path.basename(f)));
  const cached = readCache('png', key);
  // Width and height from the PNG's header (IHDR), so a cached image needs no decoding.
  if (cached) return { png: cached, width: cached.readUInt32BE(16), height: cached.readUInt32BE(20) };
  const image = await renderAsync(svg, { font, fitTo });
  const png = image.asPng();
  writeCache('png', key, png);
  return { png, width: image.width, height: image.height };
}
