// Accessibility of every kind of page the build makes (one of each: home, story, about, 404, chart pages, embeds
// and whatever else appears), in the light and the dark scheme: axe finds nothing; chart colours stand apart
// for readers with colour-vision deficiencies and against the page.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { leadStory, pageKindNames, pageKinds } from './site-files.ts';

const siteUrl = inject('liveUrl');
// The instrument page with the most on it (two statements of one sum side by side, amounts, sources) stands for its kind.
const kinds = pageKinds(inject('liveDir'), [leadStory.path, '/agreements/australia-2025-critical-minerals-framework/']);

test('the build makes every kind of page the site has', () => {
  expect(kinds.map((k) => k.kind).sort()).toEqual(pageKindNames);
});

describe.each(['light', 'dark'] as const)('%s scheme', (colorScheme) => {
  const browser = useBrowser({ colorScheme });

  test.each(kinds)('$kind ($path): axe reports no violations', async ({ path }) => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}${path}`);
    // Open every data table, so the tables are checked too: any <details>, then each chart's tabs in turn (first
    // every "Sources and notes", then every "Table"), as a reader can open them.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const violations: string[] = [];
    const most = (lists: string) => page.locator(lists).evaluateAll((all) => Math.max(0, ...all.map((l) => l.querySelectorAll('[role="tab"]').length)));
    // A figure with tabs (Chart · Map) shows one chart at a time: each chart's own tabs are opened while it is shown.
    const charts = '[role="tablist"].chart-tabs--charts';
    const panels = '[role="tablist"]:not(.chart-tabs--charts)';
    for (let shown = 0; shown < Math.max(1, await most(charts)); shown++) {
      for (const list of await page.locator(charts).all()) await list.locator('[role="tab"]').nth(shown).click();
      for (let pass = 0; pass < Math.max(1, await most(panels)); pass++) {
        for (const list of await page.locator(`${panels}:visible`).all()) await list.locator('[role="tab"]').nth(pass).click();
        const results = await new AxeBuilder({ page }).analyze();
        violations.push(...results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`));
      }
    }
    expect(violations).toEqual([]);
  });

  test("every chart's colours stay apart under colour-vision deficiencies and stand out from the page (3:1)", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const path of [leadStory.path, ...kinds.filter((k) => k.kind === 'charts/*').map((k) => k.path)]) {
      await page.goto(`${siteUrl}${path}`);
      const charts = await page.locator('sl-chart').evaluateAll((all) => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        return all.map((chart) => ({
          id: chart.getAttribute('data-chart'),
          background: rgb(getComputedStyle(document.body).backgroundColor),
          colors: [...chart.querySelectorAll('.chart-legend .swatch')]
            .filter((s) => [...s.classList].some((c) => /^swatch--(c\d|accent|muted)$/.test(c)))
            .map((s) => rgb(getComputedStyle(s).backgroundColor)),
        }));
      });
      for (const chart of nonEmpty(charts, `${path}: charts`)) {
        for (const color of chart.colors) {
          const ratio = contrast(color, chart.background);
          if (ratio < 3) problems.push(`${chart.id}: rgb(${color}) has contrast ${ratio.toFixed(2)} with the page`);
        }
        for (const [name, matrix] of Object.entries(deficiencies)) {
          for (let i = 0; i < chart.colors.length; i++) {
            for (let j = i + 1; j < chart.colors.length; j++) {
              const difference = deltaE(simulate(chart.colors[i], matrix), simulate(chart.colors[j], matrix));
              if (difference < 15) problems.push(`${chart.id}: colours ${i + 1} and ${j + 1} differ by only ${difference.toFixed(1)} under ${name}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

// Colour science for the palette check: sRGB -> linear -> simulated deficiency (Machado, Oliveira and Fernandes 2009,
// full severity) -> CIELAB (D65); differences as CIE76 delta E. WCAG contrast from relative luminance.
const deficiencies: Record<string, number[][]> = {
  'normal vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
function contrast(a: number[], b: number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
function simulate(rgb: number[], matrix: number[][]): number[] {
  const l = rgb.map(linear);
  const [r, g, b] = matrix.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])));
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
