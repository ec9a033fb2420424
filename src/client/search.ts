// <site-search>: queries the Pagefind index (loaded on first search) and lists the results as links.
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

/** What a result is, from its address: readers tell a story from a chart page at a glance. */
function kind(url: string): string {
  const path = new URL(url, location.href).pathname;
  if (path.includes('/articles/')) return 'Story';
  if (path.includes('/charts/')) return 'Chart';
  if (path.includes('/agreements/')) return 'Agreements tracker';
  return 'Page';
}

/**
 * Pagefind's excerpt is HTML-escaped text with the matches in <mark>. It is parsed (inert: nothing runs) and
 * rebuilt from text nodes and fresh <mark> elements only, so nothing else from the index reaches the page.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

class SiteSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  /** Counts searches, so a slow earlier one never overwrites the results of a later one. */
  #latest = 0;

  connectedCallback() {
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[type=search]')!;
    const status = this.querySelector('.search-status')!;
    const list = this.querySelector('.search-results')!;
    const run = async (query: string) => {
      const search = ++this.#latest;
      if (!query.trim()) {
        list.replaceChildren();
        status.textContent = '';
        return;
      }
      status.textContent = 'Searching…';
      this.#pagefind ??= import(/* @vite-ignore */ this.dataset.index!) as Promise<Pagefind>;
      const { results } = await (await this.#pagefind).search(query);
      const pages = await Promise.all(results.slice(0, 20).map((r) => r.data()));
      if (search !== this.#latest) return;
      list.replaceChildren(
        ...pages.map((page) => {
          const item = document.createElement('li');
          const label = document.createElement('p');
          label.className = 'kicker';
          label.textContent = kind(page.url);
          const heading = document.createElement('h2');
          const link = document.createElement('a');
          link.href = page.url;
          link.textContent = page.meta.title ?? page.url;
          heading.append(link);
          const excerpt = document.createElement('p');
          excerpt.append(...excerptNodes(page.excerpt));
          item.append(label, heading, excerpt);
          return item;
        }),
      );
      const shown = results.length > pages.length ? ` The first ${pages.length} are listed.` : '';
      status.textContent = `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.${shown}`;
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
