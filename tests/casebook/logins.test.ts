import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src-main/ipc/registry';
import { createdService, PASS } from '../support/casebook';
import { rejection } from '../support/fault/fixtures';

/**
 * Managing the people who can unlock (issue 13): a deactivated person stays deactivated (on the
 * unlock screen, with their passphrase, after a restore) yet stays listed; roles change; the
 * last administrator keeps theirs; a person can be made to choose a new passphrase.
 */
const FAC = 'facilitator passphrase 1';
const NEW = 'a brand new passphrase 7';
let t: Awaited<ReturnType<typeof createdService>>;
let facId: string;

beforeEach(async () => {
  t = await createdService();
  facId = (await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC })).id;
});
afterEach(async () => {
  await t.service.close();
  await t.cleanup();
});

describe('deactivating a login', () => {
  it('takes them off the unlock screen, their passphrase opens nothing, they stay listed, and it is recorded', async () => {
    const staffId = t.service.users().find((u) => u.id === facId)?.staffId;
    const { users: all } = await t.service.deactivateUser(facId);
    expect(all.map((u) => [u.name, u.deactivatedAt !== undefined])).toEqual([
      ['Siân Williams', false],
      ['Fatima Hussain', true],
    ]);
    const audit = await t.service.listAudit({ offset: 0, limit: 3 });
    expect(audit.entries[0]).toMatchObject({ action: 'user.deactivate-rekey', entity: { type: 'user', id: facId } });
    await t.service.lock('manual');
    const status = await t.service.status();
    expect(status.users.map((u) => u.name)).toEqual(['Siân Williams']);
    expect((await rejection(t.service.unlock(facId, FAC)))?.code).toMatch(/AUTH_FAILED|NOT_FOUND/);
    await t.service.unlock(t.userId, PASS);
    const reference = t.service.cases.getCaseworkReference();
    expect(reference.staff.some((m) => m.id === staffId && m.name === 'Fatima Hussain')).toBe(true);
    expect((await t.service.verify()).ok).toBe(true);
  });

  it('stays deactivated after a backup from before it is restored', async () => {
    const before = await t.service.createBackup('manual');
    await t.service.deactivateUser(facId);
    await t.service.restoreBackup(before.id);
    await t.service.unlock(t.userId, PASS);
    await t.service.lock('manual');
    expect((await rejection(t.service.unlock(facId, FAC)))?.code).toMatch(/AUTH_FAILED|NOT_FOUND/);
  });

  it('is for administrators, never yourself, never twice, and names an unknown person as such', async () => {
    expect((await rejection(t.service.deactivateUser(t.userId)))?.message).toMatch(/cannot deactivate yourself/);
    expect((await rejection(t.service.deactivateUser('u_doesnotexist00')))?.code).toBe('NOT_FOUND');
    await t.service.deactivateUser(facId);
    expect((await rejection(t.service.deactivateUser(facId)))?.message).toMatch(/already deactivated/);
    await t.service.reactivateUser(facId, NEW);
    await t.service.lock('manual');
    await t.service.unlock(facId, NEW);
    expect((await rejection(t.service.deactivateUser(t.userId)))?.code).toBe('FORBIDDEN');
  });

  it('leaves the casebook an administrator: the last one cannot be demoted, nor deactivate themselves', async () => {
    const other = await t.service.addUser({ name: 'Gwen Parry', role: 'administrator', passphrase: NEW });
    await t.service.changeUserRole(t.userId, 'coordinator');
    // Siân is no longer an administrator, so she may not manage users; Gwen is the only one left.
    await t.service.lock('manual');
    await t.service.unlock(other.id, NEW);
    expect((await rejection(t.service.changeUserRole(other.id, 'facilitator')))?.message).toMatch(/only administrator/);
  });
});

describe('reactivating a login', () => {
  it('needs a passphrase from the administrator, which the person must change before anything else', async () => {
    await t.service.deactivateUser(facId);
    expect((await rejection(t.service.reactivateUser(facId, 'short')))?.code).toBe('INVALID_INPUT');
    const back = await t.service.reactivateUser(facId, NEW);
    expect(back).toMatchObject({ mustChangePassphrase: true });
    expect(back.deactivatedAt).toBeUndefined();
    expect((await t.service.listAudit({ offset: 0, limit: 1 })).entries[0]).toMatchObject({ action: 'user.reactivate', entity: { id: facId } });
    await t.service.lock('manual');
    const registry = createRegistry(t.service);
    await t.service.unlock(facId, NEW);
    const blocked = await registry.invoke('listCases', {});
    expect(blocked.ok ? undefined : blocked.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Choose a new passphrase first/) });
    expect((await registry.invoke('changePassphrase', { current: NEW, next: 'my own chosen passphrase 9' })).ok).toBe(true);
    expect(t.service.currentSession()?.user.mustChangePassphrase).toBeUndefined();
    expect((await registry.invoke('listCases', {})).ok).toBe(true);
    await t.service.lock('manual');
    await t.service.unlock(facId, 'my own chosen passphrase 9');
    expect(t.service.currentSession()?.user.mustChangePassphrase).toBeUndefined();
  });
});

describe('changing a role', () => {
  it('changes it for their next unlock and records from and to', async () => {
    const changed = await t.service.changeUserRole(facId, 'coordinator');
    expect(changed.role).toBe('coordinator');
    expect((await t.service.listAudit({ offset: 0, limit: 1 })).entries[0]).toMatchObject({ action: 'user.role', entity: { id: facId }, fields: ['role:facilitator>coordinator'] });
    await t.service.lock('manual');
    await t.service.unlock(facId, FAC);
    expect(t.service.currentSession()?.user.role).toBe('coordinator');
  });

  it('refuses to demote the last administrator', async () => {
    expect((await rejection(t.service.changeUserRole(t.userId, 'coordinator')))?.message).toMatch(/only administrator/);
  });
});

describe('requiring a new passphrase', () => {
  it('flags the login until they choose one, and is recorded', async () => {
    const flagged = await t.service.requirePassphraseChange(facId);
    expect(flagged.mustChangePassphrase).toBe(true);
    expect((await t.service.listAudit({ offset: 0, limit: 1 })).entries[0]).toMatchObject({ action: 'user.passphrase-required', entity: { id: facId } });
    expect((await rejection(t.service.requirePassphraseChange(t.userId)))?.code).toBe('CONFLICT');
    await t.service.lock('manual');
    await t.service.unlock(facId, FAC);
    expect(t.service.currentSession()?.user.mustChangePassphrase).toBe(true);
    await t.service.changePassphrase(FAC, NEW);
    expect(t.service.currentSession()?.user.mustChangePassphrase).toBeUndefined();
  });
});
