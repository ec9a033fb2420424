// A chart's state in the URL hash, so that a link reopens exactly what a reader sees. One format for the build
// (`:view` links, the chart page's link) and the reader's script (src/client/chart.ts):
//
//   #<chart-id>=<view>                                     the first form: a view alone (still read and written)
//   #<chart-id>=view:<view>;select:<place>,<place>;year:<year>;tab:table
//   #<host-id>=tab:map&<map-id>=select:<place>;year:<year>  a figure with tabs (a spec's `tabs`): the host names the
//                                                          tab shown, that chart's entry holds what it shows
//   #<chart-a>=...&<chart-b>=...                           several charts on one page, each its own state
//
// Fields are separated by ";", a field's name from its value by ":", the places of `select` by ","; each value is
// URL-encoded (encodeURIComponent, a space as "+": "Burma+(Myanmar)"), so a place with a comma stays one value.
// Unknown fields are ignored, so a newer link still opens in an older page.

export interface ChartState {
  /** The view shown (a view's id); none: the view `year` names, else the first. */
  view?: string;
  /** Places highlighted; none: all drawn alike. */
  select: string[];
  /** The year the chart reads (a view of that year, the year the highlighted places' summary reads). */
  year?: string;
  /** The figure's open tab: "table" or "sources" (Sources and notes); none: both closed. On a chart with `tabs`, the
   * name of another chart's tab ("map") shows that chart instead (src/charts/tabs.ts). */
  tab?: string;
}

const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** Every chart's state in a hash ("#a=2023&b=select:China"); entries that are not states (#claim-1) are left out. */
export function parseStates(hash: string): Map<string, ChartState> {
  const states = new Map<string, ChartState>();
  for (const entry of hash.replace(/^#/, '').split('&')) {
    const at = entry.indexOf('=');
    if (at < 1) continue;
    const state: ChartState = { select: [] };
    for (const field of entry.slice(at + 1).split(';')) {
      const colon = field.indexOf(':');
      const [name, value] = colon < 0 ? ['view', field] : [field.slice(0, colon), field.slice(colon + 1)];
      if (!value) continue;
      if (name === 'view') state.view = decode(value);
      else if (name === 'year') state.year = decode(value);
      else if (name === 'tab') state.tab = decode(value);
      else if (name === 'select') state.select = value.split(',').map(decode).filter(Boolean);
    }
    states.set(decode(entry.slice(0, at)), state);
  }
  return states;
}

/**
 * The one judge of what is a chart state: the states a hash holds, or undefined when the hash is a link to something
 * in the page (#chart-x-table, #claim-1), which no chart should follow. An empty hash: every chart at its default.
 */
export function statesIn(hash: string): Map<string, ChartState> | undefined {
  const states = parseStates(hash);
  return states.size > 0 || !hash.replace(/^#/, '') ? states : undefined;
}

/** One chart's entry, "<id>=view:2023;select:Australia", or "" for the default state. A view alone keeps the first form. */
export function stateEntry(chart: string, state: ChartState): string {
  const fields = [
    state.view && `view:${encode(state.view)}`,
    state.select.length > 0 && `select:${state.select.map(encode).join(',')}`,
    state.year && `year:${encode(state.year)}`,
    state.tab && `tab:${encode(state.tab)}`,
  ].filter(Boolean) as string[];
  if (!fields.length) return '';
  return `${chart}=${fields.length === 1 && state.view ? encode(state.view) : fields.join(';')}`;
}

/** The hash for every chart's state, "#a=...&b=...", or "" when all are at their default. */
export function statesHash(states: Map<string, ChartState>): string {
  const entries = [...states].map(([chart, state]) => stateEntry(chart, state)).filter(Boolean);
  return entries.length ? `#${entries.join('&')}` : '';
}

/**
 * The id a figure carries so that a link to `#<entry>` jumps to it without JavaScript: the entry decoded, as a browser
 * (and a link checker) reads a fragment; spaces are "+" in an entry, so the id holds none.
 */
export function anchorId(entry: string): string {
  try {
    return decodeURIComponent(entry);
  } catch {
    return entry;
  }
}
