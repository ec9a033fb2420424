// Test projects: unit tests run alone; browser tests get a built site served on loopback (test/support/site.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 120_000 },
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
