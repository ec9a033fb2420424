// The build's entry point to content: loaded and checked once per build, and it stops the build on any error.
import { loadSite, type Site } from './load.ts';
import { ContentError } from './problems.ts';

let cached: Site | undefined;

/** Where content/ and data/ live: the project root, or CONTENT_ROOT (used by the fixture-site tests). */
export function contentRoot(): string {
  return process.env.CONTENT_ROOT ?? process.cwd();
}

export function getSite(): Site {
  if (cached && !import.meta.env?.DEV) return cached;
  const { site, problems } = loadSite(contentRoot(), { includeDrafts: Boolean(import.meta.env?.DEV) });
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  cached = site;
  return site;
}
