// <sl-figure-tabs>: a chart's "Sources and notes" and "Table", written as <details> (they open without
// JavaScript), made into tabs: one tab stop, the arrow keys, Home and End move between the tabs, Enter or Space opens
// one and again closes it (all start closed, so the chart reads in one screen). What opened or closed is said in the
// chart's live region. A link to anything inside a panel (#chart-<id>-table, #chart-<id>-notes) opens that panel.
// The open tab is part of the chart's state in the address (`tab:table`, `tab:sources`; src/util/chart-state.ts), so a
// shared link reopens it and back and forward restore it. The table's columns sort once it is first shown
// (table-sort.ts: in the start-up script, whose 8 KB it fits, rather than a chunk of its own, which would cost more).
import { statesIn } from '../util/chart-state.ts';
import { readState, writeState } from './state-url.ts';
import { tabList } from './tab-list.ts';
import { sortable } from './table-sort.ts';

/** A panel's name in the chart's state: "table" or "sources". */
const tabName = (panel: HTMLElement) => (panel.classList.contains('chart-table') ? 'table' : 'sources');

class FigureTabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];
  #panels: HTMLElement[] = [];

  connectedCallback() {
    if (this.#tabs.length) return;
    const details = [...this.querySelectorAll<HTMLDetailsElement>(':scope > details')];
    if (!details.length) return;
    const title = this.closest('figure')?.querySelector('.chart-title')?.textContent ?? 'the chart';
    // A panel the browser opened already (it reveals the target of the address's #fragment) stays open.
    const open = details.findIndex((detail) => detail.open);
    // The tab's own words ("Table"): the summary's hidden suffix (the chart's title) is the tablist's label here.
    const { list, pairs } = tabList('chart-tabs', `Sources, notes and data: ${title}`, details);
    for (const { tab, panel } of pairs) {
      panel.tabIndex = 0;
      panel.hidden = true;
      this.#tabs.push(tab);
      this.#panels.push(panel);
      tab.addEventListener('click', () => this.#toggle(panel));
    }
    this.prepend(list);
    const opened = this.#panels[open];
    this.#select(opened);
    this.#followHash();
    this.#followState();
    addEventListener('hashchange', () => this.#followHash());
    for (const event of ['hashchange', 'popstate']) addEventListener(event, () => this.#followState());
  }

  get #chart() {
    return this.closest('sl-chart')?.getAttribute('data-chart') ?? '';
  }

  /** The address names a tab in the chart's state: that panel is open, or none when it names none. */
  #followState() {
    const states = statesIn(location.hash);
    if (!this.#chart || !states) return; // a link into the page (#chart-x-table): #followHash's
    const tab = states.get(this.#chart)?.tab;
    this.#select(this.#panels.find((p) => tabName(p) === tab));
  }

  /** Shows `panel` and no other, or none; the tab stop goes to tab `stop` (its own tab, else the first). */
  #select(panel: HTMLElement | undefined, stop = Math.max(this.#panels.indexOf(panel!), 0)) {
    this.#panels.forEach((p, i) => {
      p.hidden = p !== panel;
      this.#tabs[i].setAttribute('aria-selected', String(p === panel));
      this.#tabs[i].tabIndex = i === stop ? 0 : -1;
    });
    if (panel && tabName(panel) === 'table') sortable(panel, (said) => (this.#live().textContent = said));
  }

  /** A tab activated: opens its panel, or closes it when open, and says which in the chart's live region. */
  #toggle(panel: HTMLElement) {
    const at = this.#panels.indexOf(panel);
    const opening = panel.hidden;
    this.#select(opening ? panel : undefined, at);
    this.#live().textContent = `${this.#tabs[at].textContent}: ${opening ? 'shown' : 'closed'}`;
    if (this.#chart) writeState(this.#chart, { ...readState(this.#chart), tab: opening ? tabName(panel) : undefined });
  }

  /** The chart's live region (made by <sl-chart>), or one of our own where there is none. */
  #live(): HTMLElement {
    const figure = this.closest('figure') ?? this;
    let live = figure.querySelector<HTMLElement>('[aria-live]');
    if (!live) {
      live = Object.assign(document.createElement('p'), { className: 'visually-hidden' });
      live.setAttribute('aria-live', 'polite');
      figure.append(live);
    }
    return live;
  }

  /** The address names something inside a panel: open that panel and bring the target into view. */
  #followHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const panel = this.#panels.find((p) => p.contains(target));
    if (!target || !panel) return;
    if (panel.hidden) this.#select(panel);
    requestAnimationFrame(() => target.scrollIntoView());
  }
}

if (!customElements.get('sl-figure-tabs')) customElements.define('sl-figure-tabs', FigureTabs);
