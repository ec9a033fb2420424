// What a map says in words, computed from its rows: the largest places, each one's share of the listed total
// (the dataset's own "World total" row where it has one), how many countries have no figure, and what was left off.
import { resolvePlace } from '../../places.ts';
import { formatValue } from '../../format.ts';
import type { ResolvedChart } from '../../prepare.ts';
import type { ChartShape, DrawRow } from '../../shape.ts';
import { estimateNote, summaryFormats } from '../../summary.ts';
import { worldCountries } from './geometry.ts';

/** Aggregate rows that are the total of every place, so a share of them is a share of the world. */
const totals = new Set(['world total', 'world', 'total']);

export function mapSummary(chart: ResolvedChart, shape: ChartShape): string {
  const { fx, fy } = summaryFormats(chart, shape);
  const value = (row: DrawRow) => row[chart.y] as number;
  const rows = shape.rows.filter((r) => typeof r[chart.y] === 'number').sort((a, b) => value(b) - value(a));
  const total = shape.leftOut?.find(
    (r) => totals.has(String(r.__x).trim().toLowerCase()) && typeof r[chart.y] === 'number',
  );
  // Shares of shares mean nothing: a map of percentages gives none unless the dataset lists a total.
  const base = total
    ? value(total)
    : shape.yFormat === 'percent'
      ? undefined
      : rows.reduce((sum, r) => sum + value(r), 0);
  const of = total ? ` of the ${String(total.__x)}, ${fy(value(total))}` : ` of the ${rows.length} places' total`;
  const share = (row: DrawRow, i: number) =>
    base ? ` (${formatValue((value(row) / base) * 100, 'percent', true)}${i === 0 ? of : ''})` : '';
  const largest = rows
    .slice(0, 3)
    .map((row, i) => `${fx(row[chart.x])}, ${fy(value(row))}${share(row, i)}`)
    .join('; ');
  const smallest =
    rows.length > 3 ? ` Smallest: ${fx(rows[rows.length - 1][chart.x])}, ${fy(value(rows[rows.length - 1]))}.` : '';
  const scale =
    chart.map?.style === 'symbol'
      ? ''
      : {
          linear: '',
          log: ' Colours step tenfold (a log scale).',
          quantile: ' Each colour step holds about as many places (quantiles).',
        }[chart.map?.scale ?? 'linear'];
  const noFigure = noDataCount(chart, shape);
  const place = rows.length === 1 ? 'place' : 'places';
  return `A world map of ${rows.length} ${place}. Largest: ${largest}.${smallest}${scale} ${noFigure} ${noFigure === 1 ? 'country' : 'countries'} on the map ${noFigure === 1 ? 'has' : 'have'} no figure.${estimateNote(shape.rows)}`;
}

/** How many countries of the base map no row names. */
function noDataCount(chart: ResolvedChart, shape: ChartShape): number {
  const named = new Set(
    shape.rows.map((r) => resolvePlace(r[chart.x])).flatMap((p) => (p.kind === 'country' ? [p.numeric, p.name] : [])),
  );
  return worldCountries().filter((c) => !named.has(String(c.id)) && !named.has(c.properties.name)).length;
}

/** The rows left off the map (they stand for many places), as a note; in a chart with views, naming the view. */
export function leftOffNote(chart: ResolvedChart, shape: ChartShape): string[] {
  if (!shape.leftOut?.length) return [];
  const { fy } = summaryFormats(chart, shape);
  const listed = shape.leftOut.map((r) => `${r[chart.x]} (${fy(r[chart.y])})`).join(', ');
  const notDrawn = chart.view ? `${chart.view.label}: not drawn` : 'Not drawn';
  return [`${notDrawn} on the map, as they stand for many places: ${listed}.`];
}
