// A script or data address as a source URL is refused before anything is built (test/fixtures/escaping-javascript-url/).
// What a build makes of hostile text is tested in test/build/escaping.test.ts.
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadSite } from '../../src/model/load.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

test('a source URL that is a script or data address is refused by validation, before any build', () => {
  const { problems } = loadSite(path.join(fixtures, 'escaping-javascript-url'));
  const expected = 'expected an http(s) URL, e.g. "https://pubs.usgs.gov/...", found';
  expect(problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.field, p.message])).toEqual([
    ['data/hostile.json', 'sources[0].url', `${expected} "javascript:alert(1)"`],
    ['data/hostile.json', 'sources[1].url', `${expected} "data:text/html,<script>alert(1)</script>"`],
    ['data/hostile.json', 'sources[2].url', `${expected} "java\\tscript:alert(1)"`],
  ]);
});
