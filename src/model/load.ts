// Reads content/ and data/, validates every file against its schema and cross-checks them: the one entry point,
// for the build (src/site/site.ts), `npm run check` and `npm run new`. Reading the files is in read-files.ts, the
// checks in check-article.ts, check-dataset.ts and check-chart.ts, drafts and starter text in drafts.ts.
import type { z } from 'astro/zod';
import { commitmentTimeline, isTrackerChart } from './commitments.ts';
import { withRowIndex } from '../charts/row-index.ts';
import { statesOf } from '../charts/selection.ts';
import type { ChartStates } from '../remark/remark-view.ts';
import { tabCharts } from '../charts/tabs.ts';
import type { PreparedView } from '../charts/prepare.ts';
import { prepareViews } from '../charts/views.ts';
import { openingWords } from '../charts/views-by.ts';
import { renderMarkdown, type RenderedMarkdown } from '../remark/markdown.ts';
import {
  articleSchema,
  chartSchema,
  datasetSchema,
  type ArticleData,
  type ChartSpec,
  type Dataset,
} from '../schemas/index.ts';
import { checkArticle } from './check-article.ts';
import { checkChart } from './check-chart.ts';
import { checkChartTabs } from './check-chart-tabs.ts';
import { checkCommitments, withCommitments } from './check-commitments.ts';
import { checkDataset } from './check-dataset.ts';
import { checkFreshness } from './check-freshness.ts';
import { figureLookup, withoutFigureSyntax } from './figures.ts';
import { checkTypedChart, checkTypedProse, type ProseToCheck } from './typed-figures.ts';
import { printChartFigures } from './chart-figures.ts';
import { bodyStarters, draftsOf, reportStarters, starterText, warnUnused, type StarterText } from './drafts.ts';
import type { Locate } from '../util/positions.ts';
import { fieldName, type Problem, type Report } from './problems.ts';
import { contentDirs, listFiles, parseFrontMatter, parseJson, type SourceFile } from './read-files.ts';
import { didYouMean } from '../util/suggest.ts';
import { today } from '../util/today.ts';
import { validate } from './validate.ts';

export interface Article extends ArticleData {
  slug: string;
  file: string;
  body: RenderedMarkdown;
  /** Words in the body, for reading time. */
  words: number;
}

export interface Site {
  /** Datasets to publish: all but those only draft articles' charts draw (all of them when drafts are kept). */
  datasets: Map<string, Dataset>;
  /** Charts to publish: all but those only draft articles use (all of them when drafts are kept). */
  charts: Map<string, ChartSpec>;
  /** Each chart's views as prepared once for the checks, which the drawing reads too (src/site/charts.ts). */
  views: Map<string, readonly PreparedView[]>;
  /** Published articles (and drafts when asked for), newest first. */
  articles: Article[];
}

export interface LoadOptions {
  /** Keep `draft: true` articles (for `npm run dev`). */
  includeDrafts?: boolean;
  /** Today, YYYY-MM-DD, for what is late (a source's next edition). Default: util/today.ts (SUPPLY_LINES_TODAY, else the clock). */
  today?: string;
}

