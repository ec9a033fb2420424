// The numbered uncertainty markers, as in the list under the chart: at their x/y, or as near as is clear.
import { background, marker, onMarker } from '../colors.ts';
import type { Plan } from '../layout/plan.ts';
import { asAxisValue, type NumberedAnnotation } from '../shape.ts';
import type { At, MarkerCandidate, MarkerPlaces, OverlayHooks } from './types.ts';

/** A marker centred at cx, cy, with the box it covers. */
export function markerAt(at: At, cx: number, cy: number, penalty = 0): MarkerCandidate {
  const R = at.plan.markerRadius;
  return { cx, cy, box: { x0: cx - R - 1, y0: cy - R - 1, x1: cx + R + 1, y1: cy + R + 1 }, penalty };
}

/** The default: on its point unless a data point is there, else around it in eight directions at two distances. */
function aroundPoint(at: At, ux: number | undefined, uy: number | undefined): MarkerPlaces {
  if (ux === undefined || uy === undefined) return { candidates: [] };
  const { plan, rows, x, y } = at;
  const R = plan.markerRadius;
  const candidates: MarkerCandidate[] = [];
  const onPoint = rows.some((r) => Math.hypot(x(r.__x) - ux, y(r.__y) - uy) < plan.dotRadius + 2);
  if (!onPoint) candidates.push(markerAt(at, ux, uy));
  for (const distance of [R + plan.dotRadius + 3, 2 * R + plan.dotRadius + 8]) {
    for (const angle of [-45, -135, 0, 180, -90, 90, 45, 135]) {
      const t = (angle * Math.PI) / 180;
      candidates.push(markerAt(at, ux + Math.cos(t) * distance, uy + Math.sin(t) * distance));
    }
  }
  return { candidates, anchor: [ux, uy] };
}

export type { MarkerCandidate, MarkerPlaces };

export function placeMarkers<P extends Plan>(
  at: At<P>,
  uncertainties: NumberedAnnotation[],
  hooks: OverlayHooks<P>,
): void {
  const { paint, g, space, frame, plan, x, y } = at;
  const R = plan.markerRadius;
  let unplaced = 0;
  for (const u of uncertainties) {
    const ux = u.x !== undefined ? safe(() => x(asAxisValue(u.x))) : undefined;
    const uy = u.y !== undefined ? safe(() => y(asAxisValue(u.y))) : undefined;
    const places = hooks.markerPlaces?.(u, ux, uy, at) ?? aroundPoint(at, ux, uy);
    const candidates = places.candidates;
    if (!candidates.length) {
      // No place on this drawing (no position, or a category this view leaves out): top right of the frame.
      candidates.push(markerAt(at, frame.x1 - R - unplaced * (2 * R + 4), frame.y0 + R));
      unplaced++;
    }
    const choice = space.best(candidates);
    const group = paint.el('g', { class: 'chart-marker', 'data-number': u.number }, g);
    places.draw?.(group);
    const anchor = places.anchor;
    if (anchor && Math.hypot(choice.cx - anchor[0], choice.cy - anchor[1]) > R + plan.dotRadius + 5) {
      const t = Math.atan2(choice.cy - anchor[1], choice.cx - anchor[0]);
      paint.el(
        'line',
        {
          x1: anchor[0] + Math.cos(t) * (plan.dotRadius + 1),
          y1: anchor[1] + Math.sin(t) * (plan.dotRadius + 1),
          x2: choice.cx - Math.cos(t) * R,
          y2: choice.cy - Math.sin(t) * R,
          stroke: marker,
          'stroke-width': 1.25,
        },
        group,
      );
    }
    paint.el(
      'circle',
      { cx: choice.cx, cy: choice.cy, r: R, fill: marker, stroke: background, 'stroke-width': 1.5 },
      group,
    );
    paint.text(
      group,
      { lines: [String(u.number)], width: 0 },
      choice.cx,
      choice.cy - paint.lineHeight(plan.markerFontSize) / 2,
      { anchor: 'middle', fill: onMarker, weight: 'bold', size: plan.markerFontSize },
    );
    space.hard.push(choice.box);
  }
}

function safe(get: () => number): number | undefined {
  const value = get();
  return Number.isFinite(value) ? value : undefined;
}
