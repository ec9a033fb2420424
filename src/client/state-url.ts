// Writing a chart's state into the address: one history entry per reader action, the other charts' entries kept, and
// a "chart-state" event for whatever shows the address (the chart page's "Link to this view", :view links).
import { parseStates, statesHash, type ChartState } from '../util/chart-state.ts';

/** Sets this page's entry for one chart in the hash, keeping the other charts' entries; `replace`: in the same history entry. */
export function writeState(chart: string, state: ChartState, replace = false) {
  const states = parseStates(location.hash);
  states.set(chart, state);
  history[replace ? 'replaceState' : 'pushState'](null, '', statesHash(states) || location.pathname + location.search);
  dispatchEvent(new Event('chart-state'));
}

/** The chart's state as the address gives it. */
export const readState = (chart: string): ChartState => parseStates(location.hash).get(chart) ?? { select: [] };

/**
 * Sets several charts' entries in one history entry (a figure's tab switch: the host's tab and the state carried to
 * the chart shown; `undefined` removes a chart's entry). Every chart on the page then follows the address, as it does
 * on back and forward: a popstate, which pushState itself does not fire.
 */
export function writeStates(changes: Map<string, ChartState | undefined>) {
  const states = parseStates(location.hash);
  for (const [chart, state] of changes) {
    if (state) states.set(chart, state);
    else states.delete(chart);
  }
  history.pushState(null, '', statesHash(states) || location.pathname + location.search);
  dispatchEvent(new PopStateEvent('popstate'));
  dispatchEvent(new Event('chart-state'));
}
