import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMirror } from '../../src-main/store/sync-mirror';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const d = await mkdtemp(join(tmpdir(), 'rj-mirror-'));
  dirs.push(d);
  return d;
}
const key = () => ({ key: randomBytes(32), keyId: randomBytes(8) });

describe("this computer's copy of the team server", () => {
  it('keeps documents, revision trees, sequence numbers and local documents between opens', async () => {
    const dir = await tempDir();
    const dk = key();
    const a = await openMirror(dir, dk);
    const r1 = await a.db.put({ _id: 'doc1', c: 'one' });
    await a.db.put({ _id: 'doc1', _rev: r1.rev, c: 'two' });
    await a.db.bulkDocs([{ _id: 'doc2', c: 'x' }, { _id: 'doc3', c: 'y' }]);
    await a.db.put({ _id: '_local/state', seq: 7 });
    const before = await a.db.info();
    await a.close();

    const b = await openMirror(dir, dk);
    const doc = await b.db.get('doc1', { revs: true });
    expect(doc.c).toBe('two');
    expect(doc._revisions?.ids).toHaveLength(2);
    expect((await b.db.get('_local/state')).seq).toBe(7);
    expect((await b.db.info()).update_seq).toEqual(before.update_seq);
    await b.db.put({ _id: 'doc4', c: 'z' });
    const changes = await b.db.changes({ since: before.update_seq });
    expect(changes.results.map((r) => r.id)).toEqual(['doc4']);
    await b.close();
  });

  it('writes nothing readable: the names and text of documents are not in the file', async () => {
    const dir = await tempDir();
    const m = await openMirror(dir, key());
    await m.db.put({ _id: 'doc-Siobhan', c: 'Siobhán Ó Briain' });
    await m.close();
    const bytes = await readFile(join(dir, 'sync', 'mirror.log'));
    expect(bytes.toString('latin1')).not.toContain('Siobh');
    expect(bytes.toString('latin1')).not.toContain('doc-');
    expect((await stat(join(dir, 'sync', 'mirror.log'))).mode & 0o077).toBe(0);
  });

  it('drops a last record cut short by a crash, and keeps everything before it', async () => {
    const dir = await tempDir();
    const dk = key();
    const m = await openMirror(dir, dk);
    await m.db.put({ _id: 'kept', c: 1 });
    await m.db.put({ _id: 'torn', c: 2 });
    await m.close();
    const path = join(dir, 'sync', 'mirror.log');
    const size = (await stat(path)).size;
    await truncate(path, size - 5);
    const again = await openMirror(dir, dk);
    expect((await again.db.get('kept')).c).toBe(1);
    await expect(again.db.get('torn')).rejects.toMatchObject({ status: 404 });
    await again.db.put({ _id: 'after', c: 3 });
    await again.close();
    const third = await openMirror(dir, dk);
    expect((await third.db.get('after')).c).toBe(3);
    await third.close();
  });

  it('refuses a log damaged in the middle, naming the folder to remove', async () => {
    const dir = await tempDir();
    const dk = key();
    const m = await openMirror(dir, dk);
    await m.db.put({ _id: 'a', c: 1 });
    await m.db.put({ _id: 'b', c: 2 });
    await m.close();
    const path = join(dir, 'sync', 'mirror.log');
    const bytes = await readFile(path);
    bytes[40] = (bytes[40] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    await expect(openMirror(dir, dk)).rejects.toThrow(/remove the sync folder/);
  });
});
