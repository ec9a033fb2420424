// A check run in a loop over a list passes, checking nothing, when the list is empty: a build that wrote no files,
// a page with no charts, a filter that matched no row. So does `list.every(...)`, and `test.each(list)` makes no test
// at all. Loop over `nonEmpty(list)` instead, so that the test fails when there is nothing to check (for a
// `test.each`, the file fails to load). Lists that may rightly be empty (no draft on the live site, no attribute on
// an element, a chart with no notes) are looped over as they are, when something else checks that the test ran.
import { expect } from 'vitest';

/** The items of `list`, after failing the test if there are none. `what` names the list in the failure. */
export function nonEmpty<T>(list: Iterable<T>, what = 'the list'): T[] {
  const items = [...list];
  expect(items.length, `${what} is empty: a check looped over it would check nothing`).toBeGreaterThan(0);
  return items;
}
