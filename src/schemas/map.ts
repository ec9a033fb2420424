import { z } from 'astro/zod';

/** How a map chart (`"mark": "map"`) draws its places. Every field is optional. */
export const mapOptionsSchema = z.strictObject({
  /** choropleth (each country filled by its value) or symbol (a circle at each country, its area the value). Default: choropleth. */
  style: z.enum(['choropleth', 'symbol']).optional(),
  /** How values become colours on a choropleth: linear steps, log (tenfold) steps, or quantile steps (equal numbers of places). Default: linear. */
  scale: z.enum(['linear', 'log', 'quantile']).optional(),
  /** The part of the world drawn: world. Default: world. */
  region: z.enum(['world']).optional(),
});

export type MapOptions = z.output<typeof mapOptionsSchema>;
