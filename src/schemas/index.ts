// The schemas, composed in one place. Each lives in its own file with a line of JSDoc per field.
export { articleSchema, type ArticleData } from './article.ts';
export { chartSchema, markSchema, type ChartSpec } from './chart.ts';
export { claimSchema, type Claim } from './claim.ts';
export { datasetSchema, type Dataset } from './dataset.ts';
export { idSchema } from './common.ts';
export type { Annotation } from './annotation.ts';
export type { Derive } from './derive.ts';
export type { ReferenceLine } from './reference-line.ts';
export type { View } from './view.ts';
export type { Row } from './row.ts';
export type { Source } from './source.ts';
