import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case } from '../src-main/domain/cases/case';
import { generateDemoCases } from '../src-main/demo/demo-cases';
import { createRegistry } from '../src-main/ipc/registry';
import { ensureDemoResources } from '../src-main/services/casebook/demo';
import { createCasebookService } from '../src-main/services/casebook/service';
import { putRequest } from '../tests/support/subject-access';
import { BENCH_PASS, NOW } from './build-store';
import { median, round } from './measure';

/**
 * The subject access bundle (issue 13): a person in 5 cases with a full history (closed demo
 * cases: consent, risk, contacts, meetings, messages, agreement, feedback, timeline), in a
 * casebook of 1,000 cases, whose people the anonymiser looks for (the other cases by their rows in the case list).
 * Measured through the contract as the app saves it: gather, redact, draw the PDF, read the
 * finished PDF back for anyone else's name, save and record. Target: ≤ 2 s for the PDF.
 */
export const SAR_TARGET_MS = 2_000;
const CASEBOOK = 1_000;
const PERSON_CASES = 5;

function richest(cases: Case[]): Case[] {
  const weight = (c: Case) => {
    const p = c.participants.find((x) => x.role === 'harmed');
    return (p?.consent?.length ?? 0) + (p?.contacts?.length ?? 0) + (p?.risk?.length ?? 0) + c.timeline.length + (c.indirectLog?.length ?? 0) + (c.schedule?.length ?? 0);
  };
  return [...cases].filter((c) => c.participants.some((p) => p.role === 'harmed')).sort((a, b) => weight(b) - weight(a)).slice(0, PERSON_CASES);
}

export async function benchSubjectAccess(runs: number) {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-bench-sar-'));
  let pages = 0;
  let bytes = 0;
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum', now: () => NOW, fileSaver: { save: async (_n, b) => ((bytes = b.length), { saved: true }) } });
  try {
    await service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: BENCH_PASS });
    const resources = await ensureDemoResources(service, CASEBOOK);
    const cases = generateDemoCases({ count: CASEBOOK, seed: 'sar-bench', now: NOW, resources });
    // One person is the harmed person of the five fullest cases.
    const theirs = richest(cases);
    const me = { givenName: 'Zoë', familyName: 'Ó Súilleabháin', dateOfBirth: '1984-02-29' };
    for (const c of theirs) {
      const p = c.participants.find((x) => x.role === 'harmed')!;
      p.person = { ...p.person, ...me };
    }
    await service.importCases(cases);
    const requestId = await putRequest({ service }, { receivedOn: '2026-10-01', name: 'Zoe O Suilleabhain', dateOfBirth: me.dateOfBirth, caseIds: theirs.map((c) => c.id) });
    const registry = createRegistry(service);
    const save = (format: 'pdf' | 'json') => async () => {
      const r = await registry.invoke('saveSubjectAccessBundle', { requestId, format });
      if (!r.ok) throw new Error(`saveSubjectAccessBundle: ${r.error.message}`);
      pages = (r.value as { pages?: number }).pages ?? pages;
    };
    // Once first: the fonts and the PDF reader load on first use, as they do once in the app.
    await save('pdf')();
    const pdfMs = await median(runs, save('pdf'));
    const pdfBytes = bytes;
    const jsonMs = await median(runs, save('json'));
    return { casebookCases: CASEBOOK, personCases: PERSON_CASES, pages, pdfBytes, pdfMs: round(pdfMs), jsonMs: round(jsonMs), targetMs: SAR_TARGET_MS, targetMet: pdfMs <= SAR_TARGET_MS };
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function describeSubjectAccessBench(r: Awaited<ReturnType<typeof benchSubjectAccess>>): string {
  return `subject access bundle, a person in ${r.personCases} cases of ${r.casebookCases}: PDF ${r.pdfMs} ms (${r.pages} pages; target ≤ ${r.targetMs} ms${r.targetMet ? ', met' : ', NOT MET'}), JSON ${r.jsonMs} ms`;
}
