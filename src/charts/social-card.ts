// A story's social card: a 1200x630 PNG with the publication's name, the headline and the story's lead chart,
// drawn at build time with the same pieces as the chart images (standalone.ts) and the bundled font.
import type { RenderedChart } from './render.ts';
import { escapeXml } from '../util/escape.ts';
import { fontFamily, gridStyle, lightTheme, nestedDrawing, resolveVars } from './standalone.ts';
import { svgToPng, type Png } from './png.ts';
import { wrapText } from './text-measure.ts';

export const cardSize = { width: 1200, height: 630 } as const;

export function socialCardSvg(headline: string, chart: RenderedChart | undefined): string {
  const { width, height } = cardSize;
  const colors = lightTheme();
  const pad = 56;
  const parts: string[] = [];
  parts.push(`<rect width="100%" height="100%" fill="var(--bg)"/>`);
  parts.push(`<rect width="100%" height="10" fill="var(--chart-accent)"/>`);
  parts.push(
    `<text x="${pad}" y="${pad + 14}" font-size="24" font-weight="bold" fill="var(--chart-accent)">SUPPLY LINES</text>`,
  );
  // With a chart, the headline takes the left half; without one, the whole width.
  const textWidth = chart ? 520 : width - pad * 2;
  let size = 52;
  let lines = wrapText(headline, textWidth, size, true);
  while (lines.length > 6 && size > 30) lines = wrapText(headline, textWidth, (size -= 4), true);
  let y = pad + 70;
  for (const line of lines.slice(0, 7)) {
    parts.push(
      `<text x="${pad}" y="${y + size}" font-size="${size}" font-weight="bold" fill="var(--ink)">${escapeXml(line)}</text>`,
    );
    y += size * 1.18;
  }
  if (chart) {
    const drawing = chart.views[0].drawings.find((d) => d.layout === 'narrow') ?? chart.views[0].drawings[0];
    const box = {
      x: pad + textWidth + 40,
      y: pad + 40,
      width: width - (pad + textWidth + 40) - pad,
      height: height - pad * 2 - 40,
    };
    const scale = Math.min(box.width / drawing.width, box.height / drawing.height);
    parts.push(
      `<g transform="translate(${box.x} ${box.y}) scale(${scale.toFixed(3)})">${nestedDrawing(drawing, 0, 0, colors)}</g>`,
    );
    const [caption, ...more] = wrapText(chart.spec.title, box.width, 18);
    parts.push(
      `<text x="${box.x}" y="${height - pad / 2}" font-size="18" fill="var(--ink-soft)">${escapeXml(more.length ? `${caption} …` : caption)}</text>`,
    );
  }
  return resolveVars(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fontFamily}">${gridStyle}${parts.join('')}</svg>`,
    colors,
  );
}

export function socialCardPng(headline: string, chart: RenderedChart | undefined): Promise<Png> {
  return svgToPng(socialCardSvg(headline, chart), { mode: 'width', value: cardSize.width });
}
