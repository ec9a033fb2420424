// The relative imports of source files, read from their text: for the drawing cache's key (every file a drawing
// depends on) and for the architecture test (no import cycles). Type-only imports count, so a type's file is covered.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rollup } from 'd3-array';

// `import ... from './x'`, `export ... from './x'`, `import './x'`, `import('./x')` and `new URL('./x', import.meta.url)`.
const specifiers =
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g;

/** The files a source file imports by relative path (absolute paths; imports of missing files are left out). */
export function relativeImports(file: string): string[] {
  const found = [...readFileSync(file, 'utf8').matchAll(specifiers)].map((m) =>
    path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]),
  );
  return [...new Set(found)].filter((f) => existsSync(f));
}

// `import type ... from './x'` and `export type ... from './x'`: erased when the code runs.
const typeOnly = /\b(?:import|export)\s+type\s+(?:[\w*{}\s,$]+?\s+from\s+)['"](\.[^'"]+)['"]/g;

/** The files a source file imports by relative path, each marked when every import of it is type-only. */
export function relativeImportKinds(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const typed = new Set([...text.matchAll(typeOnly)].map((m) => path.resolve(path.dirname(file), m[1])));
  const values = new Set(
    [...text.replace(typeOnly, '').matchAll(specifiers)].map((m) =>
      path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]),
    ),
  );
  return relativeImports(file).map((target) => ({ target, typeOnly: typed.has(target) && !values.has(target) }));
}

/** Every file the entries reach through relative imports, the entries included, sorted. */
export function importClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    relativeImports(file).forEach(visit);
  };
  entries.map((f) => path.resolve(f)).forEach(visit);
  return [...seen].sort();
}

// What importing a file loads: `import ... from 'x'`, `export ... from 'x'` and `import 'x'`, but not `import type`
// (erased) nor `import('x')` (loaded on demand).
const loadSpecifiers = /^\s*(?:import|export)\s+(?!type\s)(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The files and packages importing `entries` loads before any of their code runs: relative imports followed
 * recursively, packages by name (`@scope/name`, `name`, `node:fs`), each with the files that import it. */
export function loadedOnImport(entries: string[]): { files: string[]; packages: Map<string, string[]> } {
  const files = new Set<string>();
  const imports: { name: string; file: string }[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(loadSpecifiers)) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        if (existsSync(target)) visit(target);
        continue;
      }
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      imports.push({ name, file });
    }
  };
  entries.map((f) => path.resolve(f)).forEach(visit);
  const packages = rollup(
    imports,
    (list) => list.map((i) => i.file),
    (i) => i.name,
  );
  return { files: [...files].sort(), packages };
}
