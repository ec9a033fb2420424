// A fixture site for one browser test file: built from its content/ and data/ before the file's tests, served on
// loopback, and closed and deleted after them. Call it at the top of the file; `url` and `outDir` are set once built.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from './build.ts';
import { serve } from './serve.ts';

export interface ServedSite {
  /** Where the site is served, e.g. http://127.0.0.1:40123. */
  url: string;
  /** The built site's folder. */
  outDir: string;
}

/** `env`: variables the build sees, e.g. SUPPLY_LINES_TODAY to build the site as of another day. */
export function servedFixture(contentRoot: string, env?: Record<string, string>): ServedSite {
  const site: ServedSite = { url: '', outDir: '' };
  let build: BuildResult | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    build = await buildSite({ contentRoot, env });
    if (!build.ok)
      throw new Error(`the fixture ${path.relative(projectRoot, contentRoot)} did not build:\n${build.output}`);
    server = await serve(build.outDir);
    Object.assign(site, { url: server.url, outDir: build.outDir });
  });
  // Vitest runs afterAll hooks last registered first: a file's own browser closes before the server does.
  afterAll(async () => {
    await server?.close();
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });
  return site;
}
