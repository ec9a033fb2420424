// A content-hash cache on disk for what is slow to draw: chart SVGs and PNGs. An entry's key is the hash of
// everything that decides it, so a changed input is a new entry and an unchanged chart is not drawn again.
// SUPPLY_LINES_CACHE moves the cache (the benchmark gives each run its own, to measure cold builds).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importClosure } from '../util/import-graph.ts';

const root = path.resolve(
  process.env.SUPPLY_LINES_CACHE ?? path.join(process.cwd(), 'node_modules/.cache/supply-lines'),
);

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The folder of one kind of entry. */
export function cacheDir(kind: string): string {
  return path.join(root, kind);
}

function entry(kind: string, key: string): string {
  return path.join(cacheDir(kind), key);
}

export function readCache(kind: string, key: string): Buffer | undefined {
  try {
    return readFileSync(entry(kind, key));
  } catch {
    return undefined;
  }
}

export function writeCache(kind: string, key: string, data: Buffer | string): void {
  const file = entry(kind, key);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file); // atomic: a concurrent build never reads half an entry
}

/**
 * A hash of every source file a drawing depends on: what render.ts (charts) and png.ts (images) import, followed
 * recursively through every folder, so a change to any module under src/charts/ (or a schema it uses) starts afresh.
 */
export function drawingSources(root: string): string {
  const files = importClosure([path.join(root, 'src/charts/render.ts'), path.join(root, 'src/charts/png.ts')]);
  return cacheKey(files.map((file) => [path.relative(root, file), readFileSync(file, 'utf8')]));
}

/** The drawing code's hash and the versions of the packages it draws with: a change to either starts afresh. */
export const rendererVersion: string = (() => {
  const versions = [
    '@observablehq/plot',
    'linkedom',
    '@resvg/resvg-js',
    'dejavu-fonts-ttf',
    'd3-array',
    'd3-geo',
    'world-atlas',
    'topojson-client',
    'topojson-simplify',
    'i18n-iso-countries',
    'subset-font',
  ].map(
    (name) =>
      JSON.parse(readFileSync(path.resolve(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version,
  );
  return cacheKey(drawingSources(process.cwd()), versions);
})();
