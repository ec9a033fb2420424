// The browser the tests and Lighthouse drive (src/cli/chromium.ts): a path set in CHROME_PATH or CHROMIUM_PATH is
// used or refused, never swapped; and the npm package's Chromium, the fallback on a machine without one, unpacks
// (also twice at once) and renders a page.
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { bundledChromium, chromiumFlags, resolveChromium } from '../../src/cli/chromium.ts';
import { decodePng } from '../support/png.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'supply-lines-chromium-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('resolveChromium', () => {
  test('uses the executable named by CHROME_PATH, or by CHROMIUM_PATH', async () => {
    const browser = path.join(dir, 'my-chrome');
    writeFileSync(browser, '#!/bin/sh\n');
    chmodSync(browser, 0o755);
    vi.stubEnv('CHROME_PATH', browser);
    expect(await resolveChromium()).toEqual({ path: browser, source: 'CHROME_PATH' });
    vi.stubEnv('CHROME_PATH', '');
    vi.stubEnv('CHROMIUM_PATH', browser);
    expect(await resolveChromium()).toEqual({ path: browser, source: 'CHROMIUM_PATH' });
  });

  test('refuses a CHROME_PATH that is not an executable file instead of using another browser', async () => {
    const notExecutable = path.join(dir, 'not-executable');
    writeFileSync(notExecutable, 'text');
    vi.stubEnv('CHROME_PATH', notExecutable);
    await expect(resolveChromium()).rejects.toThrow(`CHROME_PATH=${notExecutable} is not an executable file`);
    vi.stubEnv('CHROME_PATH', dir);
    await expect(resolveChromium()).rejects.toThrow(`CHROME_PATH=${dir} is not an executable file`);
  });
});

describe("the npm package's Chromium", () => {
  test('unpacks once into a folder named by its version, even when asked twice at once, and renders a page', async () => {
    const temp = mkdtempSync(path.join(dir, 'tmp-'));
    vi.stubEnv('TMPDIR', temp); // a fresh temporary folder: nothing unpacked yet
    const [first, second] = await Promise.all([bundledChromium(), bundledChromium()]);
    expect(first).toEqual(second);
    expect(first.path).toMatch(new RegExp(`^${temp}/sparticuz-chromium-[\\d.]+/chromium$`));
    expect(readdirSync(temp)).toEqual([path.basename(path.dirname(first.path))]); // no half-unpacked folder left

    const context = await chromium.launchPersistentContext(mkdtempSync(path.join(temp, 'profile-')), {
      executablePath: first.path,
      headless: true,
      args: chromiumFlags,
      viewport: { width: 200, height: 100 },
    });
    try {
      const page = await context.newPage();
      await page.setContent(
        '<body style="margin:0;background:#fff"><h1>Rendered</h1><div style="position:absolute;left:0;top:0;width:50px;height:50px;background:rgb(255,0,0)"></div></body>',
      );
      expect(await page.locator('h1').textContent()).toBe('Rendered');
      const { width, pixels } = decodePng(await page.screenshot());
      const pixel = (x: number, y: number) => Array.from(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));
      expect(pixel(25, 25)).toEqual([255, 0, 0]);
      expect(pixel(150, 90)).toEqual([255, 255, 255]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
