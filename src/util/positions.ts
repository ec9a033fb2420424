// Line and column of a field in its file, from parsers that keep positions.
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

export interface Position {
  line: number;
  column: number;
}
/** A field's place in a parsed file: keys and array indexes, outermost first. */
export type FieldPath = ReadonlyArray<string | number>;
export type Locate = (path: FieldPath) => Position | undefined;

/** Line and column (both from 1) of a character offset: the one conversion, for JSON, JSON errors and Markdown. */
export function lineAndColumn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where a field of a JSON file is: its key, or the nearest enclosing field that exists. */
export function locateInJson(text: string): Locate {
  const root = parseTree(text);
  return (path) => {
    if (!root) return undefined;
    for (let depth = path.length; depth >= 0; depth--) {
      const node: JsonNode | undefined = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
      if (!node) continue;
      const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return lineAndColumn(text, (keyNode ?? node).offset);
    }
    return undefined;
  };
}

/** Where a field of YAML front matter is; `firstLine` is the file line the YAML starts on. */
export function locateInYaml(yamlText: string, firstLine: number): Locate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, keepSourceTokens: true });
  const toFile = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  return (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const found = findYamlRange(doc.contents, path.slice(0, depth));
      if (found !== undefined) return toFile(found);
    }
    return undefined;
  };
}

function findYamlRange(node: unknown, path: FieldPath): number | undefined {
  let current: unknown = node;
  let offset: number | undefined = (node as { range?: number[] })?.range?.[0];
  for (const part of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => (item.key as { value?: unknown })?.value === part);
      if (!pair) return undefined;
      offset = (pair.key as { range?: number[] })?.range?.[0];
      current = pair.value;
    } else if (isSeq(current) && typeof part === 'number') {
      current = current.items[part];
      offset = (current as { range?: number[] })?.range?.[0];
    } else {
      return undefined;
    }
  }
  return offset;
}
