import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logoFileProblem, logoTypeOf, MAX_LOGO_BYTES } from '../../src-main/domain/casebook/service-logo';
import { caseworkWorld, PASS, type World } from '../support/casebook';
import { makePng } from '../documents/helpers';

/**
 * The service's logo in Settings → Service (issue 14's first run): chosen in the form (held in
 * main, a token to the form), checked, stored encrypted as an attachment named from the
 * settings, replaced and removed; refused files change nothing; retention's and removal's
 * "named nowhere else" and verify know it.
 */
const PNG = { name: 'Northshire logo.png', bytes: makePng(60, 20, [0, 94, 165]) };
// A baseline JPEG's header: SOI, APP0 (JFIF), SOF0 (8-bit, 16 high, 48 wide, 3 components), EOI.
const JPEG = {
  name: 'logo.jpg',
  bytes: Uint8Array.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x30, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
  ]),
};

const attachmentFiles = async (w: World) => (await fs.readdir(join(w.dir, 'attachments')).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
const logoAudit = async (w: World) => (await w.service.listAudit({ offset: 0, limit: 200 })).entries.filter((e) => e.action.startsWith('settings.logo')).map((e) => [e.action, e.fields.join(',')]).reverse();

async function choose(w: World, file: { name: string; bytes: Uint8Array }) {
  w.files.toPick.push(file);
  const chosen = await w.call('chooseServiceLogo', {});
  expect(chosen).toMatchObject({ picked: true, name: file.name, bytes: file.bytes.length });
  return chosen.token!;
}

describe('what may be a logo', () => {
  it('knows a PNG and a JPEG by their bytes, and says what to fix for anything else', () => {
    expect(logoTypeOf(PNG.bytes)).toBe('image/png');
    expect(logoTypeOf(JPEG.bytes)).toBe('image/jpeg');
    expect(logoTypeOf(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(logoFileProblem(new Uint8Array())).toMatch(/^The file is empty/);
    expect(logoFileProblem(new Uint8Array(MAX_LOGO_BYTES + 1))).toMatch(/largest that can be used is 1 MB/);
    expect(logoFileProblem(new TextEncoder().encode('GIF89a…'))).toMatch(/must be a PNG or JPEG picture/);
    expect(logoFileProblem(PNG.bytes)).toBeUndefined();
  });
});

describe('the service logo', () => {
  it('is set, shown, replaced and removed; the audit names the field, the kind and the size only; verify is content', async () => {
    const w = await caseworkWorld();
    expect(await w.call('getServiceLogo', {})).toEqual({});

    const set = await w.call('setServiceLogo', { chosen: await choose(w, PNG) });
    expect(set.logo).toMatchObject({ type: 'image/png', size: PNG.bytes.length, width: 60, height: 20 });
    expect(Buffer.from(set.logo!.dataUrl.split(',')[1]!, 'base64').equals(Buffer.from(PNG.bytes))).toBe(true);
    expect((await w.call('getSettings', {})).logo).toMatchObject({ type: 'image/png', width: 60, height: 20 });
    expect(await attachmentFiles(w)).toHaveLength(1);
    // Stored encrypted: the file does not hold the picture's bytes.
    const [stored] = await attachmentFiles(w);
    expect((await fs.readFile(join(w.dir, 'attachments', stored!))).includes(Buffer.from(PNG.bytes.subarray(0, 16)))).toBe(false);
    expect((await w.service.verify()).problems).toEqual([]);

    // Replacing: the old picture goes in the same commit.
    const replaced = await w.call('setServiceLogo', { chosen: await choose(w, JPEG) });
    expect(replaced.logo).toMatchObject({ type: 'image/jpeg', width: 48, height: 16 });
    expect(await attachmentFiles(w)).toHaveLength(1);
    expect(await attachmentFiles(w)).not.toEqual([stored]);
    // A settings form cannot set or clear it.
    await w.call('updateSettings', { serviceName: 'Northshire Restorative Justice' });
    expect((await w.call('getSettings', {})).logo?.type).toBe('image/jpeg');
    expect((await w.fails('updateSettings', { logo: undefined, serviceName: 'x', ref: 'x' } as never)).code).toBe('INVALID_INPUT');

    expect(await w.call('removeServiceLogo', {})).toEqual({ removed: true, fileDeleted: true });
    expect(await w.call('getServiceLogo', {})).toEqual({});
    expect((await w.call('getSettings', {})).logo).toBeUndefined();
    expect(await attachmentFiles(w)).toEqual([]);
    expect(await w.call('removeServiceLogo', {})).toEqual({ removed: false, fileDeleted: false });

    expect(await logoAudit(w)).toEqual([
      ['settings.logo.set', `logo,type:png,bytes:${PNG.bytes.length}`],
      ['settings.logo.set', `logo-replaced,type:jpeg,bytes:${JPEG.bytes.length},file-deleted`],
      ['settings.logo.remove', 'logo,file-deleted'],
    ]);
    expect(JSON.stringify(await w.service.listAudit({ offset: 0, limit: 200 }))).not.toMatch(/Northshire logo/);
    expect((await w.service.verify()).problems).toEqual([]);
  });

  const big = new Uint8Array(5 * 1024 * 1024);
  big.set(PNG.bytes);
  const damaged = PNG.bytes.slice();
  damaged.fill(0, 40);
  it.each([
    ['a GIF named .png', { name: 'logo.png', bytes: new TextEncoder().encode('GIF89a\x01\x00\x01\x00') }, /must be a PNG or JPEG picture/],
    ['a PDF', { name: 'logo.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') }, /must be a PNG or JPEG picture/],
    ['a 0-byte file', { name: 'logo.png', bytes: new Uint8Array() }, /The file is empty/],
    ['a 5 MB file', { name: 'logo.png', bytes: big }, /The logo is 5\.0 MB; the largest that can be used is 1 MB/],
    ['a damaged PNG', { name: 'logo.png', bytes: damaged }, /could not be read: it may be damaged/],
  ])('refuses %s with words that say what to fix, and changes nothing', async (_, file, message) => {
    const w = await caseworkWorld();
    await w.call('setServiceLogo', { chosen: await choose(w, PNG) });
    const before = await w.call('getSettings', {});
    const entries = (await w.service.listAudit({ offset: 0, limit: 200 })).total;
    const refused = await w.fails('setServiceLogo', { chosen: await choose(w, file) });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(message);
    expect(refused.details?.issues?.[0]?.path).toBe('chosen');
    expect(await w.call('getSettings', {})).toEqual(before);
    expect(await attachmentFiles(w)).toHaveLength(1);
    expect((await w.service.listAudit({ offset: 0, limit: 200 })).total).toBe(entries);
  });

  it('is for administrators; a token is used once', async () => {
    const w = await caseworkWorld();
    const token = await choose(w, PNG);
    await w.call('setServiceLogo', { chosen: token });
    expect((await w.fails('setServiceLogo', { chosen: token })).message).toMatch(/choose it again/);
    await w.as('facilitator');
    expect((await w.fails('chooseServiceLogo', {})).code).toBe('FORBIDDEN');
    expect((await w.fails('removeServiceLogo', {})).code).toBe('FORBIDDEN');
    expect((await w.call('getServiceLogo', {})).logo?.width).toBe(60);
  });

  it('keeps the picture while health-check evidence is the same file, and verify names a missing one', async () => {
    const w = await caseworkWorld();
    await w.call('setServiceLogo', { chosen: await choose(w, PNG) });
    await w.as('quality-lead');
    w.files.toPick.push(PNG);
    const chosen = await w.call('chooseIndicatorEvidence', {});
    const row = await w.call('attachIndicatorEvidence', { framework: 'rsqm', indicator: '4.1', title: 'Our logo on the leaflet', chosen: chosen.token! });
    expect(await attachmentFiles(w)).toHaveLength(1);
    // Taking the evidence off keeps the file: the logo still names it.
    expect(await w.call('removeIndicatorEvidence', { evidenceId: row.id })).toEqual({ removed: true, fileDeleted: false });
    expect(await attachmentFiles(w)).toHaveLength(1);
    await w.as('admin');
    expect((await w.service.verify()).problems).toEqual([]);

    const [file] = await attachmentFiles(w);
    await fs.rm(join(w.dir, 'attachments', file!));
    expect((await w.service.verify()).problems).toContainEqual({ file: 'index.cbk', message: `it names an attachment that is missing (attachments/${file})` });
    // Settings shows no picture rather than failing.
    expect(await w.call('getServiceLogo', {})).toEqual({});
  });

  it('survives a change of data key: the settings name the picture by its new name', async () => {
    const w = await caseworkWorld();
    const set = await w.call('setServiceLogo', { chosen: await choose(w, PNG) });
    const [before] = await attachmentFiles(w);
    await w.service.rotateDataKey({ passphrase: PASS, others: [] });
    // Attachments are named under a key derived from the data key: the file has a new name.
    expect(await attachmentFiles(w)).not.toEqual([before]);
    expect(await w.call('getServiceLogo', {})).toEqual(set);
    expect((await w.service.verify()).problems).toEqual([]);
  });
});
