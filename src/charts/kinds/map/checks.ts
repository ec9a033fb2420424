// What `npm run check` holds a map to, view by view: its x names places, each a country or an aggregate such as
// "World total" (left off the map), one row per country, and at least one country to draw.
import { checkOneRowPerKey, filterPath } from '../../check-one-row.ts';
import { nearestPlaces, resolvePlace } from '../../places.ts';
import { indexOf } from '../../row-index.ts';
import type { Row } from '../../../schemas/index.ts';
import type { ChartCheck, ViewCheck } from '../types.ts';

export function checkPlaces(check: ChartCheck) {
  for (const view of check.views) checkViewPlaces(check, view);
}

function checkViewPlaces(check: ChartCheck, viewCheck: ViewCheck) {
  const { chart, dataset, report, once } = check;
  const { view, resolved, rows } = viewCheck;
  const field = resolved.x;
  let countries = 0;
  for (const row of rows) {
    const value = row[field];
    if (value === undefined || value === null) continue;
    const place = resolvePlace(value);
    if (place.kind === 'country') countries++;
    if (place.kind !== 'unknown' || !once(`place ${indexOf(row)}`)) continue;
    const near = typeof value === 'string' ? nearestPlaces(value) : [];
    const hint = near.length
      ? ` (did you mean ${near
          .map((n) => JSON.stringify(n))
          .join(near.length > 2 ? ', ' : ' or ')
          .replace(/, ([^,]*)$/, ' or $1')}?)`
      : '';
    report(
      dataset.file,
      ['rows', indexOf(row), field],
      `${JSON.stringify(value)} is no country the map ${chart.file} can draw: write a country's English name or ISO 3166 alpha-3 code${hint}`,
    );
  }
  // A map colours each country by one figure: a second row for it (another year, another edition) has no place.
  const country = (row: Row) => {
    const place = resolvePlace(row[field]);
    return place.kind === 'country' ? place.alpha3 : undefined;
  };
  checkOneRowPerKey(check, viewCheck, {
    fields: [field],
    of: country,
    name: (row) => JSON.stringify(row[field]),
    draws: 'a map draws one figure per country',
    keep: 'one row per country',
  });
  if (rows.length && !countries && once(`places ${view?.id}`)) {
    const where = view?.filter ? filterPath(chart, view) : ['x'];
    const names = [...new Set(rows.map((r) => String(r[field])))].map((n) => JSON.stringify(n)).join(', ');
    report(
      chart.file,
      where,
      `the map has nothing to draw${view ? ` in view "${view.id}"` : ''}: every row it keeps (${names}) stands for many places, not a country; keep the rows of the countries`,
    );
  }
}
