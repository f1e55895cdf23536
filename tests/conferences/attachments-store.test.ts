import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CasebookError } from '../../src-main/domain/shared/errors';
import { verifyStore } from '../../src-main/services/casebook/verify-store';
import { MAX_ATTACHMENT_BYTES, prepareAttachment, readAttachment } from '../../src-main/store/attachments';
import { seal, sealJson } from '../../src-main/store/envelope';
import { replayJournal } from '../../src-main/store/journal';
import { abs, attachmentFile, JOURNAL } from '../../src-main/store/layout';
import { unlockStore } from '../../src-main/store/open-store';
import type { Store } from '../../src-main/store/store';
import { sampleCase, snapshotDir } from '../support/fault/fixtures';
import { createdService, PASS } from '../support/casebook';

const PDF = 'application/pdf';
let cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A created casebook, opened directly as a Store (the service is closed so the lock is free). */
async function openedStore(): Promise<{ store: Store; dir: string; reopen: () => Promise<Store> }> {
  const t = await createdService();
  await t.service.close();
  const open = async () => {
    const s = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' });
    cleanups.push(() => s.close());
    return s;
  };
  cleanups.push(t.cleanup);
  return { store: await open(), dir: t.dir, reopen: open };
}

/** Commit an attachment the way a service does: with the case whose log names it. */
async function attach(store: Store, i: { name: string; type: string; bytes: Uint8Array }): Promise<string> {
  const { ref, write } = prepareAttachment(store, i);
  const c = sampleCase();
  await store.saveCasesWith([c], [store.draft('process.log.add', { type: 'case', id: c.id }, ['attachment'])], { extra: [write] });
  return ref;
}

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<CasebookError> {
  const e = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(CasebookError);
  return e as CasebookError;
}

async function flipByte(path: string, at: number): Promise<void> {
  const bytes = await readFile(path);
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0x40, at);
  await writeFile(path, bytes);
}

