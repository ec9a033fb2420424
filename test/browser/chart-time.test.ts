// Moving through time and toggling tonnes and shares, on a fixture site (test/browser/fixtures/time/: rows copied
// from data/mine-production.json). A chart whose views are all years gets a slider, previous/next and play; a map's
// years recolour one drawing; a chart whose views set their own `stack` toggles between a 100% stack and tonnes. Expected figures are worked out here
// from the fixture's data file, never read from the page's script.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchPage, useBrowser } from '../support/browser.ts';
import { nonEmpty } from '../support/lists.ts';
import { servedFixture } from '../support/served-fixture.ts';
import { figure, readJson, type DataFile } from './site-files.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/time');
const data = readJson<DataFile>(path.join(fixture, 'data/production.json'));
const byYear = readJson<{ views: { id: string; label: string; subtitle: string }[] }>(
  path.join(fixture, 'content/charts/output-by-year.json'),
);
const tonnes = (country: string, year: number) =>
  Number(data.rows.find((r) => r.country === country && r.year === year)!.tonnes_reo);
const byYearViews = readJson<{ views: { id: string; filter: { country: string[] } }[] }>(
  path.join(fixture, 'content/charts/output-by-year.json'),
).views;
const subtitleOf = (year: string) => byYear.views.find((v) => v.id === year)!.subtitle;
const story = '/articles/time/';
const id = 'output-by-year';

const site = servedFixture(fixture);
const browser = useBrowser();

const chartOf = (page: Page, chart = id) => page.locator(`sl-chart[data-chart="${chart}"]`);
const slider = (page: Page) => chartOf(page).getByRole('slider', { name: 'Year' });
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

/** What the reader sees of the year chart: the view drawn, the slider's year, the subtitle, the summary and the live region. */
async function seen(page: Page) {
  const chart = chartOf(page);
  return {
    view: await chart.locator('.chart-view:visible').getAttribute('data-view'),
    slider: await slider(page).getAttribute('aria-valuetext'),
    subtitle: await chart.locator('.chart-subtitle').textContent(),
    summary: await chart.locator('.chart-summary:visible').textContent(),
  };
}

/** The year chart showing `year`: its view, slider, subtitle and a summary with China's tonnes that year. */
async function expectYear(page: Page, year: number) {
  // Play steps every 1.5 s.
  await expect.poll(async () => (await seen(page)).view, { timeout: 4000 }).toBe(String(year));
  const now = await seen(page);
  expect(now.slider).toBe(String(year));
  expect(now.subtitle).toBe(subtitleOf(String(year)));
  expect(now.summary).toContain(figure(tonnes('China', year)));
  expect(await chartOf(page).locator('.chart-time-year').textContent()).toBe(String(year));
}

