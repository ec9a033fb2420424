// What Plot's marks cannot place well on their own, drawn in pixels with Plot's own scales (as render functions):
// category labels above rows, reference-line labels, error bars, the kind's own labels and the numbered uncertainty
// markers. Each label and marker is put where it covers the least (space.ts).
// Order is output: the layers run in one fixed sequence, and a kind fills the named slots (OverlayHooks) it needs.
import { ink, reported } from '../colors.ts';
import type { Plan } from '../layout/plan.ts';
import { bandRows } from '../projection.ts';
import type { ResolvedChart } from '../prepare.ts';
import { asAxisValue, type ChartShape, type DrawRow, type NumberedAnnotation } from '../shape.ts';
import { placeMarkers } from './markers.ts';
import { axisTextBoxes } from './series-labels.ts';
import { frameOf, Painter, type RenderFunction, type Scale } from './paint.ts';
import { Space, type Box } from './space.ts';
import type { At, OverlayHooks } from './types.ts';

export type { At, OverlayHooks };

/** The box of a dot: its radius and a pixel more. */
export function pointBox(row: DrawRow, at: At): Box {
  const r = at.plan.dotRadius + 1;
  return { x0: at.x(row.__x) - r, x1: at.x(row.__x) + r, y0: at.y(row.__y) - r, y1: at.y(row.__y) + r };
}

/** Under the data: the kind's underlay (a timeline's row guides and period boundaries). */
export function underlayMark<P extends Plan>(plan: P, hooks: OverlayHooks<P>): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const paint = new Painter(context.document, plan);
    const g = paint.el('g', { class: 'chart-underlay', 'aria-hidden': 'true' });
    hooks.underlay?.(paint, g, scales, plan);
    return g;
  };
}

