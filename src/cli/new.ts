// `npm run new -- article <slug>`, `npm run new -- chart <id> --dataset <dataset-id> [--mark <mark>] [--stack sum|share]
// [--facet <field>]`, `npm run new -- dataset <id>`: writes a starter file that passes `npm run check`, with what to
// fill in marked "FILL IN". Never overwrites; a chart starter is checked as `npm run check` would before it is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseEditions } from '../charts/editions.ts';
import { kinds as chartKinds, type Mark } from '../charts/kinds/index.ts';
import type { StarterFields } from '../charts/kinds/types.ts';
import { checkChart } from '../model/check-chart.ts';
import { checkDataset } from '../model/check-dataset.ts';
import { starterDatasetHead, starterFill as fill, starterMark } from '../model/drafts.ts';
import { loadSite } from '../model/load.ts';
import { fieldName } from '../model/problems.ts';
import { contentDirs } from '../model/read-files.ts';
import { didYouMean } from '../util/suggest.ts';
import { rowSchema } from '../schemas/row.ts';
import { chartSchema, idSchema, type Dataset } from '../schemas/index.ts';
import { isoDate, isoDatePattern } from '../util/dates.ts';
import { fail, readArguments } from './arguments.ts';

const usage = `Usage:
  npm run new -- article <slug>                      a draft story: content/articles/<slug>.md
  npm run new -- chart <id> --dataset <dataset-id>   a chart of a dataset: content/charts/<id>.json
      [--mark <mark>]                                drawn as this mark: ${Object.keys(chartKinds).join(', ')}
      [--stack sum|share]                            areas or bars stacked: totals, or each part's share
      [--facet <field>]                              one small chart per value of the field
  npm run new -- dataset <id>                        a dataset: data/<id>.json

Slugs and ids are lower-case letters, digits and hyphens, e.g. "cobalt-prices-2025".`;

const root = process.env.CONTENT_ROOT ?? process.cwd();
const today = isoDate(new Date());
/** "a bar", "an area": the article before a mark's name. */
const a = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function checkId(kind: string, id: string | undefined) {
  if (!id) fail(`Missing the ${kind === 'article' ? 'slug' : 'id'}.\n\n${usage}`, 2);
  if (idSchema.safeParse(id).success) return;
  const suggestion = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const hint = suggestion && idSchema.safeParse(suggestion).success ? ` (did you mean "${suggestion}"?)` : '';
  fail(
    `"${id}" cannot be ${kind === 'article' ? 'a slug' : 'an id'}: use lower-case letters, digits and hyphens only${hint}. Nothing was written.`,
  );
}

/** Writes a new file; refuses when one is there already (the `wx` flag makes that check and the write one step). */
function create(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  try {
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      fail(`${file} already exists, so nothing was written: choose another name, or edit that file.`);
    throw error;
  }
}

function article(slug: string): { file: string; text: string; next: string[] } {
  const file = `${contentDirs.articles}/${slug}.md`;
  const text = `---
# A new story. Everything marked ${starterMark} is yours to write; \`npm run check\` lists what is left.
# The field reference in CONTRIBUTING.md explains every field.
title: "${fill('the headline, one line')}"
description: "${fill('the dek: one or two sentences under the headline')}"
pubDate: ${today}
authors:
  - Supply Lines staff
tags:
  - critical-minerals
# draft: true keeps this story off the published site; it shows in \`npm run dev\` only.
# Change it to false when the story is ready to publish.
draft: true
# What the sources say is NOT known: each with who raised it and the ids of the charts it bears on.
uncertainties:
  - text: "${fill('something the sources say is not known, in plain words')}"
    raisedBy: "${fill('who says so, e.g. Analysts quoted in the report')}"
    charts: []
---

${fill('your first paragraph. Say what you checked and what you found.')}

## ${fill('a section heading')}

${fill('the next paragraph.')}

<!--
This comment never shows on the site. How to write the body:

- Place a chart on a line of its own, with the id of a file in content/charts/ (without .json):

::chart{id="china-mine-share"}

- Mark a claim you checked against the data (status: supported, disputed, unsupported or unverified):

:claim[the words of the claim]{status="disputed" note="what the data says" chart="china-mine-share"}

- Start a new chart with: npm run new -- chart <id> --dataset <dataset-id>
-->
`;
  return {
    file,
    text,
    next: [
      `Replace each ${starterMark} (npm run check lists them with their lines).`,
      `Preview: npm run dev, then open http://localhost:4321/articles/${slug}/`,
      'It stays a draft (off the published site) until you change "draft: true" to "draft: false".',
    ],
  };
}