describe('the time control', () => {
  test('by keyboard alone: the slider steps through the years in order; view, subtitle, summary, URL and live region follow', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    // The views are written 2024, 2022, 2023; the slider runs 2022 to 2024 and opens at the first view, 2024.
    await expectYear(page, 2024);
    await slider(page).focus();
    await page.keyboard.press('ArrowLeft');
    await expectYear(page, 2023);
    expect(await hash(page)).toBe(`#${id}=year:2023`);
    expect(await chartOf(page).locator('[aria-live="polite"]').textContent()).toBe('Year 2023');
    await page.keyboard.press('Home');
    await expectYear(page, 2022);
    expect(await hash(page)).toBe(`#${id}=year:2022`);
    await page.keyboard.press('End');
    await expectYear(page, 2024);
    // Tab reaches next and play from the slider, each labelled.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Previous year');
    await page.keyboard.press('Enter');
    await expectYear(page, 2023);
  });

  test('previous and next step a year and say when there is none; targets 24 px or more, no sideways scroll at 360 px', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page);
    const previous = chart.getByRole('button', { name: 'Previous year' });
    const next = chart.getByRole('button', { name: 'Next year' });
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await next.press('Enter');
    await expectYear(page, 2024);
    await previous.click();
    await previous.click();
    await expectYear(page, 2022);
    expect(await previous.getAttribute('aria-disabled')).toBe('true');
    await next.click();
    await expectYear(page, 2023);
    for (const control of nonEmpty(
      await chart.locator('.chart-time button:visible, .chart-time input').all(),
      'time controls',
    )) {
      const box = (await control.boundingBox())!;
      expect(Math.min(box.width, box.height), await control.evaluate((el) => el.outerHTML)).toBeGreaterThanOrEqual(24);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('play steps through every year to the last, announcing each, then stops', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page);
    // Every year the live region says, in order.
    await chart.locator('[aria-live="polite"]').evaluate((live) => {
      (window as unknown as { said: string[] }).said = [];
      new MutationObserver(() => (window as unknown as { said: string[] }).said.push(live.textContent ?? '')).observe(
        live,
        { childList: true, characterData: true, subtree: true },
      );
    });
    const play = chart.getByRole('button', { name: 'Play' });
    await play.click();
    // At the last year, play starts over from the first.
    await expectYear(page, 2022);
    expect(await chart.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    await expectYear(page, 2023);
    await expectYear(page, 2024);
    await expect.poll(() => chart.locator('.chart-time-play').textContent(), { timeout: 4000 }).toBe('Play');
    expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([
      'Year 2022',
      'Year 2023',
      'Year 2024',
    ]);
    expect(await hash(page)).toBe(`#${id}=year:2024`);
  });

  test('with reduced motion, play is not offered; the slider and buttons still work', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page);
    expect(await chart.locator('.chart-time').isVisible()).toBe(true);
    expect(await chart.locator('.chart-time-play').isVisible()).toBe(false);
    await chart.getByRole('button', { name: 'Previous year' }).click();
    await expectYear(page, 2023);
    // The reader's setting changing while the page is open: play comes back.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => chart.locator('.chart-time-play').isVisible()).toBe(true);
  });

  test('the year in the URL on load and by a :view link opens its view; back and forward restore each year', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${id}=year:2022`);
    await expectYear(page, 2022);
    await page.goto(`${site.url}${story}`);
    await page.locator('a.view-link', { hasText: 'see 2023' }).click();
    await expectYear(page, 2023);
    expect(await hash(page)).toBe(`#${id}=year:2023`);
    await chartOf(page).getByRole('button', { name: 'Next year' }).click();
    await expectYear(page, 2024);
    await page.goBack();
    await expectYear(page, 2023);
    await page.goBack();
    await expectYear(page, 2024); // the page as opened: its first view
    expect(await hash(page)).toBe('');
    await page.goForward();
    await expectYear(page, 2023);
    await page.goForward();
    await expectYear(page, 2024);
    expect(await hash(page)).toBe(`#${id}=year:2024`);
  });

  test('the Table tab shows the rows of the year on screen, and follows the slider', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${id}=year:2022;tab:table`);
    const years = () =>
      chartOf(page)
        .locator('[role="tabpanel"] table:visible tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    const expectRowsOf = async (year: number) => {
      // The rows the year's view keeps, by its own filter in the fixture's spec.
      const { filter } = byYearViews.find((v) => v.id === String(year))!;
      const rows = data.rows.filter((r) => r.year === year && filter.country.includes(String(r.country)));
      await expect.poll(async () => (await years()).length).toBe(rows.length);
      for (const text of nonEmpty(await years(), `${year} rows`)) expect(text).toContain(String(year));
    };
    await expectRowsOf(2022);
    await chartOf(page).getByRole('button', { name: 'Next year' }).click();
    await expectRowsOf(2023);
  });

  test('without JavaScript, the first year is drawn with its label and subtitle, and every value is in the tables', async () => {
    const page = await launchPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page);
    expect(await chart.locator('.chart-time').isVisible()).toBe(false);
    // A slider's years are not stacked one under another: the first is drawn, every year's figures are in the table.
    expect(
      await chart
        .locator('.chart-view:visible')
        .evaluateAll((views) => views.map((v) => (v as HTMLElement).dataset.view)),
    ).toEqual([byYear.views[0].id]);
    expect(await chart.locator('.chart-view svg:visible').count()).toBe(1);
    expect(await chart.locator('.chart-view-label:visible').allTextContents()).toEqual([byYear.views[0].label]);
    expect(await chart.locator('.chart-subtitle').textContent()).toBe(byYear.views[0].subtitle);
    await chart.locator('.chart-table > summary').click();
    const cells = (await chart.locator('.chart-table td').allTextContents()).join(' ');
    for (const year of [2022, 2023, 2024])
      for (const country of ['China', 'United States']) expect(cells).toContain(figure(tonnes(country, year)));
  });
});

// A map of every year is drawn once: the first year (2017, China and the United States) whole, each other year as paint
// over it (src/charts/recolour.ts). Australia has figures from 2022 only, so 2022-2024 paint a country 2017 has none for.
describe('a map recoloured by year', () => {
  const map = 'output-map-by-year';
  const mapSpec = readJson<{ views: { id: string; subtitle: string }[] }>(
    path.join(fixture, 'content/charts/output-map-by-year.json'),
  );
  const placesIn = (year: number) =>
    data.rows.filter((r) => r.year === year && !['World total', 'Other countries'].includes(String(r.country)));
  const mapSlider = (page: Page) => chartOf(page, map).getByRole('slider', { name: 'Year' });
  const world = (year: number) => tonnes('World total', year);
  /** The map on screen: each shape that names a point, as its place (its point's text), fill and outline; the key's steps. */
  const shown = (page: Page) =>
    chartOf(page, map).evaluate((chart) => {
      const view = [...chart.querySelectorAll<HTMLElement>('.chart-view')].find((v) => !v.hidden)!;
      const drawing = [...view.querySelectorAll<HTMLElement>('.chart-drawing')].find((d) => d.offsetParent !== null);
      const texts: string[] = JSON.parse(view.querySelector('script.chart-points')!.textContent!).texts;
      const shapes = [...(drawing?.querySelectorAll('.chart-map [data-point]') ?? [])].map((shape) => ({
        place: texts[Number(shape.getAttribute('data-point'))].split(':')[0],
        fill: shape.getAttribute('fill'),
        dashed: shape.hasAttribute('stroke-dasharray'),
        faded: shape.classList.contains('chart-faded'),
      }));
      const steps = [...chart.querySelectorAll('.chart-legend li')].flatMap((item) => {
        const swatch = /swatch--(seq\d)/.exec(item.querySelector('.swatch')?.className ?? '')?.[1];
        const bounds = (item.textContent ?? '').split(' to ').map((n) => Number(n.replace(/,/g, '')));
        return swatch && bounds.length === 2
          ? [{ fill: `var(--chart-${swatch})`, from: bounds[0], to: bounds[1] }]
          : [];
      });
      return {
        view: view.dataset.view,
        shapes,
        steps,
        grey: drawing?.querySelectorAll('.chart-map > path:not([data-point])').length ?? 0,
      };
    });

  /** Each of the year's places in the step of its figure on the key, estimates dashed; no other place named. */
  async function expectMapOf(page: Page, year: number) {
    await expect.poll(async () => (await shown(page)).view).toBe(String(year));
    const { shapes, steps, grey } = await shown(page);
    const places = placesIn(year);
    expect(shapes.map((s) => s.place).sort()).toEqual(places.map((r) => String(r.country)).sort());
    for (const row of nonEmpty(places, `${year} places`)) {
      const value = Number(row.tonnes_reo);
      const step = steps.find((s) => value >= s.from && value < s.to);
      expect(
        shapes.find((s) => s.place === row.country),
        `${row.country} ${year}`,
      ).toMatchObject({ fill: step?.fill, dashed: Boolean(row.estimate) });
    }
    // The countries with no figure that year, Australia before 2022 among them, are grey.
    expect(grey).toBeGreaterThan(places.length < 3 ? 1 : 0);
    expect(await chartOf(page, map).locator('.chart-subtitle').textContent()).toBe(
      mapSpec.views.find((v) => v.id === String(year))!.subtitle,
    );
    expect(await chartOf(page, map).locator('.chart-summary:visible').textContent()).toContain(
      figure(tonnes('China', year)),
    );
  }

  test('the page draws the map once; by keyboard the slider recolours it to each year, in one scale', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    // One drawing per layout for eight years: the other years are paint.
    expect(await chartOf(page, map).locator('.chart-drawing svg').count()).toBe(2);
    expect(await chartOf(page, map).locator('.chart-legend').textContent()).toContain('Same steps every year');
    await expectMapOf(page, 2017);
    await mapSlider(page).focus();
    for (const year of [2018, 2019, 2020, 2021, 2022, 2023, 2024]) {
      await page.keyboard.press('ArrowRight');
      await expectMapOf(page, year);
      expect(await hash(page)).toBe(`#${map}=year:${year}`);
    }
    await page.keyboard.press('Home');
    await expectMapOf(page, 2017);
  });

  test("a highlighted country's sentence, fading and tooltip follow the year; a :view link sets both", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${site.url}${story}`);
    await page.locator('a.view-link', { hasText: 'see Australia in 2023' }).click();
    const chart = chartOf(page, map);
    const said = () => chart.locator('.chart-selected').textContent();
    const sentence = (year: number, estimate: boolean) =>
      `Australia: ${figure(tonnes('Australia', year))} ${data.unit} in ${year}, ${((tonnes('Australia', year) / world(year)) * 100).toFixed(1)}% of the world${estimate ? ' (estimate)' : ''}`;
    await expectMapOf(page, 2023);
    expect(await said()).toBe(sentence(2023, true));
    expect((await shown(page)).shapes.filter((s) => !s.faded).map((s) => s.place)).toEqual(['Australia']);
    // The pointer over Australia reads this year's figure.
    const places = (await shown(page)).shapes.map((s) => s.place);
    await chart
      .locator('.chart-view:visible .chart-drawing:visible .chart-map [data-point]')
      .nth(places.indexOf('Australia'))
      .hover({ force: true });
    expect(await chart.locator('.chart-view:visible .chart-tooltip').textContent()).toContain(
      `Australia: ${figure(tonnes('Australia', 2023))}`,
    );
    await chart.getByRole('button', { name: 'Previous year' }).click();
    await expectMapOf(page, 2022);
    expect(await said()).toBe(sentence(2022, false));
    await mapSlider(page).focus();
    await page.keyboard.press('Home');
    await expectMapOf(page, 2017);
    expect(await said()).toBe('Australia: not drawn in this view');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('the Table tab shows the year on the map', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${map}=year:2019;tab:table`);
    const rows = () => chartOf(page, map).locator('[role="tabpanel"] table:visible tbody tr').allTextContents();
    await expect.poll(async () => (await rows()).length).toBe(placesIn(2019).length);
    for (const text of nonEmpty(await rows(), '2019 rows')) expect(text).toContain('2019');
    await chartOf(page, map).getByRole('button', { name: 'Next year' }).click();
    await expect.poll(async () => (await rows()).length).toBe(placesIn(2020).length);
    for (const text of nonEmpty(await rows(), '2020 rows')) expect(text).toContain('2020');
  });

  test('printed, the year on screen is drawn, and no year is an empty frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}#${map}=year:2023`);
    await expectMapOf(page, 2023);
    await page.emulateMedia({ media: 'print' });
    const printed = await chartOf(page, map)
      .locator('.chart-view:visible')
      .evaluateAll((views) =>
        views.map((v) => `${(v as HTMLElement).dataset.view} ${v.querySelectorAll('.chart-drawing svg').length}`),
      );
    expect(printed).toEqual(['2023 2']);
  });

  test('without JavaScript, the first year is drawn and every year is in the table', async () => {
    const page = await launchPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page, map);
    expect(
      await chart
        .locator('.chart-view:visible')
        .evaluateAll((views) => views.map((v) => (v as HTMLElement).dataset.view)),
    ).toEqual(['2017']);
    expect(await chart.locator('.chart-drawing svg:visible').count()).toBe(1);
    await chart.locator('.chart-table > summary').click();
    const cells = (await chart.locator('.chart-table td').allTextContents()).join(' ');
    for (const year of [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024])
      for (const row of nonEmpty(placesIn(year), `${year} places`))
        expect(cells).toContain(figure(Number(row.tonnes_reo)));
  });
});

