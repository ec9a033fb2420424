// Every command the documentation tells a reader to run exists: `npm run <script>` in README.md, CONTRIBUTING.md,
// docs/ and test/README.md names a script of package.json.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nonEmpty } from '../support/lists.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const scripts = Object.keys(
  JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).scripts as Record<string, string>,
);
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  'test/README.md',
  ...readdirSync(path.join(repo, 'docs')).map((f) => `docs/${f}`),
];

/** The scripts a text tells its reader to run, with `npm run`. */
export function scriptsNamed(text: string): string[] {
  return [...text.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]);
}

test('the commands are read from the text', () => {
  expect(scriptsNamed('`npm run check`, then npm run test:unit -- --watch; not npm install')).toEqual([
    'check',
    'test:unit',
  ]);
});

test.each(nonEmpty(documents, 'documents'))('every npm run command in %s is a script of package.json', (file) => {
  const named = scriptsNamed(readFileSync(path.join(repo, file), 'utf8'));
  expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
});
