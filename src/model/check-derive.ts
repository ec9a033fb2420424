// A derive's total (and a rest's parts) must be one row per `by` value: with two "World total" rows for 2024 (two
// editions), a share divides by whichever came last and a rest silently drops the year. Derive runs on the rows a
// chart draws: each figure's latest edition (editions.ts), so dated editions of a total are one row; where the chart
// draws every edition, or editions lack the dates to choose, the error names the rows, the field they differ in, and
// how to keep one.
import type { ChartSpec, Dataset, Derive, Row } from '../schemas/index.ts';
import { differingFields } from '../charts/check-one-row.ts';
import type { Report } from './problems.ts';
import { rowList } from '../charts/row-index.ts';
import { chooseEditions, drawsAllEditions } from '../charts/editions.ts';

type Grouping = Extract<Derive, { op: 'share' | 'rest' }>;

export function checkDeriveRows(chart: ChartSpec, dataset: Dataset, report: Report) {
  if (!chart.derive?.length) return;
  // The rows derive reads: every edition when the chart (or a view) draws them all, else each figure's latest
  // (a figure whose editions have no dates keeps them all, and the editions' own error asks for the dates).
  const drawn = new Set(
    [chart, ...(chart.views ?? [])].some((v) => drawsAllEditions({ ...v, editions: chart.editions }))
      ? dataset.rows
      : chooseEditions(dataset.rows, dataset).rows,
  );
  chart.derive.forEach((derive, i) => {
    if (derive.op !== 'share' && derive.op !== 'rest') return;
    const name = derive.op === 'share' ? derive.as : derive.name;
    const uses =
      derive.op === 'share'
        ? `divides by the "${derive.total}" row of each ${derive.by}`
        : `takes its parts from the "${derive.total}" row of each ${derive.by}`;
    const keys: { value: string; field: 'total' | 'parts'; what: string }[] = [
      { value: derive.total, field: 'total', what: uses },
    ];
    if (derive.op === 'rest')
      for (const part of derive.parts)
        keys.push({
          value: part,
          field: 'parts',
          what: `takes the "${part}" row of each ${derive.by} from the "${derive.total}"`,
        });
    for (const key of keys) {
      const repeated = repeatedRows(derive, dataset.rows, key.value, drawn);
      if (!repeated) continue;
      report(
        chart.file,
        ['derive', i, key.field],
        `derive "${name}" ${key.what}, but ${repeated.message(dataset)}: keep one "${key.value}" row for each ${derive.by} in ${dataset.file}${repeated.fix}`,
      );
      break; // one error per derive: the rows it names are the editor's next step
    }
  });
}

/** The first `by` value with more than one row of `key` = value, in words, with the fix for the rows it names. */
function repeatedRows(derive: Grouping, rows: Row[], value: string, drawn: ReadonlySet<Row>) {
  const byValue = new Map<unknown, number[]>();
  rows.forEach((row, i) => {
    if (drawn.has(row) && row[derive.key] === value)
      byValue.set(row[derive.by], [...(byValue.get(row[derive.by]) ?? []), i]);
  });
  const found = [...byValue].find(([, indexes]) => indexes.length > 1);
  if (!found) return undefined;
  const [by, indexes] = found;
  const group = indexes.map((i) => rows[i]);
  const differ = differingFields(group, [derive.key, derive.by]).filter((f) => f !== derive.value)[0];
  const values = differ ? ` ("${group.map((r) => String(r[differ])).join('" and "')}")` : '';
  // Two editions of one figure: keep the latest, and say what the earlier said in its "revised" (valid JSON).
  const older =
    differ === 'edition'
      ? group.slice().sort((a, b) => String(a.edition).localeCompare(String(b.edition), 'en', { numeric: true }))[0]
      : undefined;
  const figure =
    older && typeof older[derive.value] === 'number'
      ? (older[derive.value] as number).toLocaleString('en-US')
      : undefined;
  const fix =
    older && figure
      ? `, and give what the other edition said in its "revised", e.g. ${JSON.stringify({
          revised: `${older.edition} gave ${figure}`,
        })
          .slice(1, -1)
          .replace(':', ': ')}`
      : '';
  return {
    message: (dataset: Dataset) =>
      `${derive.by} = ${JSON.stringify(by)} has ${indexes.length}: ${rowList(indexes)} of ${dataset.file}${differ ? `, which differ in "${differ}"${values}` : ''}`,
    fix,
  };
}
