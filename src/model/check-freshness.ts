// A source whose next edition is late: `npm run check` warns once a source's `nextExpected` has passed and no later
// edition sits beside it in the dataset, so that a new edition is not missed.
import { nextEditionLate } from '../charts/source-dates.ts';
import type { Dataset } from '../schemas/index.ts';
import type { Report } from './problems.ts';

/** `today` is YYYY-MM-DD (util/today.ts, or the test's). */
export function checkFreshness(dataset: Pick<Dataset, 'file' | 'sources'>, today: string, report: Report) {
  dataset.sources.forEach((source, i) => {
    if (!source.nextExpected || !nextEditionLate(source, today, dataset.sources)) return;
    const name = source.short ?? source.name.split(':')[0];
    report(
      dataset.file,
      ['sources', i, 'nextExpected'],
      `the next edition of ${name} was expected in ${source.nextExpected}: add it, or move the date`,
      'warning',
    );
  });
}
