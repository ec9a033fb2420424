// Global set-up for browser tests: build the real site once and serve it on loopback.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const build = await buildSite();
  if (!build.ok) throw new Error(`The site did not build:\n${build.output}`);
  const site = await serve(build.outDir);
  project.provide('siteUrl', site.url);
  project.provide('siteDir', build.outDir);
  return async () => {
    await site.close();
    rmSync(build.outDir, { recursive: true, force: true });
  };
}