export function overlayMark<P extends Plan>(
  plan: P,
  chart: ResolvedChart,
  shape: ChartShape,
  uncertainties: NumberedAnnotation[],
  colorOf: (row: DrawRow) => string,
  hooks: OverlayHooks<P>,
): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const paint = new Painter(context.document, plan);
    const g = paint.el('g', { class: 'chart-overlay' });
    // A kind without x and y scales (maps) works in pixels.
    const X: Scale = scales.x ?? Number;
    const Y: Scale = scales.y ?? Number;
    const bandX = Boolean(X.bandwidth);
    const bandY = Boolean(Y.bandwidth);
    const at: At<P> = {
      paint,
      g,
      space: new Space({ x0: 0, y0: 0, x1: plan.width, y1: plan.height }),
      frame: frameOf(plan),
      plan,
      chart,
      shape,
      rows: shape.rows,
      X,
      Y,
      x: (value) => X(value) + (bandX ? X.bandwidth!() / 2 : 0),
      y: (value) => Y(value) + (bandY ? Y.bandwidth!() / 2 + plan.markOffset : 0),
      f: plan.fontSize,
      lh: plan.lineHeight,
      colorOf,
      valueBoxes: new Map(),
    };
    const { space, frame, x, y, lh } = at;

    // What the data occupies.
    for (const row of at.rows) (hooks.markIsHard ? space.hard : space.soft).push(hooks.markBox(row, at));
    space.segments.push(...(hooks.dataSegments?.(at) ?? []));
    for (const ref of chart.reference ?? []) {
      if (ref.y !== undefined)
        space.segments.push([frame.x0, y(asAxisValue(ref.y)), frame.x1, y(asAxisValue(ref.y)), 2]);
      else space.segments.push([x(asAxisValue(ref.x)), frame.y0, x(asAxisValue(ref.x)), frame.y1, 2]);
    }

    // The y-axis label of a numeric or date y axis, above the frame on the left.
    if (plan.yLabel.lines.length) space.hard.push(paint.text(g, plan.yLabel, 0, 2, { className: 'chart-axis-label' }));
    hooks.headers?.(at);

    // Category labels above their rows.
    if (plan.rowLabels === 'above') {
      for (const [category, block] of plan.rowLabelText) {
        const markTop = y(category) - plan.thickness / 2;
        space.hard.push(paint.text(g, block, frame.x0, markTop - 2 - block.lines.length * lh, { halo: true }));
      }
    }

    // Labels of reference lines across x, above the frame, with the dashed line carried up to them.
    for (const ref of plan.xReferenceLabels) {
      const atX = x(ref.x);
      const top = frame.y0 - 4 - ref.block.lines.length * lh;
      const dash = ref.kind === 'reported' ? '6,4' : '2,3';
      paint.el(
        'line',
        { x1: atX, x2: atX, y1: top + 2, y2: frame.y0, stroke: reported, 'stroke-width': 2, 'stroke-dasharray': dash },
        g,
      );
      space.hard.push(
        paint.text(g, ref.block, ref.anchor === 'start' ? atX + 5 : atX - 5, top, {
          anchor: ref.anchor,
          fill: reported,
          weight: 'bold',
          halo: true,
        }),
      );
    }
    hooks.events?.(at);

    // Error bars for ranges (low to high), with caps, where the chart draws ranges at all (shape.rangesDrawn).
    const banded = hooks.bands ? bandRows(at.rows, chart.color ?? undefined) : new Set<DrawRow>();
    for (const row of at.rows.filter(
      (r) => shape.rangesDrawn && typeof r.low === 'number' && typeof r.high === 'number' && !banded.has(r),
    )) {
      const cap = Math.max(4, plan.thickness / 3);
      const bar = paint.el('g', { class: 'chart-range', stroke: ink, 'stroke-width': 1.5 }, g);
      const line = (x1: number, y1: number, x2: number, y2: number) => paint.el('line', { x1, y1, x2, y2 }, bar);
      if (hooks.rangeAxis === 'x') {
        const [a, b, atY] = [x(row.low), x(row.high), y(row.__y)];
        line(a, atY, b, atY);
        line(a, atY - cap, a, atY + cap);
        line(b, atY - cap, b, atY + cap);
        space.segments.push([a, atY, b, atY]);
      } else {
        const [a, b, atX] = [y(row.low), y(row.high), x(row.__x)];
        line(atX, a, atX, b);
        line(atX - cap, a, atX + cap, a);
        line(atX - cap, b, atX + cap, b);
        space.segments.push([atX, a, atX, b]);
      }
    }
    hooks.values?.(at);

    // Labels of reference lines across y: above or below the line, at either end, wherever they cover least.
    for (const ref of plan.yReferenceLabels) {
      const atY = y(ref.y);
      const candidates = ref.blocks.flatMap((block) => {
        const height = block.lines.length * lh;
        return [
          { block, anchor: 'end' as const, x: frame.x1 - 4, top: atY - 3 - height },
          { block, anchor: 'start' as const, x: frame.x0 + 4, top: atY - 3 - height },
          { block, anchor: 'end' as const, x: frame.x1 - 4, top: atY + 3 },
          { block, anchor: 'start' as const, x: frame.x0 + 4, top: atY + 3 },
        ];
      });
      // Fewer lines are worth a little overlap with a line.
      const choice = space.best(
        candidates.map((c) => ({
          ...c,
          box: paint.box(c.block, c.x, c.top, c.anchor),
          penalty: (c.block.lines.length - 1) * 30,
        })),
      );
      space.hard.push(
        paint.text(g, choice.block, choice.x, choice.top, {
          anchor: choice.anchor,
          fill: reported,
          weight: 'bold',
          halo: true,
        }),
      );
    }
    // Series labels keep clear of the axes' tick labels as of each other; the layers after them are placed as before.
    const axisText = axisTextBoxes(context.ownerSVGElement, plan.fontSize);
    space.hard.push(...axisText);
    hooks.series?.(at);
    space.hard = space.hard.filter((box) => !axisText.includes(box));

    placeMarkers(at, uncertainties, hooks);
    return g;
  };
}
