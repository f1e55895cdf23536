import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src-main/domain/conferences/attachments';
import { caseworkWorld } from '../support/casebook';

/**
 * Training on the register with its certificate: chosen through the file picker port, checked
 * by name and content, encrypted into the store in the same commit as the entry that names it,
 * saved back out (audited) and counted by verify. Today is 16 March 2026.
 */
const PDF = Buffer.from('%PDF-1.7 Certificate of completion: Restorative Justice Facilitation, Siân Prydderch');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const COURSE = { date: '2026-02-10', course: 'RJ facilitation', provider: 'Restorative Justice Council', level: 'intermediate' as const };

async function attachmentsIn(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'attachments')).catch(() => [] as string[])).filter((n) => n.endsWith('.cbk'));
}

describe('training with a certificate', () => {
  it('keeps the certificate encrypted with the entry, saves a copy back out, and verify counts it as named', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    w.files.toPick.push({ name: 'certificate.pdf', bytes: PDF });
    const r = await w.call('recordTraining', { staffId: w.staff.sian, ...COURSE, withCertificate: true });
    expect(w.files.picked).toEqual(['certificate']);
    const entry = r.record!.training![0]!;
    expect(entry).toMatchObject(COURSE);
    expect(entry.certificate).toMatch(/^[0-9a-f]{64}$/);
    const files = await attachmentsIn(w.dir);
    expect(files).toEqual([`${entry.certificate}.cbk`]);

    const saved = await w.call('saveCertificate', { staffId: w.staff.sian, certificate: entry.certificate! });
    expect(saved).toEqual({ saved: true, fileName: 'certificate.pdf' });
    expect(Buffer.from(w.files.last().bytes)).toEqual(PDF);

    await w.as('admin');
    expect(await w.call('verifyStore', {})).toMatchObject({ ok: true, problems: [] });
    const { entries } = await w.service.listAudit({ offset: 0, limit: 10 });
    expect(entries.map((e) => `${e.action} ${e.fields.join(',')}`)).toEqual(expect.arrayContaining(['staff.training training,certificate', 'certificate.export certificate']));
    expect(JSON.stringify(entries)).not.toMatch(/certificate\.pdf|RJ facilitation/);

    // A certificate that goes missing is named with the register that points at it.
    await rm(join(w.dir, 'attachments', files[0]!));
    const report = await w.call('verifyStore', {});
    expect(report.problems).toContainEqual({ file: 'registers/staff.cbk', message: expect.stringMatching(/names an attachment that is missing/) });
  });

  it('records training without a certificate, and a PNG one', async () => {
    const w = await caseworkWorld();
    const plain = await w.call('recordTraining', { staffId: w.staff.lan, date: '2026-01-05', course: 'Safeguarding adults', provider: 'County council' });
    expect(plain.record!.training).toEqual([{ date: '2026-01-05', course: 'Safeguarding adults', provider: 'County council' }]);
    w.files.toPick.push({ name: 'scan.PNG', bytes: PNG });
    const withPng = await w.call('recordTraining', { staffId: w.staff.lan, ...COURSE, withCertificate: true });
    expect(withPng.record!.training).toHaveLength(2);
    // Cancelling the dialog records nothing.
    w.files.toPick.push(undefined);
    expect(await w.call('recordTraining', { staffId: w.staff.lan, ...COURSE, withCertificate: true })).toEqual({ picked: false });
  });

  it.each([
    ['a Word file', 'notes.docx', Buffer.from('PK\u0003\u0004 word')],
    ['a text file renamed .pdf', 'certificate.pdf', Buffer.from('this is not a PDF')],
    ['a PNG named .pdf', 'certificate.pdf', PNG],
    ['an unknown kind', 'certificate.exe', Buffer.from('MZ')],
  ])('refuses %s as a certificate, naming the field, and stores nothing', async (_, name, bytes) => {
    const w = await caseworkWorld();
    w.files.toPick.push({ name, bytes });
    const e = await w.fails('recordTraining', { staffId: w.staff.sian, ...COURSE, withCertificate: true });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details?.issues?.[0]?.path).toBe('certificate');
    expect(e.message).toMatch(/a certificate must be a PDF, PNG or JPEG file/);
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]!.training).toBeUndefined();
    expect(await attachmentsIn(w.dir)).toEqual([]);
  });

  it('refuses a certificate over the limit, a date in the future and an unknown field', async () => {
    const w = await caseworkWorld();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    PDF.copy(big);
    w.files.toPick.push({ name: 'huge.pdf', bytes: big });
    expect((await w.fails('recordTraining', { staffId: w.staff.sian, ...COURSE, withCertificate: true })).message).toMatch(/largest that can be kept is 25 MB/);
    expect((await w.fails('recordTraining', { staffId: w.staff.sian, ...COURSE, date: '2026-03-17' })).details?.issues?.[0]?.path).toBe('date');
    expect((await w.fails('recordTraining', { staffId: w.staff.sian, ...COURSE, certificate: 'a'.repeat(64) } as never)).code).toBe('INVALID_INPUT');
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]!.training).toBeUndefined();
  });

  it('lets only quality leads and administrators record training, and a facilitator save only their own certificate', async () => {
    const w = await caseworkWorld();
    w.files.toPick.push({ name: 'c.pdf', bytes: PDF }, { name: 'd.pdf', bytes: Buffer.concat([PDF, Buffer.from('2')]) });
    const sian = (await w.call('recordTraining', { staffId: w.staff.sian, ...COURSE, withCertificate: true })).record!.training![0]!.certificate!;
    const fatima = (await w.call('recordTraining', { staffId: w.staff.fatima, ...COURSE, withCertificate: true })).record!.training![0]!.certificate!;
    await w.as('facilitator');
    expect((await w.fails('recordTraining', { staffId: w.staff.fatima, ...COURSE })).code).toBe('FORBIDDEN');
    expect((await w.call('saveCertificate', { staffId: w.staff.fatima, certificate: fatima })).saved).toBe(true);
    expect((await w.fails('saveCertificate', { staffId: w.staff.sian, certificate: sian })).code).toBe('FORBIDDEN');
    // A certificate is asked for by the record that names it, never by its reference alone.
    expect((await w.fails('saveCertificate', { staffId: w.staff.fatima, certificate: sian })).code).toBe('NOT_FOUND');
  });
});
