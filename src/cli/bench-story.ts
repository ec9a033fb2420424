// The synthetic stories `npm run bench` adds to a copy of the project: each with its own dataset of ~20 rows, an
// annotated line chart and a world map of a dozen places, written as an editor would write them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Countries a synthetic map names, as editors write them: ISO and USGS names, an alpha-3 code, small places. */
const benchPlaces = [
  'China',
  'United States',
  'Burma (Myanmar)',
  'Australia',
  'Nigeria',
  'Thailand',
  'India',
  'Russia',
  'Madagascar',
  'Malaysia',
  'Vietnam',
  'BRA',
  'Estonia',
  'Singapore',
];

/**
 * Realistic sizes: ~20 rows over two series with estimates, an annotated line chart, ~600 words; and a world map of
 * a dozen places (an aggregate row, estimates, a numbered note at a country).
 */
export function writeStory(dir: string, i: number) {
  const id = `bench-${i}`;
  const rows = [];
  for (let year = 2015; year <= 2024; year++) {
    for (const country of ['Alpha', 'Beta']) {
      rows.push({
        year,
        country,
        tonnes: 1000 + ((i * 37 + year * 11 + country.length * 7) % 900),
        edition: 'Bench 2025',
        ...(year === 2024 ? { estimate: true } : {}),
      });
    }
  }
  writeFileSync(
    path.join(dir, 'data', `${id}.json`),
    JSON.stringify(
      {
        title: `Synthetic production ${i}`,
        unit: 'tonnes',
        sources: [
          {
            name: 'Synthetic benchmark data',
            url: 'https://example.org/bench',
            edition: 'Bench 2025',
            kind: 'primary',
          },
        ],
        rows,
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(dir, 'content', 'charts', `${id}.json`),
    JSON.stringify(
      {
        title: `Output ${i} grew unevenly`,
        subtitle: 'Tonnes, 2015-2024',
        dataset: id,
        mark: 'line',
        x: 'year',
        y: 'tonnes',
        color: 'country',
        annotations: [
          { text: 'The 2024 figures are estimates.', kind: 'uncertainty', raisedBy: 'The benchmark', x: 2024, y: 1000 },
        ],
        notes: 'Synthetic data for the build benchmark.',
      },
      null,
      2,
    ),
  );
  const places = benchPlaces.map((place, k) => ({
    place,
    tonnes: 100 + ((i * 53 + k * 131) % 90000),
    ...(k % 3 === 0 ? { estimate: true } : {}),
  }));
  writeFileSync(
    path.join(dir, 'data', `${id}-places.json`),
    JSON.stringify(
      {
        title: `Synthetic production by place ${i}`,
        unit: 'tonnes',
        sources: [
          {
            name: 'Synthetic benchmark data',
            url: 'https://example.org/bench',
            edition: 'Bench 2025',
            kind: 'primary',
          },
        ],
        rows: [...places, { place: 'World total', tonnes: places.reduce((sum, r) => sum + r.tonnes, 0) }],
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(dir, 'content', 'charts', `${id}-map.json`),
    JSON.stringify(
      {
        title: `Output ${i} is spread over a dozen countries`,
        subtitle: 'Tonnes, 2024, in tenfold steps (a log scale)',
        dataset: `${id}-places`,
        mark: 'map',
        x: 'place',
        y: 'tonnes',
        map: { scale: 'log' },
        annotations: [
          { text: 'A synthetic caveat at a country.', kind: 'uncertainty', raisedBy: 'The benchmark', x: 'China' },
        ],
      },
      null,
      2,
    ),
  );
  const paragraph =
    'Synthetic paragraph text for the build benchmark, about the length of a real paragraph in a story. '.repeat(6);
  const body = Array.from({ length: 8 }, (_, p) =>
    p === 3 ? `::chart{id="${id}"}\n\n${paragraph}` : p === 6 ? `::chart{id="${id}-map"}\n\n${paragraph}` : paragraph,
  ).join('\n\n');
  writeFileSync(
    path.join(dir, 'content', 'articles', `${id}.md`),
    `---\ntitle: "Benchmark story ${i}"\ndescription: "A synthetic story for the build benchmark."\npubDate: 2020-01-01\ntags: [bench]\n---\n\n${body}\n`,
  );
}

/** Revises a synthetic story's figures, as a new edition would: one row of each of its two datasets (a figure changed). */
export function reviseStory(dir: string, i: number) {
  const revise = (file: string, pick: (row: Record<string, unknown>) => boolean) => {
    const full = path.join(dir, 'data', file);
    const data = JSON.parse(readFileSync(full, 'utf8')) as { rows: Record<string, unknown>[] };
    for (const row of data.rows.filter(pick)) row.tonnes = (row.tonnes as number) + 10;
    writeFileSync(full, JSON.stringify(data, null, 2));
  };
  revise(`bench-${i}.json`, (row) => row.year === 2024 && row.country === 'Alpha');
  // The world total stays the sum of the places.
  revise(`bench-${i}-places.json`, (row) => row.place === 'China' || row.place === 'World total');
}

/**
 * Makes `dir` a git repository whose history publishes its content on two days, so that the build makes dated
 * versions (src/io/history.ts): yesterday (UTC) the project's content and `stories` synthetic stories, today the
 * same with every synthetic dataset revised, so each synthetic chart and story has two versions.
 */
export function writeHistory(dir: string, stories: number) {
  const day = 24 * 3600 * 1000;
  const today = new Date(Math.floor(Date.now() / day) * day);
  const git = (args: string[], date?: Date) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_DATE: date?.toISOString(), GIT_COMMITTER_DATE: date?.toISOString() },
    });
  const commit = (message: string, date: Date) => {
    git(['add', '--', 'content', 'data']);
    git(['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], date);
  };
  git(['init', '-q', '-b', 'main']);
  for (let i = 1; i <= stories; i++) writeStory(dir, i);
  commit('The site and its synthetic stories', new Date(today.getTime() - day + 9 * 3600 * 1000));
  for (let i = 1; i <= stories; i++) reviseStory(dir, i);
  commit('Every synthetic dataset revised', new Date(Math.min(Date.now(), today.getTime() + 60 * 1000)));
}
