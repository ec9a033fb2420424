// The one-line source under a chart, as newsrooms write it: "Sources: USGS MCS 2019–2023, 2025; IEA GCMO 2024 via
// SEAISI." Never typed per chart: it is made from the dataset's `sources` that the drawn rows name, each by its
// `short` name (else its `name` up to the first colon), with the editions of one document joined into year ranges,
// at most three names.
// The full list, with links and editions, is behind "Sources and notes".
import { ascending, group } from 'd3-array';
import type { Dataset, Row, Source } from '../schemas/index.ts';

/** The sources the rows name, in the dataset's order; all of them when a row names none (it could be any). */
export function sourcesOfRows(dataset: Pick<Dataset, 'sources'>, rows: Row[]): Source[] {
  const named = new Set(rows.map((row) => row.source));
  if (named.has(undefined)) return dataset.sources;
  return dataset.sources.filter((source) => source.id !== undefined && named.has(source.id));
}

/**
 * The sources a chart cites in full (under "Sources and notes", and in its images): those its drawn rows name, and
 * the earlier editions their `revised` quotes ("MCS 2024 gave 18,000", typed or computed), in the dataset's order.
 */
export function sourcesCited(dataset: Pick<Dataset, 'sources' | 'rows'>, rows: Row[]): Source[] {
  const cited = new Set(sourcesOfRows(dataset, rows));
  const quoted = rows.flatMap((row) =>
    typeof row.revised === 'string' ? [...row.revised.matchAll(/([^;()]+?) gave\b/g)].map((m) => m[1]!.trim()) : [],
  );
  for (const edition of new Set(quoted)) {
    const byRow = dataset.rows.find((row) => row.edition === edition && row.source)?.source;
    for (const source of dataset.sources)
      if (
        source.id === byRow ||
        source.edition === edition ||
        source.edition?.startsWith(`${edition} `) ||
        source.short?.endsWith(edition)
      )
        cited.add(source);
  }
  return dataset.sources.filter((source) => cited.has(source));
}

/** "USGS MCS 2025": the source's `short`, else its name up to the first colon ("USGS Mineral Commodity Summaries 2025"). */
export function shortName(source: Pick<Source, 'name' | 'short'>): string {
  return source.short ?? source.name.split(': ')[0].trim();
}

/** 2019, 2020, 2021, 2025 -> "2019–2021, 2025". */
export function yearRanges(years: number[]): string {
  const sorted = [...new Set(years)].sort(ascending);
  const runs: [number, number][] = [];
  for (const year of sorted) {
    const last = runs.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(', ');
}

const maxParts = 3;

/** The line's text, "Source: ..." or "Sources: ...", for the rows a chart draws (every view's). */
export function oneLineSource(dataset: Pick<Dataset, 'sources'>, rows: Row[]): string {
  // Names ending in a year are editions of one document: group them under the words before the year.
  const names = sourcesOfRows(dataset, rows).map((source) => {
    const name = shortName(source);
    const edition = /^(.*\S)\s+((?:19|20)\d\d)$/.exec(name);
    return edition ? { document: edition[1], year: Number(edition[2]) } : { document: name };
  });
  const parts = [...group(names, (n) => n.document)].map(([document, editions]) => {
    const years = editions.flatMap((e) => (e.year === undefined ? [] : [e.year]));
    return years.length ? `${document} ${yearRanges(years)}` : document;
  });
  // One line means a few names: past three, the first two and how many more "Sources and notes" lists.
  const shown =
    parts.length > maxParts ? [...parts.slice(0, maxParts - 1), `${parts.length - maxParts + 1} others`] : parts;
  return `${names.length > 1 ? 'Sources' : 'Source'}: ${shown.join('; ')}.`;
}
