// Every snapshot fixture of every group (test/support/chart-snapshots.ts) draws the same SVG twice over, so that a
// snapshot that differs is a change of drawing, never chance.
import { describe, expect, test } from 'vitest';
import { chartGroups, render } from '../support/chart-snapshots.ts';

const names = Object.values(chartGroups).flat();

describe('SVG snapshots', () => {
  test('drawing the same chart twice gives the same SVG', () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const drawings = () => render(name).views.flatMap((v) => v.drawings.map((d) => d.svg));
      expect(drawings().length, name).toBeGreaterThan(0);
      expect(drawings(), name).toEqual(drawings());
    }
  });
});
