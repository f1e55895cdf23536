import type { ImageData } from './model';

/** Pixel size from a PNG's IHDR or a JPEG's SOF marker, without decoding. */
export function imageSize(img: ImageData): { width: number; height: number } | undefined {
  const d = img.data;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  if (img.format === 'png') {
    if (d.length < 24) return undefined;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let i = 2;
  while (i + 9 < d.length) {
    if (d[i] !== 0xff) return undefined;
    const marker = d[i + 1]!;
    const len = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + len;
  }
  return undefined;
}
