// Claims checked in the lead story: marked in the text, each linked to its note (status, what the data says, the
// chart), which works without JavaScript as a footnote and with it as a note beside the claim.
import { describe, expect, inject, test } from 'vitest';
import { usePage } from '../support/browser.ts';
import { leadStory } from './site-files.ts';

const siteUrl = inject('siteUrl');
const claims = leadStory.claims();
const statusWord = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

test('the lead story has claims to check', () => {
  expect(claims.length).toBeGreaterThan(2);
});

describe('without JavaScript', () => {
  const browser = usePage({ javaScriptEnabled: false }, () => `${siteUrl}${leadStory.path}`);

  test('every claim is marked in the text with its status', async () => {
    const marked = await browser.page
      .locator('article a.claim')
      .evaluateAll((links) =>
        links.map((a) => ({ text: a.firstChild?.textContent, mark: a.querySelector('.claim-mark')?.textContent })),
      );
    expect(marked.map((m) => m.text)).toEqual(claims.map((c) => c.text));
    marked.forEach((m, i) => expect(m.mark).toContain(statusWord(claims[i].status)));
  });

  test("the story's open questions are in a box near the top, each with who raised it", async () => {
    const expected = leadStory.uncertainties();
    expect(expected.length).toBeGreaterThan(0);
    const box = browser.page.locator('aside', {
      has: browser.page.getByRole('heading', { name: "What we don't know" }),
    });
    const items = await box.locator('li').allTextContents();
    expect(items.map(words)).toEqual(
      expected.map((u) => expect.stringContaining(`${words(u.text)} Raised by ${words(u.raisedBy)}`)),
    );
    // Before the story's first chart, and each item readable without JavaScript (folded ones open natively).
    expect(
      await box.evaluate((el) =>
        Boolean(el.compareDocumentPosition(document.querySelector('figure.chart')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
    ).toBe(true);
    const folded = box.locator('details');
    if (await folded.count()) {
      await folded.locator('summary').click();
      expect(await box.locator('li').last().isVisible()).toBe(true);
    }
  });

  test('following a claim leads to its note: status, what the data says and the chart; and back', async () => {
    for (const [i, claim] of claims.entries()) {
      await browser.page.locator('article a.claim').nth(i).click();
      const id = new URL(browser.page.url()).hash.slice(1);
      const note = browser.page.locator(`[id="${id}"]`);
      expect(await note.isVisible()).toBe(true);
      expect(
        await note.evaluate(
          (el) => el.getBoundingClientRect().top >= -1 && el.getBoundingClientRect().top < innerHeight,
        ),
      ).toBe(true);
      expect(words(await note.locator('.claim-status').textContent())).toBe(statusWord(claim.status));
      if (claim.note) expect(words(await note.textContent())).toContain(words(claim.note));
      if (claim.chart) {
        const href = await note.locator('a.claim-chart').getAttribute('href');
        expect(href).toBe(`#chart-${claim.chart}`);
        expect(await browser.page.locator(`figure#chart-${claim.chart}`).count()).toBe(1);
      }
      await note.locator('a.claim-back').click();
      expect(new URL(browser.page.url()).hash).toBe(`#claim-ref-${i + 1}`);
    }
  });
});

describe('with JavaScript', () => {
  const browser = usePage({}, () => `${siteUrl}${leadStory.path}`);

  test('activating a claim opens its note beside it, with focus in it; Escape closes it and returns focus', async () => {
    const index = claims.findIndex((c) => c.chart && c.note);
    const claim = claims[index];
    const link = browser.page.locator('article a.claim').nth(index);
    await link.focus();
    await browser.page.keyboard.press('Enter');
    const popover = browser.page.locator('[role="dialog"]');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(new URL(browser.page.url()).hash).toBe('');
    expect(await link.getAttribute('aria-expanded')).toBe('true');
    expect(words(await popover.textContent())).toContain(statusWord(claim.status));
    expect(words(await popover.textContent())).toContain(words(claim.note!));
    expect(await popover.locator(`a[href="#chart-${claim.chart}"]`).count()).toBe(1);
    expect(await browser.page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    // Beside the claim: just under it, and inside the viewport.
    const [claimBox, popoverBox] = [(await link.boundingBox())!, (await popover.boundingBox())!];
    expect(popoverBox.y).toBeGreaterThanOrEqual(claimBox.y + claimBox.height - 1);
    expect(popoverBox.y - (claimBox.y + claimBox.height)).toBeLessThan(20);
    expect(popoverBox.x).toBeGreaterThanOrEqual(0);
    expect(popoverBox.x + popoverBox.width).toBeLessThanOrEqual(browser.page.viewportSize()!.width);
    await browser.page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await browser.page.evaluate(() => document.activeElement?.classList.contains('claim'))).toBe(true);
    expect(await link.getAttribute('aria-expanded')).toBe('false');
  });

  test('the close button and a click elsewhere close the note too', async () => {
    const link = browser.page.locator('article a.claim').first();
    await link.click();
    const popover = browser.page.locator('[role="dialog"]');
    await expect.poll(() => popover.isVisible()).toBe(true);
    await popover.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => popover.isVisible()).toBe(false);
    await link.click();
    await expect.poll(() => popover.isVisible()).toBe(true);
    await browser.page.locator('h1').click();
    await expect.poll(() => popover.isVisible()).toBe(false);
  });

  test("following the note's chart link goes to the chart", async () => {
    const index = claims.findIndex((c) => c.chart);
    await browser.page.locator('article a.claim').nth(index).click();
    await browser.page.locator('[role="dialog"] a.claim-chart').click();
    expect(new URL(browser.page.url()).hash).toBe(`#chart-${claims[index].chart}`);
    await expect
      .poll(() =>
        browser.page
          .locator(`figure#chart-${claims[index].chart}`)
          .evaluate((el) => el.getBoundingClientRect().top < innerHeight),
      )
      .toBe(true);
    expect(await browser.page.locator('[role="dialog"]').isVisible()).toBe(false);
  });
});
