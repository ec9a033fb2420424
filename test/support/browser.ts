// Chromium driven by playwright-core: the one src/cli/chromium.ts finds (the system's, else the npm package's).
// Playwright's own browser download does not work here.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, onTestFinished } from 'vitest';
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

export interface BrowserSession {
  /** The browser, launched before the tests and closed after them. */
  readonly context: BrowserContext;
  /** A new page for the test that asks for it, closed after that test (whether it passed or not). */
  newPage(): Promise<Page>;
}

export interface PageSession extends BrowserSession {
  /** The page opened before the tests (at the address given, if any), shared by them. */
  readonly page: Page;
}

/**
 * A browser for the tests of a file (called at its top) or of a describe block (called inside it): launched in a
 * beforeAll hook and closed in an afterAll hook. Call it after `servedFixture()`, whose site is then built first
 * and closed last.
 */
export function useBrowser(options: BrowserContextOptions = {}): BrowserSession {
  let context: BrowserContext | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    context = await launch(options);
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await context?.close();
  });
  const session: BrowserSession = {
    get context() {
      if (!context)
        throw new Error('The browser is used outside its tests: it is launched before them and closed after them.');
      return context;
    },
    async newPage() {
      const page = await session.context.newPage();
      pages.push(page);
      return page;
    },
  };
  return session;
}

/**
 * `useBrowser()` with one page opened before the tests and shared by them, at `url()` if given (a function: a
 * served fixture's address is known only once it is built).
 */
export function usePage(options: BrowserContextOptions = {}, url?: () => string): PageSession {
  const browser = useBrowser(options);
  let page: Page | undefined;
  beforeAll(async () => {
    page = await browser.context.newPage();
    if (url) await page.goto(url());
  });
  return {
    get context() {
      return browser.context;
    },
    newPage: () => browser.newPage(),
    get page() {
      if (!page) throw new Error('The page is used outside its tests: it is opened before them and closed after them.');
      return page;
    },
  };
}

/**
 * A browser of its own for the test that calls it (other options than the file's: no JavaScript, a dark scheme, a
 * phone), with a page: closed when that test ends, whether it passed or not.
 */
export async function launchPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await launch(options);
  onTestFinished(() => context.close());
  return context.newPage();
}

/** Screenshots are kept as test artifacts in test/artifacts/ (git-ignored; CI uploads them). */
export function artifact(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}
