// Errors are values with a file, a field and a message until the one place that prints them.
import path from 'node:path';
import type { FieldPath } from '../util/positions.ts';
import { plural } from '../util/words.ts';

export interface Problem {
  /** Path from the repository root, e.g. "content/charts/china-mine-share.json". */
  file: string;
  /** Dotted path of the field, e.g. "annotations[0].kind"; "" for the file as a whole. */
  field: string;
  /** What was expected and what was found. */
  message: string;
  severity: 'error' | 'warning';
  line?: number;
  column?: number;
}

export type { FieldPath };

/** How the checks report a problem: the file, the field's path (located to a line by the loader) and the message. */
export type Report = (file: string, field: FieldPath, message: string, severity?: Problem['severity']) => void;

export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

/** File by file, top to bottom, errors before warnings: the order an editor fixes them in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return problems
    .slice()
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
}

/** `path:line:column  field  message`, the form editors and their tools read. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${problem.field || '(file)'}  ${label}${problem.message}`;
}

/** A GitHub Actions workflow command, so the problem shows on the pull request's diff. */
export function formatAnnotation(problem: Problem): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = [`file=${escapeProperty(problem.file)}`];
  if (problem.line) props.push(`line=${problem.line}`, `col=${problem.column ?? 1}`);
  props.push(`title=${escapeProperty(problem.field || problem.file)}`);
  return `::${problem.severity} ${props.join(',')}::${escapeData(problem.message)}`;
}

/**
 * Thrown by the build when content is broken: its message lists every problem, and nothing else is printed.
 * Astro prints an error's stack trace when it has one, and its overlay in `npm run dev` opens `loc.file`: so the
 * build's stack is left empty (the code that noticed is of no use to an editor) and `loc` is the first problem's
 * file. In the preview (`preview`), nothing is published, so the message says what the preview waits for; the
 * overlay always shows a "Stack Trace" box, so there the stack is where each problem is (`at field (file:line:column)`),
 * with a title and a hint.
 */
export class ContentError extends Error {
  readonly problems: Problem[];
  readonly loc?: { file: string; line?: number; column?: number };
  /** The overlay's heading and hint, in the preview. */
  readonly title?: string;
  readonly hint?: string;
  constructor(problems: Problem[], root: string, { preview = false }: { preview?: boolean } = {}) {
    const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
    const count = plural(errors.length, 'error');
    const head = preview
      ? `The preview cannot show this page until ${errors.length === 1 ? 'this error in the content is' : `these ${count} in the content are`} fixed:`
      : `Supply Lines content has ${count}; nothing was published:`;
    super(`${head}\n${errors.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    this.stack = preview
      ? errors
          .map((p) => `    at ${p.field || '(file)'} (${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''})`)
          .join('\n')
      : '';
    if (preview) {
      this.title = `${count} in the content`;
      this.hint = `Fix ${errors.length === 1 ? 'it' : 'them'} and save: the page reloads by itself. \`npm run check\` lists every problem, warnings too.`;
    }
    const first = errors[0];
    if (first) this.loc = { file: path.resolve(root, first.file), line: first.line, column: first.column };
  }
}
