// Drafts and starter text: what stays out of the published site with the drafts that use it, starter text
// ("FILL IN") left in a file, and charts or datasets nothing publishes.
import path from 'node:path';
import type { ChartSpec, Dataset } from '../schemas/index.ts';
import { contentDirs, type SourceFile } from './read-files.ts';
import { fieldName, type FieldPath, type Problem, type Report } from './problems.ts';

/** Text the starter files of `npm run new` hold where an editor has something to write. */
export const starterMark = 'FILL IN';

/** A starter text: the mark, then what to write there ("FILL IN: the unit of the figures, e.g. ..."). */
export const starterFill = (what: string) => `${starterMark}: ${what}`;

/** How a new dataset's file starts (`npm run new`, and `npm run import` of a new one): its title, description and
 * unit, and one source per id, each text to write marked; `retrieved` is the day the source was read. */
export function starterDatasetHead(sourceIds: string[], retrieved: string) {
  const fill = starterFill;
  return {
    title: fill('what the data is, e.g. "Rare-earth mine production by country, 2015-2024"'),
    description: fill('one or two sentences on what the rows hold and what they leave out'),
    unit: fill('the unit of the figures, e.g. "tonnes of rare-earth oxide (REO) equivalent"'),
    sources: sourceIds.map((id) => ({
      id,
      name: fill('publisher and document, e.g. "USGS Mineral Commodity Summaries 2025: Rare Earths"'),
      url: `https://example.org/${fill('the address of the document, copied from the browser')}`,
      edition: fill('the edition, e.g. "MCS 2025 (January 2025)"'),
      retrieved,
      kind: 'primary',
    })),
  };
}

/** Starter text found in a file: by field, or by line in an article's body. */
export interface StarterText {
  file: string;
  field: FieldPath;
  text: string;
  line?: number;
  column?: number;
}

/** Every text in a parsed file that still holds the starter mark, with its path. */
export function starterText(value: unknown, at: FieldPath = []): [FieldPath, string][] {
  if (typeof value === 'string') return value.includes(starterMark) ? [[at, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => starterText(item, [...at, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => starterText(item, [...at, key]));
  return [];
}

/** The body lines of an article that still hold the starter mark (the front matter's are found by field). */
export function bodyStarters(source: SourceFile, bodyStartLine: number): StarterText[] {
  return source.text.split('\n').flatMap((line, i) => {
    const column = line.indexOf(starterMark) + 1;
    return column && i + 1 >= bodyStartLine
      ? [{ file: source.file, field: ['body'], text: line.trim(), line: i + 1, column }]
      : [];
  });
}

/** Starter text left in: a warning while the file is unpublished, an error once it would be published. */
export function reportStarters(
  starters: StarterText[],
  charts: Map<string, ChartSpec>,
  placedCharts: ReadonlySet<string>,
  unpublished: ReadonlySet<string>,
  problems: Problem[],
  report: Report,
) {
  const publishedDatasets = new Set([...charts.values()].filter((c) => placedCharts.has(c.id)).map((c) => c.dataset));
  for (const { file, field, text, line, column } of starters) {
    const id = path.basename(file).replace(/\.[a-z]+$/, '');
    const why = file.startsWith(contentDirs.articles)
      ? !unpublished.has(file) && 'this article is not a draft, so it would be published'
      : file.startsWith(contentDirs.charts)
        ? placedCharts.has(id) && 'a published article places this chart'
        : publishedDatasets.has(id) && 'a chart in a published article uses this dataset';
    const message = `starter text to replace: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}${why ? ` (${why})` : ''}`;
    if (line)
      problems.push({ file, field: fieldName(field), message, severity: why ? 'error' : 'warning', line, column });
    else report(file, field, message, why ? 'error' : 'warning');
  }
}

/** Drafts are whole: what only drafts use stays out of the published site with them. A chart no article uses is
 * published on its own page; a dataset no chart draws is still listed in the catalogue. */
export function draftsOf(
  usedCharts: { published: ReadonlySet<string>; draft: ReadonlySet<string> },
  charts: Map<string, ChartSpec>,
  datasets: Map<string, Dataset>,
) {
  const draftCharts = new Set([...usedCharts.draft].filter((id) => !usedCharts.published.has(id)));
  const drawnBy = (datasetId: string) => [...charts.values()].filter((c) => c.dataset === datasetId);
  const draftDatasets = new Set(
    [...datasets.keys()].filter((id) => drawnBy(id).length > 0 && drawnBy(id).every((c) => draftCharts.has(c.id))),
  );
  return { draftCharts, draftDatasets };
}

export function warnUnused(
  charts: Map<string, ChartSpec>,
  datasets: Map<string, Dataset>,
  placedCharts: ReadonlySet<string>,
  draftCharts: ReadonlySet<string>,
  report: Report,
) {
  const usedDatasets = new Set([...charts.values()].map((c) => c.dataset));
  for (const chart of charts.values()) {
    // A draft's own chart is not unused: it is published with the draft.
    if (!placedCharts.has(chart.id) && !draftCharts.has(chart.id))
      report(
        chart.file,
        [],
        `no published story places chart "${chart.id}" (it still gets its own chart page)`,
        'warning',
      );
  }
  for (const dataset of datasets.values()) {
    if (!usedDatasets.has(dataset.id) && !dataset.derivedFrom)
      report(
        dataset.file,
        [],
        `no chart uses dataset "${dataset.id}" (it is still listed in the data catalogue)`,
        'warning',
      );
  }
}
