// Guards on how src/ is put together, so the chart code stays easy to extend: no import cycles, one kind per mark
// in the registry, the checker and the starter stay free of Plot, and no file grows past ~300 lines unexplained.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { kinds } from '../../src/charts/kinds/index.ts';
import { loadedOnImport, relativeImports } from '../../src/lib/import-graph.ts';
import { markSchema } from '../../src/schemas/chart.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const src = path.join(repo, 'src');
const sources = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => path.join(src, f))
  .sort();
const rel = (file: string) => path.relative(repo, file);

/** Every import cycle, each as the path from a file back to itself. */
function cycles(files: string[]): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const visit = (file: string, stack: string[]) => {
    state.set(file, 'open');
    for (const next of relativeImports(file)) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, [...stack, next]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, [file]);
  return found;
}

describe('the architecture of src/', () => {
  test('no module imports itself through others (no import cycles)', () => {
    expect(cycles(sources).map((c) => c.map(rel).join(' -> '))).toEqual([]);
  });

  test('every mark an editor may write has exactly one kind that draws it, in the same order', () => {
    expect(Object.keys(kinds)).toEqual(markSchema.options);
  });

  test('npm run check and npm run new take the kinds\' checks and starters without loading Plot or resvg', () => {
    for (const cli of ['src/cli/check.ts', 'src/cli/new.ts']) {
      const { files, packages } = loadedOnImport([path.join(repo, cli)]);
      expect(files.map(rel), cli).toContain('src/charts/kinds/index.ts');
      const heavy = ['@observablehq/plot', '@resvg/resvg-js'].flatMap((name) => (packages.get(name) ?? []).map((file) => `${name} by ${rel(file)}`));
      expect(heavy, cli).toEqual([]);
    }
  });

  test('no file in src/ is over 300 lines unless its opening comment says why', () => {
    const long = sources.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const header = text.slice(0, text.search(/^(?!\/\/)/m));
      return text.split('\n').length > 300 && !/Over 300 lines: /.test(header);
    });
    expect(long.map(rel)).toEqual([]);
  });
});
