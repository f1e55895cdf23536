/** Shared by the document tests: shipped templates and fonts, temp files, poppler, DOCX parts. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { loadBundledFonts, loadTemplates, type DocumentTemplates, type FontSet } from '../../src-main/documents';

export const run = promisify(execFile);

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TEMPLATES_DIR = join(ROOT, 'templates/documents');
export const FONTS_DIR = join(ROOT, 'resources/fonts');
export const PNG_DIR = join(ROOT, 'test-results/documents');

export async function templateFiles(): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(TEMPLATES_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(TEMPLATES_DIR, name), 'utf8') })));
}

export async function shippedTemplates(): Promise<DocumentTemplates> {
  const r = loadTemplates(await templateFiles());
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export function fonts(): Promise<FontSet> {
  return loadBundledFonts(FONTS_DIR);
}

/** A temporary folder for one test file; removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rj-docs-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeTemp(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** pdftotext in reading order (no -layout); form feeds separate pages. */
export async function pdfText(file: string, extra: string[] = []): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...extra, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function pdfPages(file: string): Promise<string[]> {
  return (await pdfText(file)).split('\f').slice(0, -1);
}

/** The parts of a DOCX (a zip), as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels')).map(([n, b]) => [n, strFromU8(b)]));
}

/** The visible text of a WordprocessingML part: one line per paragraph, tabs and breaks kept. */
export function docxText(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)]
        .map((m) => (m[0] === '<w:tab/>' ? '\t' : m[0] === '<w:br/>' ? '\n' : m[2] !== undefined ? `{${m[2].trim()}}` : unescapeXml(m[1] ?? '')))
        .join(''),
    )
    .join('\n');
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export async function hasCommand(cmd: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

/** Names in many scripts, as a facilitator would type them. */
export const NAMES = ['Siân', 'Łukasz', 'Zoë', 'Şükrü', 'Nguyễn', 'Αλέξανδρος', 'Алексей'] as const;

/** A case record stretched to the limits: 30 participants, an empty optional field, a 20,000-character note. */
export function longCaseModel(deterministic = true): import('../../src-main/documents').DocumentModel {
  const sentence = 'The facilitator met Siân and Алексей at the community centre; both asked about the next steps. ';
  let note = '';
  while (note.length < 20_000) note += sentence;
  note = `${note.slice(0, 19_990)} END-OF-NOTE`;
  const roles = ['Person harmed', 'Person responsible', 'Supporter', 'Parent or guardian'];
  return {
    metadata: { title: 'Case summary – RJ-2026-0042', deterministic },
    header: { left: 'Restorative Justice Service', right: 'Case summary · RJ-2026-0042' },
    footer: { left: 'Confidential' },
    blocks: [
      { kind: 'heading', level: 1, text: 'Case summary for supervision' },
      { kind: 'keyValue', items: [{ key: 'Case reference', value: 'RJ-2026-0042' }, { key: 'Lead facilitator', value: 'Zoë Şükrü' }, { key: 'Co-facilitator', value: '' }] },
      { kind: 'heading', level: 2, text: 'Participants' },
      {
        kind: 'table',
        columns: [{ header: 'Participant', width: 3 }, { header: 'Role', width: 2 }, { header: 'Consent', width: 2 }, { header: 'Risk', width: 1 }],
        rows: Array.from({ length: 30 }, (_, i) => [`${NAMES[i % NAMES.length]} ${i + 1}`, roles[i % roles.length]!, i % 3 === 0 ? 'All ten elements given' : 'Pending', i % 5 === 0 ? 'High' : 'Low']),
      },
      { kind: 'heading', level: 2, text: 'Notes' },
      { kind: 'paragraph', runs: [{ text: note }] },
      { kind: 'list', ordered: true, items: [[{ text: 'Review risk before any contact.' }], [{ text: 'Supervision booked.', bold: true }]] },
    ],
  };
}

/** A real PNG of solid colour with a lighter band, made here so the tests need no image files. */
export function makePng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = y > height / 3 && y < (2 * height) / 3 ? 80 : 0;
      raw.set(rgb.map((c) => Math.min(255, c + light)), y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** Trailing spaces and the final form feed vary with nothing we control; pages show as <page>. */
export const tidyText = (s: string) => s.replace(/[ \t]+$/gm, '').replace(/\f/g, '\n<page>\n').trimEnd() + '\n';

/** A DOCX's header, body and footer text, for golden files. */
export function docxAllText(bytes: Uint8Array): string {
  const parts = docxParts(bytes);
  const section = (re: RegExp) => Object.keys(parts).filter((n) => re.test(n)).sort().map((n) => docxText(parts[n]!)).join('\n');
  return ['[header]', section(/^word\/header\d*\.xml$/), '[body]', docxText(parts['word/document.xml']!), '[footer]', section(/^word\/footer\d*\.xml$/)].join('\n');
}

/** Compares text with a golden file (written instead with UPDATE_GOLDEN=1); `rerun` says which test file makes it. */
export async function compareGolden(dir: string, name: string, actual: string, rerun: string): Promise<void> {
  const { expect } = await import('vitest');
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(dir, { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8').catch(() => {
    throw new Error(`No golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run ${rerun} and review it`);
  });
  expect(actual, `${name} differs from its golden file; if the change is intended, run with UPDATE_GOLDEN=1`).toBe(expected);
}
