// Global set-up for browser tests: build two sites once and serve each on loopback.
// - The reader fixture (test/fixtures/reader/, a frozen copy of the publication): every test of what the code does
//   for a reader reads it, so an editor's change to the live content never fails a test of the code.
// - The live site (content/ and data/): held only to what every page must meet (valid HTML, axe, budgets, CSP).
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The reader fixture, built and served. */
    siteUrl: string;
    siteDir: string;
    /** The live site, built and served. */
    liveUrl: string;
    liveDir: string;
  }
}

export const readerFixture = path.resolve(import.meta.dirname, '../fixtures/reader');

export default async function setup(project: TestProject) {
  const reader = await buildSite({ contentRoot: readerFixture });
  if (!reader.ok) throw new Error(`The reader fixture did not build:\n${reader.output}`);
  const live = await buildSite();
  if (!live.ok) throw new Error(`The site did not build:\n${live.output}`);
  const [readerSite, liveSite] = await Promise.all([serve(reader.outDir), serve(live.outDir)]);
  project.provide('siteUrl', readerSite.url);
  project.provide('siteDir', reader.outDir);
  project.provide('liveUrl', liveSite.url);
  project.provide('liveDir', live.outDir);
  return async () => {
    await Promise.all([readerSite.close(), liveSite.close()]);
    for (const build of [reader, live]) rmSync(build.outDir, { recursive: true, force: true });
  };
}
