// @ts-check
import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import pagefind from 'astro-pagefind';

// The site is built for the root of its domain. SITE_URL sets the public address (canonical URLs, feeds);
// BASE_PATH builds it for a sub-path instead, e.g. BASE_PATH=/supply-lines for a GitHub Pages project site.
const site = process.env.SITE_URL ?? 'https://supply-lines.example';
const base = process.env.BASE_PATH ?? '/';

/** `npm run dev` reloads the page when an article, chart spec or dataset changes. */
function reloadOnContentChange() {
  // The folders the loader reads: the project's, or CONTENT_ROOT's (which may lie outside the project).
  const dirs = ['content', 'data'].map((dir) => path.resolve(process.env.CONTENT_ROOT ?? '.', dir));
  return {
    name: 'supply-lines-content-reload',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.watcher.add(dirs);
      server.watcher.on('all', (_event, file) => {
        if (!dirs.some((dir) => file.startsWith(dir + path.sep))) return;
        // Astro keeps getStaticPaths() results (an article's props) until told content changed, as its own
        // content layer does; then the browser reloads and the page is rendered from the files as saved.
        for (const [name, environment] of Object.entries(server.environments)) {
          if (name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

/**
 * Drafts show under `astro dev` only. Decided here, when the code is compiled, because Astro lets environment
 * variables named DEV, PROD and MODE override import.meta.env, and `DEV=1 astro build` must not publish a draft.
 */
function draftsInDevOnly() {
  return {
    name: 'supply-lines-drafts-in-dev-only',
    /** @param {unknown} _config @param {{ command: string }} env */
    config(_config, { command }) {
      return { define: { __SUPPLY_LINES_DEV__: JSON.stringify(command === 'serve') } };
    },
  };
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // Pages build a few at a time so PNG rendering (on libuv's threads) keeps both cores busy.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // Stories go through our own remark pipeline (src/remark/); Astro's Markdown is unused, and its default code
  // highlighter (Shiki) writes inline styles that the Content-Security-Policy below refuses.
  markdown: { syntaxHighlight: false },
  // A Content-Security-Policy on every page (a <meta> tag with hashes Astro computes): scripts only from our own
  // origin, nothing inline, no eval; no plugins; forms and <base> stay on our origin.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  integrations: [
    // Embeds, the search page and dated versions (whose canonical address is the live page) are not pages to
    // land on from a search engine.
    sitemap({ filter: (page) => !/\/(embed|search|versions)\//.test(new URL(page).pathname) }),
    pagefind(),
  ],
  // Scripts ship as files, never inline: cacheable, and nothing inline for the Content-Security-Policy to allow.
  vite: { plugins: [reloadOnContentChange(), draftsInDevOnly()], build: { assetsInlineLimit: 0 } },
});
