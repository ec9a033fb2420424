// Guards on how src/ is put together, so the chart code stays easy to extend: no import cycles, one kind per mark
// in the registry, the checker and the starter stay free of Plot, and no file grows past ~400 lines unexplained.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { kinds } from '../../src/charts/kinds/index.ts';
import { loadedOnImport, relativeImportKinds, relativeImports } from '../../src/util/import-graph.ts';
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

/**
 * The folders of src/, lowest first: a folder imports only folders of its own tier or below (type imports too),
 * so that helpers stay free of the domain, the model of pages, and the charts of the model. docs/ARCHITECTURE.md
 * says what each folder is for.
 */
export const tiers: readonly (readonly string[])[] = [
  ['util', 'styles'],
  ['schemas'],
  ['remark'],
  ['charts'],
  ['model'],
  ['io'],
  ['site'],
  ['client'],
  ['components', 'layouts'],
  ['pages', 'cli', 'review'],
];
const folderOf = (file: string) => path.relative(src, file).split(path.sep)[0];
const tierOf = (folder: string) => tiers.findIndex((tier) => tier.includes(folder));

/** Every import of one folder by another: from, to and whether it is type-only. */
export function folderImports(files: string[]) {
  return files.flatMap((file) =>
    relativeImportKinds(file)
      .filter(({ target }) => target.startsWith(src + path.sep) && folderOf(target) !== folderOf(file))
      .map(({ target, typeOnly }) => ({ file, target, from: folderOf(file), to: folderOf(target), typeOnly })),
  );
}

/** Cycles in the graph of folders, each as the folders from one back to itself. */
export function folderCycles(edges: { from: string; to: string }[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (folder: string, stack: string[]) => {
    state.set(folder, 'open');
    for (const to of next.get(folder) ?? []) {
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to].join(' -> '));
      else if (!state.has(to)) visit(to, [...stack, to]);
    }
    state.set(folder, 'done');
  };
  for (const folder of [...next.keys()].sort()) if (!state.has(folder)) visit(folder, [folder]);
  return found;
}

describe('the folders of src/', () => {
  const edges = folderImports(sources);

  test('every folder has its place in the order', () => {
    expect(edges.length).toBeGreaterThan(0);
    const folders = [...new Set(sources.map(folderOf))].filter((f) => !f.includes('.'));
    expect(folders.filter((folder) => tierOf(folder) < 0)).toEqual([]);
  });

  test('no folder imports a folder above it (util -> schemas -> remark -> charts -> model -> io -> site -> client -> components, layouts -> pages, cli, review)', () => {
    const against = edges.filter(({ from, to }) => tierOf(to) > tierOf(from));
    expect(against.map(({ file, target }) => `${rel(file)} -> ${rel(target)}`)).toEqual([]);
  });

  test('no two folders import each other, however indirectly (no folder cycles)', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  test("the reader's scripts (client/) load only util/ and each other; other folders only as types", () => {
    const loaded = edges.filter(({ from, to, typeOnly }) => from === 'client' && to !== 'util' && !typeOnly);
    expect(loaded.map(({ file, target }) => `${rel(file)} -> ${rel(target)}`)).toEqual([]);
  });

  test('components and layouts are handed their data: they import site/ and model/ as types only (the page builds it)', () => {
    const fromComponents = edges.filter(({ from }) => from === 'components' || from === 'layouts');
    expect(fromComponents.some(({ to, typeOnly }) => to === 'site' && typeOnly)).toBe(true);
    const fetching = fromComponents.filter(({ to, typeOnly }) => (to === 'site' || to === 'model') && !typeOnly);
    expect(fetching.map(({ file, target }) => `${rel(file)} -> ${rel(target)}`)).toEqual([]);
  });

  test('the cycle check finds a cycle made on purpose', () => {
    expect(
      folderCycles([
        { from: 'charts', to: 'model' },
        { from: 'model', to: 'site' },
        { from: 'site', to: 'charts' },
      ]),
    ).toEqual(['charts -> model -> site -> charts']);
  });
});

describe('the architecture of src/', () => {
  test('no module imports itself through others (no import cycles)', () => {
    expect(cycles(sources).map((c) => c.map(rel).join(' -> '))).toEqual([]);
  });

  test('every mark an editor may write has exactly one kind that draws it, in the same order', () => {
    expect(Object.keys(kinds)).toEqual(markSchema.options);
  });

  const kindsDir = path.join(src, 'charts', 'kinds') + path.sep;
  const shared = sources.filter((file) => !file.startsWith(kindsDir));

  test('outside src/charts/kinds/, code reaches a kind through the registry (kinds/index.ts) and kinds/types.ts only', () => {
    const registry = [path.join(kindsDir, 'index.ts'), path.join(kindsDir, 'types.ts')];
    const imports = shared.flatMap((file) =>
      relativeImports(file)
        .filter((target) => target.startsWith(kindsDir))
        .map((target) => ({ file, target })),
    );
    expect(imports.map(({ file }) => rel(file))).toContain('src/charts/render.ts');
    expect(
      imports
        .filter(({ target }) => !registry.includes(target))
        .map(({ file, target }) => `${rel(file)} -> ${rel(target)}`),
    ).toEqual([]);
  });

  test('no code outside src/charts/kinds/ tests a mark by name: what differs by kind is in the kind', () => {
    const byName = new RegExp(`\\bmark\\s*[!=]==?\\s*['"](${markSchema.options.join('|')})['"]`);
    expect(shared.length).toBeGreaterThan(100);
    expect(byName.test("if (chart.mark === 'bar')")).toBe(true);
    expect(shared.filter((file) => byName.test(readFileSync(file, 'utf8'))).map(rel)).toEqual([]);
  });

  test("npm run check and npm run new take the kinds' checks and starters without loading Plot or resvg", () => {
    for (const cli of ['src/cli/check.ts', 'src/cli/new.ts']) {
      const { files, packages } = loadedOnImport([path.join(repo, cli)]);
      expect(files.map(rel), cli).toContain('src/charts/kinds/index.ts');
      const heavy = ['@observablehq/plot', '@resvg/resvg-js'].flatMap((name) =>
        (packages.get(name) ?? []).map((file) => `${name} by ${rel(file)}`),
      );
      expect(heavy, cli).toEqual([]);
    }
  });

  // 400 formatted lines: the limit was 300 before Prettier (print width 120) broke long lines, which made the same
  // code about a third longer (kinds/bar.ts 259 -> 393 lines, check-chart.ts 215 -> 320, client/chart.ts 299 -> 344).
  test('no file in src/ is over 400 lines unless its opening comment says why', () => {
    const long = sources.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const header = text.slice(0, text.search(/^(?!\/\/)/m));
      return text.split('\n').length > 400 && !/Over 400 lines: /.test(header);
    });
    expect(long.map(rel)).toEqual([]);
  });
});
