// Links inside the site, so the same build works at the domain root or under BASE_PATH.
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** "/articles/x/" -> "/articles/x/" at the root, "/sub/articles/x/" under BASE_PATH=/sub. */
export function url(path: string): string {
  return base + path.replace(/^\//, '');
}

export function articleUrl(slug: string): string {
  return url(`/articles/${slug}/`);
}
