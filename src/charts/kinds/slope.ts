// Slope charts: one line per color (or label) category between exactly two x values (two editions, two years),
// each end labelled with its value, the left end with the category's name too. Where labels would collide, the
// largest changes keep theirs and the smaller ones' are left out (their values stay in the tooltip and the table).
import { extent, nice } from 'd3-array';
import { checkOneRowPerKey } from '../check-one-row.ts';
import { grid, ink, muted } from '../colors.ts';
import { basePlan, pointRadius, type Plan } from '../layout/plan.ts';
import { measure, wrap, type TextBlock } from '../layout/text.ts';
import { pointBox } from '../overlay/place.ts';
import type { Box, Segment } from '../overlay/space.ts';
import type { At } from '../overlay/types.ts';
import { formatValue } from '../format.ts';
import { textWidth } from '../text-measure.ts';
import { isProjection, projectionDash, withProjections } from '../projection.ts';
import type { ResolvedChart } from '../prepare.ts';
import { viewFieldPath } from '../views-by.ts';
import { axisNumber, domainRows, seriesOf, type ChartShape, type DrawRow } from '../shape.ts';
import { estimateNote, summaryFormats } from '../summary.ts';
import type { FieldPath } from '../../util/positions.ts';
import type { ChartCheck, ChartKind, ViewCheck } from './types.ts';

/** The field whose categories are the lines: the colour, else the label. */
const seriesField = (chart: ResolvedChart) => chart.color ?? chart.label;

/** The x values, earlier first: numbers and dates ascending, text in natural order ("MCS 2023" before "MCS 2025"). */
export function slopeEnds(rows: { __x: unknown }[]): unknown[] {
  const values = [...new Map(rows.map((r) => [String(axisNumber(r.__x)) + String(r.__x), r.__x])).values()];
  if (values.every((v) => typeof v === 'number' || v instanceof Date))
    return values.sort((a, b) => axisNumber(a) - axisNumber(b));
  return values.sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true }));
}

/** Each line: its category, its rows at the left and right ends (one may be missing), and its change. */
function linesOf(chart: ResolvedChart, shape: ChartShape) {
  const [left, right] = slopeEnds(shape.rows);
  const at = (list: DrawRow[], end: unknown) => list.find((r) => String(r.__x) === String(end));
  return [...seriesOf(shape.rows, seriesField(chart))].map(([name, list]) => {
    const [from, to] = [at(list, left), at(list, right)];
    return { name, from, to, change: from && to ? Number(to.__y) - Number(from.__y) : 0 };
  });
}

/** The lines in the order their labels are kept: largest change first, then by name, so the choice is stable. */
const byImportance = <T extends { name: string; change: number }>(lines: T[]) =>
  lines.slice().sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.name.localeCompare(b.name));

/** A slope's own plan: the label at each end of each line (its name and value at the left, its value at the right). */
interface SlopePlan extends Plan {
  endText: Map<DrawRow, TextBlock>;
}