const reserved = new Set(Object.keys(rowSchema.shape));
const marks = Object.keys(chartKinds) as Mark[];
const stacks = chartSchema.shape.stack.unwrap().options;

/** A dataset's fields as the kinds' starters see them; a facet's field is the facets', not a colour. */
function starterFields(dataset: Dataset, facet: string | undefined): StarterFields {
  const fields = [...new Set(dataset.rows.flatMap((row) => Object.keys(row)))].filter(
    (f) => !reserved.has(f) && f !== 'id',
  );
  const values = Object.fromEntries(
    fields.map((field) => [
      field,
      [...new Set(dataset.rows.map((row) => row[field]).filter((v) => v !== null && v !== undefined))],
    ]),
  );
  const isNumber = (field: string) => values[field].length > 0 && values[field].every((v) => typeof v === 'number');
  const isText = (field: string) => values[field].length > 0 && values[field].every((v) => typeof v === 'string');
  const isTime = (field: string) =>
    /year|date/i.test(field) || (isText(field) && values[field].every((v) => isoDatePattern.test(String(v))));
  const time = fields.find(isTime);
  const measure = fields.find((f) => f !== time && isNumber(f));
  const distinct = (f: string) => values[f].length;
  const categories = fields
    .filter((f) => f !== time && f !== facet && isText(f) && distinct(f) > 1)
    .sort((a, b) => distinct(a) - distinct(b));
  return { time, measure, categories, fields, values, rows: dataset.rows.length };
}

/** The errors `npm run check` would report on this chart (warnings, such as the FILL INs, are what a starter has). */
function checkErrors(spec: object, id: string, dataset: Dataset): string[] {
  const parsed = chartSchema.safeParse(spec);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const errors: string[] = [];
  const file = `${contentDirs.charts}/${id}.json`;
  const checked = checkDataset(dataset, () => {});
  checkChart(
    { ...parsed.data, id, file },
    new Map([[dataset.id, checked]]),
    new Set([dataset.id]),
    new Set(),
    (_file, field, message, severity = 'error') => {
      if (severity === 'error') errors.push(`${fieldName(field)}: ${message}`);
    },
  );
  return errors;
}

interface ChartOptions {
  dataset?: string;
  mark?: string;
  stack?: string;
  facet?: string;
}

