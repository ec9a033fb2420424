// A chart as one image that stands alone: title, subtitle, every view, legend, what we don't know, notes and the
// source line are drawn into a single SVG, so the caveats travel with the picture wherever it is pasted.
// The PNG is that SVG rendered at 2x by resvg with the bundled DejaVu Sans. Charts come from render.ts, drawn once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset, Row } from '../schemas/index.ts';
import { sourcesCited } from './one-line-source.ts';
import { layouts, type Drawing, type LegendItem, type RenderedChart } from './render.ts';
import { svgToPng, type Png } from './png.ts';
import { escapeXml } from '../util/escape.ts';
import { textWidth, wrapText } from './text-measure.ts';
import { timelineOf } from './timeline.ts';

export interface Image {
  svg: string;
  width: number;
  height: number;
}

/**
 * "Sources: USGS ..., MCS 2025 (primary); .... Licence: ..." as plain text (SourceLine.astro is its HTML twin): the
 * sources the drawn rows name and the earlier editions their `revised` quotes (one-line-source.ts sourcesCited).
 */
export function sourceLineText(dataset: Dataset, rows: Row[] = dataset.rows): string {
  const named = sourcesCited(dataset, rows);
  const sources = named
    .map((s) => `${s.name}${s.edition ? `, ${s.edition}` : ''}${s.kind ? ` (${s.kind})` : ''}`)
    .join('; ');
  const licence = dataset.license ? ` Licence: ${dataset.license.replace(/\.$/, '')}.` : '';
  return `${named.length > 1 ? 'Sources' : 'Source'}: ${sources}.${licence}`;
}

/** The chart's notes as sentences: annotations of kind note or claim, then the spec's notes. */
export function noteTexts(chart: RenderedChart): string[] {
  return [
    ...chart.notes.map((n) => `${n.kind === 'claim' ? 'Claim: ' : ''}${n.text}${n.raisedBy ? ` (${n.raisedBy})` : ''}`),
    ...(chart.spec.notes ?? []),
    ...chart.dataNotes,
  ];
}

// Colours: the light theme of the one stylesheet, read at build time, so images follow the site's palette.
// The SVGs Plot draws use var(--chart-*), which resvg and most image editors do not understand.

interface CssRule {
  selector: string;
  body: string;
}

function topLevelRules(css: string): CssRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let depth = 0;
  let start = 0;
  let selector = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      if (depth === 0) {
        selector = text.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) {
        rules.push({ selector, body: text.slice(start, i) });
        start = i + 1;
      }
    }
  }
  return rules;
}

/** The one stylesheet, read from the project (builds and tests run from its root, as for the fonts). */
const siteCss = () => readFileSync(path.resolve(process.cwd(), 'src/styles/site.css'), 'utf8');

let siteTheme: Map<string, string> | undefined;

/**
 * Custom properties of `:root` (and `:root[data-theme='light']`) outside any @media block, resolved.
 * The site's own theme is read once per build, not once per image.
 */
