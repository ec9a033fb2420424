// Hostile text in a dataset, chart specs and an article (test/fixtures/escaping/) is built into the site, and
// must come out as text only: shown to the reader exactly as written, never as markup, in the page, the SVG
// and the JSON points block. A script address as a source URL is refused before anything is built
// (test/unit/escaping.test.ts).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { nonEmpty } from '../support/lists.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const site = path.join(fixtures, 'escaping');
const read = (file: string) => JSON.parse(readFileSync(path.join(site, file), 'utf8'));
const dataset = read('data/hostile.json');
const bars = read('content/charts/hostile-bars.json');
const timeline = read('content/charts/hostile-timeline.json');

const script = '<script>alert(1)</script>';
const img = '"><img src=x onerror=alert(1)>';

let build: BuildResult;
beforeAll(async () => {
  build = await buildSite({ contentRoot: site });
  if (!build.ok) throw new Error(`the escaping fixture did not build:\n${build.output}`);
}, 300_000);
afterAll(() => build && rmSync(build.outDir, { recursive: true, force: true }));

function builtFiles(extension: string): string[] {
  return (readdirSync(build.outDir, { recursive: true }) as string[]).filter(
    (f) => f.endsWith(extension) && !f.startsWith('pagefind/') && !f.startsWith('_astro/'),
  );
}

/** The markup with every quoted attribute value emptied: text inside an attribute value is inert. */
function markupOnly(text: string): string {
  return text.replace(/="[^"]*"/g, '=""').replace(/='[^']*'/g, "=''");
}

/** Everything that would run or load: event-handler attributes, script or data addresses, injected elements. */
function expectNoInjection(document: Document, where: string) {
  for (const element of nonEmpty(document.querySelectorAll('*'), `${where}: elements`)) {
    for (const { name, value } of element.attributes) {
      expect(name.toLowerCase().startsWith('on'), `${where}: <${element.localName} ${name}="${value}">`).toBe(false);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) {
        expect(value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase(), `${where}: ${name}="${value}"`).not.toMatch(
          /^(javascript|data|vbscript):/,
        );
      }
    }
  }
  expect(document.querySelectorAll('img[src="x"], iframe, object, embed').length, where).toBe(0);
  for (const el of document.querySelectorAll('script')) {
    const type = el.getAttribute('type') ?? '';
    if (el.getAttribute('src')) expect(el.textContent?.trim(), where).toBe('');
    else if (/json/.test(type))
      expect(() => JSON.parse(el.textContent ?? ''), `${where}: a JSON block broken by its content`).not.toThrow();
    else expect(el.textContent, `${where}: inline script`).not.toContain('alert(1)');
  }
}

describe('every built page, SVG and feed shows the hostile strings as text only', () => {
  test('HTML pages: no injected element, handler, script address or broken-out block', () => {
    const pages = builtFiles('.html');
    expect(pages).toContain('articles/hostile/index.html');
    for (const page of pages) {
      const html = readFileSync(path.join(build.outDir, page), 'utf8');
      const markup = markupOnly(html);
      expect(markup, page).not.toContain('<script>alert');
      expect(markup, page).not.toContain('<img src=x');
      expect(markup.match(/<\/figure>/g)?.length ?? 0, `${page}: a </figure> from the data closed a figure`).toBe(
        markup.match(/<figure[\s>]/g)?.length ?? 0,
      );
      expectNoInjection(parseHTML(html).document, page);
    }
  });

  test('standalone SVG files and XML feeds', () => {
    for (const file of nonEmpty([...builtFiles('.svg'), ...builtFiles('.xml')], 'built SVG and XML files')) {
      const text = readFileSync(path.join(build.outDir, file), 'utf8');
      expect(markupOnly(text), file).not.toContain('<script>alert');
      expect(markupOnly(text), file).not.toContain('<img src=x');
      if (file.endsWith('.svg'))
        expectNoInjection(new DOMParser().parseFromString(text, 'image/svg+xml') as unknown as Document, file);
    }
  });

  test('JSON files still parse', () => {
    for (const file of nonEmpty(builtFiles('.json'), 'built JSON files')) {
      expect(() => JSON.parse(readFileSync(path.join(build.outDir, file), 'utf8')), file).not.toThrow();
    }
  });
});