function chart(
  id: string,
  { dataset: datasetId, mark: wanted, stack, facet }: ChartOptions,
): { file: string; text: string; next: string[] } {
  if (!datasetId) fail(`A chart draws one dataset: name it with --dataset <dataset-id>.\n\n${usage}`, 2);
  if (wanted !== undefined && !marks.includes(wanted as Mark))
    fail(`Unknown mark "${wanted}"${didYouMean(wanted, marks)}: --mark is one of ${marks.join(', ')}.\n\n${usage}`, 2);
  if (stack !== undefined && !(stacks as readonly string[]).includes(stack))
    fail(
      `Unknown stack "${stack}"${didYouMean(stack, stacks)}: write --stack sum (stacked totals) or --stack share (each part's percentage of the total).\n\n${usage}`,
      2,
    );
  const stacking = marks.filter((m) => chartKinds[m].checks?.stacks);
  if (stack && wanted && !stacking.includes(wanted as Mark))
    fail(
      `${capital(a(wanted))} chart does not stack: --stack works with --mark ${stacking.join(' or --mark ')}; choose one of them, or leave --stack out.\n\n${usage}`,
      2,
    );
  const noFacet = wanted && chartKinds[wanted as Mark].checks?.noFacet;
  if (facet && noFacet)
    fail(
      `${capital(a(wanted as string))} chart cannot be drawn as small multiples: ${noFacet}. Leave --facet out, or choose another --mark.\n\n${usage}`,
      2,
    );

  const { site, problems } = loadSite(root);
  const dataset = site.datasets.get(datasetId);
  if (!dataset) {
    const broken = problems.some((p) => p.severity === 'error' && p.file === `${contentDirs.data}/${datasetId}.json`);
    const known = [...site.datasets.keys()];
    fail(
      broken
        ? `data/${datasetId}.json has errors; fix them first (npm run check lists them). Nothing was written.`
        : `No dataset "${datasetId}" in data/${didYouMean(datasetId, known)}. Datasets: ${known.join(', ') || 'none yet (npm run new -- dataset <id>)'}. Nothing was written.`,
    );
  }
  const fields = starterFields(dataset, facet);
  if (facet && !fields.fields.includes(facet))
    fail(
      `No field "${facet}" in the rows of data/${datasetId}.json${didYouMean(facet, fields.fields)}: --facet names the field with one small chart per value. Fields: ${fields.fields.join(', ')}. Nothing was written.`,
    );

  const note = [
    `then delete this note. mark is one of ${marks.join(', ')}. x, y and color name fields of data/${datasetId}.json: ${fields.fields.join(', ')}. `,
    'A share or a difference is computed with "derive", never typed in; what is not known goes in "annotations" with "kind": "uncertainty". ',
    'A row\'s range goes in its "low" and "high" (a band on line and area charts, error bars on bars and dots); a row with "projection": true is a projection or forecast, drawn apart from measured figures. ',
    stack ? 'A stack adds up parts of a whole: filter out rows that are totals (e.g. "World total"). ' : '',
    `Every field is in the field reference of CONTRIBUTING.md. Place the chart in a story with ::chart{id="${id}"} on a line of its own.`,
  ].join('');
  // The registry's order is the order of preference; the first kind whose starter fits and passes the check draws it.
  const candidates = wanted
    ? [wanted as Mark]
    : marks.filter((m) => (!stack || stacking.includes(m)) && !(facet && chartKinds[m].checks?.noFacet));
  // Editions of one figure without their sources' published dates cannot be chosen: the starter draws them all.
  const allEditions = chooseEditions(dataset.rows, dataset).undated.length > 0;
  for (const mark of candidates) {
    const picked = chartKinds[mark].starter?.(fields);
    if (!picked) continue;
    const { x, y, color, filter, why } = picked;
    const spec = {
      title: fill('the finding, in one sentence, e.g. "China mines about two-thirds of the world\'s rare earths"'),
      subtitle: fill('measure, unit and period, e.g. "Share of world mine production, %, 2017-2024"'),
      dataset: datasetId,
      ...(allEditions ? { editions: 'all' as const } : {}),
      mark,
      x,
      y,
      ...(color ? { color } : {}),
      ...(filter ? { filter } : {}),
      ...(stack ? { stack } : {}),
      ...(facet ? { facet } : {}),
      notes: [fill('notes under the chart: how figures were computed, what the sources leave out.'), fill(note)],
    };
    const errors = checkErrors(spec, id, dataset);
    // The dataset has what the kind needs (its starter fitted), so the check's reason is the one to give.
    if (errors.length && wanted)
      fail(
        `${capital(a(mark))} starter of data/${datasetId}.json would not pass npm run check (${errors[0]}): change the rows, or choose another --mark. Nothing was written.`,
      );
    if (errors.length) continue;
    const keeps = filter
      ? `, only the rows with ${Object.entries(filter)
          .map(([f, v]) => `${f} = ${(Array.isArray(v) ? v : [v]).map((one) => JSON.stringify(one)).join(' or ')}`)
          .join(' and ')}${why ? ` (${why})` : ''}`
      : '';
    return {
      file: `${contentDirs.charts}/${id}.json`,
      text: `${JSON.stringify(spec, null, 2)}\n`,
      next: [
        `It draws data/${datasetId}.json as ${a(mark)} chart: x "${x}", y "${y}"${color ? `, colour "${color}"` : ''}${keeps}${stack ? `, stacked (${stack})` : ''}${facet ? `, one small chart per "${facet}"` : ''}. Change them if they are not the ones you want.`,
        `Replace each ${starterMark} (npm run check lists them with their lines).`,
        `Place it in a story with ::chart{id="${id}"} on a line of its own, then preview with npm run dev.`,
      ],
    };
  }
  if (wanted)
    fail(
      `${capital(a(wanted))} chart of data/${datasetId}.json cannot be started from its fields (${fields.fields.join(', ')}): ${chartKinds[wanted as Mark].starterNeeds}. Nothing was written.`,
    );
  fail(
    `No chart of data/${datasetId}.json ${[stack && `with --stack ${stack}`, facet && `with --facet ${facet}`].filter(Boolean).join(' and ') || ''} would pass npm run check: name a --mark to see why. Nothing was written.`,
  );
}

