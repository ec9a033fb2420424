// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import pagefind from 'astro-pagefind';

// The site is built for the root of its domain. SITE_URL sets the public address (canonical URLs, feeds);
// BASE_PATH builds it for a sub-path instead, e.g. BASE_PATH=/supply-lines for a GitHub Pages project site.
const site = process.env.SITE_URL ?? 'https://supply-lines.example';
const base = process.env.BASE_PATH ?? '/';

/** `npm run dev` reloads the page when an article, chart spec or dataset changes. */
function reloadOnContentChange() {
  return {
    name: 'supply-lines-content-reload',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.watcher.add(['content/**', 'data/**']);
      server.watcher.on('all', (_event, file) => {
        if (/[\\/](content|data)[\\/]/.test(file)) server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [
    // Embeds and the search page are not pages to land on from a search engine.
    sitemap({ filter: (page) => !/\/(embed|search)\//.test(new URL(page).pathname) }),
    pagefind(),
  ],
  // Scripts ship as files, never inline: cacheable, and nothing inline for the Content-Security-Policy to allow.
  vite: { plugins: [reloadOnContentChange()], build: { assetsInlineLimit: 0 } },
});
