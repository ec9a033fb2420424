// The Nu HTML Checker (vnu-jar, run with the machine's Java) over a folder of HTML files. Anything that stops it
// from checking (no Java, no jar, a crash, output that is not its JSON report) throws with a message saying what,
// so a broken checker can never pass as "no errors".
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export interface HtmlError {
  /** Path relative to the folder checked. */
  file: string;
  line?: number;
  message: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message?: string;
}

/** Checks every HTML file under `dir`; resolves to how many there are and the checker's errors. */
export async function validateHtml(
  dir: string,
  { jar = vnuJar } = {},
): Promise<{ checked: number; errors: HtmlError[] }> {
  // The checker reports nothing, and exits 0, for a folder with no HTML in it (or one that does not exist).
  const checked = existsSync(dir)
    ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length
    : 0;
  if (checked === 0) throw new Error(`No HTML files to check in ${dir}`);
  if (!existsSync(jar))
    throw new Error(
      `The Nu HTML Checker is missing: no file ${jar}. Run \`npm install\` (it comes with the vnu-jar package).`,
    );

  // Exit status 0: no errors; 1: errors listed in the report (or Java could not start the jar); anything else: a crash.
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      execFile(
        'java',
        ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', '--stdout', dir],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
            reject(
              new Error(
                'java not found on PATH: the HTML checker needs a Java runtime (11 or later), e.g. `apt-get install -y openjdk-17-jre-headless`.',
              ),
            );
          } else resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
        },
      );
    },
  );
  const failure = (what: string) =>
    new Error(`The Nu HTML Checker ${what} (exit status ${code}).\n${`${stderr}\n${stdout}`.trim().slice(0, 2000)}`);
  if (code !== 0 && code !== 1) throw failure('crashed');
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
    if (!Array.isArray(messages)) throw new Error('no messages');
  } catch {
    throw failure('did not give its JSON report');
  }

  const errors = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url?.startsWith('file:') ? path.relative(dir, fileURLToPath(m.url)) : (m.url ?? dir),
      ...(m.lastLine ? { line: m.lastLine } : {}),
      message: m.type === 'error' ? String(m.message) : `could not be checked: ${m.message}`,
    }));
  if (code === 1 && errors.length === 0) throw failure('failed without reporting an error');
  return { checked, errors };
}
