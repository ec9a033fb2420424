// The worker thread that png.ts sends SVGs to: resvg draws each one and it is written out as a PNG here, so the
// pixels (megabytes per image) never reach the build's own thread or its garbage collector.
import { parentPort } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { encodePng } from './png-encode.ts';
import type { fontOptions } from './text-measure.ts';

export interface PngRequest {
  id: number;
  svg: string;
  fitTo: ResvgRenderOptions['fitTo'];
  /** The fonts to draw with: subsets of the bundled ones (png-fonts.ts). */
  font: ReturnType<typeof fontOptions>;
}

export type PngReply = { id: number; png: Uint8Array; width: number; height: number } | { id: number; error: string };

parentPort?.on('message', ({ id, svg, fitTo, font }: PngRequest) => {
  try {
    // On an opaque background (our images paint their own over it), so every pixel is opaque and resvg's
    // premultiplied pixels are the plain RGBA values a PNG stores.
    const image = new Resvg(svg, { font, fitTo, background: 'white' }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    parentPort!.postMessage({ id, png, width: image.width, height: image.height } satisfies PngReply);
  } catch (error) {
    parentPort!.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies PngReply);
  }
});
