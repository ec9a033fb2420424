import { z } from 'astro/zod';
import { idSchema } from './common.ts';

/** Another chart of the same dataset shown as a tab of this chart's figure (a map beside the bars, as OWID's grapher has Chart and Map). */
export const chartTabSchema = z.strictObject({
  /** Id of the chart to show: the name of a file in content/charts/ without .json. It must draw the same dataset and have no tabs of its own. Required. */
  chart: idSchema,
  /** The tab's words, e.g. "Map". Default: "Map" for a map, else "Chart". */
  label: z.string().trim().min(1).optional(),
});
