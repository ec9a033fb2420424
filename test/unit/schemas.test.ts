// The editors' contract as Zod schemas (src/schemas): what passes, what is refused, and at which field.
import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { annotationSchema } from '../../src/schemas/annotation.ts';
import { articleSchema, chartSchema, claimSchema, datasetSchema } from '../../src/schemas/index.ts';
import { correctionSchema } from '../../src/schemas/correction.ts';
import { deriveSchema } from '../../src/schemas/derive.ts';
import { referenceLineSchema } from '../../src/schemas/reference-line.ts';
import { rowSchema } from '../../src/schemas/row.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { uncertaintySchema } from '../../src/schemas/uncertainty.ts';
import { viewSchema } from '../../src/schemas/view.ts';
import { nonEmpty } from '../support/lists.ts';

const source = {
  name: 'USGS Mineral Commodity Summaries 2025: Rare Earths',
  url: 'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf',
};
const minimal = {
  article: { title: 'China mined more in 2024', description: 'A dek.', pubDate: '2025-01-15' },
  chart: { title: 'China mined more in 2024', dataset: 'mine-production', mark: 'line', x: 'year', y: 'tonnes_reo' },
  dataset: { title: 'Mine production', sources: [source], rows: [{ year: 2024, tonnes_reo: 270000 }] },
};

/** The paths of the fields a failed parse names, e.g. ["sources.0.url"]. */
function failedPaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success, `expected ${JSON.stringify(value)} to be refused`).toBe(false);
  return result.error!.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => [...issue.path, key].join('.'))
      : [issue.path.join('.')],
  );
}

function without(value: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[field];
  return copy;
}

describe('minimal valid files pass, with their defaults', () => {
  test('article', () => {
    const article = articleSchema.parse(minimal.article);
    expect(article.pubDate).toEqual(new Date('2025-01-15T00:00:00Z'));
    expect(article).toMatchObject({
      draft: false,
      authors: ['Supply Lines staff'],
      tags: [],
      uncertainties: [],
      corrections: [],
    });
  });

  test('chart', () => {
    expect(chartSchema.parse(minimal.chart)).toEqual(minimal.chart);
  });

  test('dataset', () => {
    expect(datasetSchema.parse(minimal.dataset)).toEqual(minimal.dataset);
  });

  test('an annotation is a note unless it says otherwise; a reference line is "reported" by default', () => {
    expect(annotationSchema.parse({ text: 'Quota, not output' }).kind).toBe('note');
    expect(referenceLineSchema.parse({ y: 80, label: 'About 80%, as reported' }).kind).toBe('reported');
  });

  test('notes may be one paragraph or a list, and are always read as a list', () => {
    expect(datasetSchema.parse({ ...minimal.dataset, notes: 'One note.' }).notes).toEqual(['One note.']);
    expect(chartSchema.parse({ ...minimal.chart, notes: ['A', 'B'] }).notes).toEqual(['A', 'B']);
  });
});

describe('each required field, when missing, fails at that field', () => {
  const required: [string, z.ZodType, Record<string, unknown>, string[]][] = [
    ['article', articleSchema, minimal.article, ['title', 'description', 'pubDate']],
    ['chart', chartSchema, minimal.chart, ['title', 'dataset', 'mark', 'x', 'y']],
    ['dataset', datasetSchema, minimal.dataset, ['title', 'sources', 'rows']],
    ['source', sourceSchema, source, ['name', 'url']],
    ['annotation', annotationSchema, { text: 'Quota, not output', kind: 'uncertainty' }, ['text']],
    ['claim', claimSchema, { status: 'disputed', note: 'The data says 69%.' }, ['status', 'note']],
    ['uncertainty', uncertaintySchema, { text: 'Timelines are unclear.', raisedBy: 'Analysts' }, ['text', 'raisedBy']],
    ['correction', correctionSchema, { date: '2025-02-01', text: 'The 2023 figure was revised.' }, ['date', 'text']],
    ['view', viewSchema, { id: '2024', label: '2024' }, ['id', 'label']],
  ];
  for (const [name, schema, valid, fields] of required) {
    test.for(nonEmpty(fields, `${name}: required fields`))(`${name} without %s`, (field) => {
      expect(schema.safeParse(valid).success).toBe(true);
      expect(failedPaths(schema, without(valid, field))).toEqual([field]);
    });
  }

  test('empty text does not count as given', () => {
    expect(failedPaths(articleSchema, { ...minimal.article, title: '' })).toEqual(['title']);
    expect(failedPaths(sourceSchema, { ...source, name: '' })).toEqual(['name']);
  });

  test('a dataset needs at least one source and at least one row', () => {
    expect(failedPaths(datasetSchema, { ...minimal.dataset, sources: [] })).toEqual(['sources']);
    expect(failedPaths(datasetSchema, { ...minimal.dataset, rows: [] })).toEqual(['rows']);
  });

  test('a reference line gives exactly one of x or y', () => {
    expect(referenceLineSchema.safeParse({ x: '2024-03-12', label: 'As reported' }).success).toBe(true);
    expect(referenceLineSchema.safeParse({ label: 'As reported' }).success).toBe(false);
    expect(referenceLineSchema.safeParse({ x: 2024, y: 80, label: 'As reported' }).success).toBe(false);
  });
});

