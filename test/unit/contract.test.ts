// The editors' contract, held to its word. test/fixtures/contract/ is content written from CONTRIBUTING.md and the
// issues that fixed the contract, with every documented field in every documented form (see its README). It must
// pass the check with no error and hold an example of every form the schemas document, so that a field added
// without an example or a field tightened fails here; test/build/contract.test.ts builds it and holds its addresses.
import type { RootContent } from 'mdast';
import { describe, expect, test } from 'vitest';
import { isMap, isScalar, isSeq } from 'yaml';
import { loadSite } from '../../src/model/load.ts';
import { formatProblem, sortProblems } from '../../src/model/problems.ts';
import { articleSchema, chartSchema, claimSchema, datasetSchema } from '../../src/schemas/index.ts';
import { valueSchema } from '../../src/schemas/value.ts';
import { corpus, published, readJson, stories, type Story } from '../support/contract-corpus.ts';
import { nonEmpty } from '../support/lists.ts';
import { formsOf, formsUsed } from '../support/schema-forms.ts';

describe('the corpus checks', () => {
  test('npm run check finds no error in it (warnings are listed here, and allowed)', () => {
    const { problems } = loadSite(corpus, { includeDrafts: true });
    const sorted = sortProblems(problems);
    const warnings = sorted.filter((p) => p.severity === 'warning');
    if (warnings.length)
      console.log(
        `The contract corpus gives ${warnings.length} warning(s):\n${warnings.map(formatProblem).join('\n')}`,
      );
    expect(sorted.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  test('it holds an example of every field and form the schemas document', () => {
    const claims = stories.flatMap((story) => story.claims);
    const schemas = [
      ['article', articleSchema, stories.map((story) => story.data)],
      ['claim', claimSchema, claims],
      ['value', valueSchema, stories.flatMap((story) => story.values)],
      ['chart', chartSchema, readJson('content/charts')],
      ['dataset', datasetSchema, readJson('data')],
    ] as const;
    const missing = schemas.flatMap(([root, schema, values]) => {
      const used = formsUsed(root, schema, [...values]);
      return [...formsOf(root, schema)].filter((form) => !used.has(form));
    });
    // A form listed here has no example in test/fixtures/contract/: add one (never remove a form to pass).
    expect(missing).toEqual([]);
  });

  test('its front matter is written in each way the guide shows: dates plain and quoted, lists in blocks and in brackets', () => {
    const styles = new Set<string>();
    for (const story of nonEmpty(stories, 'stories')) {
      const top = story.frontMatter.contents;
      if (!isMap(top)) continue;
      for (const item of top.items) {
        const key = String(isScalar(item.key) ? item.key.value : item.key);
        if (isScalar(item.value)) styles.add(`${key}: ${item.value.type}`);
        if (isSeq(item.value)) styles.add(`${key}: ${item.value.flow ? 'flow' : 'block'} list`);
      }
    }
    const expected = [
      'title: PLAIN',
      'title: QUOTE_DOUBLE',
      'pubDate: PLAIN',
      'pubDate: QUOTE_DOUBLE',
      'updatedDate: PLAIN',
      'updatedDate: QUOTE_DOUBLE',
      'tags: block list',
      'tags: flow list',
      'authors: block list',
      'authors: flow list',
    ];
    expect(expected.filter((style) => !styles.has(style))).toEqual([]);
  });

  test('its tags are free text as editors write them, and the old hyphenated form', () => {
    const tags = new Set(stories.flatMap((story) => (story.data.tags as string[] | undefined) ?? []));
    // From the issues that made tags free text again: "Supply chains", "DR Congo", "US-China trade"; the old form
    // "rare-earths"; `tags: ["cobalt", "supply chains"]`; and two spellings of one topic ("Rare earths").
    const expected = [
      'Supply chains',
      'DR Congo',
      'US-China trade',
      'rare-earths',
      'cobalt',
      'supply chains',
      'Rare earths',
    ];
    expect(expected.filter((tag) => !tags.has(tag))).toEqual([]);
  });

  test('its stories have the shapes other tests rely on: no heading, only ### headings, a chart first, two charts in a row', () => {
    const isChart = (node: RootContent | undefined) => node?.type === 'leafDirective' && node.name === 'chart';
    const headings = (story: Story) =>
      story.tree.children.filter((node) => node.type === 'heading').map((node) => (node as { depth: number }).depth);
    const shapes = {
      'no heading, one chart': published.some((story) => headings(story).length === 0 && story.charts.length === 1),
      'only ### headings': published.some(
        (story) => headings(story).length > 0 && headings(story).every((depth) => depth === 3),
      ),
      'a chart first': published.some((story) => isChart(story.tree.children[0])),
      'two charts in a row': published.some((story) =>
        story.tree.children.some((node, i) => isChart(node) && isChart(story.tree.children[i + 1])),
      ),
      'a draft': stories.some((story) => story.data.draft === true),
    };
    expect(
      Object.entries(shapes)
        .filter(([, found]) => !found)
        .map(([shape]) => shape),
    ).toEqual([]);
  });
});
