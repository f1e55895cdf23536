import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src-main/ipc/registry';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { MemoryFiles } from '../support/files';
import { caseworkWorld, PASS, referral, type World } from '../support/casebook';
import { snapshotDir, diffSnapshots } from '../support/fault/fixtures';

/**
 * Nothing leaves the casebook unaudited (security review, finding 2): a session that cannot
 * write the audit trail (another instance holds the lock, or a lock file names another
 * computer) may read, but every command that would let something leave — a document saved or
 * printed, a calendar, the figures, an attachment, a copy of the casebook, every case — is
 * refused before anything is made, and nothing is written anywhere.
 */
type Leaving = [name: string, input: (w: World, caseId: string) => unknown];
const LEAVING: Leaving[] = [
  ['saveDocument', (_w, caseId) => ({ kind: 'case-summary', caseId, format: 'pdf' })],
  ['recordPrint', (_w, caseId) => ({ kind: 'case-summary', caseId })],
  ['saveCalendar', () => ({ from: '2026-03-01', to: '2026-03-31' })],
  ['saveFiguresCsv', () => ({ from: '2026-03-01', to: '2026-03-31' })],
  ['saveFiguresReport', () => ({ from: '2026-03-01', to: '2026-03-31', format: 'pdf' })],
  ['saveBackupCopy', () => ({})],
  ['exportCases', () => ({})],
  ['createBackup', () => ({})],
  ['saveSubjectAccessBundle', () => ({ requestId: 'sar_anyrequest01', format: 'pdf' })],
];

async function secondSession(w: World) {
  const files = new MemoryFiles();
  const service = await createCasebookService({ storeDir: w.dir, kdf: 'minimum', now: () => w.clock.now, fileSaver: files.fileSaver, filePicker: files.filePicker });
  const registry = createRegistry(service);
  const session = await service.unlock(w.adminId, PASS);
  return { service, registry, files, session };
}

describe('a read-only session lets nothing leave', () => {
  it.each(['another instance holds the lock', 'a lock file names another computer'])('when %s, every leaving command is refused and nothing is written', async (how) => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    if (how === 'a lock file names another computer') {
      await w.service.lock('manual');
      await writeFile(join(w.dir, 'casebook.lock'), JSON.stringify({ pid: 4242, host: `not-${hostname()}`, user: 'someone', since: new Date().toISOString() }));
    }
    const before = await snapshotDir(w.dir);
    const other = await secondSession(w);
    try {
      expect(other.session.readOnly).toBe(true);
      for (const [name, input] of LEAVING) {
        const r = await other.registry.invoke(name, input(w, v.case.id));
        expect(r, name).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
        if (!r.ok) expect(r.error.message, name).toMatch(/recorded in its audit trail/);
      }
      expect(other.files.saved).toEqual([]);
      // Reading is still allowed.
      expect((await other.registry.invoke('getCaseView', { id: v.case.id })).ok).toBe(true);
    } finally {
      await other.service.close();
    }
    expect(diffSnapshots(before, await snapshotDir(w.dir), { mtime: true })).toEqual([]);
  });
});

describe('what leaves is recorded once it has left', () => {
  it('records a print on the trail and the case timeline, and a cancelled save not at all', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    await w.call('recordPrint', { kind: 'case-summary', caseId: v.case.id });
    const after = await w.call('getCaseView', { id: v.case.id });
    expect(after.case.timeline.at(-1)).toMatchObject({ kind: 'document.printed', text: 'Case summary printed' });
    // Opening the case to look is recorded as well ('case.view', issue 13): the print is the entry before it.
    const [opened, entry] = (await w.service.listAudit({ offset: 0, limit: 2 })).entries;
    expect(opened).toMatchObject({ action: 'case.view', entity: { type: 'case', id: v.case.id } });
    expect(entry).toMatchObject({ action: 'document.print', entity: { type: 'case', id: v.case.id }, fields: ['kind:case-summary', 'format:print'] });

    w.files.cancelNextSave = true;
    expect(await w.call('exportCases', {})).toMatchObject({ saved: false });
    w.files.cancelNextSave = true;
    expect(await w.call('saveDocument', { kind: 'case-summary', caseId: v.case.id, format: 'pdf' })).toMatchObject({ saved: false });
    expect((await w.service.listAudit({ offset: 0, limit: 1 })).entries[0]?.seq).toBe(opened!.seq);
  });

  it('refuses a print a quality lead could not save', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    await w.as('quality-lead');
    expect(await w.fails('recordPrint', { kind: 'case-summary', caseId: v.case.id })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
