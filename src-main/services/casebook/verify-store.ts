import { promises as fs } from 'node:fs';
import { CasebookError } from '../../domain/shared/errors';
import { checkAttachments, listAttachmentFiles } from '../../store/attachments';
import { AuditLog } from '../../store/audit-log';
import { backupProblems } from '../../store/backups';
import { differencesFromRoot } from '../../store/integrity';
import { abs, ATTACHMENTS_DIR, attachmentFile, CASES_DIR, caseFile, INDEX, REGISTERS_DIR, registerFile, ROOT } from '../../store/layout';
import { readRegisterBody } from '../../store/registers';
import { STAFF_REGISTER, StaffRegisterSchema } from '../../domain/staff/register';
import { rootFile } from '../../store/root';
import { SummaryIndex } from '../../store/summaries';
import type { Store } from '../../store/store';
import { policyDocumentRefs } from '../quality/policies';
import { healthCheckEvidenceRefs } from '../quality/health-check-evidence';
import { HEALTH_CHECK_REGISTER } from '../../domain/quality/health-check';
import { settingsAttachmentRefs } from './attachment-users';
import { POLICIES_REGISTER } from '../../domain/quality/policies';

export interface VerifyReport {
  ok: boolean;
  entries: number;
  problems: { file: string; message: string }[];
}

/**
 * Decrypt and validate every file of an unlocked store, check that the case list and the case
 * files agree, check every attachment against its hash, and walk the whole audit chain.
 * Reads only; each problem names its file.
 */
export async function verifyStore(store: Store): Promise<VerifyReport> {
  const problems: VerifyReport['problems'] = [];
  const note = (file: string, e: unknown) =>
    problems.push({ file, message: e instanceof CasebookError ? e.message : 'could not be read' });
  try {
    store.checkMac();
  } catch (e) {
    note('keyring.json', e);
  }
  try {
    await store.indexFile().read();
  } catch (e) {
    note('index.cbk', e);
  }
  const summaries = new SummaryIndex(store.dir, store.dk, store.summaries.layout, 'verify');
  try {
    await summaries.load();
  } catch (e) {
    note((e as CasebookError).details?.file ?? 'summaries', e);
  }
  const named = new Map<string, string>(); // attachment ref → the case or register file that names it
  const files = new Set((await fs.readdir(abs(store.dir, CASES_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.cbk')));
  for (const row of summaries.all()) {
    const rel = caseFile(row.id);
    if (!files.delete(`${row.id}.cbk`)) {
      problems.push({ file: rel, message: `case ${row.reference} is listed but its file is missing` });
      continue;
    }
    try {
      const c = await store.caseFileOf(row.id).read();
      if (c && c.id !== row.id) problems.push({ file: rel, message: 'holds a different case than its name says' });
      else if (c && c.revision !== row.revision) problems.push({ file: rel, message: `is at revision ${c.revision} but the case list says ${row.revision}` });
      for (const e of c?.indirectLog ?? []) if (e.attachment) named.set(e.attachment, rel);
    } catch (e) {
      note(rel, e);
    }
  }
  for (const stray of files) problems.push({ file: `${CASES_DIR}/${stray}`, message: 'is not in the case list' });
  for (const ref of await certificatesNamed(store)) named.set(ref, registerFile(STAFF_REGISTER));
  const registers = await registerProblems(store);
  problems.push(...registers);
  // A policy's documents are named by the policies register, not by a case (one that will not open is already named).
  if (!registers.some((p) => p.file === registerFile(POLICIES_REGISTER))) for (const ref of await policyDocumentRefs(store).catch(() => [])) named.set(ref, registerFile(POLICIES_REGISTER));
  // So are the files attached to health-check indicators, by the health-check register.
  if (!registers.some((p) => p.file === registerFile(HEALTH_CHECK_REGISTER))) for (const ref of await healthCheckEvidenceRefs(store).catch(() => [])) named.set(ref, registerFile(HEALTH_CHECK_REGISTER));
  // And the service's logo, by the settings in the index.
  for (const ref of settingsAttachmentRefs(store)) named.set(ref, INDEX);
  // Every attachment is decrypted and its content checked against the keyed digest it is named by.
  problems.push(...(await checkAttachments(store)));
  const present = new Set((await listAttachmentFiles(store.dir)).map((f) => f.slice(ATTACHMENTS_DIR.length + 1, -'.cbk'.length)));
  for (const [ref, rel] of named) if (!present.has(ref)) problems.push({ file: rel, message: `${rel.startsWith('cases/') ? 'its log names' : 'it names'} an attachment that is missing (${attachmentFile(ref)})` });
  const audit = await new AuditLog(store.dir, store.dk).readAll();
  problems.push(...audit.problems);
  problems.push(...(await backupProblems(store.dir, store.dk, store.index.storeId)));
  // Every file that describes the whole casebook is the one its last save recorded.
  try {
    const root = await rootFile(store.dir, store.dk).read();
    // A file already named for what is wrong with it (a stray shard, a duplicate) is not named twice.
    const alreadyNamed = new Set(problems.map((p) => p.file));
    if (root) problems.push(...(await differencesFromRoot(store, root)).filter((p) => !alreadyNamed.has(p.file)));
    else if (store.index.sealed) problems.push({ file: ROOT, message: 'is missing, although the casebook has had one since it was sealed' });
  } catch (e) {
    note(ROOT, e);
  }
  return { ok: problems.length === 0, entries: audit.entries.length, problems };
}

/** Each register the index names opens at the revision it names; a register file it does not name is a stray. */
async function registerProblems(store: Store): Promise<VerifyReport['problems']> {
  const problems: VerifyReport['problems'] = [];
  const named = new Set(Object.keys(store.index.registers));
  for (const name of named) {
    try {
      await readRegisterBody(store.dir, store.dk, store.index, name);
    } catch (e) {
      problems.push({ file: registerFile(name), message: e instanceof CasebookError ? e.message : 'could not be read' });
    }
  }
  const present = await fs.readdir(abs(store.dir, REGISTERS_DIR)).catch(() => [] as string[]);
  for (const n of present) if (n.endsWith('.cbk') && !named.has(n.slice(0, -4))) problems.push({ file: `${REGISTERS_DIR}/${n}`, message: 'is not part of the casebook as last saved: it may have been put there from another copy' });
  return problems;
}

/**
 * The training certificates the staff register names: attachments as a case's letters are, so
 * one that goes missing is named with the register that points at it. A register that cannot
 * be read is already reported by registerProblems.
 */
async function certificatesNamed(store: Store): Promise<string[]> {
  if (store.index.registers[STAFF_REGISTER] === undefined) return [];
  const body = await readRegisterBody(store.dir, store.dk, store.index, STAFF_REGISTER).catch(() => undefined);
  const register = StaffRegisterSchema.safeParse(body);
  if (!register.success) return [];
  return Object.values(register.data).flatMap((r) => (r.training ?? []).flatMap((t) => (t.certificate ? [t.certificate] : [])));
}
