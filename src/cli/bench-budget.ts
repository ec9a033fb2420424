// Issue 13's build budget, as `npm run bench` checks it: each extra story (with its line chart and map) within
// 150 ms of a cold build, on both clocks: wall time is what an editor waits, CPU time what the story costs
// whatever else the machine is doing. It prints PASS or FAIL for each size above the smallest and exits with 1 on a FAIL.
export const budgetMs = 150;

export interface PerStory {
  stories: number;
  /** ms per extra story, cold, wall and CPU; null for the smallest size, which the others are measured from. */
  cold: number | null;
  coldCpu: number | null;
}

/** The verdict for each measured size, as lines to print, and whether every one is within the budget (null: none measured). */
export function budgetReport(
  rows: PerStory[],
  loadAtStart: number,
  cores: number,
): { lines: string[]; met: boolean | null } {
  const measured = rows.filter((r) => r.cold !== null && r.coldCpu !== null);
  const lines = [`Budget: at most ${budgetMs} ms per extra story, cold, wall and CPU:`];
  for (const r of measured)
    lines.push(
      `  N=${r.stories}: ${r.cold} ms wall, ${r.coldCpu} ms CPU: ${r.cold! <= budgetMs && r.coldCpu! <= budgetMs ? 'PASS' : 'FAIL'}`,
    );
  if (!measured.length) lines.push('  not measured: give a size above the smallest (e.g. `npm run bench -- 0 100`)');
  if (loadAtStart > cores)
    lines.push(
      `  (the 1-minute load average was ${loadAtStart} on ${cores} cores at the start: other work inflates wall time; measure again when the machine is quieter)`,
    );
  return { lines, met: measured.length ? measured.every((r) => r.cold! <= budgetMs && r.coldCpu! <= budgetMs) : null };
}

/** Prints the report after the tables, sets the exit code to 1 on a FAIL, and returns what the JSON records. */
export function printBudget(
  rows: PerStory[],
  loadAtStart: number,
  cores: number,
): { msPerExtraStoryCold: number; met: boolean | null } {
  const { lines, met } = budgetReport(rows, loadAtStart, cores);
  console.log(`\n${lines.join('\n')}`);
  if (met === false) process.exitCode = 1;
  return { msPerExtraStoryCold: budgetMs, met };
}
