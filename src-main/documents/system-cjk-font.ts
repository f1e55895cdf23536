/**
 * Chinese, Japanese and Korean names in PDFs. A full CJK face is 15–20 MB per weight, more than
 * every other font we ship together, and every desktop the app runs on already has one: Windows
 * (Microsoft YaHei), macOS (PingFang) and Linux (Noto Sans CJK, Debian's fonts-noto-cjk). So the
 * PDF renderer borrows the system's face, embedding only the characters a document uses. When
 * none is found, CJK characters are reported as missing, as before, and drawn as □. The face is
 * read only when a document has CJK text (fonts.ts, fontsFor): the collection is 20–40 MB.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { adoptCollectionFace, parseFont } from './parsed-fonts';

interface Candidate {
  name: string;
  regular: string;
  bold?: string;
  /** The face to use in a collection (.ttc): Simplified Chinese forms, which also cover kana and Hangul. */
  regularFace?: string;
  boldFace?: string;
}

function candidates(): Candidate[] {
  const windows = process.env['WINDIR'] ?? 'C:\\Windows';
  const noto = (dir: string): Candidate => ({ name: 'Noto Sans CJK', regular: path.join(dir, 'NotoSansCJK-Regular.ttc'), bold: path.join(dir, 'NotoSansCJK-Bold.ttc'), regularFace: 'NotoSansCJKsc-Regular', boldFace: 'NotoSansCJKsc-Bold' });
  if (process.platform === 'win32') {
    return [{ name: 'Microsoft YaHei', regular: path.win32.join(windows, 'Fonts', 'msyh.ttc'), bold: path.win32.join(windows, 'Fonts', 'msyhbd.ttc'), regularFace: 'MicrosoftYaHei', boldFace: 'MicrosoftYaHei-Bold' }];
  }
  if (process.platform === 'darwin') {
    return [{ name: 'PingFang SC', regular: '/System/Library/Fonts/PingFang.ttc', regularFace: 'PingFangSC-Regular' }, { name: 'Hiragino Sans GB', regular: '/System/Library/Fonts/Hiragino Sans GB.ttc', regularFace: 'HiraginoSansGB-W3' }];
  }
  return ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/opentype/noto-cjk'].map(noto);
}

/** How a font file is read: the disk, or a test's reader that records what was asked for. */
export type FontFileReader = (file: string) => Promise<Uint8Array>;
const fromDisk: FontFileReader = async (file) => new Uint8Array(await readFile(file));

async function face(file: string, postscriptName: string | undefined, read: FontFileReader): Promise<Uint8Array | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await read(file);
  } catch {
    return undefined;
  }
  try {
    if (file.toLowerCase().endsWith('.ttc')) return adoptCollectionFace(bytes, postscriptName ?? '') ? bytes : undefined;
    parseFont(bytes);
    return bytes;
  } catch {
    return undefined; // not a font we can read: as if absent
  }
}

/** The first system CJK face that opens, as a face for the end of the PDF font chain; undefined when the machine has none. */
export async function findSystemCjkFace(read: FontFileReader = fromDisk): Promise<{ name: string; regular: Uint8Array; bold?: Uint8Array; preferFor: string[] } | undefined> {
  for (const c of candidates()) {
    const regular = await face(c.regular, c.regularFace, read);
    if (!regular) continue;
    const bold = c.bold ? await face(c.bold, c.boldFace, read) : undefined;
    return { name: c.name, regular, ...(bold ? { bold } : {}), preferFor: [...CJK_SCRIPTS] };
  }
  return undefined;
}

const CJK_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'] as const;

/** The system's CJK face as a face read on demand: looked for and read once, the first time a document needs it. */
export function systemCjkOnDemand(read: FontFileReader = fromDisk): { preferFor: readonly string[]; load(): ReturnType<typeof findSystemCjkFace> } {
  let found: ReturnType<typeof findSystemCjkFace> | undefined;
  return { preferFor: CJK_SCRIPTS, load: () => (found ??= findSystemCjkFace(read)) };
}
