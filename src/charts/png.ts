// SVG -> PNG with resvg and the bundled font, for chart images and social cards.
// Rendering is the slowest step of a build, so: it runs in worker threads (png-worker.ts), one per core, letting
// Astro build pages on its own thread meanwhile; and each PNG is kept in the content-hash cache (cache.ts).
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { cacheDir, cacheKey, readCache, rendererVersion, writeCache } from './cache.ts';
import { fontsFor } from './png-fonts.ts';
import type { PngReply, PngRequest } from './png-worker.ts';
import { fontOptions } from './text-measure.ts';

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

export async function svgToPng(svg: string, fitTo: ResvgRenderOptions['fitTo']): Promise<Png> {
  const font = fontOptions();
  const key = cacheKey(
    svg,
    fitTo,
    rendererVersion,
    font.fontFiles.map((f) => path.basename(f)),
  );
  const cached = readCache('png', key);
  // Width and height from the PNG's header (IHDR), so a cached image needs no decoding.
  if (cached) return { png: cached, width: cached.readUInt32BE(16), height: cached.readUInt32BE(20) };
  const image = await render(svg, fitTo);
  writeCache('png', key, image.png);
  return image;
}

// The workers, started as needed, at most one per core. Read from the project like the fonts (builds and tests run
// from its root): the bundled build has no file of its own for them.
const workerFile = path.resolve(process.cwd(), 'src/charts/png-worker.ts');
const idle: Worker[] = [];
const queue: PngRequest[] = [];
const pending = new Map<number, { resolve: (png: Png) => void; reject: (error: Error) => void }>();
/** The task each busy worker is drawing. */
const busy = new Map<Worker, number>();
let workers = 0;
let nextId = 0;

async function render(svg: string, fitTo: ResvgRenderOptions['fitTo']): Promise<Png> {
  const font = await fontsFor(svg, cacheDir('fonts'));
  const id = nextId++;
  const promise = new Promise<Png>((resolve, reject) => pending.set(id, { resolve, reject }));
  queue.push({ id, svg, fitTo, font });
  dispatch();
  return promise;
}

function settle(
  worker: Worker,
  outcome: (task: { resolve: (png: Png) => void; reject: (error: Error) => void }) => void,
) {
  const id = busy.get(worker)!;
  busy.delete(worker);
  outcome(pending.get(id)!);
  pending.delete(id);
}

function startWorker() {
  workers++;
  // A small young generation: resvg's pixels (native memory the heap cannot see) are freed only when the object
  // holding them is collected, and a worker makes little garbage, so by default that waits many images. Measured at
  // 300 stories: about 50 MB less at the build's peak.
  const worker = new Worker(workerFile, {
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 64 },
  });
  worker.on('message', (reply: PngReply) => {
    settle(worker, (task) => {
      if ('error' in reply) task.reject(new Error(`Could not draw a PNG: ${reply.error}`));
      else
        task.resolve({
          png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength),
          width: reply.width,
          height: reply.height,
        });
    });
    idle.push(worker);
    dispatch();
  });
  // A worker that dies fails the task it was drawing; the next task starts another.
  worker.on('error', (error) => {
    workers--;
    if (busy.has(worker)) settle(worker, (task) => task.reject(error));
    dispatch();
  });
  idle.push(worker);
}

function dispatch() {
  while (queue.length) {
    if (!idle.length && workers < os.availableParallelism()) startWorker();
    const worker = idle.pop();
    if (!worker) break;
    const task = queue.shift()!;
    busy.set(worker, task.id);
    worker.ref();
    worker.postMessage(task);
  }
  // An idle worker must not keep the process alive once the build (or a test) is done.
  for (const worker of idle) worker.unref();
}
