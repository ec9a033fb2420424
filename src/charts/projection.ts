// Projections and bands, shared by the kinds that draw them. A projection (`"projection": true` on a row) is a
// forecast, not a measurement: its marks are hollow and dashed, and the segment that leads into it is dashed, so it
// is never joined to measured points by a solid line. A band is the shaded low-to-high range around a line.
import type { Dataset } from '../schemas/index.ts';
import { formatValue, isComputed } from './format.ts';
import type { ResolvedChart } from './prepare.ts';
import { axisNumber, seriesOf, type ChartShape, type DrawRow } from './shape.ts';

/** The dash of a projection's outline and of the line leading into it. */
export const projectionDash = '4,3';

export const isProjection = (row: DrawRow) => row.projection === true;

const ranged = (row: DrawRow) => typeof row.low === 'number' && typeof row.high === 'number';

/** One mark of all the rows, or, when some are projections, one of the measured rows and a dashed one of the rest. */
export function withProjections<T>(rows: DrawRow[], mark: (part: DrawRow[], style: object) => T): T[] {
  if (!rows.some(isProjection)) return [mark(rows, {})];
  return [
    mark(
      rows.filter((r) => !isProjection(r)),
      {},
    ),
    mark(rows.filter(isProjection), { strokeDasharray: '2,1.5', className: 'chart-projection' }),
  ];
}

/** A series' rows from left to right. */
const alongX = (rows: DrawRow[]) => rows.slice().sort((a, b) => axisNumber(a.__x) - axisNumber(b.__x));

/**
 * The rows whose range is drawn as a band: a ranged row next to another ranged row of its series. A range alone
 * among rows without one would be a band of no width, so it keeps its error bar.
 */
export function bandRows(rows: DrawRow[], series: string | undefined): Set<DrawRow> {
  const banded = new Set<DrawRow>();
  for (const list of seriesOf(rows, series).values()) {
    const ordered = alongX(list);
    ordered.forEach((row, i) => {
      if (ranged(row) && ((ordered[i - 1] && ranged(ordered[i - 1])) || (ordered[i + 1] && ranged(ordered[i + 1]))))
        banded.add(row);
    });
  }
  return banded;
}

/** The segments of each series that lead into or out of a projection, drawn dashed: x1, y1, x2, y2 of each. */
export function projectionSegments(rows: DrawRow[], series: string | undefined): { from: DrawRow; to: DrawRow }[] {
  const segments: { from: DrawRow; to: DrawRow }[] = [];
  for (const list of seriesOf(rows, series).values()) {
    const ordered = alongX(list);
    for (let i = 1; i < ordered.length; i++)
      if (isProjection(ordered[i - 1]) || isProjection(ordered[i]))
        segments.push({ from: ordered[i - 1], to: ordered[i] });
  }
  return segments;
}

/** " 2030 figures are projections." when every figure at those x values is one, else " 2 of the 9 figures are projections.", or nothing. */
export function projectionNote(chart: ResolvedChart, shape: ChartShape): string {
  const projected = shape.rows.filter(isProjection);
  if (!projected.length) return '';
  const horizontal = shape.orientation === 'horizontal';
  const where = (row: DrawRow) => String(horizontal ? row.__y : row.__x);
  const places = [...new Set(projected.map(where))];
  const onlyProjections = places.every((place) => shape.rows.filter((row) => where(row) === place).every(isProjection));
  if (!onlyProjections || horizontal)
    return ` ${projected.length} of the ${shape.rows.length} figures are projections.`;
  const format = (row: DrawRow) => formatValue(row[chart.x], shape.xFormat, isComputed(chart.x, chart));
  const names = places.map((place) => format(projected.find((row) => where(row) === place)!));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return ` ${list} figures are projections.`;
}

/** The legend's words for a band: what the shading is and where the range comes from. */
export function bandLabel(rows: DrawRow[], dataset: Dataset): string {
  const ids = [...new Set(rows.map((row) => row.source).filter((id): id is string => typeof id === 'string'))];
  const names = ids.map((id) => dataset.sources.find((s) => s.id === id)?.name ?? id);
  if (!names.length) return 'Shaded: range, low to high';
  if (names.length > 2) return "Shaded: range, low to high, given by each figure's source (see the sources)";
  return `Shaded: range, low to high, given by ${names.join(' and ')}`;
}
