import { PDFDocument } from 'pdf-lib';
import { imageSize } from './image-size';
import type { ImageData } from './model';

/**
 * The size of a picture every renderer can draw, or undefined when one of them could not: the
 * DOCX and HTML renderers read the size from the header (image-size.ts), the PDF renderer has
 * pdf-lib decode the picture itself. Checked once, when a logo is chosen, so a damaged file
 * is refused then rather than breaking every letter afterwards.
 */
export async function readableImageSize(img: ImageData): Promise<{ width: number; height: number } | undefined> {
  const header = imageSize(img);
  if (!header || header.width < 1 || header.height < 1) return undefined;
  // A PNG's size is read from where the IHDR chunk must be; make sure it is that chunk.
  if (img.format === 'png' && String.fromCharCode(...img.data.subarray(12, 16)) !== 'IHDR') return undefined;
  try {
    const doc = await PDFDocument.create();
    const embedded = img.format === 'png' ? await doc.embedPng(img.data) : await doc.embedJpg(img.data);
    if (embedded.width !== header.width || embedded.height !== header.height) return undefined;
  } catch {
    return undefined;
  }
  return header;
}
