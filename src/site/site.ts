// The build's entry point to content: loaded and checked once per build, and it stops the build on any error.
import { loadSite, type Site } from '../model/load.ts';
import { ContentError } from '../model/problems.ts';

let cached: Site | undefined;

declare const __SUPPLY_LINES_DEV__: boolean | undefined;
/** True under `astro dev` only (astro.config.mjs sets it at compile time): drafts show there and nowhere else. */
const dev = typeof __SUPPLY_LINES_DEV__ !== 'undefined' && __SUPPLY_LINES_DEV__;

/** Where content/ and data/ live: the project root, or CONTENT_ROOT (used by the fixture-site tests). */
export function contentRoot(): string {
  return process.env.CONTENT_ROOT ?? process.cwd();
}

/** Whether this is `npm run dev`, where the live site holds drafts and is loaded afresh for each request. */
export function isDevServer(): boolean {
  return dev;
}

export function getSite(): Site {
  if (cached && !dev) return cached;
  const root = contentRoot();
  const { site, problems } = loadSite(root, { includeDrafts: dev });
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems, root, { preview: dev });
  cached = site;
  return site;
}
