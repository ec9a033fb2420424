// Chromium driven by playwright-core: the one src/cli/chromium.ts finds (the system's, else the npm package's).
// Playwright's own browser download does not work here.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { chromiumFlags, resolveChromium } from '../../src/cli/chromium.ts';

export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts');

export async function launch(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'supply-lines-chromium-')), {
    executablePath: (await resolveChromium()).path,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1200, height: 900 },
    ...options,
  });
}

/** Screenshots are kept as test artifacts in test/artifacts/ (git-ignored; CI uploads them). */
export function artifact(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}
