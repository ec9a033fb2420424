// The URL hash a reader shares (src/lib/chart-state.ts): the first form of a view link keeps working, every state
// field survives a round trip, several charts share one hash, and what is not a state is left alone.
import { describe, expect, test } from 'vitest';
import { parseStates, stateEntry, statesHash } from '../../src/lib/chart-state.ts';

describe('chart state in the URL hash', () => {
  test('the first form, #<chart>=<view>, still opens that view and is still written for a view alone', () => {
    expect(parseStates('#us-import-reliance=mcs-2021').get('us-import-reliance')).toEqual({ view: 'mcs-2021', select: [] });
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
