// The key shown above a chart: its colours, and each way of drawing that needs explaining.
import type { ChartKind } from './kinds/types.ts';
import type { ChartSpec } from '../schemas/index.ts';
import type { ColorKey, NumberedAnnotation } from './shape.ts';
import { statusWord } from './status-words.ts';
import { timelineOf } from './timeline.ts';

/** One entry of a chart's key: a colour category, or a way of drawing that needs explaining. */
export interface LegendItem {
  kind: 'swatch' | 'estimate' | 'range' | 'band' | 'listed' | 'projection' | 'reported' | 'marker' | 'scale';
  label: string;
  color?: string;
  /** How the chart draws marks: estimates look different on bars than on dots. */
  shape?: 'bar' | 'dot' | 'outline';
}

export function legendOf(
  kind: ChartKind,
  spec: ChartSpec,
  views: {
    id?: string;
    hasEstimates: boolean;
    hasRanges: boolean;
    listsRanges?: boolean;
    band?: string;
    hasProjections: boolean;
  }[],
  uncertainties: NumberedAnnotation[],
  colorKey: ColorKey,
): LegendItem[] {
  const shape = kind.legendShape;
  const items: LegendItem[] = colorKey.entries.map((c) => ({
    kind: 'swatch',
    label: statusWord(c.value),
    color: c.color,
  }));
  // The steps are the chart's, over every view's rows (shape.ts chartColorKey), so the years (or views) compare.
  if (colorKey.steps && views.length > 1)
    items.push({ kind: 'scale', label: timelineOf(views) ? 'Same steps every year' : 'Same steps in every view' });
  if (views.some((v) => v.hasEstimates))
    items.push({
      kind: 'estimate',
      label: {
        bar: 'Estimate (lighter, dashed outline)',
        dot: 'Estimate (hollow)',
        outline: 'Estimate (dashed outline)',
      }[shape],
      shape,
    });
  if (views.some((v) => v.hasRanges)) items.push({ kind: 'range', label: 'Range, low to high' });
  const band = views.find((v) => v.band)?.band;
  if (band) items.push({ kind: 'band', label: band });
  // Ranges a stack or a map cannot draw: the key says where they are, so no reader takes them for absent.
  if (views.some((v) => v.listsRanges))
    items.push({ kind: 'listed', label: 'Ranges, low to high: in the tooltips and the table, not drawn' });
  if (views.some((v) => v.hasProjections))
    items.push({
      kind: 'projection',
      label: shape === 'bar' ? 'Projection (hollow, dashed outline)' : 'Projection (dashed line, hollow dot)',
      shape,
    });
  if (spec.reference?.some((r) => r.kind === 'reported')) items.push({ kind: 'reported', label: 'Figure as reported' });
  if (uncertainties.length) items.push({ kind: 'marker', label: "What we don't know, listed below" });
  return items;
}