describe('enums accept their values and nothing else', () => {
  const enums: [string, z.ZodType, Record<string, unknown>, string, string[], unknown[]][] = [
    [
      'chart mark',
      chartSchema,
      minimal.chart,
      'mark',
      ['line', 'area', 'bar', 'dot', 'cell', 'map'],
      ['pie', 'Line', ''],
    ],
    ['chart sort', chartSchema, minimal.chart, 'sort', ['ascending', 'descending'], ['up', 'asc']],
    ['annotation kind', annotationSchema, { text: 'x' }, 'kind', ['uncertainty', 'note', 'claim'], ['caveat', 'Note']],
    ['source kind', sourceSchema, source, 'kind', ['primary', 'secondary'], ['tertiary']],
    [
      'claim status',
      claimSchema,
      { note: 'n' },
      'status',
      ['supported', 'disputed', 'unsupported', 'unverified'],
      ['true', 'false', 'Disputed'],
    ],
    ['reference kind', referenceLineSchema, { y: 80, label: 'l' }, 'kind', ['reported', 'note'], ['estimate']],
  ];
  for (const [name, schema, base, field, good, bad] of enums) {
    test(name, () => {
      for (const value of nonEmpty(good, 'good values'))
        expect(schema.safeParse({ ...base, [field]: value }).success, value).toBe(true);
      for (const value of nonEmpty(bad, 'bad values'))
        expect(failedPaths(schema, { ...base, [field]: value })).toEqual([field]);
    });
  }

  test('formats of x and y', () => {
    for (const value of ['number', 'percent', 'year', 'date', 'text']) {
      expect(chartSchema.safeParse({ ...minimal.chart, format: { x: value, y: value } }).success).toBe(true);
    }
    expect(failedPaths(chartSchema, { ...minimal.chart, format: { y: 'currency' } })).toEqual(['format.y']);
  });

  test('derive operations are share, ratio and difference, each with its own fields', () => {
    expect(
      deriveSchema.safeParse({ op: 'share', as: 's', value: 'v', key: 'k', total: 'World total', by: 'year' }).success,
    ).toBe(true);
    expect(deriveSchema.safeParse({ op: 'ratio', as: 's', numerator: 'a', denominator: 'b' }).success).toBe(true);
    expect(deriveSchema.safeParse({ op: 'difference', as: 'd', a: 'a', b: 'b' }).success).toBe(true);
    expect(deriveSchema.safeParse({ op: 'sum', as: 's', a: 'a', b: 'b' }).success).toBe(false);
    expect(failedPaths(deriveSchema, { op: 'share', as: 's', value: 'v', key: 'k', by: 'year' })).toEqual(['total']);
  });
});

describe('URLs: http and https only', () => {
  test.for([
    'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf',
    'http://example.org/report',
    'HTTPS://EXAMPLE.ORG/',
  ])('accepts %s', (url) => {
    expect(sourceSchema.safeParse({ ...source, url }).success).toBe(true);
  });

  test.for([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://ftp.example.org/file.pdf',
    'file:///etc/passwd',
    'mailto:desk@example.org',
    '//pubs.usgs.gov/report.pdf',
    'pubs.usgs.gov/report.pdf',
    '',
  ])('refuses %j', (url) => {
    expect(failedPaths(datasetSchema, { ...minimal.dataset, sources: [{ ...source, url }] })).toEqual([
      'sources.0.url',
    ]);
  });
});

