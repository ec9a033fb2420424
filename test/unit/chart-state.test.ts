// The URL hash a reader shares (src/util/chart-state.ts): the first form of a view link keeps working, every state
// field survives a round trip, several charts share one hash, and what is not a state is left alone.
import { describe, expect, test } from 'vitest';
import { parseStates, stateEntry, statesHash, statesIn } from '../../src/util/chart-state.ts';

describe('chart state in the URL hash', () => {
  test('the first form, #<chart>=<view>, still opens that view and is still written for a view alone', () => {
    expect(parseStates('#us-import-reliance=mcs-2021').get('us-import-reliance')).toEqual({
      view: 'mcs-2021',
      select: [],
    });
    expect(stateEntry('us-import-reliance', { view: 'mcs-2021', select: [] })).toBe('us-import-reliance=mcs-2021');
  });

  test('view, places, year and the open tab survive a round trip, places with spaces, commas and brackets included', () => {
    const state = { view: '2023', select: ['Burma (Myanmar)', 'Korea, South'], year: '2023', tab: 'table' };
    const entry = stateEntry('production-map', state);
    expect(entry).toBe('production-map=view:2023;select:Burma+(Myanmar),Korea%2C+South;year:2023;tab:table');
    expect(parseStates(`#${entry}`).get('production-map')).toEqual(state);
  });

  test('two charts keep their own states in one hash; anchors that are not states are ignored, and so are unknown fields', () => {
    const states = parseStates('#a=select:China&claim-1&b=tab:sources;colour:red');
    expect([...states.keys()]).toEqual(['a', 'b']);
    expect(states.get('b')).toEqual({ select: [], tab: 'sources' });
    expect(statesHash(states)).toBe('#a=select:China&b=tab:sources');
  });

  test('a chart at its default state leaves the hash', () => {
    expect(stateEntry('a', { select: [] })).toBe('');
    expect(statesHash(new Map([['a', { select: [] }]]))).toBe('');
  });
});

describe('statesIn: the one judge of whether a hash is a chart state', () => {
  test('a link into the page is no state; no hash is every chart at its default; a state is one even when an element has its id', () => {
    expect(statesIn('#chart-mine-production-map-table')).toBeUndefined();
    expect(statesIn('#claim-1')).toBeUndefined();
    expect(statesIn('')).toEqual(new Map());
    expect(statesIn('#')).toEqual(new Map());
    // A :view link's hash is also the id of the figure's anchor: it is a state all the same.
    expect(statesIn('#a=select:Australia;year:2024')?.get('a')).toEqual({ select: ['Australia'], year: '2024' });
    expect(statesIn('#a=tab:map&b=2023')?.get('a')).toEqual({ select: [], tab: 'map' });
  });
});
