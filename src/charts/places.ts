// Place names as editors write them in a map's x field, resolved to ISO 3166 countries: English names and the
// aliases i18n-iso-countries knows ("United States", "Russia", "Turkey"), alpha-3 codes ("CHN"), and the few names
// the USGS writes that it lacks (below). Rows that are not places (a "World total") are told apart so a map can
// leave them out and list them. Loads no drawing code: `npm run check` resolves every map's places.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { closest } from '../util/suggest.ts';

countries.registerLocale(en);

/**
 * Names the USGS Mineral Commodity Summaries use that i18n-iso-countries does not know (or finds ambiguous, as
 * "Congo"), with the ISO 3166 alpha-2 code each means.
 */
export const usgsAliases: Readonly<Record<string, string>> = {
  'Burma (Myanmar)': 'MM',
  Burma: 'MM',
  'Congo (Kinshasa)': 'CD',
  'Congo (Brazzaville)': 'CG',
  'Korea, North': 'KP',
  'Korea, South': 'KR',
  Laos: 'LA',
};

/** Rows that stand for many places, not one: left out of a map and listed in its notes. Compared in lower case. */
export const aggregateNames: readonly string[] = [
  'World total',
  'World',
  'Total',
  'Other countries',
  'Other',
  'Others',
  'Rest of the world',
  'Rest of world',
];

export type Place =
  | {
      kind: 'country';
      alpha2: string;
      alpha3: string;
      /** ISO 3166 numeric code, three digits, as world-atlas ids its countries. */ numeric: string;
      name: string;
    }
  | { kind: 'aggregate' }
  | { kind: 'unknown' };

const key = (name: string) => name.trim().toLowerCase();

/** Every name that resolves, lower-cased, to its alpha-2 code; names shared by two countries are left out. */
const byName = (() => {
  const index = new Map<string, string | null>();
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names)
      index.set(key(name), index.has(key(name)) && index.get(key(name)) !== alpha2 ? null : alpha2);
  }
  for (const [name, alpha2] of Object.entries(usgsAliases)) index.set(key(name), alpha2);
  return index;
})();
const aggregates = new Set(aggregateNames.map(key));

/** What a place name in a map's x field means: a country, an aggregate row, or nothing known. */
export function resolvePlace(value: unknown): Place {
  if (typeof value !== 'string' || !value.trim()) return { kind: 'unknown' };
  if (aggregates.has(key(value))) return { kind: 'aggregate' };
  const code =
    /^[A-Z]{3}$/.test(value.trim()) && countries.isValid(value.trim())
      ? countries.alpha3ToAlpha2(value.trim())
      : byName.get(key(value));
  if (!code) return { kind: 'unknown' };
  return {
    kind: 'country',
    alpha2: code,
    alpha3: countries.alpha2ToAlpha3(code) ?? '',
    numeric: countries.alpha2ToNumeric(code) ?? '',
    name: countries.getName(code, 'en') ?? value,
  };
}

/**
 * What a reader reads for a place: the country's name where the editor wrote its alpha-3 code ("SGP": Singapore),
 * else the place in the editor's own words ("Congo (Kinshasa)" stays so).
 */
export function placeName(value: unknown): string {
  const text = String(value);
  const place = /^[A-Z]{3}$/.test(text.trim()) ? resolvePlace(text) : undefined;
  return place?.kind === 'country' ? place.name : text;
}

/** The names nearest a name that resolves to nothing, closest first (at most three), for "did you mean". */
export function nearestPlaces(value: string, count = 3): string[] {
  const names = [...byName.keys()].filter((name) => byName.get(name) !== null);
  const original = new Map(
    [...Object.values(countries.getNames('en', { select: 'all' })).flat(), ...Object.keys(usgsAliases)].map((name) => [
      key(name),
      name,
    ]),
  );
  // A name two countries share ("Congo"): the names of each that say which.
  if (byName.get(key(value)) === null)
    return names.filter((name) => name.includes(key(value))).map((name) => original.get(name)!);
  const candidates = new Set([...names.map((name) => original.get(name)!), ...aggregateNames]);
  const found: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = closest(value, candidates);
    if (!next) break;
    found.push(next);
    candidates.delete(next);
  }
  return found;
}
