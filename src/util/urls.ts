// Links inside the site, so the same build works at the domain root or under BASE_PATH.
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** "/articles/x/" -> "/articles/x/" at the root, "/sub/articles/x/" under BASE_PATH=/sub. */
export function url(path: string): string {
  return base + path.replace(/^\//, '');
}

export function articleUrl(slug: string): string {
  return url(`/articles/${slug}/`);
}

/** A chart's page, `/charts/<id>/`, or its dated version's, `/charts/<id>/versions/<YYYY-MM-DD>/` (before `url`). */
export const chartPath = (id: string, date?: string) => (date ? `/charts/${id}/versions/${date}/` : `/charts/${id}/`);
/** A chart's embed, always the latest or pinned to a dated version. */
export const embedPath = (id: string, date?: string) => (date ? `/embed/${id}/versions/${date}/` : `/embed/${id}/`);
/** A story's page or its dated version's. */
export const storyPath = (slug: string, date?: string) =>
  date ? `/articles/${slug}/versions/${date}/` : `/articles/${slug}/`;
