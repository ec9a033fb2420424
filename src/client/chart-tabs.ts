// <sl-chart-tabs>: a figure that shows a chart and other charts of its dataset (a spec's `tabs`, Figure.astro),
// written as the chart with a <details> per other chart, made into tabs: "Chart · Map" above the figure, one shown
// at a time (the tabs pattern: one tab stop, arrows, Home and End move, Enter or Space shows; each switch said in
// the live region). The tab shown is the host's state in the address (`tab:map`, src/util/chart-state.ts); a switch
// carries the reader's state (places highlighted, year, view, open panel) to the chart shown, so a reader who picked
// Australia and 2023 on the bars sees Australia in 2023 on the map. Only the chart shown has an entry.
import { statesIn, type ChartState } from '../util/chart-state.ts';
import { writeStates } from './state-url.ts';
import { tabList } from './tab-list.ts';

interface Tab {
  name: string;
  chart: string;
  button: HTMLButtonElement;
  panel: HTMLElement;
}

class ChartTabs extends HTMLElement {
  #tabs: Tab[] = [];
  #live = Object.assign(document.createElement('p'), { className: 'visually-hidden' });

  connectedCallback() {
    if (this.#tabs.length) return;
    const title = this.querySelector('.chart-title')?.textContent ?? '';
    const { list, pairs } = tabList('chart-tabs chart-tabs--charts', `Show as: ${title}`, [
      ...this.querySelectorAll<HTMLElement>(':scope > .chart-tab-panel'),
    ]);
    for (const { tab: button, panel } of pairs) {
      const tab = { name: panel.dataset.tab!, chart: panel.dataset.chart!, button, panel };
      button.addEventListener('click', () => this.#choose(tab));
      this.#tabs.push(tab);
    }
    this.#live.setAttribute('aria-live', 'polite');
    this.prepend(list);
    this.append(this.#live);
    this.#follow();
    // A link to a state of one of these charts opens it and, as a link to an element would, brings the figure into view.
    const states = statesIn(location.hash);
    if (this.#tabs.some((t) => states?.has(t.chart))) requestAnimationFrame(() => this.scrollIntoView());
    for (const event of ['hashchange', 'popstate']) addEventListener(event, () => this.#follow());
  }

  /** The tab the address names: the host's `tab:<name>`; else, in an older link, the chart that has an entry; else the first. */
  #named(states: Map<string, ChartState>): Tab {
    const [first, ...others] = this.#tabs;
    const host = states.get(first.chart);
    return (
      others.find((t) => t.name === host?.tab) ?? (host ? undefined : others.find((t) => states.has(t.chart))) ?? first
    );
  }

  /** The address changed (on load, a link, back or forward): show the tab it names; a link into a panel shows that panel. */
  #follow() {
    const states = statesIn(location.hash);
    if (states) return this.#show(this.#named(states));
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const holder = this.#tabs.find((t) => t.panel.contains(target));
    if (holder) this.#show(holder);
  }

  #show(shown: Tab) {
    for (const tab of this.#tabs) {
      tab.panel.hidden = tab !== shown;
      tab.button.setAttribute('aria-selected', String(tab === shown));
      tab.button.tabIndex = tab === shown ? 0 : -1;
    }
  }

  /** A reader shows a tab: the state of the chart they leave goes to the chart they show, in one history entry. */
  #choose(to: Tab) {
    const states = statesIn(location.hash) ?? new Map<string, ChartState>();
    const from = this.#named(states);
    if (to === from) return;
    const [host] = this.#tabs;
    // The host's `tab` names the chart shown; the panel open (table, sources) travels with the rest of the state.
    const carried: ChartState = states.get(from.chart) ?? { select: [] };
    const changes = new Map<string, ChartState | undefined>([[from.chart, undefined]]);
    if (to === host) changes.set(host.chart, carried);
    else {
      changes.set(host.chart, { select: [], tab: to.name });
      changes.set(to.chart, carried);
    }
    writeStates(changes);
    to.button.focus();
    this.#live.textContent = `${to.button.textContent} shown: ${to.panel.querySelector('.chart-title')?.textContent ?? ''}`;
  }
}

if (!customElements.get('sl-chart-tabs')) customElements.define('sl-chart-tabs', ChartTabs);