describe('tonnes or shares', () => {
  const toggle = 'china-rest-toggle';
  test('the Tonnes view redraws the stack in tonnes and its summary gives the totals; Share goes back', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${story}`);
    const chart = chartOf(page, toggle);
    const ticks = () =>
      chart.locator('.chart-view:visible .chart-drawing--wide svg > g[text-anchor="end"] > text').allTextContents();
    const summary = () => chart.locator('.chart-summary:visible').textContent();
    const china = tonnes('China', 2024);
    const world = tonnes('World total', 2024);
    expect((await ticks()).at(-1)).toBe('100%');
    expect(await summary()).toContain(`China: ${((china / world) * 100).toFixed(1)}% of the total in 2024`);
    await chart.getByRole('button', { name: 'Tonnes' }).click();
    expect(await hash(page)).toBe(`#${toggle}=tonnes`);
    expect(await chart.getByRole('button', { name: 'Tonnes' }).getAttribute('aria-pressed')).toBe('true');
    // The axis now runs in tonnes, past the world total the two areas add up to.
    const top = Number((await ticks()).at(-1)!.replace(/,/g, ''));
    expect(top).toBeGreaterThanOrEqual(world);
    expect(await summary()).toContain(`Stacked totals: ${figure(world)} in 2024`);
    expect(await summary()).toContain(`China: ${figure(china)} in 2024`);
    await chart.getByRole('button', { name: 'Share' }).click();
    expect((await ticks()).at(-1)).toBe('100%');
  });
});

describe.each(['light', 'dark'] as const)('axe, %s scheme', (colorScheme) => {
  test('the time control, the stack toggle and a recoloured map, wide and narrow, in a year and in tonnes: no violations', async () => {
    const tab = await launchPage({ colorScheme });
    for (const width of [1200, 360]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(
        `${site.url}${story}#${id}=year:2023&china-rest-toggle=tonnes&output-map-by-year=select:Australia;year:2022`,
      );
      await expectYear(tab, 2023);
      const results = await new AxeBuilder({ page: tab }).analyze();
      expect(
        results.violations.map(
          (v) =>
            `${width}px ${v.id}: ${v.help} ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        ),
      ).toEqual([]);
    }
  });
});
