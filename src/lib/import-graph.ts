// The relative imports of source files, read from their text: for the drawing cache's key (every file a drawing
// depends on) and for the architecture test (no import cycles). Type-only imports count, so a type's file is covered.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// `import ... from './x'`, `export ... from './x'`, `import './x'`, `import('./x')` and `new URL('./x', import.meta.url)`.
const specifiers = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g;

/** The files a source file imports by relative path (absolute paths; imports of missing files are left out). */
export function relativeImports(file: string): string[] {
  const found = [...readFileSync(file, 'utf8').matchAll(specifiers)].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]));
  return [...new Set(found)].filter((f) => existsSync(f));
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