describe('dates: YYYY-MM-DD that exist on the calendar', () => {
  test.for(['2025-01-15', '2024-02-29', '2025-12-31'])('accepts %s', (date) => {
    expect(
      articleSchema
        .parse({ ...minimal.article, pubDate: date })
        .pubDate.toISOString()
        .slice(0, 10),
    ).toBe(date);
  });

  test('accepts a date object (as some YAML parsers give)', () => {
    expect(
      articleSchema.parse({ ...minimal.article, pubDate: new Date('2025-01-15T00:00:00Z') }).pubDate.toISOString(),
    ).toBe('2025-01-15T00:00:00.000Z');
  });

  test.for([
    '2025-02-30',
    '2023-02-29',
    '2025-13-01',
    '2025-04-31',
    '2025-00-10',
    '2025-1-5',
    '15/01/2025',
    'January 15, 2025',
    '2025-01-15T10:00:00Z',
    '',
  ])('refuses %j', (date) => {
    expect(failedPaths(articleSchema, { ...minimal.article, pubDate: date })).toEqual(['pubDate']);
  });

  test('impossible dates are refused in every dated field, with the date named', () => {
    const result = datasetSchema.safeParse({
      ...minimal.dataset,
      sources: [{ ...source, retrieved: '2025-02-30' }],
      changes: [{ date: '2025-02-30', text: 'Added 2024.' }],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['sources.0.retrieved', 'expected a date as YYYY-MM-DD, found "2025-02-30": there is no 30 February 2025'],
      ['changes.0.date', 'expected a date as YYYY-MM-DD, found "2025-02-30": there is no 30 February 2025'],
    ]);
    expect(
      failedPaths(articleSchema, { ...minimal.article, corrections: [{ date: '2025-02-30', text: 'x' }] }),
    ).toEqual(['corrections.0.date']);
  });
});

describe('unknown fields are refused, so a misspelling cannot pass silently', () => {
  test.for([
    ['article', articleSchema, { ...minimal.article, titel: 'x' }, 'titel'],
    ['chart', chartSchema, { ...minimal.chart, colour: 'country' }, 'colour'],
    ['dataset', datasetSchema, { ...minimal.dataset, source: source }, 'source'],
    [
      'source',
      datasetSchema,
      { ...minimal.dataset, sources: [{ ...source, link: 'https://example.org' }] },
      'sources.0.link',
    ],
    ['annotation', chartSchema, { ...minimal.chart, annotations: [{ text: 'x', label: 'y' }] }, 'annotations.0.label'],
    [
      'uncertainty',
      articleSchema,
      { ...minimal.article, uncertainties: [{ text: 'x', raisedBy: 'y', chart: 'z' }] },
      'uncertainties.0.chart',
    ],
    ['view', chartSchema, { ...minimal.chart, views: [{ id: 'a', label: 'A', colour: 'x' }] }, 'views.0.colour'],
    ['claim', claimSchema, { status: 'disputed', note: 'n', source: 'x' }, 'source'],
  ] as const)('%s', ([, schema, value, path]) => {
    expect(failedPaths(schema as z.ZodType, value)).toEqual([path]);
  });

  test('rows take any field name, but the reserved ones have fixed types and values stay flat', () => {
    expect(
      rowSchema.safeParse({
        country: 'China',
        tonnes_reo: 270000,
        quota: true,
        note: 'quota',
        low: 1,
        high: 2,
        revised: 'x',
      }).success,
    ).toBe(true);
    expect(failedPaths(rowSchema, { estimate: 'yes' })).toEqual(['estimate']);
    expect(failedPaths(rowSchema, { low: '5' })).toEqual(['low']);
    expect(failedPaths(rowSchema, { country: { name: 'China' } })).toEqual(['country']);
    expect(failedPaths(rowSchema, { countries: ['China'] })).toEqual(['countries']);
  });
});

describe('ids', () => {
  test('a chart names its dataset by a lower-case id', () => {
    expect(failedPaths(chartSchema, { ...minimal.chart, dataset: 'Mine_Production' })).toEqual(['dataset']);
    expect(failedPaths(chartSchema, { ...minimal.chart, dataset: '../data/mine-production' })).toEqual(['dataset']);
  });

  test('view ids are any text, as the field reference says; the URL hash gets its slug, as a topic URL does', () => {
    const id = (text: string) => viewSchema.parse({ id: text, label: 'x' }).id;
    // The first form is kept exactly as written, so links to a view keep working.
    expect(['mcs-2025', 'China-share', '2024', 'a--b'].map(id)).toEqual(['mcs-2025', 'China-share', '2024', 'a--b']);
    expect(id('2024 figures')).toBe('2024-figures');
    expect(id('share_of world (%)')).toBe('share_of-world-');
    expect(id('Côte d’Ivoire')).toBe('côte-divoire');
    expect(id('"><script>')).toBe('script');
    expect(failedPaths(viewSchema, { id: '!!!', label: 'x' })).toEqual(['id']);
    expect(failedPaths(viewSchema, { id: '', label: 'x' })).toEqual(['id']);
  });

  test('tags are free text as editors write them, and the old hyphenated form still passes', () => {
    const tags = ['Supply chains', 'DR Congo', 'US-China trade', 'rare-earths', '"><img src=x onerror=alert(1)>'];
    expect(articleSchema.parse({ ...minimal.article, tags }).tags).toEqual(tags);
    expect(failedPaths(articleSchema, { ...minimal.article, tags: ['cobalt', ''] })).toEqual(['tags.1']);
  });
});
