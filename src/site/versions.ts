// Every published state of each chart and story, from the site's git history (io/history.ts): a chart's version is
// the state of what it draws (its spec, the rows it draws with their sources, its dataset's notes, its tabs) at the
// end of a UTC day that changed it; a story's is its text, front matter, printed figures and charts. Each day's
// content is loaded and checked with today's code, so an old state that no longer builds stops the build: the
// editors' contract was broken (version-exceptions.ts lists the days from before versions existed that never could).
import { createHash } from 'node:crypto';
import { readHistory } from '../io/history.ts';
import { mergeRows } from '../io/dataset-file.ts';
import type { JsonRow } from '../io/spreadsheet.ts';
import { formatFor, formatValue } from '../charts/format.ts';
import { indexOf } from '../charts/row-index.ts';
import { tabCharts } from '../charts/tabs.ts';
import { loadSite, type Article, type Site } from '../model/load.ts';
import { formatProblem, sortProblems } from '../model/problems.ts';
import { plural } from '../util/words.ts';
import { contentRoot, getSite, isDevServer } from './site.ts';
import { lastExceptionDate, versionExceptions } from './version-exceptions.ts';

export interface SiteVersion {
  /** YYYY-MM-DD (UTC): the day this state was published. */
  date: string;
  commit: string;
  site: Site;
}

export interface Version extends SiteVersion {
  /** What changed since the version before, in readers' words; ["First published"] for the first. */
  changes: string[];
}

/** A chart's or story's versions, newest first, and which of them the live page shows (if one does). */
export interface Versions {
  list: Version[];
  /** The version the live page shows; undefined when the live content is not yet committed (a preview). */
  current?: Version;
}

let loaded: { states: SiteVersion[]; skipped?: string } | undefined;

