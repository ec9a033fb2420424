// `npm run lighthouse`: Lighthouse (mobile defaults) on the home page, the lead story and a chart page of the
// built site in dist/, served on loopback, in the Chromium the browser tests use (src/cli/chromium.ts). Prints the
// four scores of each page and exits 1 when any is under the floor (95). Run `npm run build` first.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import sirv from 'sirv';
import { chromiumFlags, resolveChromium } from './chromium.ts';

const floor = 95;
const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('No built site in dist/: run `npm run build` first.');
  process.exit(1);
}
const charts = existsSync(path.join(dist, 'charts'))
  ? readdirSync(path.join(dist, 'charts'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : [];
const pages = [
  '/',
  `/articles/${process.env.LIGHTHOUSE_STORY ?? 'us-rare-earth-agreements'}/`,
  ...(charts.length ? [`/charts/${charts[0]}/`] : []),
];

// Served gzipped, as the host serves the site (and as test/browser/budget.test.ts counts it): a copy of dist/ with a
// .gz beside every text file, which sirv sends to a client that accepts it. Uncompressed, the lead story's HTML is
// seven times its gzipped size, which no reader downloads.
const served = mkdtempSync(path.join(os.tmpdir(), 'supply-lines-lighthouse-'));
cpSync(dist, served, { recursive: true });
for (const entry of readdirSync(served, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(html|css|js|mjs|json|svg|xml|txt)$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  writeFileSync(`${file}.gz`, gzipSync(readFileSync(file)));
}
const files = sirv(served, { dev: false, etag: true, gzip: true });
const server = createServer((req, res) =>
  files(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  }),
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await resolveChromium();
console.log(`Chromium: ${browser.path} (${browser.source})`);
const chrome = await chromeLauncher.launch({
  chromePath: browser.path,
  chromeFlags: ['--headless=new', ...chromiumFlags],
});
const reportDir = path.join(root, 'test', 'artifacts', 'lighthouse');
mkdirSync(reportDir, { recursive: true });
let failed = false;
try {
  for (const page of pages) {
    const result = await lighthouse(`${origin}${page}`, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
    writeFileSync(
      path.join(reportDir, `${page.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}.html`),
      String(result.report),
    );
    const scores = Object.values(result.lhr.categories).map((c) => ({
      id: c.id,
      score: Math.round((c.score ?? 0) * 100),
    }));
    const low = scores.filter((s) => s.score < floor);
    if (low.length) failed = true;
    console.log(
      `${page.padEnd(44)} ${scores.map((s) => `${s.id} ${s.score}`).join('  ')}${low.length ? '  <- under ' + floor : ''}`,
    );
  }
} finally {
  await chrome.kill();
  server.close();
  rmSync(served, { recursive: true, force: true });
}
console.log(
  failed
    ? `Lighthouse: a score is under ${floor}. Reports: test/artifacts/lighthouse/`
    : `Lighthouse: every score is ${floor} or more.`,
);
process.exit(failed ? 1 : 0);