export const slope: ChartKind<SlopePlan> = {
  checks: {
    zeroOn: ['y'],
    rows(check) {
      for (const view of check.views) if (view.rows.length) checkEnds(check, view);
    },
  },
  // Between the time field's (or the fewest-valued category's) first and last values, one line per other category.
  starter: ({ time, measure, categories, values }) => {
    const x = time ?? categories[0];
    const color = categories.find((c) => c !== x);
    if (!x || !measure || !color || values[x].length < 2) return undefined;
    const ends = slopeEnds(values[x].map((v) => ({ __x: v })));
    return {
      x,
      y: measure,
      color,
      ...(ends.length > 2 ? { filter: { [x]: [ends[0], ends.at(-1)] as (string | number | boolean)[] } } : {}),
    };
  },
  starterNeeds:
    'a slope needs a field with at least two values for x (a year, a date or a category; a filter keeps the first and the last), a number field for y and a text field with at least two values for color (one line each)',
  // Rows in reading order, line by line (the key's order), each from its left end to its right.
  arrange(chart, rows, _orientation, colorKey) {
    const field = seriesField(chart);
    const order = [
      ...new Set([...colorKey.entries.map((c) => c.value), ...rows.map((r) => String(field ? r[field] : ''))]),
    ];
    const ends = slopeEnds(rows).map(String);
    rows.sort(
      (a, b) =>
        order.indexOf(String(field ? a[field] : '')) - order.indexOf(String(field ? b[field] : '')) ||
        ends.indexOf(String(a.__x)) - ends.indexOf(String(b.__x)),
    );
  },
  plan(chart, shape, layout, uncertainties) {
    const ends = slopeEnds(shape.rows);
    if (ends.length !== 2)
      throw new Error(
        `a slope chart needs exactly two values of "${chart.x}", found ${ends.length}: ${ends.map((e) => JSON.stringify(e)).join(', ')}`,
      );
    const ctx = basePlan(chart, shape, layout, uncertainties, {
      dotRadius: pointRadius(layout.fontSize),
      rowLabels: () => 'none',
    });
    const { plan, f, lineHeight, lows, highs, yDisplay } = ctx;
    const { width } = layout;
    // Labels: the category's name and value at the left end (wrapped), the value at the right end.
    const gap = plan.dotRadius + 6;
    const room = width * (width >= 480 ? 0.3 : 0.34);
    const endText = new Map<DrawRow, TextBlock>();
    for (const { name, from, to } of linesOf(chart, shape)) {
      if (from)
        endText.set(from, fit(wrap(`${name ? `${name} ` : ''}${yDisplay(from[chart.y])}`, room, f, true), room, f));
      if (to)
        endText.set(to, fit(measure(`${yDisplay(to[chart.y])}${!from && name ? ` ${name}` : ''}`, f, true), room, f));
    }
    const widest = (end: unknown) =>
      Math.max(0, ...[...endText].filter(([row]) => String(row.__x) === String(end)).map(([, block]) => block.width));
    plan.marginLeft = Math.ceil(widest(ends[0])) + gap + 2;
    plan.marginRight = Math.ceil(Math.max(widest(ends[1]), ctx.markerRoom)) + gap + 2;
    // The two editions or years head their columns, above the frame.
    plan.marginTop = lineHeight + 14;
    plan.marginBottom = 10;
    // Every value the frame must hold: the points (every facet's), their ranges, reference lines and notes.
    const values = [
      ...domainRows(shape).map((r) => Number(r.__y)),
      ...lows,
      ...highs,
      ...ctx.yRefs.map((r) => Number(r.y)),
      ...uncertainties.map((u) => Number(u.y)),
    ];
    plan.yDomain = slopeDomain(values.filter(Number.isFinite), shape.yFormat === 'percent');
    plan.xDomain = ends;
    const frame = Math.max(width >= 480 ? 300 : 280, linesOf(chart, shape).length * lineHeight * 1.4);
    plan.height = plan.marginTop + frame + plan.marginBottom;
    return { ...plan, endText };
  },
  marks({ Plot, chart, shape, plan, layout, colorOf, estimateFill }) {
    const pairs = linesOf(chart, shape).filter((l) => l.from && l.to) as { from: DrawRow; to: DrawRow }[];
    const strokeWidth = layout.width >= 480 ? 2.5 : 2.25;
    const link = (part: typeof pairs, style: object) =>
      Plot.link(part, {
        x1: (p) => p.from.__x,
        y1: (p) => p.from.__y,
        x2: (p) => p.to.__x,
        y2: (p) => p.to.__y,
        stroke: (p) => colorOf(p.to),
        strokeWidth,
        ...style,
      });
    // A line into a projection is dashed, never solid (Plot takes a dash as a constant: a mark of its own).
    const projected = pairs.filter((p) => isProjection(p.from) || isProjection(p.to));
    const lines = projected.length
      ? [
          link(
            pairs.filter((p) => !projected.includes(p)),
            {},
          ),
          link(projected, { strokeDasharray: projectionDash, className: 'chart-projection' }),
        ]
      : [link(pairs, {})];
    return {
      under: [Plot.ruleX(plan.xDomain!, { stroke: grid, strokeWidth: 1 })],
      data: [
        ...lines,
        ...withProjections(shape.rows, (part, style) =>
          Plot.dot(part, {
            x: '__x',
            y: '__y',
            r: plan.dotRadius,
            stroke: colorOf,
            strokeWidth: 1.75,
            fill: estimateFill,
            ...style,
          }),
        ),
      ],
    };
  },
  scales: ({ shape, plan }) => ({
    x: {
      type: 'point',
      domain: plan.xDomain,
      padding: 0,
      axis: 'top',
      ticks: plan.xDomain,
      tickSize: 0,
      tickPadding: 10,
      label: null,
      tickFormat: (v: unknown) => formatValue(v, shape.xFormat),
    },
    y: { domain: plan.yDomain, axis: null },
  }),
  overlay: () => ({
    markBox: pointBox,
    markIsHard: true,
    dataSegments: slopeSegments,
    rangeAxis: 'y',
    series: endLabels,
  }),
  summarize(chart, shape) {
    const { fx, fy } = summaryFormats(chart, shape);
    const [left, right] = slopeEnds(shape.rows);
    const lines = linesOf(chart, shape);
    const both = lines.filter((l) => l.from && l.to);
    const size = (d: number) => {
      const amount = formatValue(
        Math.round(Math.abs(d) * 1e9) / 1e9,
        shape.yFormat === 'percent' ? 'number' : shape.yFormat,
      );
      return shape.yFormat === 'percent' ? `${amount} percentage points` : amount;
    };
    const describe = (l: (typeof both)[number], word: string) =>
      `${word}: ${l.name || 'the line'}, from ${fy(l.from![chart.y])} to ${fy(l.to![chart.y])} (${l.change > 0 ? 'up' : 'down'} ${size(l.change)})`;
    const rises = byImportance(both.filter((l) => l.change > 0));
    const falls = byImportance(both.filter((l) => l.change < 0));
    const parts = [
      `${both.length} ${both.length === 1 ? 'line' : 'lines'} from ${fx(left)} to ${fx(right)}.`,
      falls.length ? `${describe(falls[0], 'Largest fall')}.` : 'None fell.',
      rises.length ? `${describe(rises[0], 'Largest rise')}.` : 'None rose.',
    ];
    const unchanged = both.filter((l) => l.change === 0).map((l) => l.name);
    if (unchanged.length) parts.push(`Unchanged: ${unchanged.join(', ')}.`);
    for (const end of [left, right]) {
      const only = lines.filter((l) => (end === left ? l.from && !l.to : l.to && !l.from)).map((l) => l.name);
      if (only.length) parts.push(`Only in ${fx(end)}: ${only.join(', ')}.`);
    }
    return `${parts.join(' ')}${estimateNote(shape.rows)}`;
  },
  reading: { hit: () => 'xy', head: 'value' },
  legendShape: 'dot',
  // Its text x holds its two ends (editions, years); its places are its lines.
  placeField: seriesField,
};