/** Every day's state of the site, oldest first, loaded once per build. */
export function siteHistory(): { states: SiteVersion[]; skipped?: string } {
  if (loaded) return loaded;
  const history = readHistory(contentRoot());
  if ('skipped' in history) {
    console.log(`Versions skipped: ${history.skipped}; the live site is built without its dated versions.`);
    return (loaded = { states: [], skipped: history.skipped });
  }
  const late = versionExceptions.find((e) => e.date > lastExceptionDate);
  if (late)
    throw new Error(
      `src/site/version-exceptions.ts: ${late.date} (${late.commit}) is later than ${lastExceptionDate}: only days from before versions existed may be left out; fix the code so that the day builds`,
    );
  const states: SiteVersion[] = [];
  for (const state of history.states) {
    if (versionExceptions.some((e) => e.commit === state.commit)) continue;
    // The latest day is usually the live content (a build of main): its site is the live one, loaded once, its
    // charts drawn once (memory: docs/performance.md). Not under `npm run dev`, whose live site shows drafts.
    if (state.live && !isDevServer()) {
      states.push({ date: state.date, commit: state.commit, site: getSite() });
      continue;
    }
    const { site, problems } = loadSite(state.root, { today: state.date });
    const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
    if (errors.length)
      throw new Error(
        `The site as published on ${state.date} (commit ${state.commit.slice(0, 10)}) no longer builds with today's code, ` +
          `so its versions cannot be kept: the editors' contract was broken. Make the code accept it again:\n` +
          errors.map((p) => `  ${formatProblem(p)}`).join('\n'),
      );
    states.push({ date: state.date, commit: state.commit, site });
  }
  return (loaded = { states });
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The original rows a chart draws, in any of its views, in dataset order. */
function drawnRows(site: Site, id: string): JsonRow[] {
  const spec = site.charts.get(id)!;
  const rows = site.datasets.get(spec.dataset)?.rows ?? [];
  const indexes = new Set((site.views.get(id) ?? []).flatMap((v) => v.rows.map(indexOf)));
  return [...indexes]
    .filter((i) => i !== undefined)
    .sort((a, b) => a - b)
    .map((i) => JSON.parse(JSON.stringify(rows[i])) as JsonRow);
}

/** What a chart draws and says: equal fingerprints, the same chart. */
function chartFingerprint(site: Site, id: string, seen = new Set<string>()): string {
  seen.add(id);
  const spec = site.charts.get(id)!;
  const dataset = site.datasets.get(spec.dataset);
  const rows = drawnRows(site, id);
  const named = new Set<unknown>(rows.map((r) => r.source));
  const { rows: _rows, changes: _changes, sources = [], ...about } = dataset ?? { rows: [], sources: [] };
  const tabs = tabCharts(spec).filter((tab) => !seen.has(tab) && site.charts.has(tab));
  return hash([
    spec,
    about,
    sources.filter((s) => named.has(s.id) || !rows.some((r) => r.source)),
    (site.views.get(id) ?? []).map((v) => v.rows),
    tabs.map((tab) => chartFingerprint(site, tab, seen)),
  ]);
}

function storyFingerprint(site: Site, article: Article): string {
  const charts = article.body.charts.flatMap((id) => [id, ...tabCharts(site.charts.get(id))]);
  return hash([article, charts.filter((id) => site.charts.has(id)).map((id) => chartFingerprint(site, id))]);
}

const listed = (items: string[], max = 4) =>
  items.length > max ? [...items.slice(0, max), `and ${items.length - max} more`].join('; ') : items.join('; ');

/** What changed in a chart between two states, by the same row comparison `npm run review` uses (mergeRows). */
function chartChanges(before: Site, after: Site, id: string): string[] {
  const a = before.charts.get(id)!;
  const b = after.charts.get(id)!;
  const rows = mergeRows(drawnRows(before, id), drawnRows(after, id));
  // A row as the chart names it: its values in the fields the chart draws by (year, place, edition, ...), not
  // every text field of the dataset: "2024, Australia".
  const by = [b.viewsBy, b.x, b.y, b.color, b.facet, b.label, 'year', 'date'].filter(
    (f, i, all): f is string => !!f && all.indexOf(f) === i && rows.key.includes(f),
  );
  const label = (row: JsonRow) =>
    (by.length ? by : rows.key)
      .map((f) => row[f])
      .filter((v) => v !== null && v !== undefined && v !== '')
      .join(', ') || 'a row';
  // Figures as the chart writes them (never rounded; "80%" on a percent axis).
  const shown = (value: unknown, field: string) =>
    formatValue(value, formatFor(field, field === b.x ? 'x' : field === b.y ? 'y' : undefined, b, rows.rows));
  const changes: string[] = [];
  if (rows.revised.length)
    changes.push(
      `${plural(rows.revised.length, 'figure')} revised: ${listed(rows.revised.map((r) => `${label(r.row)}: ${shown(r.from, r.field)} → ${shown(r.to, r.field)}`))}`,
    );
  if (rows.added.length) changes.push(`${plural(rows.added.length, 'row')} added: ${listed(rows.added.map(label))}`);
  if (rows.removed.length)
    changes.push(`${plural(rows.removed.length, 'row')} removed: ${listed(rows.removed.map(label))}`);
  const edited = [...new Set(rows.edited.map((e) => label(e.row)))];
  if (edited.length) changes.push(`Notes or labels changed in ${plural(edited.length, 'row')}: ${listed(edited)}`);
  if (a.title !== b.title) changes.push(`Title changed from “${a.title}”`);
  const parts = { subtitle: 'Subtitle', notes: 'Notes', annotations: "Annotations or what we don't know" } as const;
  for (const [field, name] of Object.entries(parts))
    if (JSON.stringify(a[field as keyof typeof parts]) !== JSON.stringify(b[field as keyof typeof parts]))
      changes.push(`${name} changed`);
  const da = before.datasets.get(a.dataset);
  const db = after.datasets.get(b.dataset);
  if (JSON.stringify(da?.sources) !== JSON.stringify(db?.sources)) changes.push('Sources changed');
  if (JSON.stringify(da?.notes) !== JSON.stringify(db?.notes)) changes.push("The data's notes changed");
  return changes.length ? changes : ['How the chart is drawn changed'];
}

/** Paragraphs, headings and list items of a story's text, as plain text. */
function blocks(article: Article): string[] {
  return article.body.segments.flatMap((s) =>
    'html' in s
      ? s.html
          .split(/<\/(?:p|h[1-6]|li|blockquote)>/)
          .map((html) =>
            html
              .replace(/<[^>]+>/g, '')
              .replace(/\s+/g, ' ')
              .trim(),
          )
          .filter(Boolean)
      : [`[chart ${s.chart}]`],
  );
}

function storyChanges(before: Site, after: SiteVersion, slug: string): string[] {
  const a = before.articles.find((x) => x.slug === slug)!;
  const b = after.site.articles.find((x) => x.slug === slug)!;
  const changes: string[] = [];
  if (a.title !== b.title) changes.push(`Headline changed from “${a.title}”`);
  if (a.description !== b.description) changes.push('Summary changed');
  const old = new Set(blocks(a));
  const rewritten = blocks(b).filter((text) => !old.has(text)).length;
  if (rewritten) changes.push(`${plural(rewritten, 'paragraph')} new or rewritten`);
  const added = (x: { date: Date }[], y: { date: Date }[]) => y.length - x.length;
  if (added(a.corrections, b.corrections) > 0)
    changes.push(`${plural(added(a.corrections, b.corrections), 'correction')} added`);
  if (JSON.stringify(a.uncertainties) !== JSON.stringify(b.uncertainties)) changes.push("“What we don't know” changed");
  const revised = b.body.charts.filter((id) => chartVersions(id).list.some((v) => v.date === after.date));
  if (revised.length)
    // Counted, not named: each chart's own page lists what changed in it, and its title can be a long sentence.
    changes.push(`${plural(revised.length, 'chart')} revised`);
  return changes.length ? changes : ['Details changed'];
}

/** The versions of one thing: a new one on each day its fingerprint changed (or it came back after a removal). */
function versionsOf(
  fingerprint: (site: Site) => string | undefined,
  changes: (before: Site, after: SiteVersion) => string[],
): Versions {
  const list: Version[] = [];
  let previous: { print: string; site: Site } | undefined;
  let newest: string | undefined; // list[0]'s fingerprint
  for (const state of siteHistory().states) {
    const print = fingerprint(state.site);
    if (print !== undefined && print !== previous?.print) {
      list.unshift({ ...state, changes: previous ? changes(previous.site, state) : ['First published'] });
      newest = print;
    }
    previous = print === undefined ? undefined : { print, site: state.site };
  }
  return { list, current: list[0] && fingerprint(getSite()) === newest ? list[0] : undefined };
}

/** The version to send a reader of `version` to: the live page's, else the newest; none when that is `version`. */
export function newerThan(versions: Versions, version: Version | undefined): Version | undefined {
  const latest = versions.current ?? versions.list[0];
  return version && latest !== version ? latest : undefined;
}

// Per live site: under `npm run dev` the live site is loaded afresh for each request, and which version it shows with it.
const chartCaches = new WeakMap<Site, Map<string, Versions>>();
const storyCaches = new WeakMap<Site, Map<string, Versions>>();
function cacheOf(caches: WeakMap<Site, Map<string, Versions>>): Map<string, Versions> {
  const live = getSite();
  let cache = caches.get(live);
  if (!cache) caches.set(live, (cache = new Map()));
  return cache;
}

/** A chart's published versions, newest first. */
export function chartVersions(id: string): Versions {
  const chartCache = cacheOf(chartCaches);
  let versions = chartCache.get(id);
  if (!versions) {
    versions = versionsOf(
      (site) => (site.charts.has(id) ? chartFingerprint(site, id) : undefined),
      (before, after) => chartChanges(before, after.site, id),
    );
    chartCache.set(id, versions);
  }
  return versions;
}

/** A story's published versions, newest first (drafts were never published: they have none). */
export function storyVersions(slug: string): Versions {
  const storyCache = cacheOf(storyCaches);
  let versions = storyCache.get(slug);
  if (!versions) {
    const article = (site: Site) => site.articles.find((a) => a.slug === slug && !a.draft);
    versions = versionsOf(
      (site) => {
        const found = article(site);
        return found && storyFingerprint(site, found);
      },
      (before, after) => storyChanges(before, after, slug),
    );
    storyCache.set(slug, versions);
  }
  return versions;
}

/** One dated version of a chart or story, for its page. */
export function versionOn(versions: Versions, date: string): Version {
  const version = versions.list.find((v) => v.date === date);
  if (!version) throw new Error(`No version of ${date}`);
  return version;
}

/** Route data of every dated version of every live chart: /charts/<id>/versions/<date>/ and its downloads. */
export function versionPaths() {
  return [...getSite().charts.keys()].flatMap((id) =>
    chartVersions(id).list.map((version) => ({ params: { id, date: version.date }, props: { version } })),
  );
}

/** Route data of every dated version of every published story. */
export function storyVersionPaths() {
  return getSite()
    .articles.filter((a) => !a.draft)
    .flatMap((article) =>
      storyVersions(article.slug).list.map((version) => ({
        params: { slug: article.slug, date: version.date },
        props: { version, slug: article.slug },
      })),
    );
}
