// The tabs pattern as <sl-figure-tabs> (Sources and notes, Table) and <sl-chart-tabs> (Chart, Map) share it: a tab
// list with a tab per panel, each <details> made a plain panel (its summary gone: its first words, or the element's
// data-label, are the tab's), each panel labelled by its tab; arrows, Home and End move the focus among the tabs
// (one tab stop; Enter or Space, a button's click, activates).

export interface TabPanel {
  tab: HTMLButtonElement;
  panel: HTMLElement;
}

/** The tab list for `elements` (a <details> is replaced by a <div> with its attributes and content). */
export function tabList(
  className: string,
  label: string,
  elements: HTMLElement[],
): { list: HTMLElement; pairs: TabPanel[] } {
  const list = document.createElement('div');
  list.className = className;
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', label);
  const pairs = elements.map((element) => {
    const summary = element.querySelector(':scope > summary');
    const words = element.dataset.label ?? summary?.firstChild?.textContent ?? '';
    let panel = element;
    if (element instanceof HTMLDetailsElement) {
      panel = document.createElement('div');
      for (const { name, value } of element.attributes) if (name !== 'open') panel.setAttribute(name, value);
      summary?.remove();
      panel.append(...element.childNodes);
      element.replaceWith(panel);
    }
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `${panel.id}-tab`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    tab.textContent = words;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    list.append(tab);
    return { tab, panel };
  });
  const tabs = pairs.map((p) => p.tab);
  list.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target as HTMLButtonElement);
    const last = tabs.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[
      event.key
    ];
    if (at < 0 || to === undefined) return;
    event.preventDefault();
    tabs.forEach((tab, i) => (tab.tabIndex = i === to ? 0 : -1));
    tabs[to].focus();
  });
  return { list, pairs };
}
