// A chart's data tables sorted by any column (loaded by figure-tabs.ts the first time a Table tab is shown): each
// column head becomes a button; a press sorts by it, ascending, again descending. The sort is the head's aria-sort
// and is said in the chart's live region. Numbers sort by the figure the build wrote in data-value, not by its
// formatting ("13,000"); empty cells go last.

/** Makes every table in `panel` sortable (once); `say` announces a sort. */
export function sortable(panel: HTMLElement, say: (text: string) => void) {
  for (const table of panel.querySelectorAll('table')) {
    if (table.dataset.sortable !== undefined || !table.tHead || !table.tBodies[0]) continue;
    table.dataset.sortable = '';
    const body = table.tBodies[0];
    const heads = [...table.tHead.rows[0].cells];
    heads.forEach((head, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'table-sort';
      button.append(...head.childNodes);
      head.append(button);
      button.addEventListener('click', () => {
        const direction = head.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        for (const other of heads) other.removeAttribute('aria-sort');
        head.setAttribute('aria-sort', direction);
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[column];
          return cell?.dataset.value ?? cell?.textContent?.trim() ?? '';
        };
        const order = (a: string, b: string) => {
          if (!a || !b) return a ? -1 : b ? 1 : 0; // empty last, either way
          const [x, y] = [Number(a), Number(b)];
          const sign = direction === 'ascending' ? 1 : -1;
          return sign * (Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b, undefined, { numeric: true }));
        };
        body.append(...[...body.rows].sort((a, b) => order(key(a), key(b))));
        say(`Table sorted by ${button.textContent}, ${direction}`);
      });
    });
  }
}
