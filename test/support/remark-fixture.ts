// A remark fixture (test/fixtures/remark/<case>/) through renderMarkdown: input.md, with the optional config.json's
// chart ids, what each chart's states may name (for :view) and the dataset files :value and checked claims read
// (paths from the case's folder). Shared by the remark, :value and checked-claim tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { figureLookup } from '../../src/model/figures.ts';
import { renderMarkdown, type RenderedMarkdown } from '../../src/remark/markdown.ts';
import type { ChartStates } from '../../src/remark/remark-view.ts';
import type { Dataset } from '../../src/schemas/index.ts';

export const remarkFixtures = path.resolve(import.meta.dirname, '../fixtures/remark');

export function renderRemarkFixture(name: string): RenderedMarkdown {
  const dir = path.join(remarkFixtures, name);
  const configFile = path.join(dir, 'config.json');
  const config: { charts?: string[]; states?: Record<string, ChartStates>; datasets?: string[] } = existsSync(
    configFile,
  )
    ? JSON.parse(readFileSync(configFile, 'utf8'))
    : {};
  const datasets = new Map(
    (config.datasets ?? []).map((file) => {
      const id = path.basename(file, '.json');
      return [
        id,
        { ...JSON.parse(readFileSync(path.join(dir, file), 'utf8')), id, file: `data/${id}.json` } as Dataset,
      ];
    }),
  );
  return renderMarkdown(
    readFileSync(path.join(dir, 'input.md'), 'utf8'),
    new Set(config.charts ?? []),
    config.states && ((id) => config.states![id]),
    undefined,
    figureLookup(datasets, new Map()),
  );
}
