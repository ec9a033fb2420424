// `npm run dev` (astro dev) on a copy of the drafts fixture: drafts show in the preview, and a page open in the
// browser reloads by itself with the change when a story, a chart spec or a dataset is saved.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { projectRoot } from '../support/build.ts';
import { layered } from '../support/cli.ts';

const root = layered(path.resolve(import.meta.dirname, '../fixtures/drafts'));
let server: ChildProcess;
let origin: string;
let output = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Rewrites a file of the copied fixture, as an editor saving it. */
function edit(file: string, from: string, to: string) {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not hold ${from}`);
  writeFileSync(full, text.replace(from, to));
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Start it as `npm run dev` would: without Vitest's own variables (with VITEST set, astro dev serves nothing),
  // and beside any `npm run dev` an editor has open (--ignore-lock: Astro otherwise refuses a second server).
  const vitestOwn = /^(VITEST.*|DEV|PROD|MODE|SSR|BASE_URL|NODE_ENV)$/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestOwn.test(name)));
  server = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--ignore-lock',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: projectRoot,
      env: { ...env, CONTENT_ROOT: root },
    },
  );
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  for (let tries = 0; ; tries++) {
    const status = await fetch(`${origin}/`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (tries > 100) throw new Error(`astro dev did not serve the home page (status ${status}):\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 120_000);

afterAll(async () => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

const browser = useBrowser();

test('a draft shows in the preview: its page, and on the home page', async () => {
  const page = await fetch(`${origin}/articles/quarantined-draft-story/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Quarantined headline of an unfinished story');
  expect(await (await fetch(`${origin}/`)).text()).toContain('Quarantined headline of an unfinished story');
}, 60_000);

test("a draft's own chart and dataset show in the preview: chart page, download, catalogue", async () => {
  const chart = await fetch(`${origin}/charts/quarantined-draft-chart/`);
  expect(chart.status).toBe(200);
  expect(await chart.text()).toContain('Quarantined chart title');
  expect(await (await fetch(`${origin}/data/quarantined-draft-data.csv`)).text()).toContain('48213');
  expect(await (await fetch(`${origin}/data/`)).text()).toContain('Quarantined dataset title');
}, 60_000);

async function open(route: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}${route}`);
  await page.waitForLoadState('networkidle'); // the dev client is connected and listening for reloads
  return page;
}

test('saving a story reloads the open page with the change', async () => {
  const page = await open('/articles/zircon-published/');
  await expect.poll(() => page.textContent('h1')).toBe('Zircon output, published (test fixture)');
  edit(
    'content/articles/zircon-published.md',
    'title: "Zircon output, published (test fixture)"',
    'title: "Zircon output, edited while previewing"',
  );
  await expect.poll(() => page.textContent('h1'), { timeout: 20_000 }).toBe('Zircon output, edited while previewing');
}, 60_000);

test('saving a chart spec or a dataset reloads the open page with the change', async () => {
  const page = await open('/charts/zircon-output/');
  edit(
    'content/charts/zircon-output.json',
    '"title": "Borduria mines more zircon than Syldavia"',
    '"title": "Borduria still mines more zircon"',
  );
  await expect.poll(() => page.textContent('h1'), { timeout: 20_000 }).toContain('Borduria still mines more zircon');
  edit('data/zircon-output.json', '"tonnes": 130', '"tonnes": 1317');
  await expect.poll(() => page.content(), { timeout: 20_000 }).toContain('1,317');
}, 60_000);

test("a mistake saved while previewing shows the error overlay at the editor's file, with the problem listed", async () => {
  const page = await open('/charts/zircon-output/');
  edit('content/charts/zircon-output.json', '"mark": "line"', '"mark": "lin"');
  const overlay = () =>
    page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
  await expect.poll(overlay, { timeout: 20_000 }).toContain('found "lin" (did you mean "line"?)');
  const text = await overlay();
  expect(text).toContain('content/charts/zircon-output.json');
  expect(text).not.toMatch(/src\/model|node_modules/);
  // Worded for a preview (nothing is published from one), and its stack is where the problem is, not an empty box.
  const shown = (selector: string) =>
    page.evaluate(
      (s) =>
        (
          document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector(s) as HTMLElement | null
        )?.innerText.trim() ?? '',
      selector,
    );
  expect(await shown('#message-content')).toMatch(
    /^The preview cannot show this page until this error in the content is fixed:\ncontent\/charts\/zircon-output\.json:5:3 {2}mark {2}expected one of/,
  );
  expect(text).not.toContain('nothing was published');
  expect(await shown('#title')).toBe('1 error in the content');
  expect(await shown('#hint-content')).toContain('Fix it and save: the page reloads by itself.');
  expect(await shown('#stack-content')).toBe('at mark (content/charts/zircon-output.json:5:3)');
  edit('content/charts/zircon-output.json', '"mark": "lin"', '"mark": "line"');
}, 60_000);
