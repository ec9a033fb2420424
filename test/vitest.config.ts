// Test projects, each run alone with `npm run test:<name>` and all together with `npm test` (see test/README.md):
// - unit: in the test process only: no site built, no command run as a child process, no browser. The fast loop.
// - build: fixture sites built with astro build, and the command-line tools (check, new, import, export, review,
//   fields), git and the HTML checker (Java) run as child processes, as editors and CI run them.
// - browser: Chromium on built sites; two sites are built once for them all (test/support/site.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/site.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false, // one Chromium at a time on a 2-core machine
        },
      },
    ],
  },
});