describe('attachments kept encrypted in the store', () => {
  it('round-trips binary content with a Welsh or Arabic file name, keeping only the base name', async () => {
    const { store, dir } = await openedStore();
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(70_000)]);
    const ref = await attach(store, { name: 'C:\\Users\\rj\\Sganiau\\Llythyr ymddiheuriad Siân – Ŵyn.pdf', type: PDF, bytes });
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    const back = await readAttachment(store, ref);
    expect(back).toEqual({ name: 'Llythyr ymddiheuriad Siân – Ŵyn.pdf', type: PDF, bytes });

    const audio = randomBytes(5_000);
    const voice = await attach(store, { name: '/home/rj/رسالة صوتية من الطرف المتضرر.m4a', type: 'audio/x-m4a', bytes: audio });
    expect(await readAttachment(store, voice)).toEqual({ name: 'رسالة صوتية من الطرف المتضرر.m4a', type: 'audio/mp4', bytes: audio });

    // With no type given, the kind is taken from the name's extension.
    const typed = prepareAttachment(store, { name: 'NOTE.TXT', type: '', bytes: Buffer.from('x') });
    await store.commit([typed.write], []);
    expect((await readAttachment(store, typed.ref)).type).toBe('text/plain');
    expect((await readdir(join(dir, 'attachments'))).sort()).toEqual([ref, typed.ref, voice].map((r) => `${r}.cbk`).sort());
  });

  it('gives the same content the same ref, and writing it again is harmless', async () => {
    const { store } = await openedStore();
    const bytes = randomBytes(10_000);
    const first = await attach(store, { name: 'letter.pdf', type: PDF, bytes });
    const second = prepareAttachment(store, { name: 'letter.pdf', type: PDF, bytes });
    expect(second.ref).toBe(first);
    await store.commit([second.write], []);
    await attach(store, { name: 'letter.pdf', type: PDF, bytes });
    expect((await readAttachment(store, first)).bytes.equals(bytes)).toBe(true);
    expect(await verifyStore(store)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses an attachment over 25 MB and writes nothing', async () => {
    const { store, dir } = await openedStore();
    const e = await errorOf(() => prepareAttachment(store, { name: 'recording.wav', type: 'audio/wav', bytes: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1) }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^The attachment is 25\.1 MB; the largest that can be kept is 25 MB/);
    expect(await readdir(join(dir, 'attachments')).catch(() => [])).toEqual([]);
    // Exactly the limit is kept.
    const limit = prepareAttachment(store, { name: 'recording.wav', type: 'audio/wav', bytes: Buffer.alloc(MAX_ATTACHMENT_BYTES, 1) });
    await store.commit([limit.write], []);
    expect((await readAttachment(store, limit.ref)).bytes.length).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('refuses a type that is not allowed, saying which are, and a name that is too long', async () => {
    const { store } = await openedStore();
    const bytes = Buffer.from('MZ');
    for (const [name, type] of [['setup.exe', 'application/x-msdownload'], ['notes.doc', ''], ['toString', 'toString'], ['noextension', '']]) {
      const e = await errorOf(() => prepareAttachment(store, { name: name!, type: type!, bytes }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toContain('pdf, png, jpeg, txt, docx, mp3, m4a, wav, mp4, webm');
    }
    const long = await errorOf(() => prepareAttachment(store, { name: `${'ŵ'.repeat(197)}.pdf`, type: PDF, bytes }));
    expect(long.message).toMatch(/201 characters.*200/);
    expect((await errorOf(() => prepareAttachment(store, { name: 'folder/', type: PDF, bytes }))).code).toBe('INVALID_INPUT');
    expect(prepareAttachment(store, { name: `${'ŵ'.repeat(196)}.pdf`, type: PDF, bytes }).ref).toMatch(/^[0-9a-f]{64}$/);
    // A direction override that would show "letter\u202Efdp.exe" as "letterexe.pdf" is dropped.
    const spoof = prepareAttachment(store, { name: 'letter\u202Efdp.exe', type: PDF, bytes });
    await store.commit([spoof.write], []);
    expect((await readAttachment(store, spoof.ref)).name).toBe('letterfdp.exe');
  });

  it('detects a flipped byte on read and in verify, naming the file and nothing more', async () => {
    const { store, dir } = await openedStore();
    const ref = await attach(store, { name: 'letter.png', type: 'image/png', bytes: randomBytes(4_000) });
    const rel = attachmentFile(ref);
    await flipByte(abs(dir, rel), 2_000);
    const e = await errorOf(readAttachment(store, ref));
    expect(e).toMatchObject({ code: 'CORRUPT', details: { file: rel } });
    expect(e.message).toContain(rel);
    expect(e.message).not.toContain(dir);
    const report = await verifyStore(store);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ file: rel, message: expect.stringContaining(rel) as string }]);
  });

  it('detects content that does not match its name even when the envelope is sound', async () => {
    const { store, dir } = await openedStore();
    const ref = await attach(store, { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('the real letter') });
    const rel = attachmentFile(ref);
    const meta = Buffer.from(JSON.stringify({ name: 'a.txt', type: 'text/plain', size: 5 }));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(meta.length);
    await writeFile(abs(dir, rel), seal(store.dk, 'attachment', rel, Buffer.concat([len, meta, Buffer.from('other')])));
    const e = await errorOf(readAttachment(store, ref));
    expect(e).toMatchObject({ code: 'CORRUPT', details: { file: rel } });
    expect(e.message).toMatch(/does not match its name/);
    expect(e.message).not.toContain('other');
    expect((await verifyStore(store)).problems.map((p) => p.file)).toEqual([rel]);
  });

  it('says NOT_FOUND for an attachment that is not there, without an absolute path', async () => {
    const { store, dir } = await openedStore();
    const e = await errorOf(readAttachment(store, 'a'.repeat(64)));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain(attachmentFile('a'.repeat(64)));
    expect(e.message).not.toContain(dir);
    await expect(readAttachment(store, '../index')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('is finished by journal replay when a commit was interrupted', async () => {
    const { store } = await openedStore();
    const bytes = randomBytes(3_000);
    const { ref, write } = prepareAttachment(store, { name: 'letter.pdf', type: PDF, bytes });
    await writeFile(abs(store.dir, JOURNAL), sealJson(store.dk, 'journal', JOURNAL, { writes: [{ rel: write.rel, data: write.bytes.toString('base64') }], deletes: [] }));
    expect(await replayJournal(store.dir, store.dk)).toBe(true);
    expect((await readAttachment(store, ref)).bytes.equals(bytes)).toBe(true);
  });

  it('survives backup and restore, and a restore removes attachments the backup did not have', async () => {
    const { store, dir, reopen } = await openedStore();
    const bytes = randomBytes(20_000);
    const kept = await attach(store, { name: 'recording.mp3', type: 'audio/mpeg', bytes });
    const backup = await store.backup('manual');
    const later = await attach(store, { name: 'later.pdf', type: PDF, bytes: randomBytes(100) });
    await rm(abs(dir, attachmentFile(kept)));
    const { bundle, rel } = await store.readBackup(backup.id);
    expect(bundle.manifest.files.map((f) => f.rel)).toContain(attachmentFile(kept));
    await store.restore(bundle, rel);
    await store.close();

    const after = await reopen();
    expect(await readAttachment(after, kept)).toEqual({ name: 'recording.mp3', type: 'audio/mpeg', bytes });
    await expect(readAttachment(after, later)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await verifyStore(after)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses to restore a backup whose attachment was altered', async () => {
    const { store } = await openedStore();
    const ref = await attach(store, { name: 'letter.pdf', type: PDF, bytes: randomBytes(2_000) });
    const backup = await store.backup('manual');
    const { bundle, rel } = await store.readBackup(backup.id);
    const inBundle = bundle.files.get(attachmentFile(ref))!;
    inBundle.writeUInt8(inBundle.readUInt8(100) ^ 0x01, 100);
    await expect(store.restore(bundle, rel)).rejects.toMatchObject({ code: 'CORRUPT' });
    expect((await readAttachment(store, ref)).name).toBe('letter.pdf');
  });

  it('leaves no plaintext of the content or its name in any file on disk', async () => {
    const { store, dir } = await openedStore();
    const secret = 'Annwyl Zoë, mae’n ddrwg iawn gen i am y sied. Confidential apology text.';
    await attach(store, { name: 'ymddiheuriad-Zoë.txt', type: 'text/plain', bytes: Buffer.from(secret, 'utf8') });
    await store.backup('manual');
    const files = await snapshotDir(dir);
    expect([...files.keys()].filter((rel) => rel.startsWith('attachments/'))).toHaveLength(1);
    for (const [rel, f] of files) {
      const text = f.bytes.toString('latin1');
      for (const needle of ['Confidential apology', 'ymddiheuriad', 'Annwyl']) expect(text, rel).not.toContain(needle);
    }
  });
});

describe('attachment names', () => {
  it('are keyed: the plain SHA-256 of a letter does not find it on disk', async () => {
    const { store, dir } = await openedStore();
    const letter = Buffer.from('Dear Aisha, I am sorry for what I did.');
    const ref = await attach(store, { name: 'letter.txt', type: 'text/plain', bytes: letter });
    const { createHash } = await import('node:crypto');
    const plain = createHash('sha256').update(letter).digest('hex');
    expect(ref).not.toBe(plain);
    expect(await readdir(join(dir, 'attachments'))).not.toContain(`${plain}.cbk`);
    expect((await readAttachment(store, ref)).bytes.equals(letter)).toBe(true);
  });
});
