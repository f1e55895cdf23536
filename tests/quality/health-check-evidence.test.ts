import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src-main/domain/conferences/attachments';
import { evidenceFileProblem, evidenceTypeOf } from '../../src-main/domain/quality/health-check-evidence';
import { caseworkWorld, type World } from '../support/casebook';
import { pdfText } from '../support/pdf-text';

/**
 * Files attached to health-check indicators, through the registry as the app calls it: chosen
 * first (held in main, a token to the form), attached with a title, listed, copied, removed
 * (the file goes when nothing else names it), checked by verify, and listed by title in the
 * evidence pack, whose leak check reads the titles. Today is 16 March 2026.
 */
const YEAR = { from: '2025-03-17', to: '2026-03-16' };
const enc = (s: string) => new TextEncoder().encode(s);
const MINUTES = { name: 'Team meeting 2026-03.pdf', bytes: enc('%PDF-1.7\n% minutes of the March team meeting\n') };
const PNG = { name: 'poster.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) };

async function attach(w: World, file: { name: string; bytes: Uint8Array }, over: { indicator?: string; title?: string } = {}) {
  w.files.toPick.push(file);
  const chosen = await w.call('chooseIndicatorEvidence', {});
  expect(chosen).toMatchObject({ picked: true, name: file.name, bytes: file.bytes.length });
  return w.call('attachIndicatorEvidence', { framework: 'rsqm', indicator: over.indicator ?? '4.1', title: over.title ?? 'Minutes of the March team meeting', chosen: chosen.token! });
}

const evidence = async (w: World) => (await w.call('getHealthCheck', { framework: 'rsqm' })).evidence;
const attachmentFiles = async (w: World) => (await fs.readdir(join(w.dir, 'attachments')).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));

