import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import { CasebookError } from '../../src-main/domain/shared/errors';
import { createRegistry } from '../../src-main/ipc/registry';
import { createdService, PASS } from '../support/casebook';
import { diffSnapshots, sampleCase, snapshotDir } from '../support/fault/fixtures';

/**
 * A wrong passphrase changes nothing on disk: not a byte and not a modification time, in any
 * file (no lock file left, no audit entry, no counter). It is refused with AUTH_FAILED, and
 * the right passphrase still works afterwards.
 */
let t: Awaited<ReturnType<typeof createdService>>;

beforeAll(async () => {
  t = await createdService();
  await t.service.saveCase(sampleCase());
  await t.service.createBackup('manual');
  await t.service.lock('manual');
});

afterAll(async () => {
  await t.service.close();
  await t.cleanup();
});

const WRONG: [string, string][] = [
  ['empty', ''],
  ['a space', ' '],
  ['a NUL', '\u0000'],
  ['one letter', 'c'],
  ['one character short', PASS.slice(0, -1)],
  ['a trailing space', `${PASS} `],
  ['a leading space', ` ${PASS}`],
  ['upper case', PASS.toUpperCase()],
  ['a newline after it', `${PASS}\n`],
  ['huge (1 MB)', 'x'.repeat(1_000_000)],
  ['just over the form limit', 'y'.repeat(1025)],
  ['Welsh, German and emoji', 'Siân’s pässwörd 🔑 long enough'],
  ['Japanese', 'パスワードは正しくありません'],
  ['Arabic with a right-to-left mark', '\u200Fكلمة المرور خاطئة'],
  ['a right-to-left override', `\u202E${PASS}`],
  ['combining marks', 'e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301'],
  ['a lone surrogate', `${PASS}\uD800`],
  ['zero-width joiners', `correct\u200Dhorse\u200Dbattery\u200Dstaple`],
];

async function expectNothingChanged(what: string, attempt: () => Promise<unknown>, code: string = 'AUTH_FAILED'): Promise<void> {
  const before = await snapshotDir(t.dir);
  const dirBefore = (await stat(t.dir)).mtimeMs;
  let error: unknown;
  try {
    await attempt();
  } catch (e) {
    error = e;
  }
  expect(error, `${what}: was accepted`).toBeDefined();
  expect(error, `${what}: ${String(error)}`).toBeInstanceOf(CasebookError);
  expect((error as CasebookError).code, `${what}: ${(error as Error).message}`).toBe(code);
  expect((error as CasebookError).message, what).not.toContain(PASS);
  expect(diffSnapshots(before, await snapshotDir(t.dir), { mtime: true }), `${what}: files changed`).toEqual([]);
  expect((await stat(t.dir)).mtimeMs, `${what}: a file was created or removed`).toBe(dirBefore);
}

describe('wrong passphrases change nothing', () => {
  it.each(WRONG)('unlock with %s: AUTH_FAILED, every file byte-identical with the same mtime', async (what, wrong) => {
    await expectNothingChanged(what, () => t.service.unlock(t.userId, wrong));
    await expectNothingChanged(`${what}, user given by name`, () => t.service.unlock('Siân Williams', wrong));
    expect(t.service.currentSession()).toBeUndefined();
  });

  it('an unknown user, or the right passphrase for nobody, changes nothing', async () => {
    await expectNothingChanged('unknown id', () => t.service.unlock('u_nobodyatall00000', PASS));
    await expectNothingChanged('unknown name', () => t.service.unlock('Nobody Atall', PASS));
    await expectNothingChanged('empty user', () => t.service.unlock('', PASS));
  });

  it('a wrong or malformed recovery key changes nothing', async () => {
    const real = t.created.recoveryKey;
    const wrongKey = real.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expectNothingChanged('wrong recovery key', () => t.service.recover(t.userId, wrongKey, 'a new passphrase to set'));
    await expectNothingChanged('truncated recovery key', () => t.service.recover(t.userId, real.slice(0, -5), 'a new passphrase to set'));
    await expectNothingChanged('empty recovery key', () => t.service.recover(t.userId, '', 'a new passphrase to set'));
    await expectNothingChanged('right key, unknown user', () => t.service.recover('u_nobodyatall00000', real, 'a new passphrase to set'));
  });

  it('through the IPC registry too: refused, nothing written, no passphrase in the answer', async () => {
    const registry = createRegistry(t.service);
    for (const [what, wrong] of WRONG) {
      const before = await snapshotDir(t.dir);
      const r = await registry.invoke('unlock', { userId: t.userId, passphrase: wrong });
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(['AUTH_FAILED', 'INVALID_INPUT'], `${what}: ${r.error.code} ${r.error.message}`).toContain(r.error.code);
        if (wrong.length >= 6) expect(r.error.message, what).not.toContain(wrong);
      }
      expect(diffSnapshots(before, await snapshotDir(t.dir), { mtime: true }), `${what}: files changed`).toEqual([]);
    }
  });

  it('changing the passphrase with a wrong current one changes nothing', async () => {
    await t.service.unlock(t.userId, PASS);
    try {
      // The empty one last, so the others are all checked even if it fails.
      for (const [what, wrong] of [...WRONG.slice(1, 8), WRONG[0]!]) {
        await expectNothingChanged(`change with ${what}`, () => t.service.changePassphrase(wrong, 'a perfectly good new passphrase'));
      }
    } finally {
      await t.service.lock('manual');
    }
  });

  it('after all of that the right passphrase still opens it, and the store verifies', async () => {
    const s = await t.service.unlock(t.userId, PASS);
    expect(s.readOnly).toBe(false);
    expect(await t.service.verify()).toMatchObject({ ok: true, problems: [] });
    // No failed attempt left a trace in the trail either.
    const actions = (await t.service.listAudit({ offset: 0, limit: 500 })).entries.map((e) => e.action);
    expect(actions.filter((a) => !/^(session|case|casebook|backup)\./.test(a))).toEqual([]);
    await t.service.lock('manual');
  });
});
