import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCasebookService } from '../../src-main/services/casebook/service';
import type { FilePorts } from '../../src-main/services/shared/files';
import { fold } from '../../src-main/domain/shared/fold';
import { caseworkWorld, FAC_PASS, PASS, referral } from '../support/casebook';
import { FakeWorld } from '../support/cli/fake-service';
import { runWith, tempDir } from '../support/cli/harness';
import { pdfText } from '../support/pdf-text';
import { putRequest } from '../support/subject-access';

/** `casebook sar export`: the bundle for a request written to --out, holding the person's data and no other participant's name. */
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casebook-cli-sar-'));
});
afterEach(() => cleanup());

async function casebook(o: { ticked?: boolean; dateOfBirth?: string } = {}) {
  const w = await caseworkWorld();
  const v = await w.call('createReferral', { referral: referral({ offenceDescription: 'Shed broken into by Łukasz Kowalski; Siân Evans saw him leave.' }), duplicatesSeen: true });
  const dob = o.dateOfBirth ?? '1980-05-01';
  const requestId = await putRequest({ service: w.service }, { receivedOn: '2026-03-12', name: 'Sian Evans', ...(dob ? { dateOfBirth: dob } : {}), ...(o.ticked === false ? {} : { caseIds: [v.case.id] }) });
  await w.service.lock('manual');
  const world = Object.assign(new FakeWorld(), { open: (storeDir: string, files: FilePorts) => createCasebookService({ storeDir, kdf: 'minimum', now: () => w.clock.now, ...files }) });
  const run = (argv: string[], u: { user?: string; passphrase?: string } = {}) =>
    runWith(world, argv, { cwd: dir, env: { CASEBOOK_STORE: w.dir, CASEBOOK_USER: u.user ?? 'Jo Whitfield', CASEBOOK_PASSPHRASE: u.passphrase ?? PASS } });
  return { run, requestId, reference: v.case.reference };
}

const OTHERS = ['Łukasz', 'Lukasz', 'LUKASZ', 'Kowalski', 'KOWALSKI', '1999', 'Amrit', 'Gill'];

describe('casebook sar export', () => {
  it('ticks the cases where the request’s name and date of birth are recorded when none are ticked, and refuses without a date of birth', async () => {
    const { run, requestId, reference } = await casebook({ ticked: false });
    const r = await run(['sar', 'export', '--request', requestId, '--format', 'json', '--out', 'bundle.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Ticked as this person’s, where their name and date of birth are recorded: ${reference}.`);
    const none = await casebook({ ticked: false, dateOfBirth: '' });
    const refused = await none.run(['sar', 'export', '--request', none.requestId, '--format', 'pdf', '--out', 'none.pdf']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has no cases ticked and no date of birth to find them by: tick its cases in the app/);
  });

  it('writes the PDF and the JSON with the person’s data and nobody else’s name', async () => {
    const { run, requestId, reference } = await casebook();
    const pdf = await run(['sar', 'export', '--request', requestId, '--format', 'pdf', '--out', 'bundle.pdf']);
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toMatch(/^Wrote the subject access bundle \(1 case, \d+ pages?, .*\) to bundle\.pdf\. \d+ pieces? of information about other people/);
    const text = pdfText(await readFile(join(dir, 'bundle.pdf')));
    for (const s of ['Siân', 'Evans', '07700 900123', reference, 'Shed broken into by [the other party]; Siân Evans saw him leave.']) expect(text.replace(/\s+/g, ' ')).toContain(s);
    for (const n of OTHERS) expect(fold(text)).not.toContain(fold(n));

    const json = await run(['sar', 'export', '--request', requestId, '--format', 'json', '--out', 'bundle.json', '--json']);
    expect(json.code).toBe(0);
    expect(json.json().value).toMatchObject({ saved: true, cases: 1, fileName: `subject-access-${requestId}.json` });
    const body = await readFile(join(dir, 'bundle.json'), 'utf8');
    expect(JSON.parse(body)).toMatchObject({ format: 'rj-casebook.subject-access-bundle', version: 1, request: { name: 'Sian Evans' } });
    for (const n of OTHERS) expect(fold(body)).not.toContain(fold(n));
  });

  it('says what is wrong before unlocking, and is for administrators and coordinators', async () => {
    const { run, requestId } = await casebook();
    const bad = await run(['sar', 'export', '--request', 'nope', '--format', 'pdf', '--out', 'x.pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--request is a request number/);
    expect((await run(['sar', 'export', '--request', requestId, '--format', 'docx', '--out', 'x.docx'])).stderr).toMatch(/--format is pdf or json/);
    const fac = await run(['sar', 'export', '--request', requestId, '--format', 'pdf', '--out', 'x.pdf'], { user: 'Fatima Hussain', passphrase: FAC_PASS });
    expect(fac.code).toBe(1);
    expect(fac.stderr).toMatch(/Only administrators and coordinators may answer subject access requests/);
  });
});
