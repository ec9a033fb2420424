// The registry: each mark an editor may write in a chart spec, and the kind that draws it. Adding a kind is a file
// in this folder and a line here (see docs/ARCHITECTURE.md); architecture.test.ts checks this matches markSchema.
import { area } from './area.ts';
import { bar } from './bar.ts';
import { cell } from './cell.ts';
import { dot } from './dot.ts';
import { line } from './line.ts';
import { map } from './map/index.ts';
import { slope } from './slope.ts';
import type { ChartKind } from './types.ts';

export const kinds = { line, area, bar, dot, cell, slope, map } satisfies Record<string, ChartKind>;

export type Mark = keyof typeof kinds;

export function kindOf(mark: string): ChartKind {
  const kind = kinds[mark as Mark];
  if (!kind) throw new Error(`no chart kind draws mark "${mark}"; known: ${Object.keys(kinds).join(', ')}`);
  return kind;
}
