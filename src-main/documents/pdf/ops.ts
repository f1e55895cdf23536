/** The display list a laid-out page is made of: painted by render-pdf.ts once the page count is known. */
import type { ChartBlock, ImageData } from '../model';
import type { Style } from './line-break';
import type { RGB } from './page-style';

export type Op =
  | { op: 'text'; x: number; y: number; text: string; style: Style; size: number; colour: RGB }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; colour: RGB }
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill?: RGB; stroke?: RGB; lineWidth?: number }
  | { op: 'image'; x: number; y: number; w: number; h: number; image: ImageData }
  | { op: 'chart'; x: number; y: number; w: number; h: number; chart: ChartBlock };
