import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseworkWorld, people, type World } from '../support/casebook';
import { caseUntil } from '../support/process';
import { docxParts, makePng, run } from './helpers';

/**
 * The logo set in Settings → Service is printed by letters and forms, in PDF and DOCX, made
 * from a case or blank (the same path the Documents tab and `casebook doc` take).
 */
async function pdfImages(bytes: Uint8Array): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'rj-logo-'));
  try {
    const file = join(dir, 'doc.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdfimages', ['-list', file]);
    // Two header lines, then one line per image drawn.
    return stdout.trim().split('\n').length - 2;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function setLogo(w: World) {
  w.files.toPick.push({ name: 'logo.png', bytes: makePng(90, 30, [0, 94, 165]) });
  const chosen = await w.call('chooseServiceLogo', {});
  await w.call('setServiceLogo', { chosen: chosen.token! });
}

describe('the service logo on documents', () => {
  it('is drawn in letters and forms once set, and not before', async () => {
    const w = await caseworkWorld();
    const v = await caseUntil(w, 'team');
    const letter = { kind: 'first-contact-letter' as const, caseId: v.case.id, participantId: people(v).harmed, language: 'en' as const };
    await w.call('saveDocument', { ...letter, format: 'pdf' });
    expect(await pdfImages(w.files.last().bytes)).toBe(0);

    await setLogo(w);
    await w.call('saveDocument', { ...letter, format: 'pdf' });
    expect(await pdfImages(w.files.last().bytes)).toBe(1);
    await w.call('saveDocument', { kind: 'case-summary', caseId: v.case.id, format: 'pdf' });
    expect(await pdfImages(w.files.last().bytes)).toBeGreaterThanOrEqual(1);
    await w.call('saveDocument', { ...letter, format: 'docx' });
    expect(Object.keys(docxParts(w.files.last().bytes)).join()).toMatch(/word\/_rels\/document\.xml\.rels/);
    expect(Object.values(docxParts(w.files.last().bytes)).join()).toMatch(/media\/[^"]+\.png/);
    expect((await w.call('previewDocument', letter)).html).toMatch(/<img class="rjdoc-letterhead__logo" src="data:image\/png;base64,/);
    await w.call('saveBlankForm', { format: 'pdf', role: 'harmed' });
    expect(await pdfImages(w.files.last().bytes)).toBeGreaterThanOrEqual(1);

    await w.call('removeServiceLogo', {});
    await w.call('saveDocument', { ...letter, format: 'pdf' });
    expect(await pdfImages(w.files.last().bytes)).toBe(0);
  }, 120_000);
});
