// The chart of a dataset's revisions on its page: a slope from each revised figure's earlier edition to its later one,
// drawn at build time by the renderer like any chart, from a spec and rows built here (no file of its own).
import { describeKey, type Revision } from '../charts/editions.ts';
import { renderChart, type RenderedChart } from '../charts/render.ts';
import { fieldLabel } from '../charts/labels.ts';
import { chartSchema, type Dataset } from '../schemas/index.ts';
import type { Row } from '../schemas/row.ts';

/** At most this many figures are drawn (the largest revisions), so each line keeps a colour and a label. */
export const drawnRevisions = 8;

/**
 * The revisions of the field revised most often (largest first, as given), drawn as a slope from "Earlier edition"
 * to "Later edition", one line per figure; undefined when nothing was revised.
 */
export function revisionChart(dataset: Dataset, revisions: readonly Revision[]): RenderedChart | undefined {
  if (!revisions.length) return undefined;
  const counts = new Map<string, number>();
  for (const r of revisions) counts.set(r.field, (counts.get(r.field) ?? 0) + 1);
  const field = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  // A figure revised twice (three editions) is drawn once, by its largest revision: a line has two ends.
  const seen = new Set<string>();
  const ofField = revisions.filter((r) => {
    const id = describeKey(r.key);
    if (r.field !== field || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const drawn = ofField.slice(0, drawnRevisions);
  const pairs = new Set(drawn.map((r) => `${r.from.edition} -> ${r.to.edition}`));
  // One pair of named editions names the two ends; otherwise "earlier" and "later", each row keeping its own edition.
  const [earlier, later] =
    pairs.size === 1 && drawn[0].from.edition && drawn[0].to.edition
      ? [drawn[0].from.edition, drawn[0].to.edition]
      : ['Earlier edition', 'Later edition'];
  const end = (side: Revision['from'], at: string, figure: string): Row => ({
    figure,
    end: at,
    [field]: side.value,
    ...(side.source === undefined ? {} : { source: side.source }),
    ...(side.edition === undefined ? {} : { edition: side.edition }),
  });
  const rows: Row[] = drawn.flatMap((r) => [
    end(r.from, earlier, describeKey(r.key)),
    end(r.to, later, describeKey(r.key)),
  ]);
  const label = fieldLabel(field);
  const spec = {
    ...chartSchema.parse({
      title: `${ofField.length === 1 ? 'One figure' : `${ofField.length} figures`} revised by a later edition`,
      subtitle: `${label}, ${pairs.size === 1 ? `${earlier} and ${later}` : "each figure's earlier and later edition"}${
        ofField.length > drawn.length ? `; the ${drawn.length} largest revisions of ${ofField.length}` : ''
      }`,
      dataset: dataset.id,
      mark: 'slope',
      x: 'end',
      y: field,
      color: 'figure',
      format: { y: 'number' },
      // Both editions of each figure: the chart is the revision.
      editions: 'all',
    }),
    id: `revisions-${dataset.id}`,
    file: `data/${dataset.id}.json`,
  };
  return renderChart(spec, { ...dataset, rows });
}
