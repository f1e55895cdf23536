import { chartGeometry, chartSvg, chartText, type ChartSpec, type GeometryOptions } from '../../domain/figures/charts';
import type { ChartBlock } from '../model';

/**
 * A chart for any document: the spec drawn `widthPt` points wide (the height follows from the
 * data), as SVG in the fonts the documents embed, with its text alternative (every number in a
 * sentence) as the alt text. The PDF draws the SVG as vectors; the DOCX shows it as a picture
 * (see rasterise.ts) with the same alt text. A page's text width is TEXT_WIDTH (pdf/page-style.ts, about 482 pt on A4).
 */
export function chartBlock(spec: ChartSpec, widthPt: number, options: GeometryOptions = {}): ChartBlock {
  const geometry = chartGeometry(spec, widthPt, options);
  const text = chartText(spec);
  return { kind: 'chart', svg: chartSvg(geometry, { title: spec.title, description: text.sentence }), width: geometry.width, height: geometry.height, alt: text.sentence };
}
