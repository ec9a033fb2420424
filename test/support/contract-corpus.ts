// The editors' contract corpus (test/fixtures/contract/) as the contract tests read it: its stories' front matter
// as the loader reads it (YAML 1.2, so dates stay the text the editor typed), their bodies as remark sees them, and
// its chart specs and datasets as parsed JSON. Read by test/unit/contract.test.ts (the checks) and
// test/build/contract.test.ts (the built site).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseDocument, type Document } from 'yaml';

export const corpus = path.resolve(import.meta.dirname, '../fixtures/contract');

const names = (dir: string, ext: string) =>
  readdirSync(path.join(corpus, dir))
    .filter((name) => name.endsWith(ext))
    .sort();
export const readJson = (dir: string) =>
  names(dir, '.json').map((name) => JSON.parse(readFileSync(path.join(corpus, dir, name), 'utf8')) as unknown);

export interface Story {
  slug: string;
  frontMatter: Document;
  data: Record<string, unknown>;
  tree: Root;
  claims: Record<string, string>[];
  values: Record<string, string>[];
  charts: string[];
}

export const stories: Story[] = names('content/articles', '.md').map((name) => {
  const text = readFileSync(path.join(corpus, 'content/articles', name), 'utf8');
  const [, yamlText, body] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text)!;
  const frontMatter = parseDocument(yamlText);
  const tree = unified().use(remarkParse).use(remarkDirective).parse(body);
  const claims: Record<string, string>[] = [];
  const values: Record<string, string>[] = [];
  const charts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'textDirective' && node.name === 'claim') claims.push(node.attributes as Record<string, string>);
    if (node.type === 'textDirective' && node.name === 'value') values.push(node.attributes as Record<string, string>);
    if (node.type === 'leafDirective' && node.name === 'chart') charts.push(String(node.attributes?.id));
  });
  return {
    slug: name.replace(/\.md$/, ''),
    frontMatter,
    data: frontMatter.toJS() as Record<string, unknown>,
    tree,
    claims,
    values,
    charts,
  };
});
export const published = stories.filter((story) => story.data.draft !== true);
