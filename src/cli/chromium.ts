// The Chromium that the browser tests and `npm run lighthouse` drive, found in one place so both use the same one:
// CHROME_PATH (or CHROMIUM_PATH) when set, else the system's /usr/bin/chromium, else the Chromium build shipped
// inside the @sparticuz/chromium npm package, unpacked once into the temporary folder. The last keeps
// `npm install && npm test` working on a machine with no Chromium installed.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const systemChromium = '/usr/bin/chromium';

/**
 * Flags for every launch. Without the background-networking ones Chromium keeps trying Google's hosts, which this
 * closed network refuses. --no-sandbox because the tests run as root.
 */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ResolvedChromium {
  path: string;
  /** Where it came from, for messages: the variable's name, "system" or "npm package @sparticuz/chromium <version>". */
  source: string;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Chromium to launch. */
export async function resolveChromium(): Promise<ResolvedChromium> {
  for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
    const value = process.env[name];
    if (!value) continue;
    // A path the user set is never silently swapped for another browser.
    if (!isExecutableFile(value))
      throw new Error(
        `${name}=${value} is not an executable file: point it at a Chromium or Chrome binary, or unset it to use ${systemChromium} or the npm package's Chromium.`,
      );
    return { path: value, source: name };
  }
  if (isExecutableFile(systemChromium)) return { path: systemChromium, source: 'system' };
  return bundledChromium();
}

/**
 * @sparticuz/chromium unpacks its browser into os.tmpdir() (the binary, its SwiftShader libraries beside it and
 * fonts) and reuses whatever is at <tmpdir>/chromium, even a half-written file or another version. So it unpacks
 * in a child process whose TMPDIR is a private folder, which is then renamed into a folder named by the version:
 * the rename is atomic, so test workers that start at the same time never launch a half-unpacked binary.
 */
export async function bundledChromium(): Promise<ResolvedChromium> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    throw new Error(
      `No Chromium found: ${systemChromium} is missing and the npm package @sparticuz/chromium is not installed. Run \`npm install\`, or set CHROME_PATH to a Chromium binary.`,
    );
  }
  const version = String(
    JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')).version,
  );
  const source = `npm package @sparticuz/chromium ${version}`;
  const folder = path.join(tmpdir(), `sparticuz-chromium-${version}`);
  const binary = path.join(folder, 'chromium');
  if (isExecutableFile(binary)) return { path: binary, source };

  const partial = mkdtempSync(`${folder}.partial-`);
  try {
    const script = `const { default: chromium } = await import(${JSON.stringify(entry)}); await chromium.executablePath();`;
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: partial },
    });
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another process got there first: its copy is complete, because it was renamed whole.
      if (!existsSync(binary)) throw error;
    }
  } catch (error) {
    throw new Error(`Could not unpack the Chromium of ${source} into ${folder}: ${(error as Error).message}`);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return { path: binary, source };
}
