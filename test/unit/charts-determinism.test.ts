// Every snapshot fixture of every group (test/support/chart-snapshots.ts) draws the same SVG twice over, so that a
// snapshot that differs is a change of drawing, never chance.
import { describe, expect, test } from 'vitest';
import { chartGroups, render, svgs } from '../support/chart-snapshots.ts';
import { nonEmpty } from '../support/lists.ts';

const names = Object.values(chartGroups).flat();

describe('SVG snapshots', () => {
  test('drawing the same chart twice gives the same SVG', () => {
    for (const name of nonEmpty(names, 'snapshot fixtures')) {
      const drawings = () => svgs(render(name)).map((d) => d.svg);
      expect(drawings(), name).toEqual(drawings());
    }
  });
});
