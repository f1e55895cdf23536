import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { MemoryFiles } from './files';

export const PASS = 'correct horse battery staple';

/** A fresh store in a temporary folder, with the cheapest key derivation OWASP allows. */
export async function freshService(opts: { now?: () => Date } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-test-'));
  const files = new MemoryFiles();
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum', fileSaver: files.fileSaver, filePicker: files.filePicker, ...opts });
  return { dir, service, files, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function createdService() {
  const t = await freshService();
  const created = await t.service.create({ serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase: PASS });
  return { ...t, created, userId: created.session.user.id };
}
