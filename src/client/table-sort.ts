// A chart's data tables sorted by any column (made so by figure-tabs.ts the first time a Table tab is shown): each
// column head becomes a button; a press sorts by it, ascending, again descending. The sort is the head's aria-sort
// and is said in the chart's live region. Numbers sort by the figure the build wrote in data-value, not by its
// formatting ("13,000"); other cells by their text, digits as numbers.

/** Makes every table in `panel` sortable (once); `say` announces a sort. */
export function sortable(panel: HTMLElement, say: (text: string) => void) {
  for (const table of panel.querySelectorAll('table')) {
    if (table.dataset.sortable !== undefined) continue;
    table.dataset.sortable = '';
    const heads = [...table.tHead!.rows[0].cells];
    heads.forEach((head, column) => {
      const button = head.appendChild(document.createElement('button'));
      button.className = 'table-sort';
      button.append(...[...head.childNodes].filter((node) => node !== button));
      button.onclick = () => {
        const up = head.getAttribute('aria-sort') !== 'ascending';
        for (const other of heads) other.removeAttribute('aria-sort');
        head.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        const key = (row: HTMLTableRowElement) => row.cells[column].dataset.value ?? row.cells[column].textContent!;
        const order = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b, 'en', { numeric: true });
        const body = table.tBodies[0];
        body.append(...[...body.rows].sort((a, b) => (up ? 1 : -1) * order(key(a), key(b))));
        say(`Table sorted by ${button.textContent}, ${up ? 'ascending' : 'descending'}`);
      };
    });
  }
}