function dataset(id: string): { file: string; text: string; next: string[] } {
  const data = {
    ...starterDatasetHead(['source-1'], today),
    notes: [
      fill(
        'then delete this note. Type each figure exactly as the source gives it, never rounded; a figure computed from others (a share, a difference) is not typed in: the chart derives it. ' +
          'Mark a row "estimate": true when the source says it is an estimate, "secondary": true when you read it in a report quoting the source, ' +
          '"revised": "what an earlier edition gave" when the figure changed, "low" and "high" for a range. Every field is in the field reference of CONTRIBUTING.md.',
      ),
    ],
    rows: [
      {
        year: 2023,
        category: fill('a category, e.g. a country'),
        value: 0,
        source: 'source-1',
        note: fill('replace 0 with the figure as the source gives it'),
      },
      {
        year: 2024,
        category: fill('a category, e.g. a country'),
        value: 0,
        source: 'source-1',
        note: fill('replace 0 with the figure as the source gives it'),
      },
    ],
  };
  return {
    file: `${contentDirs.data}/${id}.json`,
    text: `${JSON.stringify(data, null, 2)}\n`,
    next: [
      'Rename the row fields (year, category, value) to what your figures are, e.g. year, country, tonnes.',
      `Replace each ${starterMark} and each 0 (npm run check lists what is left).`,
      `Then draw it: npm run new -- chart <chart-id> --dataset ${id}`,
    ],
  };
}

const { values: options, positionals } = readArguments(usage, ['dataset', 'mark', 'stack', 'facet']);
const [kind, id, ...extra] = positionals;
const kinds = ['article', 'chart', 'dataset'];
if (!kind) fail(usage, 2);
if (!kinds.includes(kind))
  fail(`Unknown kind "${kind}"${didYouMean(kind, kinds)}: write article, chart or dataset.\n\n${usage}`, 2);
checkId(kind, id);
if (extra.length)
  fail(
    `Unexpected ${extra.map((a) => `"${a}"`).join(' ')}. A slug or id is one word with hyphens, e.g. "cobalt-prices".\n\n${usage}`,
    2,
  );
const given = Object.keys(options);
if (kind !== 'chart' && given.length) fail(`Unexpected "--${given[0]}": only a chart takes options.\n\n${usage}`, 2);

const starter = kind === 'article' ? article(id) : kind === 'chart' ? chart(id, options) : dataset(id);
create(starter.file, starter.text);
console.log(
  `Wrote ${starter.file}, a starter that passes npm run check.\n${starter.next.map((step, i) => `  ${i + 1}. ${step}`).join('\n')}`,
);
