import type { ChartGeometry, ChartShape } from './geometry';
import { CHART_FONT_FAMILY } from './style';

/** Text and attribute values made safe for XML: a label "<script>" or "A & B" stays words. */
export function escapeXml(s: string): string {
  return s
    // Control characters other than tab and line breaks are not allowed in XML 1.0 at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const num = (n: number) => String(Math.round(n * 100) / 100);

function shapeSvg(s: ChartShape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="${num(s.strokeWidth ?? 1)}"` : ''}/>`;
    case 'line':
      return `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" stroke="${s.stroke}" stroke-width="${num(s.strokeWidth)}"/>`;
    case 'text':
      return `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}"${s.anchor === 'start' ? '' : ` text-anchor="${s.anchor}"`}${s.bold ? ' font-weight="bold"' : ''} fill="${s.fill}">${escapeXml(s.text)}</text>`;
  }
}

/**
 * The chart as a standalone SVG document, one user unit a point, in the embedded font. The title
 * and description (the text alternative) travel inside it, for whoever opens the file itself.
 */
export function chartSvg(g: ChartGeometry, text: { title: string; description: string }): string {
  const w = num(g.width);
  const h = num(g.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(CHART_FONT_FAMILY)}" role="img">` +
    `<title>${escapeXml(text.title)}</title><desc>${escapeXml(text.description)}</desc>` +
    g.shapes.map(shapeSvg).join('') +
    '</svg>'
  );
}
