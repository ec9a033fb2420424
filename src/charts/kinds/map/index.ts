// World maps (`"mark": "map"`): x names a country, y its value. A choropleth fills each country with its step of a
// sequential scale (linear, log or quantile), or a symbol map puts a circle sized by the value at its centre.
// Countries without a row are "no data", drawn apart from zero; rows that are not places (a "World total") are
// left off and listed in the notes. Places too small to see at 360 px, or missing from the base map, get a symbol.
// Everything is projected in pixels here, so the map has no x or y scale: points and markers come from the plan.
import { greatest, quantile, range } from 'd3-array';
import { resolvePlace } from '../../places.ts';
import { accent, noData, sequential } from '../../colors.ts';
import { basePlan, pointRadius } from '../../layout/plan.ts';
import { markerAt } from '../../overlay/markers.ts';
import type { At, MarkerCandidate } from '../../overlay/types.ts';
import type { ResolvedChart } from '../../prepare.ts';
import { sequentialKey, type ColorKey, type DrawRow } from '../../shape.ts';
import type { ChartKind } from '../types.ts';
import { checkPlaces } from './checks.ts';
import { centreOfSmallPlace, projectedWorld, type ProjectedCountry } from './geometry.ts';
import { mapMark, type MapPlaces, type MapPlan } from './marks.ts';
import { leftOffNote, mapSummary } from './summary.ts';

/** The narrow drawing's width (render.ts): a country smaller than this many square px there gets a symbol. */
const narrowWidth = 328;
const smallArea = 12;

/** Values that all name places, at least one of them a country. */
const isPlaceField = (values: readonly unknown[]) =>
  values.some((v) => resolvePlace(v).kind === 'country') &&
  values.every((v) => typeof v === 'string' && resolvePlace(v).kind !== 'unknown');

const styleOf = (chart: ResolvedChart) => chart.map?.style ?? 'choropleth';

export const map: ChartKind<MapPlan> = {
  // Every x names a place: a country, or an aggregate row ("World total") left off the map.
  checks: { zeroOn: [], rows: checkPlaces },
  xFormat: 'place',
  // The first text field whose every value is a place (a country, or a total row left off the map), and with a time
  // field, its latest value only: one figure per country.
  starter: ({ time, measure, fields, values }) => {
    const x = fields.find((f) => f !== time && isPlaceField(values[f]));
    if (!x || !measure) return undefined;
    // greatest, not max: the same natural order (by <), typed for a field of years or of dates alike.
    const latest = time ? greatest(values[time] as (string | number)[]) : undefined;
    return {
      x,
      y: measure,
      ...(time && latest !== undefined
        ? { filter: { [time]: latest }, why: `the latest year: one figure per ${x}` }
        : {}),
    };
  },
  starterNeeds:
    'a map needs a text field whose every value is a country (e.g. "China", "Burma (Myanmar)" or "CHN") or a total row (e.g. "World total") for x, and a number field for y',
  draws: (chart, row) => resolvePlace(row[chart.x]).kind === 'country',
  // A map has no value axis: a row's range is in its tooltip and the table.
  drawsRanges: false,
  colorKey: mapColorKey,
  plan(chart, shape, layout, uncertainties) {
    const { plan } = basePlan(chart, shape, layout, uncertainties, {
      dotRadius: pointRadius(layout.fontSize),
      rowLabels: () => 'none',
    });
    // Islands under a square px at the narrow width are left off the countries without a figure.
    const { projection, height, countries } = projectedWorld(layout.width, (layout.width / narrowWidth) ** 2);
    // Where a place is drawn: its country's outline, else (a place the base map lacks) a symbol at its centre.
    const placeOf = (value: unknown) => {
      const place = resolvePlace(value);
      if (place.kind !== 'country') return undefined;
      const found = countries.find(
        ({ country: c }) => (place.numeric && String(c.id) === place.numeric) || c.properties.name === place.name,
      );
      if (found)
        return {
          key: found.country.properties.name,
          found,
          outline: found.outline,
          at: found.at,
          symbol: found.area * (narrowWidth / layout.width) ** 2 < smallArea,
        };
      const centre = centreOfSmallPlace(place.numeric, place.name);
      const at = centre && projection(centre);
      return at
        ? {
            key: place.name,
            at: [Math.round(at[0] * 10) / 10, Math.round(at[1] * 10) / 10] as [number, number],
            symbol: true,
          }
        : undefined;
    };
    // One slot per place (per row of it, where a view has several) over every view, in order of first appearance,
    // the first view's rows first: every view draws the same shapes in the same order, painted with its own rows.
    const slotOf = (rows: readonly Record<string, unknown>[]) => {
      const seen = new Map<string, number>();
      return rows.flatMap((row) => {
        const place = placeOf(row[chart.x]);
        if (!place) return [];
        const n = seen.get(place.key) ?? 0;
        seen.set(place.key, n + 1);
        return [{ key: `${place.key}#${n}`, row, place }];
      });
    };
    const own = slotOf(shape.rows);
    const slots = new Map<string, MapPlaces['slots'][number] & { found?: ProjectedCountry }>();
    const others = styleOf(chart) === 'choropleth' ? (shape.viewsRows ?? []).flatMap(slotOf) : [];
    for (const { key, place } of [...others, ...own])
      if (!slots.has(key))
        slots.set(key, { found: place.found, outline: place.outline, at: place.at, symbol: place.symbol });
    const places: MapPlaces['places'] = new Map();
    for (const { key, row, place } of own) {
      places.set(row as DrawRow, { outline: place.outline, at: place.at, symbol: place.symbol });
      slots.get(key)!.row = row as DrawRow;
    }
    const drawn = new Set([...slots.values()].flatMap((slot) => (slot.found ? [slot.found] : [])));
    const rest = countries.filter((c) => !drawn.has(c));
    const land = styleOf(chart) === 'symbol' ? countries : rest;
    const withRow = new Set(own.flatMap(({ place }) => (place.found ? [place.found] : [])));
    const projected: MapPlaces = {
      noData: land.map((c) => c.withoutIslands).join(''),
      places,
      noDataCount: countries.filter((c) => !withRow.has(c)).length,
      slots: [...slots.values()].map(({ found: _found, ...slot }) => slot),
    };
    return { ...plan, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, height, map: projected };
  },
  marks: (ctx) => ({ data: [mapMark(ctx, styleOf(ctx.chart))] }),
  scales: () => ({ x: {}, y: {} }),
  overlay: () => ({
    markBox: (row: DrawRow, { plan }: At<MapPlan>) => {
      const [x, y] = plan.map.places.get(row)?.at ?? [0, 0];
      return { x0: x - 3, x1: x + 3, y0: y - 3, y1: y + 3 };
    },
    markIsHard: false,
    rangeAxis: 'y',
    markerPlaces: markerAtPlace,
  }),
  summarize: mapSummary,
  dataNotes: (chart, shape) => leftOffNote(chart, shape),
  reading: { hit: () => 'region', head: 'value', at: (row, plan) => plan.map.places.get(row)?.at ?? [0, 0] },
  legendShape: 'outline',
  recolours: true,
  tabLabel: 'Map',
};

