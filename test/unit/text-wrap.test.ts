// Chart text wrapped to its room (src/charts/layout/text.ts): a word with no syllable break that fits still breaks,
// so a cell's status on a phone ("suspended" in a 60 px column) stays inside its cell instead of running over the next.
import { expect, test } from 'vitest';
import { wrap } from '../../src/charts/layout/text.ts';
import { textWidth } from '../../src/charts/text-measure.ts';

test('a long word breaks with a hyphen where it must, each line within the width', () => {
  const block = wrap('suspended', 52, 13, false, 'anywhere');
  expect(block.lines.length).toBeGreaterThan(1);
  expect(block.lines.join('').replace(/-/g, '')).toBe('suspended');
  for (const line of block.lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(52);
});

test('a word that fits, or that hyphens are not asked for, is left whole', () => {
  expect(wrap('suspended', 200, 13, false, 'anywhere').lines).toEqual(['suspended']);
  expect(wrap('suspended', 52, 13).lines).toEqual(['suspended']);
  expect(wrap('suspended', 52, 13, false, true).lines).toEqual(['suspended']);
});

test('a syllable break is preferred to a break anywhere', () => {
  expect(wrap('Philippines', 60, 13, false, 'anywhere').lines[0]).toMatch(/^(Phi|Philip|Philippi)-$/);
});
