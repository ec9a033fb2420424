// The base map: Natural Earth's countries at 1:110m (world-atlas), read with topojson-client, simplified once per
// build with topojson-simplify, projected with Equal Earth (d3-geo) and written as SVG path data in whole pixels,
// in relative steps (the short form: a map's bytes are mostly its outlines). Places the 110m map lacks (Singapore,
// Hong Kong, ...) are found in the 50m and 10m maps, for a symbol at their centre only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';

export type Country = Feature<Polygon | MultiPolygon, { name: string }>;

const require = createRequire(import.meta.url);
const readTopology = (file: string) =>
  JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;

/** The share of the 110m map's points kept (the most telling fifth): coastlines still read at 640 px, and a map's two drawings stay near 9 KB gzipped. */
const kept = 0.2;
/** Antarctica (ISO 3166 010) is left off: no figures are about it, and it would take a fifth of the height. */
const leftOff = new Set(['010']);

let world: FeatureCollection<Polygon | MultiPolygon, { name: string }> | undefined;
/** The simplified 110m countries, each with its ISO 3166 numeric id ("156") where Natural Earth gives one. */
export function worldCountries(): Country[] {
  if (!world) {
    const topology = presimplify(readTopology('countries-110m.json') as never);
    const simple = simplify(topology, quantile(topology, kept)) as unknown as Topology;
    world = feature(simple, simple.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
    world.features = world.features.filter((f) => !leftOff.has(String(f.id)));
  }
  return world.features as Country[];
}

/** Where a place the 110m map lacks is, as [longitude, latitude]: its centre in the 50m map, else the 10m one. */
const finer = new Map<string, Country[]>();
export function centreOfSmallPlace(id: string, name: string): [number, number] | undefined {
  for (const file of ['countries-50m.json', 'countries-10m.json']) {
    if (!finer.has(file)) {
      const topology = readTopology(file);
      finer.set(
        file,
        (feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>)
          .features as Country[],
      );
    }
    const found = finer.get(file)!.find((f) => (id && String(f.id) === id) || f.properties.name === name);
    if (found) return geoCentroid(largestPart(found));
  }
  return undefined;
}

/** The largest polygon of a country, where its label and point belong (mainland France, not French Guiana). */
export function largestPart(country: Country): Feature<Polygon> {
  return parts(country).reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

/** A country projected to one width: its outline (and without its sub-pixel islands), point and area in px. */
export interface ProjectedCountry {
  country: Country;
  outline: string;
  withoutIslands: string;
  /** The middle of its largest part, px, rounded to a tenth. */
  at: [number, number];
  area: number;
}

/**
 * The world projected to a width, once per width and build: every drawing of that width projects the same
 * countries, so a map costs little more than its own rows. Islands under `minIslandArea` square px are left out of
 * `withoutIslands`.
 */
const projected = new Map<string, { projection: GeoProjection; height: number; countries: ProjectedCountry[] }>();
export function projectedWorld(width: number, minIslandArea: number) {
  const key = `${width} ${minIslandArea}`;
  if (!projected.has(key)) {
    const { projection, height } = fitWorld(width);
    const path = geoPath(projection);
    const countries = worldCountries().map((country) => {
      const [x, y] = path.centroid(largestPart(country));
      return {
        country,
        outline: pathData(projection, [country]),
        withoutIslands: pathData(projection, [country], minIslandArea),
        at: [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number],
        area: path.area(country),
      };
    });
    projected.set(key, { projection, height, countries });
  }
  return projected.get(key)!;
}

/** Equal Earth fitted to a width, and the height the world then takes. */
function fitWorld(width: number): { projection: GeoProjection; height: number } {
  const collection = { type: 'FeatureCollection' as const, features: worldCountries() };
  // A pixel of room on every side for the outlines' strokes.
  const projection = geoEqualEarth().fitWidth(width - 2, collection);
  projection.translate([projection.translate()[0] + 1, projection.translate()[1] + 1]);
  const [, [, bottom]] = geoPath(projection).bounds(collection);
  return { projection, height: Math.ceil(bottom) + 1 };
}

/**
 * SVG path data of countries in whole pixels, each step relative to the last: "M12,40l3,-2 4,1z". Islands smaller
 * than `minArea` square px are left out: too small to see, they would cost bytes in every drawing.
 */
function pathData(projection: GeoProjection, countries: Country[], minArea = 0): string {
  const out = new RelativePath();
  const path = geoPath(projection, out as never);
  const area = geoPath(projection);
  for (const country of countries) {
    for (const part of parts(country)) if (!minArea || area.area(part) >= minArea) path(part);
  }
  return out.d;
}

/** A country's polygons, each as a feature of its own. */
function parts(country: Country): Feature<Polygon>[] {
  const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
  return polygons.map((coordinates) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Polygon' as const, coordinates },
  }));
}

/** A d3-geo path context writing rounded, relative path data; rounding the ends, not the steps, so nothing drifts. */
class RelativePath {
  d = '';
  #x = 0;
  #y = 0;
  #fresh = true;
  moveTo(x: number, y: number) {
    [this.#x, this.#y] = [Math.round(x), Math.round(y)];
    this.d += `M${this.#x},${this.#y}`;
    this.#fresh = true;
  }
  lineTo(x: number, y: number) {
    const [ax, ay] = [Math.round(x), Math.round(y)];
    const [dx, dy] = [ax - this.#x, ay - this.#y];
    if (!dx && !dy) return;
    // Negative numbers carry their own separator.
    this.d += `${this.#fresh ? 'l' : dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ','}${dy}`;
    [this.#x, this.#y, this.#fresh] = [ax, ay, false];
  }
  closePath() {
    this.d += 'z';
  }
  arc() {}
}