/** Every view of a slope draws between exactly two x values, with one row per line (color, else label) at each. */
function checkEnds(check: ChartCheck, viewCheck: ViewCheck) {
  const { chart, report, once } = check;
  const { view, resolved, rows } = viewCheck;
  const count = 2;
  const inView = view ? ` in view "${view.id}"` : '';
  const found = [
    ...new Set(
      rows
        .map((r) => r[resolved.x])
        .filter((v) => v !== null && v !== undefined)
        .map((v) => JSON.stringify(v)),
    ),
  ];
  const xPath: FieldPath = view?.x ? viewFieldPath(chart, view, 'x') : ['x'];
  if (found.length !== count) {
    if (!once(`${xPath.join('.')} values${inView}`)) return;
    const example =
      found.length > count
        ? `: keep ${count} with a filter, e.g. "filter": { "${resolved.x}": [${found.slice(0, count).join(', ')}] }`
        : `: add rows for another ${resolved.x}, or draw the figures as a bar or dot chart`;
    report(
      chart.file,
      xPath,
      `a ${chart.mark} chart draws lines between exactly ${count} values of "${resolved.x}", but the rows it keeps${inView} hold ${found.length}: ${found.join(', ')}${example}`,
    );
    return;
  }
  // One point per line at each end: the line's category (color, else label) and x.
  const series = resolved.color ?? resolved.label;
  const x = resolved.x;
  checkOneRowPerKey(check, viewCheck, {
    fields: series ? [series, x] : [x],
    of: (row) => JSON.stringify([series ? row[series] : null, row[x]]),
    name: (row) => (series ? `${JSON.stringify(row[series])} at ${JSON.stringify(row[x])}` : JSON.stringify(row[x])),
    draws: `a ${chart.mark} chart draws one point per ${series ? `${series} at each ` : ''}${x}`,
    keep: `one row per ${series ? `${series} and ` : ''}${x}`,
    ...(series ? {} : { otherwise: ', or give the chart a "color" field (one line per category)' }),
  });
}

