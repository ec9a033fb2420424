// The drawing cache is keyed on every source file a drawing depends on. A module moved into a subfolder of
// src/charts must still count: an edit to it has to redraw every chart, or the built site shows stale drawings.
// Edits to files no drawing imports must not throw the cache away.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawingSources } from '../../src/charts/cache.ts';
import { importClosure } from '../../src/util/import-graph.ts';

const repo = path.resolve(import.meta.dirname, '../..');
let copy: string;
beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'drawing-cache-'));
  cpSync(path.join(repo, 'src'), path.join(copy, 'src'), { recursive: true });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const inCopy = (file: string) => path.join(copy, file);
const edit = (file: string) => appendFileSync(inCopy(file), '\n// an edit\n');

describe('the drawing cache key', () => {
  test('changes when a module two folders below src/charts, reached only through another, is edited', () => {
    mkdirSync(inCopy('src/charts/deep/er'), { recursive: true });
    writeFileSync(inCopy('src/charts/deep/er/measure.ts'), 'export const gap = 4;\n');
    writeFileSync(inCopy('src/charts/deep/spacing.ts'), "export { gap } from './er/measure.ts';\n");
    writeFileSync(
      inCopy('src/charts/render.ts'),
      `import './deep/spacing.ts';\n${readFileSync(inCopy('src/charts/render.ts'), 'utf8')}`,
    );
    const before = drawingSources(copy);
    edit('src/charts/deep/er/measure.ts');
    expect(drawingSources(copy)).not.toBe(before);
  });

  test('changes when any chart module the renderer reaches in a subfolder is edited', () => {
    const inSubfolder = (rel: string) =>
      !rel.startsWith('..') && rel.includes(path.sep) && !rel.startsWith(`deep${path.sep}`);
    const nested = importClosure([inCopy('src/charts/render.ts')]).filter((f) =>
      inSubfolder(path.relative(inCopy('src/charts'), f)),
    );
    expect(nested.map((f) => path.relative(copy, f))).toContain('src/charts/kinds/dot.ts');
    for (const file of nested) {
      const before = drawingSources(copy);
      edit(path.relative(copy, file));
      expect(drawingSources(copy), path.relative(copy, file)).not.toBe(before);
    }
  });

  test('changes when a top-level chart module or a schema the renderer reads is edited', () => {
    for (const file of ['src/charts/format.ts', 'src/schemas/row.ts']) {
      const before = drawingSources(copy);
      edit(file);
      expect(drawingSources(copy), file).not.toBe(before);
    }
  });

  test('stays the same for a new module nothing imports and for a page', () => {
    const before = drawingSources(copy);
    writeFileSync(inCopy('src/charts/unused.ts'), 'export const unused = 1;\n');
    edit('src/pages/about.astro');
    expect(drawingSources(copy)).toBe(before);
  });
});