export function lightTheme(css?: string): Map<string, string> {
  if (css === undefined) return (siteTheme ??= lightTheme(siteCss()));
  const raw = new Map<string, string>();
  for (const rule of topLevelRules(css)) {
    const selectors = rule.selector.split(',').map((s) => s.trim());
    if (!selectors.some((s) => s === ':root' || /^:root\[data-theme=['"]?light['"]?\]$/.test(s))) continue;
    for (const [, name, value] of rule.body.matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)) raw.set(name, value.trim());
  }
  const resolved = new Map<string, string>();
  for (const name of raw.keys()) resolved.set(name, resolveVars(`var(${name})`, raw));
  return resolved;
}

/** Replaces every var(--x) with its value; an unknown property stops the build rather than draw black. */
export function resolveVars(text: string, vars: Map<string, string>, depth = 0): string {
  if (depth > 8) throw new Error(`Custom properties nest too deeply in "${text}"`);
  return text.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
    const value = vars.get(name);
    if (value === undefined) throw new Error(`The stylesheet defines no ${name} for the chart images`);
    return resolveVars(value, vars, depth + 1);
  });
}

/** What site.css does for the drawings' grid lines, which an image has no stylesheet for. */
export const gridStyle =
  "<style>.chart-svg g[stroke='currentColor'] line, .chart-svg line[stroke='currentColor'] { stroke: var(--chart-grid); }</style>";

/** DejaVu first: the font the PNG is drawn with and the text measured with. */
export const fontFamily = "'DejaVu Sans', Verdana, sans-serif";

/** One of render.ts's drawings as a nested SVG placed at (x, y), with plain colours and no page-bound ids. */
export function nestedDrawing(drawing: Drawing, x: number, y: number, colors: Map<string, string>): string {
  const { fontSize } = layouts[drawing.layout];
  const svg = drawing.svg.replace(/^<svg([^>]*)>/, (_, attributes: string) => {
    const kept = attributes.replace(/ (role|aria-[a-z]+|focusable|font-size|font-family|x|y)="[^"]*"/g, '');
    return `<svg x="${x}" y="${y}"${kept} overflow="visible" font-size="${fontSize}" font-family="${fontFamily}" color="var(--chart-ink)">`;
  });
  return resolveVars(svg, colors);
}

/** Type sizes of the image, in px; the chart itself keeps the sizes render.ts drew it for. */
const type = {
  title: { size: 20, line: 26, bold: true },
  subtitle: { size: 14, line: 19, bold: false },
  heading: { size: 14, line: 20, bold: true },
  body: { size: 13, line: 18, bold: false },
  small: { size: 12, line: 17, bold: false },
} as const;

export interface StandaloneOptions {
  /** Absolute address of the chart's page, written under the image. */
  pageUrl: string;
}

/** The chart as one SVG: the wide drawing of every view with its title, legend, caveats, notes and sources. */
export function standaloneSvg(chart: RenderedChart, options: StandaloneOptions): Image {
  const colors = lightTheme();
  const pad = 24;
  const chartWidth = Math.max(...chart.views.map((v) => v.drawings[0].width));
  const width = chartWidth + pad * 2;
  const inner = width - pad * 2;
  const parts: string[] = [];
  let y = pad;

  const text = (content: string, style: keyof typeof type, fill: string, x = pad, maxWidth = inner) => {
    const { size, line, bold } = type[style];
    for (const row of wrapText(content, maxWidth, size, bold)) {
      parts.push(
        `<text x="${x}" y="${y + size}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${fill}">${escapeXml(row)}</text>`,
      );
      y += line;
    }
  };

  text(chart.spec.title, 'title', 'var(--ink)');
  if (chart.spec.subtitle) {
    y += 4;
    text(chart.spec.subtitle, 'subtitle', 'var(--ink-soft)');
  }
  y += 12;
  // The key, above the chart as on the page: items flow left to right and wrap.
  const legendSize = type.body.size;
  const row = type.body.line + 4;
  let x = pad;
  for (const item of chart.legend) {
    const itemWidth = 20 + textWidth(item.label, legendSize) + 16;
    if (x > pad && x + itemWidth > pad + inner) {
      x = pad;
      y += row;
    }
    const cy = y + row / 2;
    parts.push(legendSymbol(item, x, cy));
    parts.push(
      `<text x="${x + 20}" y="${cy + legendSize * 0.36}" font-size="${legendSize}" fill="var(--ink)">${escapeXml(item.label)}</text>`,
    );
    x += itemWidth;
  }
  if (chart.legend.length) y += row + 8;
  // A year slider's views would stack into an image as tall as eight charts: draw the year the chart opens on and
  // say where the others are.
  const timeline = timelineOf(chart.views);
  const drawn = timeline ? chart.views.slice(0, 1) : chart.views;
  for (const view of drawn) {
    if (chart.views.length > 1 && view.label) {
      text(view.label, 'heading', 'var(--ink)');
      y += 4;
    }
    const drawing = view.drawings.find((d) => d.layout === 'wide') ?? view.drawings[0];
    parts.push(nestedDrawing(drawing, pad, y, colors));
    y += drawing.height + 12;
  }
  if (timeline) {
    text(`Every year from ${timeline[0]} to ${timeline.at(-1)} is on the chart's page.`, 'body', 'var(--ink-soft)');
    y += 8;
  }

  const rule = () => {
    parts.push(`<line x1="${pad}" x2="${pad + inner}" y1="${y}" y2="${y}" stroke="var(--rule)"/>`);
    y += 12;
  };
  rule();

  if (chart.uncertainties.length) {
    text("What we don't know", 'heading', 'var(--ink)');
    y += 4;
    for (const u of chart.uncertainties) {
      parts.push(marker(pad + 9, y + 9, String(u.number)));
      text(`${u.text}${u.raisedBy ? ` Raised by ${u.raisedBy}.` : ''}`, 'body', 'var(--ink)', pad + 26, inner - 26);
      y += 6;
    }
    y += 6;
  }
  const notes = noteTexts(chart);
  if (notes.length) {
    text('Notes', 'heading', 'var(--ink)');
    y += 4;
    for (const note of notes) {
      parts.push(
        `<text x="${pad + 4}" y="${y + type.body.size}" font-size="${type.body.size}" fill="var(--ink-soft)">•</text>`,
      );
      text(note, 'body', 'var(--ink-soft)', pad + 18, inner - 18);
      y += 6;
    }
    y += 6;
  }
  text(
    sourceLineText(
      chart.dataset,
      chart.views.flatMap((view) => view.rows),
    ),
    'body',
    'var(--ink-soft)',
  );
  y += 8;
  rule();
  text(`Supply Lines · ${options.pageUrl}`, 'small', 'var(--ink-soft)');
  const height = Math.ceil(y + pad - 8);

  const summary = drawn.map((v) => v.summary).join(' ');
  const svg = resolveVars(
    `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fontFamily}" role="img" aria-labelledby="title desc">
<title id="title">${escapeXml(chart.spec.title)}</title>
<desc id="desc">${escapeXml(summary)}</desc>
${gridStyle}
<rect width="100%" height="100%" fill="var(--bg)"/>
${parts.join('\n')}
</svg>
`,
    colors,
  );
  return { svg, width, height };
}

function legendSymbol(item: LegendItem, x: number, cy: number): string {
  switch (item.kind) {
    case 'swatch':
      return `<rect x="${x}" y="${cy - 7}" width="14" height="14" rx="2" fill="${item.color}"/>`;
    case 'estimate':
      if (item.shape === 'outline')
        return `<rect x="${x + 1}" y="${cy - 6}" width="12" height="12" fill="none" stroke="var(--chart-ink)" stroke-width="1.5" stroke-dasharray="3,2"/>`;
      return item.shape === 'bar'
        ? `<rect x="${x + 1}" y="${cy - 6}" width="12" height="12" fill="var(--chart-muted)" fill-opacity="0.45" stroke="var(--chart-muted)" stroke-dasharray="3,2"/>`
        : `<circle cx="${x + 7}" cy="${cy}" r="6" fill="none" stroke="var(--chart-muted)" stroke-width="2"/>`;
    case 'range':
      return `<path d="M${x + 7},${cy - 7}V${cy + 7}M${x + 3},${cy - 7}H${x + 11}M${x + 3},${cy + 7}H${x + 11}" stroke="var(--chart-ink)" stroke-width="1.5" fill="none"/>`;
    case 'band':
      return `<rect x="${x}" y="${cy - 5}" width="16" height="10" fill="var(--chart-ink)" fill-opacity="0.22"/>`;
    case 'projection':
      return item.shape === 'bar'
        ? `<rect x="${x + 1}" y="${cy - 6}" width="12" height="12" fill="none" stroke="var(--chart-muted)" stroke-width="1.5" stroke-dasharray="4,3"/>`
        : `<line x1="${x}" x2="${x + 16}" y1="${cy}" y2="${cy}" stroke="var(--chart-muted)" stroke-width="2.5" stroke-dasharray="4,3"/>`;
    case 'reported':
      return `<line x1="${x}" x2="${x + 16}" y1="${cy}" y2="${cy}" stroke="var(--chart-reported)" stroke-width="3" stroke-dasharray="5,3"/>`;
    case 'marker':
      return marker(x + 8, cy, '1');
    case 'scale':
    case 'listed':
      return ''; // words only: the steps are the same in every view; the ranges are in the table
  }
}

function marker(cx: number, cy: number, label: string): string {
  return `<circle cx="${cx}" cy="${cy}" r="9" fill="var(--chart-marker)"/><text x="${cx}" y="${cy + 4}" font-size="11" font-weight="bold" text-anchor="middle" fill="var(--chart-on-marker)">${escapeXml(label)}</text>`;
}

/** The PNG: the standalone SVG at 2x, drawn with the bundled font only. */
export function standalonePng(chart: RenderedChart, options: StandaloneOptions): Promise<Png> {
  return svgToPng(standaloneSvg(chart, options).svg, { mode: 'zoom', value: 2 });
}

/** A thumbnail for the list of charts: the narrow drawing of the first view alone, on the page's background. */
export function thumbnailSvg(chart: RenderedChart): Image {
  const drawing = chart.views[0].drawings.find((d) => d.layout === 'narrow') ?? chart.views[0].drawings[0];
  const colors = lightTheme();
  const { width, height } = drawing;
  const svg = resolveVars(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${gridStyle}
<rect width="100%" height="100%" fill="var(--bg)"/>
${nestedDrawing(drawing, 0, 0, colors)}
</svg>
`,
    colors,
  );
  return { svg, width, height };
}
