// The chart colours, all CSS custom properties (defined in the site's styles), so dark mode and print restyle the
// same SVG. Every mark, label and marker takes its colour from here.
/** The categorical palette: nine colours a reader tells apart, with any colour vision (test/unit/palette.test.ts). A
 * chart never draws two series in one colour: past nine, the smallest are drawn as one, "Other" (shape.ts). */
export const palette = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `var(--chart-c${i})`);
export const accent = 'var(--chart-accent)';
export const muted = 'var(--chart-muted)';
export const background = 'var(--chart-bg)';
export const ink = 'var(--chart-ink)';
export const grid = 'var(--chart-grid)';
export const reported = 'var(--chart-reported)';
/** Uncertainty markers: the disc and the number on it. */
export const marker = 'var(--chart-marker)';
export const onMarker = 'var(--chart-on-marker)';
/** Text inside a cell of a grid coloured by category. */
export const onCell = 'var(--chart-on-cell)';
/** A sequential scale of one hue, light to dark, with the text colour that reads on each step. */
export const sequential = [1, 2, 3, 4, 5].map((i) => ({
  color: `var(--chart-seq${i})`,
  ink: `var(--chart-on-seq${i})`,
}));
/** Places a map has no figure for: apart from every step of the sequential scale, zero included. */
export const noData = 'var(--chart-nodata)';
