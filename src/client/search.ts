// <site-search>: queries the Pagefind index (loaded on first search) and lists the results as links.
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

class SiteSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;

  connectedCallback() {
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[type=search]')!;
    const status = this.querySelector('.search-status')!;
    const list = this.querySelector('.search-results')!;
    const run = async (query: string) => {
      list.replaceChildren();
      if (!query.trim()) {
        status.textContent = '';
        return;
      }
      status.textContent = 'Searching…';
      this.#pagefind ??= import(/* @vite-ignore */ this.dataset.index!) as Promise<Pagefind>;
      const { results } = await (await this.#pagefind).search(query);
      const pages = await Promise.all(results.slice(0, 20).map((r) => r.data()));
      for (const page of pages) {
        const item = document.createElement('li');
        const heading = document.createElement('h2');
        const link = document.createElement('a');
        link.href = page.url;
        link.textContent = page.meta.title ?? page.url;
        heading.append(link);
        const excerpt = document.createElement('p');
        // Pagefind's excerpt marks matches with <mark>; keep only the text so nothing else can be injected.
        excerpt.textContent = page.excerpt.replace(/<[^>]*>/g, '');
        item.append(heading, excerpt);
        list.append(item);
      }
      status.textContent = `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.`;
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
      void run(input.value);
    });
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      input.value = query;
      void run(query);
    }
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
