// Place names as editors write them in a map's x field (src/charts/places.ts): USGS names, ISO names and aliases,
// alpha-3 codes, the rows that are not places, and the nearest names for one that matches nothing.
import { describe, expect, test } from 'vitest';
import { aggregateNames, nearestPlaces, resolvePlace, usgsAliases } from '../../src/charts/places.ts';
import { nonEmpty } from '../support/lists.ts';

const alpha3 = (name: unknown) => {
  const place = resolvePlace(name);
  return place.kind === 'country' ? place.alpha3 : place.kind;
};

describe('a place name resolves to its ISO 3166 country', () => {
  test('names as the USGS writes them, including those i18n-iso-countries lacks', () => {
    expect(alpha3('Burma (Myanmar)')).toBe('MMR');
    expect(alpha3('Burma')).toBe('MMR');
    expect(alpha3('Congo (Kinshasa)')).toBe('COD');
    expect(alpha3('Congo (Brazzaville)')).toBe('COG');
    expect(alpha3('Korea, North')).toBe('PRK');
    expect(alpha3('Laos')).toBe('LAO');
    // Every alias in the documented list resolves.
    for (const name of nonEmpty(Object.keys(usgsAliases), 'aliases')) expect(alpha3(name), name).toMatch(/^[A-Z]{3}$/);
  });

  test("the package's names and aliases, in any case and with stray spaces", () => {
    expect(alpha3('United States')).toBe('USA');
    expect(alpha3('United States of America')).toBe('USA');
    expect(alpha3('Russia')).toBe('RUS');
    expect(alpha3('Vietnam')).toBe('VNM');
    expect(alpha3('Korea, Republic of')).toBe('KOR');
    expect(alpha3('Turkey')).toBe('TUR');
    expect(alpha3("Côte d'Ivoire")).toBe('CIV');
    expect(alpha3('  estonia ')).toBe('EST');
  });

  test('alpha-3 codes, in capitals only, with the numeric code world-atlas ids countries by', () => {
    expect(resolvePlace('CHN')).toMatchObject({ kind: 'country', alpha2: 'CN', alpha3: 'CHN', numeric: '156' });
    expect(resolvePlace('SGP')).toMatchObject({ kind: 'country', numeric: '702' });
    expect(resolvePlace('BRA')).toMatchObject({ kind: 'country', numeric: '076' });
    expect(alpha3('chn')).toBe('unknown');
    expect(alpha3('XYZ')).toBe('unknown');
  });
});

describe('rows that are not places, and names that are nothing', () => {
  test('aggregates are told apart from countries, whatever their case', () => {
    for (const name of ['World total', 'world total', 'Other countries', 'Rest of the world', 'Total'])
      expect(alpha3(name), name).toBe('aggregate');
    for (const name of nonEmpty(aggregateNames, 'aggregate names')) expect(alpha3(name), name).toBe('aggregate');
  });

  test('an unknown name, an empty one, a number: nothing', () => {
    for (const value of ['Austrlia', 'Narnia', '', '   ', 2024, null, undefined])
      expect(alpha3(value), String(value)).toBe('unknown');
  });

  test('a misspelt name gets the nearest names, closest first; a name two countries share gets the names of each', () => {
    expect(nearestPlaces('Austrlia')).toEqual(['Australia', 'Austria']);
    expect(nearestPlaces('Brazl')[0]).toBe('Brazil');
    expect(nearestPlaces('Wrld total')[0]).toBe('World total');
    expect(nearestPlaces('Narnia')).toEqual([]);
    expect(alpha3('Congo')).toBe('unknown');
    expect(nearestPlaces('Congo')).toEqual(expect.arrayContaining(['Congo (Kinshasa)', 'Congo (Brazzaville)']));
    expect(nearestPlaces('Congo').every((name) => alpha3(name) === 'COD' || alpha3(name) === 'COG')).toBe(true);
  });
});
