// Words never run together in what a reader sees. Every built page of the agreements fixture site (a tracker, a
// timeline with its place list, a story placing it), of the reader fixture and of the live site is read as Chromium
// lays it out on a 360 px phone (innerText, with every <details> open and the scripts run), for a sentence end
// followed by a capital with no space ("8 agreements.Used in") and for two names of the data glued together
// ("Highlight a partneryear").
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';
import { useBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/build.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { readerFixture } from '../support/site.ts';
import { htmlFiles, urlPath } from './site-files.ts';

const agreementsFixture = path.resolve(import.meta.dirname, '../fixtures/site-agreements');
const agreements = servedFixture(agreementsFixture);

/** Addresses and file names hold dots and capitals that are not sentences: "example.org/Report.PDF". */
const addresses = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+\/\S*|\S+@\S+\.\S+/g;
/** A lower-case letter or digit, a sentence's or a label's end, then a capital: "agreements.Used", "reported.Charts". */
const runTogether = /[a-z0-9][.!?:][A-Z]/g;

/** Sentence ends with no space after them, each with the words around it. */
function sentencesRunTogether(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const words = line.replace(addresses, ' ');
    return [...words.matchAll(runTogether)].map((m) => words.slice(Math.max(0, m.index - 30), m.index + 30).trim());
  });
}

/** Names a reader sees apart: the datasets' field names as words ("partnerYear": partner, year) and their short text values. */
function knownNames(root: string): string[] {
  const names = new Set<string>();
  for (const dataset of loadSite(root).site.datasets.values()) {
    for (const row of dataset.rows) {
      for (const [field, value] of Object.entries(row)) {
        for (const word of field.split(/_|(?<=[a-z])(?=[A-Z])/)) if (word.length >= 4) names.add(word.toLowerCase());
        if (typeof value === 'string' && value.length >= 4 && value.length <= 30 && !/\s\S*\s/.test(value))
          names.add(value.toLowerCase());
      }
    }
  }
  return [...names];
}

/** Two known names with nothing between them, each the whole of a word: "partneryear", "JapanAustralia". */
function namesGlued(text: string, names: readonly string[]): string[] {
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const name = `(?:${escaped.join('|')})`;
  const glued = new RegExp(`(?<![\\p{L}\\p{N}])${name}${name}(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(glued)].map((m) => m[0]);
}

/**
 * The page's text as a reader at 360 px sees it, every <details> open. Drawings are left out: a chart's label wrapped
 * over two lines is two <tspan>s, which innerText joins with no space though a reader sees two lines (and the
 * drawing is an image to assistive technology, named by its title and summary).
 */
async function visibleText(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // Hidden through the CSSOM: the site's Content-Security-Policy refuses an added <style>.
  return page.evaluate(() => {
    const drawings = [...document.querySelectorAll('svg')];
    for (const svg of drawings) svg.style.setProperty('display', 'none', 'important');
    return document.body.innerText;
  });
}

describe('on a 360 px phone, no words run together', () => {
  const browser = useBrowser({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });

  test('the checks find what they look for, and pass what is not a sentence end', () => {
    expect(sentencesRunTogether('8 agreements.Used in: a story\nas reported.Charts: one')).toEqual([
      '8 agreements.Used in: a story',
      'as reported.Charts: one',
    ]);
    expect(sentencesRunTogether('See https://example.org/Report.PDF, 3.5 t, the U.S. Treasury. Next: Japan')).toEqual(
      [],
    );
    expect(namesGlued('Highlight a partneryear', ['partner', 'year'])).toEqual(['partneryear']);
    expect(namesGlued('a partner year, a partnership, the partners', ['partner', 'year'])).toEqual([]);
  });

  for (const [name, site, root] of [
    ['the agreements fixture', () => ({ url: agreements.url, dir: agreements.outDir }), agreementsFixture],
    ['the reader fixture', () => ({ url: inject('siteUrl'), dir: inject('siteDir') }), readerFixture],
    ['the live site', () => ({ url: inject('liveUrl'), dir: inject('liveDir') }), projectRoot],
  ] as const) {
    test(`every page of ${name}`, async () => {
      const { url, dir } = site();
      const names = knownNames(root);
      const page = await browser.newPage();
      const found: string[] = [];
      const files = htmlFiles(dir);
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const text = await visibleText(page, `${url}${urlPath(file)}`);
        found.push(
          ...sentencesRunTogether(text).map((s) => `${urlPath(file)}: ${s}`),
          ...namesGlued(text, names).map((s) => `${urlPath(file)}: ${s}`),
        );
      }
      expect(found).toEqual([]);
    }, 600_000);
  }
});
