import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
const { createFileSaver } = await import('../../src-main/electron/file-saver');

describe('file saver (Save as PDF/DOCX)', () => {
  let dir: string;
  beforeEach(async () => {
    fake.reset();
    dir = await mkdtemp(join(tmpdir(), 'casebook-saver-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('asks where to save over the main window, from the Documents folder, and writes the file 0600', async () => {
    const win = new fake.BrowserWindow({});
    const target = join(dir, 'RJ-2026-0001-consent-form-harmed.pdf');
    fake.dialog.saveDialogAnswer = { canceled: false, filePath: target };
    const saver = createFileSaver(() => win as never);
    const r = await saver.save('RJ-2026-0001-consent-form-harmed.pdf', new TextEncoder().encode('%PDF-1.7 test'), 'pdf');
    expect(r).toEqual({ saved: true });
    const shown = fake.dialog.saveDialogs[0]!;
    expect(shown.parent).toBe(win);
    expect(shown.options.defaultPath).toBe(join('/fake/documents', 'RJ-2026-0001-consent-form-harmed.pdf'));
    expect(shown.options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 test');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('narrows a file the user chose to replace to 0600 and offers only .docx for a Word document', async () => {
    const target = join(dir, 'summary.docx');
    await writeFile(target, 'old', { mode: 0o644 });
    fake.dialog.saveDialogAnswer = { canceled: false, filePath: target };
    const r = await createFileSaver(() => undefined).save('../../summary.docx', new Uint8Array([80, 75]), 'docx');
    expect(r.saved).toBe(true);
    expect(fake.dialog.saveDialogs[0]!.parent).toBeNull();
    // A suggested name never brings a folder with it.
    expect(fake.dialog.saveDialogs[0]!.options.defaultPath).toBe(join('/fake/documents', 'summary.docx'));
    expect(fake.dialog.saveDialogs[0]!.options.filters).toEqual([{ name: 'Word document', extensions: ['docx'] }]);
    expect([...(await readFile(target))]).toEqual([80, 75]);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    fake.dialog.saveDialogAnswer = { canceled: true, filePath: join(dir, 'x.pdf') };
    const r = await createFileSaver(() => undefined).save('x.pdf', new Uint8Array([1]), 'pdf');
    expect(r).toEqual({ saved: false });
    await expect(stat(join(dir, 'x.pdf'))).rejects.toThrow();
  });

  it('reports a folder it cannot write to plainly, without the path', async () => {
    fake.dialog.saveDialogAnswer = { canceled: false, filePath: join(dir, 'missing-folder', 'x.pdf') };
    await expect(createFileSaver(() => undefined).save('x.pdf', new Uint8Array([1]), 'pdf')).rejects.toThrow(/was not saved/);
  });
});
