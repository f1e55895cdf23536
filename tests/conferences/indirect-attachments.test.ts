import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import { applyAll, caseworkWorld, people, referral, type World } from '../support/casebook';
import { toConsentStage } from '../support/journeys';
import { steps } from '../support/steps';

/**
 * A letter passed on in an indirect process, with the scanned letter attached: chosen through
 * the file picker port, encrypted into the store in the same commit as its log entry, saved
 * back out through the file saver, and checked by verify.
 */
const LETTER = Buffer.from('%PDF-1.7 Annwyl Siân, mae’n ddrwg gennyf.');

async function indirectCase(w: World): Promise<CaseView> {
  let v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
  v = await toConsentStage(w, v, { lead: w.staff.jo });
  const s = steps(await w.call('getCaseworkReference', {}));
  const p = people(v);
  return applyAll(w, v, [s.signOff(p.harmed), s.signOff(p.responsible), { type: 'advance', processKind: 'indirect', processForm: 'letter-exchange' }]);
}

function entry(v: CaseView) {
  const p = people(v);
  return { on: '2026-03-16', medium: 'letter' as const, fromParticipantId: p.responsible, toParticipantId: p.harmed, viaStaffId: v.case.leadFacilitatorId!, summary: 'Letter of apology, read with the facilitator.' };
}

describe('attachments in the indirect process log', () => {
  it('keeps the chosen file encrypted with the entry that names it, and saves a copy back out', async () => {
    const toPick = [{ name: 'llythyr.pdf', bytes: LETTER }];
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const w = await caseworkWorld({
      filePicker: { pick: async () => toPick.shift() },
      fileSaver: { save: async (name, bytes) => (saved.push({ name, bytes }), { saved: true }) },
    });
    const v = await indirectCase(w);
    const r = await w.call('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: entry(v) });
    expect(r.picked).toBe(true);
    const logged = r.view!.case.indirectLog!;
    expect(logged).toHaveLength(1);
    const ref = logged[0]!.attachment!;
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(w.dir, 'attachments'))).toEqual([`${ref}.cbk`]);

    expect(await w.call('saveAttachment', { caseId: v.case.id, attachment: ref })).toEqual({ saved: true, fileName: 'llythyr.pdf' });
    expect(Buffer.from(saved[0]!.bytes).equals(LETTER)).toBe(true);
    expect((await w.call('verifyStore', {})).ok).toBe(true);

    // The audit trail says a file was logged and saved, never its name or words.
    const trail = JSON.stringify(await w.call('listAudit', {}));
    expect(trail).toContain('attachment.export');
    expect(trail).not.toContain('llythyr');
    expect(trail).not.toContain('apology');
  });

  it('writes nothing when the dialog is cancelled, and refuses a type the store does not keep', async () => {
    const toPick = [undefined, { name: 'setup.exe', bytes: Buffer.from('MZ') }];
    const w = await caseworkWorld({ filePicker: { pick: async () => toPick.shift() } });
    const v = await indirectCase(w);
    expect(await w.call('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: entry(v) })).toEqual({ picked: false });
    const e = await w.fails('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: entry(v) });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/pdf, png/);
    const after = await w.call('getCaseView', { id: v.case.id });
    expect(after.case.revision).toBe(v.case.revision);
    expect(after.case.indirectLog ?? []).toEqual([]);
    expect(await readdir(join(w.dir, 'attachments')).catch(() => [])).toEqual([]);
  });

  it('keeps a file chosen in the form before saving, once, and only for the session that chose it', async () => {
    const toPick = [{ name: 'letter.pdf', bytes: LETTER }, { name: 'again.pdf', bytes: LETTER }];
    const w = await caseworkWorld({ filePicker: { pick: async () => toPick.shift() } });
    let v = await indirectCase(w);
    const chosen = await w.call('chooseAttachment', {});
    expect(chosen).toMatchObject({ picked: true, name: 'letter.pdf', bytes: LETTER.length, token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // Nothing is written until the entry is saved with it.
    expect(await readdir(join(w.dir, 'attachments')).catch(() => [])).toEqual([]);
    const r = await w.call('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: entry(v), chosen: chosen.token! });
    v = r.view!;
    expect(v.case.indirectLog?.[0]?.attachment).toMatch(/^[0-9a-f]{64}$/);
    // The token is used up: the same token again is refused, with what to do.
    const again = await w.fails('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: entry(v), chosen: chosen.token! });
    expect(again).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/choose it again/) });
    // A file chosen before the casebook locks is gone after it.
    const before = await w.call('chooseAttachment', {});
    await w.call('lock', {});
    await w.as('admin');
    const locked = await w.fails('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: entry(v), chosen: before.token! });
    expect(locked.message).toMatch(/no longer held/);
  });

  it('will not hand out a file the case does not name', async () => {
    const w = await caseworkWorld({ fileSaver: { save: async () => ({ saved: true }) } });
    const v = await indirectCase(w);
    const e = await w.fails('saveAttachment', { caseId: v.case.id, attachment: 'a'.repeat(64) });
    expect(e.code).toBe('NOT_FOUND');
  });
});