describe('the kind of file attached as evidence', () => {
  it.each([
    ['a PDF', 'a.pdf', MINUTES.bytes, 'application/pdf'],
    ['a DOCX (a ZIP)', 'a.DOCX', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a PNG', 'a.png', PNG.bytes, 'image/png'],
    ['a JPEG named .jpg', 'a.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a PNG named .pdf', 'a.pdf', PNG.bytes, undefined],
    ['text named .pdf', 'a.pdf', enc('hello'), undefined],
    ['a PDF with no extension', 'a', MINUTES.bytes, undefined],
    ['a truncated PNG signature', 'a.png', PNG.bytes.slice(0, 4), undefined],
  ])('%s', (_, name, bytes, type) => {
    expect(evidenceTypeOf(name, bytes)).toBe(type);
  });

  it('says what to fix for an empty, too big or wrong file, and nothing for a good one', () => {
    expect(evidenceFileProblem('a.pdf', new Uint8Array())).toMatch(/^The file is empty/);
    expect(evidenceFileProblem('a.pdf', new Uint8Array(MAX_ATTACHMENT_BYTES + 1))).toMatch(/larger than 25 MB/);
    expect(evidenceFileProblem('a.exe', enc('MZ'))).toMatch(/must be a PDF, a Word \(DOCX\) document, or a PNG or JPEG picture/);
    expect(evidenceFileProblem(MINUTES.name, MINUTES.bytes)).toBeUndefined();
  });
});

describe('files attached to the health check', () => {
  it('attaches a file to an indicator with a title, lists it, saves a copy, audits no title or file name, and verify is content', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const row = await attach(w, MINUTES);
    expect(row).toMatchObject({ indicator: '4.1', title: 'Minutes of the March team meeting', name: MINUTES.name, type: 'application/pdf', size: MINUTES.bytes.length, addedOn: '2026-03-16', addedByName: 'Quinn Lead' });
    expect(await evidence(w)).toEqual([row]);
    expect(JSON.stringify(await evidence(w))).not.toMatch(/"ref"/);
    // Another framework's indicators have their own files; answering the indicator keeps them.
    expect((await w.call('getHealthCheck', { framework: 'organisation' })).evidence).toEqual([]);
    await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', rating: 'met' });
    expect(await evidence(w)).toEqual([row]);

    expect(await w.call('saveIndicatorEvidence', { evidenceId: row.id })).toEqual({ saved: true, fileName: MINUTES.name });
    expect(w.files.last()).toMatchObject({ name: MINUTES.name, format: 'original' });
    expect(Buffer.from(w.files.last().bytes).equals(Buffer.from(MINUTES.bytes))).toBe(true);
    // A coordinator reads the health check, so may keep a copy; a facilitator may not.
    await w.as('manager');
    expect((await w.call('saveIndicatorEvidence', { evidenceId: row.id })).saved).toBe(true);
    await w.as('facilitator');
    expect((await w.fails('saveIndicatorEvidence', { evidenceId: row.id })).code).toBe('FORBIDDEN');

    await w.as('admin');
    const audit = (await w.service.listAudit({ offset: 0, limit: 100 })).entries.filter((e) => e.action.startsWith('health-check.evidence'));
    expect(audit.map((e) => [e.action, e.fields.join(',')])).toEqual(
      expect.arrayContaining([
        ['health-check.evidence.add', `title,file,type:pdf,bytes:${MINUTES.bytes.length}`],
        ['health-check.evidence.export', 'file'],
      ]),
    );
    expect(JSON.stringify(audit)).not.toMatch(/Minutes|Team meeting/);
    expect((await w.service.verify()).problems).toEqual([]);
  });

  it('removes a file, keeping the bytes while another indicator uses the same content, and verify names one that is missing', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const first = await attach(w, MINUTES);
    const again = await attach(w, MINUTES, { indicator: '1.1', title: 'The same minutes, for leadership' });
    const poster = await attach(w, PNG, { indicator: '1.1', title: 'Our restorative poster' });
    expect(await attachmentFiles(w)).toHaveLength(2);

    expect(await w.call('removeIndicatorEvidence', { evidenceId: first.id })).toEqual({ removed: true, fileDeleted: false });
    expect((await evidence(w)).map((e) => e.id)).toEqual([again.id, poster.id]);
    expect(await attachmentFiles(w)).toHaveLength(2);
    expect(await w.call('removeIndicatorEvidence', { evidenceId: again.id })).toEqual({ removed: true, fileDeleted: true });
    expect(await attachmentFiles(w)).toHaveLength(1);
    expect((await w.fails('removeIndicatorEvidence', { evidenceId: again.id })).code).toBe('NOT_FOUND');
    await w.as('manager');
    expect((await w.fails('removeIndicatorEvidence', { evidenceId: poster.id })).code).toBe('FORBIDDEN');

    await w.as('admin');
    const removed = (await w.service.listAudit({ offset: 0, limit: 100 })).entries.filter((e) => e.action === 'health-check.evidence.remove');
    expect(removed.map((e) => e.fields.join(','))).toEqual(expect.arrayContaining(['file', 'file,file-deleted']));
    expect((await w.service.verify()).problems).toEqual([]);

    // The poster's file taken away behind the casebook's back: verify says which register names it.
    const [left] = await attachmentFiles(w);
    await fs.rm(join(w.dir, 'attachments', left!));
    const problems = (await w.service.verify()).problems;
    expect(problems).toContainEqual({ file: 'registers/health-check.cbk', message: `it names an attachment that is missing (attachments/${left})` });
  });

  it('keeps the bytes of a file taken off an indicator while a policy’s document is the same file', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const policy = await w.call('savePolicy', { title: 'Case supervision', version: '1', ownerId: w.staff.jo, approvedOn: '2025-03-01', nextReview: '2027-03-01', indicators: ['4.1'] });
    w.files.toPick.push(MINUTES);
    await w.call('attachPolicyDocument', { policyId: policy.id });
    const row = await attach(w, MINUTES);
    expect(await attachmentFiles(w)).toHaveLength(1);
    expect(await w.call('removeIndicatorEvidence', { evidenceId: row.id })).toEqual({ removed: true, fileDeleted: false });
    expect(await attachmentFiles(w)).toHaveLength(1);
    await w.as('admin');
    expect((await w.service.verify()).problems).toEqual([]);
  });

  const proto = JSON.parse('{"__proto__":{"admin":true}}') as object;
  const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
  big.set(MINUTES.bytes);
  const BAD: [string, { name: string; bytes: Uint8Array }, object, string, RegExp][] = [
    ['an empty file', { name: 'empty.pdf', bytes: new Uint8Array() }, {}, 'chosen', /empty/],
    ['a file over 25 MB', { name: 'big.pdf', bytes: big }, {}, 'chosen', /larger than 25 MB/],
    ['a program renamed to .pdf', { name: 'minutes.pdf', bytes: enc('MZ\x90\x00 this is not a PDF') }, {}, 'chosen', /must be a PDF/],
    ['a text file', { name: 'notes.txt', bytes: enc('plain text') }, {}, 'chosen', /must be a PDF/],
    ['an indicator the framework does not list', MINUTES, { indicator: '4.9' }, 'indicator', /has no indicator 4\.9/],
    ['an empty title', MINUTES, { title: '' }, 'title', /Enter a title/],
    ['a title over 200 characters', MINUTES, { title: 'x'.repeat(201) }, 'title', /./],
    ['an unknown field', MINUTES, { ref: 'ab'.repeat(32) }, '', /Unknown field/],
    ['__proto__', MINUTES, proto, '', /Unknown field/],
  ];
  it('refuses bad files and bad fields, naming the field, and keeps nothing', async () => {
    // One casebook for every case: each refusal must leave it as it was, which the next one relies on.
    const w = await caseworkWorld();
    await w.as('quality-lead');
    for (const [what, file, over, field, message] of BAD) {
      w.files.toPick.push(file);
      const chosen = await w.call('chooseIndicatorEvidence', {});
      const e = await w.fails('attachIndicatorEvidence', { framework: 'rsqm', indicator: '4.1', title: 'Minutes', chosen: chosen.token!, ...over } as never);
      expect(e.code, what).toBe('INVALID_INPUT');
      if (field) expect(e.details?.issues?.map((i) => i.path), what).toContain(field);
      expect(`${e.message} ${JSON.stringify(e.details ?? {})}`, what).toMatch(message);
    }
    expect(await evidence(w)).toEqual([]);
    expect(await attachmentFiles(w)).toEqual([]);
  });

  it('takes a chosen file once, refuses a token it does not hold, and keeps a title with a script tag as plain text', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    expect((await w.fails('attachIndicatorEvidence', { framework: 'rsqm', indicator: '4.1', title: 'Minutes', chosen: '0'.repeat(32) })).message).toMatch(/choose it again/);
    w.files.toPick.push(undefined);
    expect(await w.call('chooseIndicatorEvidence', {})).toEqual({ picked: false });
    const row = await attach(w, MINUTES, { title: '<script>alert(1)</script> minutes' });
    expect(row.title).toBe('<script>alert(1)</script> minutes');
    await w.as('facilitator');
    expect((await w.fails('chooseIndicatorEvidence', {})).code).toBe('FORBIDDEN');
  });

  it('lists the titles under their indicator in the evidence pack, and refuses the pack when a title names a participant', async () => {
    const w = await caseworkWorld();
    await w.service.addDemoCases({ count: 12, seed: 'health-check' });
    await w.as('quality-lead');
    await attach(w, MINUTES);
    await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' });
    const text = pdfText(w.files.last().bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Files held as evidence');
    expect(text).toContain('Minutes of the March team meeting');
    expect(text).not.toContain('%PDF-1.7 % minutes');

    const c = (await w.call('listCases', {}))[0]!;
    const named = (await w.call('getCase', { id: c.id })).participants[0]!.person;
    await attach(w, PNG, { indicator: '5.3', title: `Thank-you card from ${named.givenName} ${named.familyName}` });
    const saved = w.files.saved.length;
    const e = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' });
    expect(e.code).toBe('PERSONAL_DATA');
    expect(e.message).toMatch(/a file's title/);
    expect(e.message).not.toContain(named.familyName);
    expect(w.files.saved.length).toBe(saved);
  });
});
