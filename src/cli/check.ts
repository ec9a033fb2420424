// `npm run check`: validates all content and data without building the site.
import { loadSite } from '../model/load.ts';
import { formatAnnotation, formatProblem } from '../model/problems.ts';

const root = process.env.CONTENT_ROOT ?? process.cwd();
const started = performance.now();
const { site, problems } = loadSite(root, { includeDrafts: true });
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');

for (const problem of [...errors, ...warnings]) console.log(formatProblem(problem));
if (process.env.GITHUB_ACTIONS === 'true') for (const problem of problems) console.log(formatAnnotation(problem));

const counts = `${site.articles.length} articles, ${site.charts.size} charts, ${site.datasets.size} datasets`;
const took = `${Math.round(performance.now() - started)} ms`;
if (errors.length) {
  console.log(`\n${errors.length} error(s), ${warnings.length} warning(s) in ${counts} (${took}). Fix the errors above; nothing is published until they are gone.`);
  process.exit(1);
}
console.log(`${warnings.length ? '\n' : ''}Content OK: ${counts}, ${warnings.length} warning(s) (${took}).`);
