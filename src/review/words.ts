// What a change does to the words, story by story: every figure printed from the data (`:value`) whose text moves,
// every checked claim whose status or figure moves, and every figure typed by hand that `npm run check` starts or
// stops warning about. The review report (index.html) gets a section of them and the pull request's comment a count,
// so that a data change that rewrites a sentence is seen where the sentence is.
import { loadSite, type Article, type Site } from '../model/load.ts';
import { formatProblem, sortProblems, type Problem } from '../model/problems.ts';

export interface Moved {
  /** What moved: the directive or the claim's words. */
  what: string;
  before: string;
  after: string;
}

export interface StoryWords {
  slug: string;
  title: string;
  values: Moved[];
  claims: Moved[];
  /** Typed-figure warnings of the story and its charts: new after the change, and gone. */
  warnings: { added: string[]; resolved: string[] };
}

const isTypedFigure = (p: Problem) => p.severity === 'warning' && / matches data\/.*: write :value\{/.test(p.message);
/** A value's key: its directive, numbered when the story writes it more than once. */
const keyed = (article: Article) => {
  const seen = new Map<string, number>();
  return new Map(
    article.body.values.map((v) => {
      const n = (seen.get(v.directive) ?? 0) + 1;
      seen.set(v.directive, n);
      return [n > 1 ? `${v.directive} (${n})` : v.directive, v.text];
    }),
  );
};
const claimsOf = (article: Article) =>
  new Map(article.body.claims.filter((c) => c.check).map((c) => [c.text, `${c.status}: the data gives ${c.check!.figure.text}, ${c.check!.reason}`]));

function moved(before: Map<string, string>, after: Map<string, string>): Moved[] {
  return [...after].flatMap(([what, text]) => (before.has(what) && before.get(what) !== text ? [{ what, before: before.get(what)!, after: text }] : []));
}

/** The typed-figure warnings that concern a story: its own, and its charts'. */
function warningsOf(problems: readonly Problem[], article: Article, site: Site): string[] {
  const files = new Set([article.file, ...article.body.charts.flatMap((id) => site.charts.get(id)?.file ?? [])]);
  return sortProblems(problems.filter((p) => isTypedFigure(p) && files.has(p.file))).map(formatProblem);
}

/** The stories both sides publish, with what the change moves in their words; stories where nothing moved are left out. */
export function wordsMoved(baseRoot: string, headRoot: string): StoryWords[] {
  const before = loadSite(baseRoot, { includeDrafts: true });
  const after = loadSite(headRoot, { includeDrafts: true });
  const stories: StoryWords[] = [];
  for (const article of after.site.articles) {
    const old = before.site.articles.find((a) => a.slug === article.slug);
    if (!old) continue;
    const [was, is] = [warningsOf(before.problems, old, before.site), warningsOf(after.problems, article, after.site)];
    // A warning's line may move with the text around it: compare without the line and column.
    const plain = (line: string) => line.replace(/:\d+:\d+ {2}/, '  ');
    const story: StoryWords = {
      slug: article.slug,
      title: article.title,
      values: moved(keyed(old), keyed(article)),
      claims: moved(claimsOf(old), claimsOf(article)),
      warnings: { added: is.filter((w) => !was.map(plain).includes(plain(w))), resolved: was.filter((w) => !is.map(plain).includes(plain(w))) },
    };
    if (story.values.length || story.claims.length || story.warnings.added.length || story.warnings.resolved.length) stories.push(story);
  }
  return stories;
}

/** How many of each the change moves, over all stories. */
export function wordCounts(stories: readonly StoryWords[]) {
  return {
    values: stories.reduce((n, s) => n + s.values.length, 0),
    claims: stories.reduce((n, s) => n + s.claims.length, 0),
    warnings: { new: stories.reduce((n, s) => n + s.warnings.added.length, 0), resolved: stories.reduce((n, s) => n + s.warnings.resolved.length, 0) },
  };
}

const esc = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report's section: per story, each figure, claim and warning the change moves, before and after. */
export function wordsSection(stories: readonly StoryWords[]): string {
  const rows = (items: Moved[]) =>
    `<table><thead><tr><th>Where</th><th>Before</th><th>After</th></tr></thead><tbody>${items.map((m) => `<tr><td><code>${esc(m.what)}</code></td><td><del>${esc(m.before)}</del></td><td><ins>${esc(m.after)}</ins></td></tr>`).join('')}</tbody></table>`;
  const list = (items: string[], tag: 'ins' | 'del') => `<ul>${items.map((w) => `<li><${tag}><code>${esc(w)}</code></${tag}></li>`).join('')}</ul>`;
  const body = stories.length
    ? stories
        .map(
          (s) => `<article id="words-${esc(s.slug)}"><h3>${esc(s.title)} <code>${esc(s.slug)}</code></h3>
      ${s.values.length ? `<h4>${plural(s.values.length, 'printed value')} moved</h4>${rows(s.values)}` : ''}
      ${s.claims.length ? `<h4>${plural(s.claims.length, 'checked claim')} moved</h4>${rows(s.claims)}` : ''}
      ${s.warnings.added.length ? `<h4>${plural(s.warnings.added.length, 'new typed-figure warning')}</h4>${list(s.warnings.added, 'ins')}` : ''}
      ${s.warnings.resolved.length ? `<h4>${plural(s.warnings.resolved.length, 'typed-figure warning')} resolved</h4><p>Each figure is now printed from the data, or was removed, or no longer matches the data: then the words may be stale.</p>${list(s.warnings.resolved, 'del')}` : ''}</article>`,
        )
        .join('')
    : '<p class="none">None: no figure printed from the data, checked claim or typed figure moves.</p>';
  return `<section id="words"><h2>Words the data moves</h2><p>Figures printed from the data (<code>:value</code>), claims checked against it and figures typed by hand, story by story, as this change moves them.</p>${body}</section>`;
}

/** The review's index.html with the section put before the charts (or at the end), and a link to it. */
export function withWordsSection(html: string, stories: readonly StoryWords[]): string {
  const section = wordsSection(stories);
  const placed = html.includes('<section id="charts">') ? html.replace('<section id="charts">', `${section}\n<section id="charts">`) : html.replace('</body>', `${section}\n</body>`);
  return placed.replace('<a href="#charts">Charts</a>', '<a href="#words">Words the data moves</a> · <a href="#charts">Charts</a>');
}

/** The pull request comment's lines: how many figures, claims and warnings the change moves. */
export function wordsSummary(stories: readonly StoryWords[]): string {
  const c = wordCounts(stories);
  const lines = [
    '',
    `Words the data moves (section \`#words\` of \`index.html\`): ${plural(c.values, 'printed value')}, ${plural(c.claims, 'checked claim')} (status or figure), ${c.warnings.new} new and ${c.warnings.resolved} resolved typed-figure warnings.`,
    ...stories.map((s) => `- ${s.title.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)} (\`${s.slug}\`): ${[s.values.length && plural(s.values.length, 'value'), s.claims.length && plural(s.claims.length, 'claim'), s.warnings.added.length + s.warnings.resolved.length && plural(s.warnings.added.length + s.warnings.resolved.length, 'warning')].filter(Boolean).join(', ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