/**
 * The y domain of a slope, which compares two values per line rather than measuring from zero: the data's extent
 * with a little room, in round numbers. Zero stays in it when it is near (leaving it out would save under a third
 * of the frame) or when a reference line or a note asks for it. Shares end at 100% at the most.
 */
function slopeDomain(values: number[], percent: boolean): [number, number] {
  const [low, high] = extent(values) as [number, number];
  if (low === undefined) return [0, 1];
  // The end nearer zero, and the one further from it, when zero is not between them.
  const [near, far] = low >= 0 ? [low, high] : high <= 0 ? [-high, -low] : [0, 0];
  const withZero = near <= far / 3;
  const room = (high - low || Math.abs(high) || 1) * 0.04;
  const [start, stop] = nice(withZero ? Math.min(0, low) : low - room, withZero && high <= 0 ? 0 : high + room, 5);
  return [start, percent && high <= 100 ? Math.min(stop, 100) : stop];
}

/** A label no wider than the room: a word too long for it (a name with no spaces) is cut short with an ellipsis. */
function fit(block: TextBlock, room: number, f: number): TextBlock {
  if (block.width <= room) return block;
  const lines = block.lines.map((line) => {
    let text = line;
    while (text.length > 1 && textWidth(`${text}…`, f, true) > room) text = text.slice(0, -1);
    return text === line ? line : `${text}…`;
  });
  return { lines, width: Math.max(...lines.map((l) => textWidth(l, f, true))) };
}

/** The lines between the ends, which labels should not cross. */
function slopeSegments(at: At): Segment[] {
  return linesOf(at.chart, at.shape).flatMap(({ from, to }) =>
    from && to ? [[at.x(from.__x), at.y(from.__y), at.x(to.__x), at.y(to.__y)] as Segment] : [],
  );
}

/**
 * The end labels, at each end in order of importance: a label goes at its point's height, or shifted by up to a line,
 * where it overlaps no label kept before it; otherwise it is left out. Nothing overlaps, and the same data
 * always keeps the same labels.
 */
function endLabels(at: At<SlopePlan>): void {
  const { chart, plan, paint, g, space, x, y, lh } = at;
  const gap = plan.dotRadius + 6;
  const lines = byImportance(linesOf(chart, at.shape));
  for (const side of ['from', 'to'] as const) {
    const kept: Box[] = [];
    for (const line of lines) {
      const row = line[side];
      const block: TextBlock | undefined = row && plan.endText.get(row);
      if (!row || !block) continue;
      const height = block.lines.length * lh;
      const [px, py] = [x(row.__x), y(row.__y)];
      const anchor = side === 'from' ? 'end' : 'start';
      const edge = side === 'from' ? px - gap : px + gap;
      // A label of several lines may also move until its first or last line is at its point.
      const reach = lh + (height - lh) / 2;
      const shifts = [
        0,
        ...Array.from({ length: Math.floor(reach / 2) }, (_, i) => 2 * (i + 1)).flatMap((s) => [-s, s]),
      ];
      const place = shifts
        .map((shift) => paint.box(block, edge, py - height / 2 + shift, anchor))
        .find(
          (box) =>
            box.y0 >= plan.marginTop - 8 &&
            box.y1 <= plan.height - 2 &&
            kept.every((k) => box.y1 + 1 <= k.y0 || box.y0 >= k.y1 + 1),
        );
      if (!place) continue;
      kept.push(place);
      const color = at.colorOf(row);
      space.hard.push(
        paint.text(g, block, edge, place.y0, {
          anchor,
          fill: color === muted ? ink : color,
          weight: 'bold',
          halo: true,
          className: 'chart-series-label',
        }),
      );
    }
  }
}
