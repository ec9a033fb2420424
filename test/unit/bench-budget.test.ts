// `npm run bench`'s verdict on issue 13's budget (src/cli/bench-budget.ts), from per-story figures given here: the
// verdict, not the timing, is what is tested.
import { expect, test } from 'vitest';
import { budgetReport } from '../../src/cli/bench-budget.ts';

const sizes = (cold: number, coldCpu: number) => [
  { stories: 0, cold: null, coldCpu: null },
  { stories: 100, cold, coldCpu },
];

test('a size passes only when both its wall and its CPU time per extra story are within 150 ms', () => {
  expect(budgetReport(sizes(149, 150), 1, 2)).toEqual({
    met: true,
    lines: ['Budget: at most 150 ms per extra story, cold, wall and CPU:', '  N=100: 149 ms wall, 150 ms CPU: PASS'],
  });
  expect(budgetReport(sizes(120, 177), 1, 2)).toMatchObject({
    met: false,
    lines: [expect.any(String), '  N=100: 120 ms wall, 177 ms CPU: FAIL'],
  });
  expect(budgetReport(sizes(151, 100), 1, 2).lines[1]).toBe('  N=100: 151 ms wall, 100 ms CPU: FAIL');
});

test('a busy machine is named in the report, and a run of one size has no verdict', () => {
  expect(budgetReport(sizes(120, 130), 9.27, 2).lines[2]).toMatch(/load average was 9.27 on 2 cores/);
  expect(budgetReport([{ stories: 0, cold: null, coldCpu: null }], 1, 2)).toMatchObject({
    met: null,
    lines: [expect.any(String), expect.stringMatching(/not measured/)],
  });
});