/**
 * The colours: a choropleth's steps (round linear steps, tenfold log steps, or quantiles of the values) and "No
 * data"; a symbol map's one colour.
 */
function mapColorKey(chart: ResolvedChart, rows: readonly Record<string, unknown>[]): ColorKey {
  const noDataEntry = { value: 'No data', color: noData };
  if (styleOf(chart) === 'symbol')
    return { entries: [{ value: 'Circle area shows the figure (no circle: no data)', color: accent }] };
  const values = rows.map((r) => r[chart.y]).filter((v): v is number => typeof v === 'number');
  if (!values.length) return { entries: [noDataEntry] };
  const scale = chart.map?.scale ?? 'linear';
  const key =
    scale === 'linear' ? sequentialKey(values) : stepsKey(scale === 'log' ? logBounds(values) : quantileBounds(values));
  return { entries: [...key.entries, noDataEntry], steps: key.steps };
}

/** Powers of ten around the values (from zero when a value is zero or less), a hundredfold when tenfold is too many. */
function logBounds(values: number[]): number[] {
  const positive = values.filter((v) => v > 0);
  const low = Math.floor(Math.log10(Math.min(...positive, Math.max(...values, 1))));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values, 1))));
  const every = high - low > sequential.length ? Math.ceil((high - low) / sequential.length) : 1;
  const bounds = range(low, high + every, every).map((p) => 10 ** p);
  if (values.some((v) => v <= 0)) bounds[0] = Math.min(0, ...values);
  return bounds;
}

/** Bounds that put about as many places in each step, at most as many steps as there are colours. */
function quantileBounds(values: number[]): number[] {
  const count = Math.min(sequential.length, values.length);
  return [...new Set(range(count + 1).map((i) => quantile(values, i / count)!))];
}

function stepsKey(bounds: number[]): ColorKey {
  const steps = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1], ...sequential[i] }));
  const text = (n: number) => n.toLocaleString('en-US');
  return {
    entries: steps.map((step) => ({ value: `${text(step.from)} to ${text(step.to)}`, color: step.color })),
    steps,
  };
}

/** A numbered marker at the place its note names (`"x": "China"`): on it, else around it, joined by a line. */
function markerAtPlace(u: { x?: unknown }, _ux: number | undefined, _uy: number | undefined, at: At<MapPlan>) {
  const row = at.rows.find((r) => String(r.__x) === String(u.x));
  const place = row && at.plan.map.places.get(row);
  if (!place) return undefined;
  const [x, y] = place.at;
  const R = at.plan.markerRadius;
  const candidates: MarkerCandidate[] = place.symbol ? [] : [markerAt(at, x, y)];
  for (const distance of [R + 6, 2 * R + 10]) {
    for (const angle of [-45, -135, 0, 180, -90, 90, 45, 135]) {
      const t = (angle * Math.PI) / 180;
      candidates.push(markerAt(at, x + Math.cos(t) * distance, y + Math.sin(t) * distance, 10));
    }
  }
  return { candidates, anchor: [x, y] as [number, number] };
}
