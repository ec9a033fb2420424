// Plot's raw SVG, made valid HTML and accessible, and stable for snapshots.

/**
 * - drops Plot's <style> block (the site's stylesheet styles charts; no inline styles under a strict CSP)
 *   and its generated class, replaced by "chart-svg";
 * - drops aria-label from <g> elements (axe: aria-label on an element without a role) and the
 *   font-variant attribute (not valid in HTML);
 * - rounds coordinates in attributes to 1 decimal (smaller, deterministic; text, such as a figure, is untouched);
 * - labels the SVG by the ids of its title and description.
 */
export function postprocessSvg(svg: string, labelledBy: string, describedBy: string): string {
  return svg
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/ class="plot-[a-z0-9]+"/g, ' class="chart-svg"')
    .replace(/<g([^>]*?) aria-label="[^"]*"/g, '<g$1')
    .replace(/ aria-description="[^"]*"/g, '')
    .replace(/ font-variant="[^"]*"/g, '')
    .replace(/ style="[^"]*"/g, '')
    .replace(/<[^>]+>/g, (tag) => tag.replace(/(\d+\.\d{2,})/g, (n) => String(Math.round(Number(n) * 10) / 10)))
    .replace(
      /^<svg/,
      `<svg role="img" aria-labelledby="${labelledBy}" aria-describedby="${describedBy}" focusable="false"`,
    );
}
