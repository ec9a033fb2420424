// The chart colours, all CSS custom properties (defined in the site's styles), so dark mode and print restyle the
// same SVG. Every mark, label and marker takes its colour from here.
export const palette = ['var(--chart-c1)', 'var(--chart-c2)', 'var(--chart-c3)', 'var(--chart-c4)', 'var(--chart-c5)', 'var(--chart-c6)'];
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
export const sequential = [1, 2, 3, 4, 5].map((i) => ({ color: `var(--chart-seq${i})`, ink: `var(--chart-on-seq${i})` }));
/** Places a map has no figure for: apart from every step of the sequential scale, zero included. */
export const noData = 'var(--chart-nodata)';