export function loadSite(root: string, options: LoadOptions = {}): { site: Site; problems: Problem[] } {
  const problems: Problem[] = [];
  const locators = new Map<string, Locate>();
  const report: Report = (file, field, message, severity = 'error') => {
    problems.push({ file, field: fieldName(field), message, severity, ...locators.get(file)?.(field) });
  };
  // Files that fail their schema are cross-checked too, minus their invalid fields (`partial`), so that one
  // mistake does not hide the others; `broken` keeps them out of the site.
  const broken = new Set<string>();
  // Starter text left in, by file: a warning while the file is unpublished, an error once it would be published.
  const starters: StarterText[] = [];
  const unpublished = new Set<string>(); // draft articles

  /** Reads one folder of JSON files against a schema: what validates (or partly validates) goes on. */
  const readJsonFolder = <S extends z.ZodType>(files: SourceFile[], schema: S) =>
    files.flatMap((source) => {
      const parsed = parseJson(source, problems);
      if (!parsed) return [];
      locators.set(source.file, parsed.locate);
      for (const [field, text] of starterText(parsed.raw)) starters.push({ file: source.file, field, text });
      const { data, partial, problems: found } = validate(schema, parsed.raw, source.file, parsed.locate);
      problems.push(...found);
      if (!data) broken.add(source.file);
      return [{ source, raw: parsed.raw, usable: (data ?? partial) as z.output<S> | undefined }];
    });

  // Datasets
  const datasets = new Map<string, Dataset>();
  const datasetFiles = listFiles(root, contentDirs.data, '.json', problems);
  for (const { source, usable } of readJsonFolder(datasetFiles, datasetSchema)) {
    if (!usable) continue;
    checkCommitments(source.file, usable, report);
    checkFreshness({ file: source.file, sources: usable.sources ?? [] }, options.today ?? today(), report);
    datasets.set(source.id, withCommitments({ ...usable, id: source.id, file: source.file }));
  }

  const charts = new Map<string, ChartSpec>();
  const chartFiles = listFiles(root, contentDirs.charts, '.json', problems);
  // Charts are checked against the datasets' rows as meant: a number typed as text is reported on its row only.
  const checkedDatasets = new Map([...datasets].map(([id, dataset]) => [id, checkDataset(dataset, report)]));
  // Each chart's views, prepared once (their rows indexed in the dataset, row-index.ts) for the `:view` links'
  // states, the chart's checks and its drawing.
  const views = new Map<string, readonly PreparedView[]>();
  const prepared = (chart: ChartSpec, dataset: Dataset) => {
    if (!views.has(chart.id)) views.set(chart.id, prepareViews(chart, withRowIndex(dataset.rows), dataset));
    return views.get(chart.id)!;
  };

  // What a :view link or a :claim may set a chart to; a chart too broken to draw is checked on its own file instead.
  // (The commitments' companion datasets are added after the articles: a link to one of their charts names the chart only.)
  const states = (id: string): ChartStates | undefined => {
    const chart = charts.get(id);
    const dataset = chart && checkedDatasets.get(chart.dataset);
    try {
      return chart && dataset && !broken.has(chart.file) ? statesOf(prepared(chart, dataset)) : undefined;
    } catch {
      return undefined;
    }
  };
  // Charts
  // What `:value` and checked claims print, read from the datasets' rows: in charts' words, and articles'.
  const figures = figureLookup(datasets, charts, states);
  for (const { source, raw, usable } of readJsonFolder(chartFiles, chartSchema)) {
    // A figure typed in its words is a warning; a :value there is printed from the data.
    if (usable)
      charts.set(
        source.id,
        printChartFigures(
          checkTypedChart({ ...usable, id: source.id, file: source.file }, datasets.get(usable.dataset), report),
          figures,
          report,
        ),
      );
    else {
      // Too broken to cross-check: still say when it names a dataset that does not exist.
      const dataset = (raw as { dataset?: unknown })?.dataset;
      if (typeof dataset === 'string' && !datasetFiles.some((f) => f.id === dataset)) {
        report(
          source.file,
          ['dataset'],
          `no dataset "${dataset}" in data/${didYouMean(
            dataset,
            datasetFiles.map((f) => f.id),
          )}`,
        );
      }
    }
  }

  // Articles
  const articles: Article[] = [];
  // Every chart file counts as existing, valid or not: a chart's own errors are reported on the chart.
  const chartIds = new Set(chartFiles.map((f) => f.id));
  const placedCharts = new Set<string>(); // by articles that are not drafts, for the warnings
  // Charts an article places or names (claims, uncertainties, corrections): a chart only drafts use is a draft too.
  const usedCharts = { published: new Set<string>(), draft: new Set<string>() };
  // A chart's figure shows the charts of its `tabs`: placing the chart places them, on its page and in its embed.
  const tabsOf = (id: string) => tabCharts(charts.get(id)).filter((tab) => tab !== id && charts.has(tab));
  const withTabs = (ids: Iterable<string>) => [...ids].flatMap((id) => [id, ...tabsOf(id)]);
  // The bodies, to find figures typed by hand.
  const prose: ProseToCheck[] = [];
  for (const source of listFiles(root, contentDirs.articles, '.md', problems)) {
    const front = parseFrontMatter(source, problems);
    if (!front) continue;
    const { parsed, locate } = front;
    locators.set(source.file, locate);
    const { data, partial, problems: found } = validate(articleSchema, parsed.data, source.file, locate);
    problems.push(...found);
    const bodyStartLine = source.text.slice(0, source.text.length - parsed.content.length).split('\n').length;
    const body = renderMarkdown(parsed.content, chartIds, states, tabsOf, figures);
    prose.push({ file: source.file, markdown: parsed.content, bodyStartLine, body, charts: withTabs(body.charts) });
    for (const m of body.messages) {
      problems.push({
        file: source.file,
        field: 'body',
        message: m.message,
        severity: 'error',
        line: m.line ? m.line + bodyStartLine - 1 : undefined,
        column: m.column,
      });
    }
    // Front matter missing a required field can still be cross-checked field by field.
    const usable = data ?? partial ?? validate(articleSchema.partial(), parsed.data, source.file, locate).partial;
    if (usable?.draft !== true) withTabs(body.charts).forEach((id) => placedCharts.add(id));
    else unpublished.add(source.file);
    const named = [
      ...withTabs(body.charts),
      ...body.claims.flatMap((c) => c.chart ?? []),
      ...[...(usable?.uncertainties ?? []), ...(usable?.corrections ?? [])].flatMap((u) => u.charts),
    ];
    for (const id of named) usedCharts[usable?.draft === true ? 'draft' : 'published'].add(id);
    for (const [field, text] of starterText(parsed.data)) starters.push({ file: source.file, field, text });
    starters.push(...bodyStarters(source, bodyStartLine));
    if (usable) checkArticle(source.file, usable, chartIds, report);
    if (!data || (data.draft && !options.includeDrafts)) continue;
    const words = withoutFigureSyntax(parsed.content, body.values)
      .replace(/[:#*_[\]{}()=">-]/g, ' ')
      .split(/\s+/)
      .filter(Boolean).length;
    articles.push({ ...data, slug: source.id, file: source.file, body, words });
  }
  articles.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.slug.localeCompare(b.slug));

  // Cross-checks
  // A dataset whose rows list commitments has a companion, `<id>-commitments`, computed from them (the timeline's).
  for (const dataset of [...datasets.values()]) {
    if (!dataset.commitments || broken.has(dataset.file)) continue;
    const companion = commitmentTimeline(dataset);
    if (datasetFiles.some((f) => f.id === companion.id)) {
      report(
        dataset.file,
        ['rows'],
        `the commitments' companion dataset is "${companion.id}", but data/${companion.id}.json exists: rename that file`,
      );
      continue;
    }
    datasets.set(companion.id, companion);
    checkedDatasets.set(companion.id, companion);
  }
  const datasetIds = new Set([...datasetFiles.map((f) => f.id), ...datasets.keys()]);
  // Rows missing a charted field in a dataset with errors are mostly those errors' echo (a misspelt field).
  const withErrors = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  for (const chart of charts.values()) checkChart(chart, checkedDatasets, datasetIds, withErrors, report, prepared);
  for (const chart of charts.values()) checkChartTabs(chart, charts, chartIds, report);
  // The agreements tracker places the charts of the commitments' companion dataset itself.
  for (const chart of charts.values())
    if (isTrackerChart(chart)) withTabs([chart.id]).forEach((id) => placedCharts.add(id));
  reportStarters(starters, charts, placedCharts, unpublished, problems, report);
  // Figures typed where the data holds them: warnings with the :value to write instead.
  for (const text of prose) checkTypedProse(text, charts, datasets, problems);

  const { draftCharts, draftDatasets } = draftsOf(usedCharts, charts, datasets);
  const publish = <T extends { id: string; file: string }>(items: Map<string, T>, drafts: Set<string>) =>
    new Map([...items].filter(([id, item]) => !broken.has(item.file) && (options.includeDrafts || !drafts.has(id))));
  // Unused charts and datasets are worth a look once the rest is right: with errors they are mostly their echo.
  if (!problems.some((p) => p.severity === 'error')) warnUnused(charts, datasets, placedCharts, draftCharts, report);

  // Pages, images and the search name a chart in the words of the view it opens at (`{year}` written as its year).
  const published = new Map(
    [...publish(charts, draftCharts)].map(([id, chart]) => [id, openingWords(chart, views.get(id)?.[0]?.view)]),
  );
  const publishedViews = new Map([...views].filter(([id]) => published.has(id)));
  return {
    site: { datasets: publish(datasets, draftDatasets), charts: published, views: publishedViews, articles },
    problems,
  };
}
