// The review as one self-contained HTML file (review/index.html: its CSS inline, every drawing a data: image, so it
// opens from the artifact's zip with nothing else), and a short Markdown summary for the pull request's comment.
// Every text comes from content an editor wrote: all of it is escaped, and drawings are shown as images, which
// never run scripts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffArrays, diffWords } from 'diff';
import type { Review } from './compare.ts';
import { escapeXml } from '../util/escape.ts';
import { plural } from '../util/words.ts';
import { highlightChanges } from './marks.ts';
import type { TableChange } from './tables.ts';

export interface ReviewInfo {
  base: string;
  head: string;
  /** Files outside content/ and data/ that differ between base and head. */
  codeChanged: string[];
}

// Every attribute here is in double quotes, so the site's escaper (which leaves ' as it is) serves.
const esc = (value: unknown) => escapeXml(String(value ?? ''));
const show = (value: unknown) => (value === undefined ? '(none)' : value === null ? 'null' : typeof value === 'string' ? value : JSON.stringify(value));

/** The site's colours (its first :root block), so that drawings using var(--chart-*) show as they do on the site. */
function chartColours(projectRoot: string): string {
  const css = readFileSync(path.join(projectRoot, 'src/styles/site.css'), 'utf8');
  return /:root\s*\{([^}]*)\}/.exec(css)?.[1].replace(/\/\*[\s\S]*?\*\//g, '') ?? '';
}

/** Lines before and after: unchanged runs folded, removed lines struck out, added ones marked, words within a changed line. */
export function textDiff(before: string[], after: string[]): string {
  const parts = diffArrays(before, after);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (!part.added && !part.removed) {
      out.push(part.value.length > 2 ? `<li class="same">${part.value.length} lines unchanged</li>` : part.value.map((line) => `<li class="same">${esc(line)}</li>`).join(''));
    } else if (part.removed && next?.added && next.value.length === part.value.length) {
      part.value.forEach((line, j) => {
        const words = diffWords(line, next.value[j]);
        out.push(`<li class="changed">${words.map((w) => (w.added ? `<ins>${esc(w.value)}</ins>` : w.removed ? `<del>${esc(w.value)}</del>` : esc(w.value))).join('')}</li>`);
      });
      i++;
    } else {
      for (const line of part.value) out.push(part.added ? `<li class="added"><ins>${esc(line)}</ins></li>` : `<li class="removed"><del>${esc(line)}</del></li>`);
    }
  }
  return `<ul class="diff">${out.join('')}</ul>`;
}

const bytes = (n?: number) => (n === undefined ? '-' : `${(n / 1024).toFixed(1)} KB`);

/** One line per kind of thing: "Charts: 1 changed, 3 unchanged". */
export function counts(review: Review): { kind: string; added: number; removed: number; changed: number; unchanged: number }[] {
  return (['stories', 'charts', 'datasets', 'pages'] as const).map((kind) => ({
    kind,
    added: review[kind].added.length,
    removed: review[kind].removed.length,
    changed: review[kind].changed.length,
    unchanged: review[kind].unchanged,
  }));
}

