// <agreements-filter>: narrows the tracker by partner, year and the status of its commitments. Without JavaScript every entry shows.
class AgreementsFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    const entries = [...this.querySelectorAll<HTMLElement>('.tracker-entry')];
    const count = this.querySelector('.tracker-count');
    if (!form) return;
    form.hidden = false;
    const apply = () => {
      const partner = (form.elements.namedItem('partner') as HTMLSelectElement).value;
      const year = (form.elements.namedItem('year') as HTMLSelectElement).value;
      // The status select is there only when some entry lists commitments.
      const status = (form.elements.namedItem('status') as HTMLSelectElement | null)?.value ?? '';
      let shown = 0;
      for (const entry of entries) {
        const statuses = (entry.dataset.statuses ?? '').split(' ');
        entry.hidden = Boolean(
          (partner && entry.dataset.partner !== partner) ||
          (year && entry.dataset.year !== year) ||
          (status && !statuses.includes(status)),
        );
        if (!entry.hidden) shown++;
      }
      if (count) count.textContent = `Showing ${shown} of ${entries.length} agreements.`;
      const params = new URLSearchParams();
      if (partner) params.set('partner', partner);
      if (year) params.set('year', year);
      if (status) params.set('status', status);
      // The choice lives in the query so a reload or a shared link restores it; a #entry anchor is kept.
      const query = params.size ? `?${params}` : '';
      if (query !== location.search) history.replaceState(null, '', `${location.pathname}${query}${location.hash}`);
    };
    const params = new URLSearchParams(location.search);
    for (const name of ['partner', 'year', 'status']) {
      const select = form.elements.namedItem(name) as HTMLSelectElement | null;
      if (select && params.has(name) && [...select.options].some((o) => o.value === params.get(name)))
        select.value = params.get(name)!;
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => event.preventDefault());
    apply();
  }
}

if (!customElements.get('agreements-filter')) customElements.define('agreements-filter', AgreementsFilter);
