// The worker thread that png.ts sends SVGs to: resvg draws each one and it is written out as a PNG here, so the
// pixels (megabytes per image) never reach the build's own thread or its garbage collector.
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { encodePng } from './png-encode.ts';
import { fontsFor } from './png-fonts.ts';

/** What png.ts starts each worker with. */
export interface PngWorkerData {
  /** Where the font subsets are kept (png-fonts.ts). */
  fontDir: string;
}

export interface PngRequest {
  id: number;
  svg: string;
  fitTo: ResvgRenderOptions['fitTo'];
}

export type PngReply = { id: number; png: Uint8Array; width: number; height: number } | { id: number; error: string };

const { fontDir } = (workerData ?? {}) as PngWorkerData;

parentPort?.on('message', async ({ id, svg, fitTo }: PngRequest) => {
  try {
    const font = await fontsFor(svg, fontDir);
    // On an opaque background (our images paint their own over it), so every pixel is opaque and resvg's
    // premultiplied pixels are the plain RGBA values a PNG stores.
    const image = new Resvg(svg, { font, fitTo, background: 'white' }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    parentPort!.postMessage({ id, png, width: image.width, height: image.height } satisfies PngReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PngReply);
  }
});
