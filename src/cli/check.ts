// `npm run check`: validates all content and data without building the site (the build's own loader).
// Prints every problem at once as `path:line:column  field  message`; exit status 1 on any error.
import { loadSite } from '../model/load.ts';
import { formatAnnotation, formatProblem, sortProblems } from '../model/problems.ts';
import { plural } from '../util/words.ts';

const root = process.env.CONTENT_ROOT ?? process.cwd();
const started = performance.now();
const { site, problems } = loadSite(root, { includeDrafts: true });

const sorted = sortProblems(problems);
const errors = sorted.filter((p) => p.severity === 'error');
const warnings = sorted.filter((p) => p.severity === 'warning');

for (const problem of sorted) console.log(formatProblem(problem));
// In GitHub Actions, workflow commands put each problem on the pull request's diff.
if (process.env.GITHUB_ACTIONS === 'true') for (const problem of sorted) console.log(formatAnnotation(problem));

const drafts = site.articles.filter((a) => a.draft).length;
const counts = `${plural(site.articles.length, 'article')}${drafts ? ` (${plural(drafts, 'draft')})` : ''}, ${plural(site.charts.size, 'chart')}, ${plural(site.datasets.size, 'dataset')}`;
const took = `${Math.round(performance.now() - started)} ms`;
if (errors.length) {
  console.log(
    `\n${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')} (${took}). Fix the errors above: nothing is published until they are gone.`,
  );
  process.exit(1);
}
console.log(`${warnings.length ? '\n' : ''}Content OK: ${counts}, ${plural(warnings.length, 'warning')} (${took}).`);