/** A chart's table rows, matched by key: cells that changed, rows added and removed, and a new order. */
function tableChanges(table: TableChange): string {
  const views = new Set([...table.cells, ...table.added, ...table.removed].map((c) => c.view)).size > 1;
  const rowName = (view: string, row: string) => esc(views && view ? `${view}: ${row}` : row);
  const rows = (list: { view: string; row: string[] }[], columns: string[], wrap: (s: string) => string) =>
    `<table><thead><tr>${views ? '<th>View</th>' : ''}${columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${list.map((r) => `<tr>${views ? `<td>${esc(r.view)}</td>` : ''}${r.row.map((cell) => `<td>${cell ? wrap(esc(cell)) : ''}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return [
    table.cells.length
      ? `<table class="rows"><thead><tr><th>Row</th><th>Column</th><th>Before</th><th>After</th></tr></thead><tbody>${table.cells.map((c) => `<tr><td>${rowName(c.view, c.row)}</td><td>${esc(c.column)}</td><td><del>${esc(c.before || '(none)')}</del></td><td><ins>${esc(c.after || '(none)')}</ins></td></tr>`).join('')}</tbody></table>`
      : '',
    table.added.length ? `<h6>Rows added</h6>${rows(table.added, table.columns.after, (s) => `<ins>${s}</ins>`)}` : '',
    table.removed.length ? `<h6>Rows removed</h6>${rows(table.removed, table.columns.before, (s) => `<del>${s}</del>`)}` : '',
    table.reordered ? '<p>The rows are in a new order.</p>' : '',
  ].join('');
}

export function reportHtml(review: Review, info: ReviewInfo, projectRoot: string): string {
  const colours = chartColours(projectRoot);
  const list = (items: string[]) => (items.length ? `<ul>${items.join('')}</ul>` : '<p class="none">None.</p>');
  const image = (src: string | undefined, alt: string) => (src ? `<img src="${src}" alt="${esc(alt)}">` : '<p class="none">(not drawn)</p>');

  const stories = `
    <h3>Added</h3>${list(review.stories.added.map((s) => `<li><b>${esc(s.title)}</b> <code>${esc(s.slug)}</code></li>`))}
    <h3>Removed</h3>${list(review.stories.removed.map((s) => `<li><b>${esc(s.title)}</b> <code>${esc(s.slug)}</code></li>`))}
    <h3>Changed</h3>${review.stories.changed.length ? '' : '<p class="none">None.</p>'}
    ${review.stories.changed
      .map(
        (s) => `<article id="story-${esc(s.slug)}"><h4>${esc(s.title)} <code>${esc(s.slug)}</code></h4>
        ${s.charts.length ? `<h5>Charts</h5><ul>${s.charts.map((c) => `<li>Chart ${c.change}: <a href="#chart-${esc(c.id)}">${esc(c.title)}</a> <code>${esc(c.id)}</code></li>`).join('')}</ul>` : ''}
        ${JSON.stringify(s.prose.before) !== JSON.stringify(s.prose.after) ? `<h5>Prose</h5>${textDiff(s.prose.before, s.prose.after)}` : ''}
        ${JSON.stringify(s.claims.before) !== JSON.stringify(s.claims.after) ? `<h5>Claims and their statuses</h5>${textDiff(s.claims.before, s.claims.after)}` : ''}</article>`,
      )
      .join('')}
    <p>${plural(review.stories.unchanged, 'story')} unchanged.</p>`;

  const charts = `
    <h3>Changed</h3>${review.charts.changed.length ? '' : '<p class="none">None.</p>'}
    ${review.charts.changed
      .map(
        (c) => `<article id="chart-${esc(c.id)}"><h4>${esc(c.title)} <code>${esc(c.id)}</code></h4>
        ${c.drawings
          .map((d) => {
            const h = highlightChanges(d.before, d.after, colours);
            return `<h5>${esc(d.name)}: ${plural(h.changed, 'mark')} changed (outlined)</h5>
            <div class="pair"><figure><figcaption>Before</figcaption>${image(h.before, `${c.title}, before`)}</figure><figure><figcaption>After</figcaption>${image(h.after, `${c.title}, after`)}</figure></div>`;
          })
          .join('')}
        ${c.text ? `<h5>Words (title, notes, sources)</h5>${textDiff(c.text.before, c.text.after)}` : ''}
        ${c.table ? `<h5>Table rows</h5>${tableChanges(c.table)}` : ''}</article>`,
      )
      .join('')}
    <h3>Added</h3>${review.charts.added.length ? '' : '<p class="none">None.</p>'}
    ${review.charts.added.map((c) => `<article id="chart-${esc(c.id)}"><h4>${esc(c.title)} <code>${esc(c.id)}</code></h4><div class="pair">${c.drawings.slice(0, 2).map((d) => `<figure><figcaption>${esc(d.name)}</figcaption>${image(highlightChanges(undefined, d, colours).after, c.title)}</figure>`).join('')}</div></article>`).join('')}
    <h3>Removed</h3>${list(review.charts.removed.map((c) => `<li><b>${esc(c.title)}</b> <code>${esc(c.id)}</code></li>`))}
    <p>${plural(review.charts.unchanged, 'chart')} unchanged (not shown).</p>`;

  const datasets = `
    <h3>Changed</h3>${review.datasets.changed.length ? '' : '<p class="none">None.</p>'}
    ${review.datasets.changed
      .map(
        (d) => `<article id="dataset-${esc(d.id)}"><h4>${esc(d.title)} <code>data/${esc(d.id)}.json</code></h4><p>${esc(d.summary)}</p>
        ${d.cells.length ? `<table><thead><tr><th>Row</th><th>Field</th><th>Before</th><th>After</th><th>Source</th><th>Edition</th></tr></thead><tbody>${d.cells.map((c) => `<tr><td>${esc(c.row)}</td><td><code>${esc(c.field)}</code></td><td><del>${esc(show(c.before))}</del></td><td><ins>${esc(show(c.after))}</ins></td><td>${esc(c.source ?? '')}</td><td>${esc(c.edition ?? '')}</td></tr>`).join('')}</tbody></table>` : ''}
        ${d.added.length ? `<h5>Rows added</h5>${rowTable(d.added, 'added')}` : ''}
        ${d.removed.length ? `<h5>Rows removed</h5>${rowTable(d.removed, 'removed')}` : ''}
        ${d.fields.length ? `<h5>Other fields</h5><ul>${d.fields.map((f) => `<li><code>${esc(f.field)}</code>: <del>${esc(show(f.before))}</del> <ins>${esc(show(f.after))}</ins></li>`).join('')}</ul>` : ''}</article>`,
      )
      .join('')}
    <h3>Added</h3>${list(review.datasets.added.map((d) => `<li><b>${esc(d.title)}</b> <code>data/${esc(d.id)}.json</code>, ${plural(d.rows, 'row')}</li>`))}
    <h3>Removed</h3>${list(review.datasets.removed.map((d) => `<li><b>${esc(d.title)}</b> <code>data/${esc(d.id)}.json</code></li>`))}
    <p>${plural(review.datasets.unchanged, 'dataset')} unchanged.</p>`;

  const pages = `
    <h3>Added</h3>${list(review.pages.added.map((p) => `<li><code>${esc(p)}</code></li>`))}
    <h3>Removed</h3>${list(review.pages.removed.map((p) => `<li><code>${esc(p)}</code></li>`))}
    <h3>Changed</h3>${list(review.pages.changed.map((p) => `<li><code>${esc(p)}</code></li>`))}
    <p>${plural(review.pages.unchanged, 'page')} unchanged.</p>`;

  const problems = `
    <h3>New</h3>${list(review.problems.added.map((p) => `<li><code>${esc(p)}</code></li>`))}
    <h3>Resolved</h3>${list(review.problems.resolved.map((p) => `<li><code>${esc(p)}</code></li>`))}`;

  const budgets = `<p>Gzipped bytes (the story budget is 80 KB for a whole story: HTML, CSS, scripts and fonts; this is the HTML with its drawings).</p>
    <table><thead><tr><th>Page</th><th>Before</th><th>After</th><th>Change</th></tr></thead><tbody>${review.budgets
      .map((b) => `<tr><td><code>${esc(b.page)}</code></td><td>${bytes(b.before)}</td><td>${bytes(b.after)}</td><td>${b.before !== undefined && b.after !== undefined ? `${b.after - b.before >= 0 ? '+' : ''}${b.after - b.before} B` : ''}</td></tr>`)
      .join('')}</tbody></table>`;

  const summary = counts(review)
    .map((c) => `<tr><th>${c.kind}</th><td>${c.added}</td><td>${c.removed}</td><td>${c.changed}</td><td>${c.unchanged}</td></tr>`)
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: what this change shows readers</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 1.5rem;color:#1b1d21;background:#fdfcfa}
code{font-size:.9em;background:#f0eee9;padding:0 .2em}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d5d2cb;padding:.2rem .5rem;text-align:left;vertical-align:top}
ins{background:#d9f2dc;text-decoration:none}del{background:#fbdcdc}
.pair{display:flex;gap:1rem;flex-wrap:wrap}.pair figure{margin:0;flex:1 1 320px;border:1px solid #d5d2cb;padding:.5rem;background:#fff}
.pair img{max-width:100%;height:auto}.none{color:#5c6470}
.diff{list-style:none;padding:0}.diff li{padding:.1rem .4rem;border-left:3px solid transparent}.diff .same{color:#5c6470}
.diff .added{border-color:#2a8a3a}.diff .removed{border-color:#c22}.diff .changed{border-color:#b36b00}
article{border-top:1px solid #d5d2cb;margin-top:1rem}
</style></head><body>
<h1>What this change shows readers</h1>
<p>Base: <code>${esc(info.base)}</code>. Head: <code>${esc(info.head)}</code>.</p>
<p>Both sites are built with the head's code, from each side's <code>content/</code> and <code>data/</code>: the report shows what the content change does.
${info.codeChanged.length ? `<strong>Code also changed</strong> (${info.codeChanged.map((f) => `<code>${esc(f)}</code>`).join(', ')}): its effect on drawings is not in this report; the chart snapshot tests show it.` : 'No code changed.'}</p>
<table><thead><tr><th></th><th>added</th><th>removed</th><th>changed</th><th>unchanged</th></tr></thead><tbody>${summary}
<tr><th>check problems</th><td>${review.problems.added.length} new</td><td>${review.problems.resolved.length} resolved</td><td></td><td></td></tr></tbody></table>
<nav><a href="#stories">Stories</a> · <a href="#charts">Charts</a> · <a href="#datasets">Datasets</a> · <a href="#pages">Pages</a> · <a href="#problems">Problems</a> · <a href="#budgets">Sizes</a></nav>
<section id="stories"><h2>Stories</h2>${stories}</section>
<section id="charts"><h2>Charts</h2>${charts}</section>
<section id="datasets"><h2>Datasets</h2>${datasets}</section>
<section id="pages"><h2>Pages</h2>${pages}</section>
<section id="problems"><h2>Problems from npm run check</h2>${problems}</section>
<section id="budgets"><h2>Sizes</h2>${budgets}</section>
</body></html>
`;

  function rowTable(rows: Review['datasets']['changed'][number]['added'], kind: 'added' | 'removed') {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const wrap = (s: string) => (kind === 'added' ? `<ins>${s}</ins>` : `<del>${s}</del>`);
    return `<table><thead><tr>${columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td>${r[c] === undefined ? '' : wrap(esc(show(r[c])))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

/** What changed in a story, in a few words: "its chart changed; its prose changed". */
function storyChanges(story: Review['stories']['changed'][number]): string[] {
  const changed = (side: { before: string[]; after: string[] }) => JSON.stringify(side.before) !== JSON.stringify(side.after);
  const byChange = (['changed', 'added', 'removed'] as const).flatMap((change) => {
    const n = story.charts.filter((c) => c.change === change).length;
    return n ? [`${n === 1 ? 'its chart' : `${n} of its charts`} ${change === 'changed' ? 'changed' : change === 'added' ? 'added' : 'removed'}`] : [];
  });
  return [...byChange, ...(changed(story.prose) ? ['its prose changed'] : []), ...(changed(story.claims) ? ['its claims changed'] : [])];
}

/** The pull request comment's body: counts, then the changed charts and datasets by name. */
export function summaryMarkdown(review: Review, info: ReviewInfo): string {
  const md = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
  const lines = [
    `**What this pull request shows readers** (base \`${info.base.replace(/`/g, '')}\`)`,
    '',
    '| | added | removed | changed | unchanged |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...counts(review).map((c) => `| ${c.kind} | ${c.added} | ${c.removed} | ${c.changed} | ${c.unchanged} |`),
    `| check problems | ${review.problems.added.length} new | ${review.problems.resolved.length} resolved | | |`,
  ];
  if (review.charts.changed.length) lines.push('', 'Changed charts (section `#chart-<id>` of `index.html` in the review artifact):', ...review.charts.changed.map((c) => `- ${md(c.title)} (\`${c.id}\`)`));
  if (review.charts.added.length) lines.push('', 'New charts:', ...review.charts.added.map((c) => `- ${md(c.title)} (\`${c.id}\`)`));
  if (review.datasets.changed.length) lines.push('', 'Changed datasets:', ...review.datasets.changed.map((d) => `- \`data/${d.id}.json\`: ${md(d.summary)}`));
  if (review.stories.added.length) lines.push('', 'New stories:', ...review.stories.added.map((s) => `- ${md(s.title)} (\`${s.slug}\`)`));
  if (review.stories.changed.length) lines.push('', 'Changed stories:', ...review.stories.changed.map((s) => `- ${md(s.title)} (\`${s.slug}\`): ${storyChanges(s).join('; ')}`));
  if (info.codeChanged.length) lines.push('', `Code changed too (${info.codeChanged.length} files): both sides were built with this pull request's code.`);
  return `${lines.join('\n')}\n`;
}
