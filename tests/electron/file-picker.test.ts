import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
const { createFilePicker } = await import('../../src-main/electron/file-picker');

describe('file picker (Attach a file)', () => {
  let dir: string;
  beforeEach(async () => {
    fake.reset();
    dir = await mkdtemp(join(tmpdir(), 'casebook-picker-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens over the main window, offers only the kinds the store keeps, and returns the name without its folder', async () => {
    const win = new fake.BrowserWindow({});
    const file = join(dir, 'Llythyr at Siân.pdf');
    await writeFile(file, '%PDF-1.7 letter');
    fake.dialog.openDialogAnswer = { canceled: false, filePaths: [file] };
    const got = await createFilePicker(() => win as never).pick(1_000);
    expect(got?.name).toBe('Llythyr at Siân.pdf');
    expect(Buffer.from(got!.bytes).toString()).toBe('%PDF-1.7 letter');
    const shown = fake.dialog.openDialogs[0]!;
    expect(shown.parent).toBe(win);
    const extensions = (shown.options.filters as { extensions: string[] }[]).flatMap((f) => f.extensions);
    expect(extensions).toEqual(expect.arrayContaining(['pdf', 'docx', 'mp3', 'webm']));
    expect(extensions).not.toContain('exe');
  });

  it('answers undefined when cancelled', async () => {
    expect(await createFilePicker(() => undefined).pick(1_000)).toBeUndefined();
  });

  it('refuses a file over the limit before reading it, without the path', async () => {
    const file = join(dir, 'big.wav');
    await writeFile(file, Buffer.alloc(2_000));
    fake.dialog.openDialogAnswer = { canceled: false, filePaths: [file] };
    const e = await createFilePicker(() => undefined).pick(1_000).catch((x: Error) => x);
    expect(e).toMatchObject({ code: 'INVALID_INPUT' });
    expect((e as Error).message).not.toContain(dir);
  });

  it('says plainly when the chosen file has gone', async () => {
    fake.dialog.openDialogAnswer = { canceled: false, filePaths: [join(dir, 'gone.pdf')] };
    const e = await createFilePicker(() => undefined).pick(1_000).catch((x: Error) => x);
    expect(e).toMatchObject({ code: 'NOT_FOUND' });
    expect((e as Error).message).not.toContain(dir);
  });
});
