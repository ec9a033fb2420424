/**
 * Views whose ids are all years ("2023", "2024") are a time to move through: the page gives them a year slider
 * (src/client/chart-time.ts) instead of a button per view, the key says the colours step alike every year, and the
 * images draw the year the chart opens on rather than a stack of every year.
 */
export function timelineOf(views: readonly { id?: string }[] | undefined): string[] | undefined {
  if (!views || views.length < 2 || !views.every((view) => /^\d{4}$/.test(view.id ?? ''))) return undefined;
  return views.map((view) => view.id!).sort();
}