describe('the article page shows each hostile string exactly as written', () => {
  let document: Document;
  beforeAll(() => {
    document = parseHTML(readFileSync(path.join(build.outDir, 'articles/hostile/index.html'), 'utf8')).document;
  });
  const text = (selector: string, root: ParentNode = document) => root.querySelector(selector)?.textContent?.trim();

  test('headline, dek, byline, uncertainties and corrections', () => {
    expect(text('h1')).toBe(`Article ${script} ${img}`);
    expect(text('.dek')).toBe(`Dek </figure> {{x}} &amp; 'single' "double" javascript:alert(1)`);
    expect(document.body.textContent).toContain(`Author ${script}`);
    expect(document.body.textContent).toContain(`Uncertainty ${img} {{x}}`);
    expect(document.body.textContent).toContain(`Raiser </figure> ${script}`);
    expect(document.body.textContent).toContain(`Correction ${script} &amp; {{x}}`);
    expect(document.title).toContain(`Article ${script} ${img}`);
  });

  test('the Markdown body: raw HTML dropped, code and text escaped, no template syntax evaluated', () => {
    const body = document.querySelector('article')!;
    expect(body.querySelector('code')?.textContent).toBe(img);
    // Raw HTML in Markdown (<script>, </figure>) is dropped, its words kept; &amp;amp; is the text "&amp;".
    expect(body.textContent).toContain('Body text with alert(1) in it, ');
    expect(body.textContent).toContain('{{x}}, &amp; and .');
    expect(text('#claim-ref-1')).toContain('claim words  {{x}}');
    expect(text('#claim-1')).toContain(`Claim note ${img} ${script}`);
  });

  test('chart figures: title, subtitle, view labels, notes, annotations and sources', () => {
    const figure = document.querySelector('figure#chart-hostile-bars')!;
    expect(text('.chart-title', figure)).toBe(bars.title);
    expect(text('.chart-subtitle', figure)).toBe(bars.subtitle);
    expect([...figure.querySelectorAll('.chart-views-switch button')].map((b) => b.textContent)).toEqual(
      bars.views.map((v: { label: string }) => v.label),
    );
    for (const annotation of nonEmpty<{ text: string }>(bars.annotations, 'annotations'))
      expect(figure.textContent).toContain(annotation.text);
    for (const note of nonEmpty<string>(bars.notes, 'notes')) expect(figure.textContent).toContain(note);
    // An annotation whose source is a script address is shown as words, not linked.
    expect(figure.textContent).toContain('Source: javascript:alert(1).');

    const source = figure.querySelector('.chart-source a')!;
    expect(source.textContent).toBe(dataset.sources[0].name);
    expect(source.getAttribute('href')).toBe(dataset.sources[0].url);
    expect(figure.querySelector('.chart-source')?.textContent).toContain(dataset.sources[0].edition);

    // The figure still holds its own foot: no </figure> in the data closed it early.
    expect(figure.querySelector('.chart-source')).not.toBeNull();
    expect(figure.querySelector('.chart-table table')).not.toBeNull();
    expect(text('.chart-title', document.querySelector('figure#chart-hostile-timeline')!)).toBe(timeline.title);
  });

  test('the data table shows every row value as text', () => {
    const table = document.querySelector('figure#chart-hostile-bars .chart-table table')!;
    const cells = [...table.querySelectorAll('td')].map((td) => td.textContent);
    for (const row of nonEmpty<{ category: string; note: string }>(dataset.rows, 'rows')) {
      expect(cells).toContain(row.category);
      expect(cells).toContain(row.note);
    }
    expect(table.querySelector('a')).toBeNull(); // "javascript:alert(1)" as a value is not a link
  });

  test('inside the SVG the hostile labels are text nodes', () => {
    for (const id of ['hostile-bars', 'hostile-timeline']) {
      for (const svg of nonEmpty(document.querySelectorAll(`figure#chart-${id} svg`), `${id} drawings`)) {
        expect(svg.querySelector('script, img, foreignObject, a')).toBeNull();
        expect(svg.textContent).toContain(script);
        expect(svg.textContent).toContain('onerror=alert(1)>');
      }
    }
  });

  test('the JSON points block carries the text, with every < escaped so it cannot close the script', () => {
    const blocks = [...document.querySelectorAll('script.chart-points')];
    expect(blocks.length).toBeGreaterThanOrEqual(3); // two views of the bars, one timeline
    const texts = blocks.flatMap((block) => {
      expect(block.innerHTML).not.toContain('<');
      return (JSON.parse(block.textContent!) as { texts: string[] }).texts;
    });
    expect(texts.some((t) => t.includes(script))).toBe(true);
    expect(texts.some((t) => t.includes(img))).toBe(true);
    expect(texts.some((t) => t.includes('</figure>'))).toBe(true);
  });
});
