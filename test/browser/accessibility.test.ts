// Accessibility of every kind of page the build makes (one of each: home, story, about, 404, chart pages, embeds
// and whatever else appears), in the light and the dark scheme: axe finds nothing; chart colours stand apart
// for readers with colour-vision deficiencies and against the page.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { contrast, deficiencies, deltaE, simulate } from '../support/colour.ts';
import { execFileSync } from 'node:child_process';
import { projectRoot } from '../support/build.ts';
import { leadStory, pageKindNames, pageKinds, versionKindNames } from './site-files.ts';

const siteUrl = inject('liveUrl');
// The instrument page with the most on it (two statements of one sum side by side, amounts, sources) stands for its kind.
const kinds = pageKinds(inject('liveDir'), [leadStory.path, '/agreements/australia-2025-critical-minerals-framework/']);

// The live site is built from this clone: with its history, every chart and story has dated versions (CI clones
// it whole); a shallow clone builds none.
const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: projectRoot, encoding: 'utf8' });

test('the build makes every kind of page the site has, dated versions included', () => {
  const expected = shallow.trim() === 'true' ? pageKindNames : [...pageKindNames, ...versionKindNames];
  expect(kinds.map((k) => k.kind).sort()).toEqual(expected.sort());
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
    const most = (lists: string) =>
      page
        .locator(lists)
        .evaluateAll((all) => Math.max(0, ...all.map((l) => l.querySelectorAll('[role="tab"]').length)));
    // A figure with tabs (Chart · Map) shows one chart at a time: each chart's own tabs are opened while it is shown.
    const charts = '[role="tablist"].chart-tabs--charts';
    const panels = '[role="tablist"]:not(.chart-tabs--charts)';
    for (let shown = 0; shown < Math.max(1, await most(charts)); shown++) {
      for (const list of await page.locator(charts).all()) await list.locator('[role="tab"]').nth(shown).click();
      for (let pass = 0; pass < Math.max(1, await most(panels)); pass++) {
        for (const list of await page.locator(`${panels}:visible`).all())
          await list.locator('[role="tab"]').nth(pass).click();
        const results = await new AxeBuilder({ page }).analyze();
        violations.push(
          ...results.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join('\n  ')}`,
          ),
        );
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
              if (difference < 15)
                problems.push(
                  `${chart.id}: colours ${i + 1} and ${j + 1} differ by only ${difference.toFixed(1)} under ${name}`,
                );
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
