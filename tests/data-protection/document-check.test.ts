import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { caseworkWorld, referral, type World } from '../support/casebook';

/**
 * The leak check on a document chosen by the user (checkFileForPersonalData, `casebook
 * pack-check`): every person every case names is looked for in the text of each PDF page and
 * each DOCX part, and the file name; findings say where and what kind, never the data.
 */
async function withCase(): Promise<{ w: World; caseId: string }> {
  const w = await caseworkWorld();
  const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
  return { w, caseId: v.case.id };
}

async function pdfOf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 750 - i * 20, size: 11, font }));
  return doc.save();
}

const docx = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
const body = (text: string) => `<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

async function check(w: World, name: string, bytes: Uint8Array) {
  w.files.toPick.push({ name, bytes });
  return w.call('checkFileForPersonalData', {});
}

describe('checking a document for personal data', () => {
  it('finds a participant named in a saved case summary, by page, and records the check without naming anyone', async () => {
    const { w, caseId } = await withCase();
    await w.call('saveDocument', { kind: 'case-summary', caseId, format: 'pdf' });
    const summary = w.files.last();
    const r = await check(w, 'summary.pdf', summary.bytes);
    expect(r).toMatchObject({ picked: true, format: 'PDF', clean: false, casesSearched: 1 });
    expect(r.known.some((f) => f.where === 'page 1' && f.kind === 'name')).toBe(true);
    expect(r.message).toMatch(/^Personal data from the casebook was found \(page 1: a name/);
    expect(JSON.stringify(r)).not.toMatch(/Siân|Evans|Kowalski/);
    const audit = await w.service.listAudit({ offset: 0, limit: 1 });
    expect(audit.entries[0]).toMatchObject({ action: 'document.leak-check', entity: { type: 'document', id: 'personal-data-found' }, fields: ['known', 'patterns'] });
  });

  it('passes ordinary text, and names the shape of data the casebook does not list', async () => {
    const { w } = await withCase();
    const clean = await check(w, 'quarterly report.pdf', await pdfOf(['Referrals rose this quarter.', 'Most processes were indirect; I hope that continues.']));
    expect(clean).toMatchObject({ clean: true, known: [], patterns: [] });
    const shaped = await check(w, 'notes.pdf', await pdfOf(['Met at the office, SW1A 1AA.']));
    expect(shaped).toMatchObject({ clean: false, known: [], patterns: [{ where: 'page 1', kind: 'postcode', count: 1 }] });
  });

  it('looks in every part of a Word document, the properties and the file name included', async () => {
    const { w } = await withCase();
    const r = await check(w, 'pack.docx', docx({ 'word/document.xml': body('A good year.'), 'docProps/core.xml': '<cp:coreProperties><dc:creator>Siân Evans</dc:creator></cp:coreProperties>' }));
    expect(r.known).toEqual([{ where: 'the document properties', kind: 'name', count: 1 }]);
    // A word split into two runs by an edit is read whole.
    const split = await check(w, 'pack.docx', docx({ 'word/document.xml': '<w:document><w:p><w:r><w:t>Kowal</w:t></w:r><w:r><w:t>ski agreed</w:t></w:r></w:p></w:document>' }));
    expect(split.known).toEqual([{ where: 'the body', kind: 'name', count: 1 }]);
    const named = await check(w, 'Lukasz Kowalski case study.docx', docx({ 'word/document.xml': body('A good year.') }));
    expect(named.known).toEqual([{ where: 'the file name', kind: 'name', count: 1 }]);
  });

  it('refuses a file that is neither, a facilitator, and a cancelled choice changes nothing', async () => {
    const { w } = await withCase();
    w.files.toPick.push({ name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    const e = await w.fails('checkFileForPersonalData', {});
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: 'Choose a PDF or a Word document (DOCX): that file is neither' });
    w.files.toPick.push({ name: 'broken.pdf', bytes: strToU8('%PDF-1.7 not really') });
    expect((await w.fails('checkFileForPersonalData', {})).message).toMatch(/not a PDF that can be read/);
    expect(await w.call('checkFileForPersonalData', {})).toMatchObject({ picked: false });
    expect(w.files.picked.at(-1)).toBe('document');
    await w.as('facilitator');
    expect((await w.fails('checkFileForPersonalData', {})).code).toBe('FORBIDDEN');
  });
});
