import { requireCapability } from '../../domain/access/capabilities';
import { CaseSchema, type Case, type CaseSummary, type Stage } from '../../domain/cases/case';
import { MAX_IMPORT_BYTES, parseCaseFileBytes, toCaseFile, type CaseFileCheck } from '../../domain/cases/case-file';
import { matchesAuditFilter, type AuditFilter } from '../../domain/casebook/audit';
import { CasebookError } from '../../domain/shared/errors';
import { londonDate } from '../../domain/time/dates';
import { AuditLog } from '../../store/audit-log';
import { searchCases } from '../cases/case-search';
import { openCase, visibleRows } from '../cases/case-access';
import { recordCaseView } from '../cases/view-record';
import type { CallContext } from '../shared/call-context';
import type { FilePorts } from '../shared/files';
import { audit } from './audit-entry';
import { mustBeAbleToRecord } from '../shared/leaving';
import type { StoreHolder } from './holder';
import { verifyStore } from './verify-store';

/**
 * Cases in and out of the casebook as a whole: the list, one case, import and export of case
 * files, and the audit trail and verify that answer for all of it.
 */
export function transferUseCases(
  dir: string,
  h: StoreHolder,
  files: FilePorts,
  summariser: () => (c: Case) => CaseSummary,
  serial: <T>(job: () => Promise<T>) => Promise<T>,
  now: () => Date,
) {
  const pickCaseFile = async () => {
    if (!files.filePicker) throw new CasebookError('WRITE_FAILED', 'Choosing a file is not available here: this copy of RJ Casebook has no way to choose one');
    return files.filePicker.pick(MAX_IMPORT_BYTES, 'case-file');
  };
  /** A case file is read against today in England and Wales on the service's clock (it may be locked: checking needs no casebook). */
  const readCaseFile = (bytes: Uint8Array) => parseCaseFileBytes(bytes, { today: londonDate(now().toISOString()) });

  const importCases = async (cases: Case[]): Promise<{ imported: number }> => {
    const s = h.need();
    requireCapability(s.user.role, 'import-cases');
    const ids = new Set(s.summaries.all().map((r) => r.id));
    const refs = new Set(s.summaries.all().map((r) => r.reference));
    const clashes: { path: string; message: string }[] = [];
    cases.forEach((c, i) => {
      if (ids.has(c.id)) clashes.push({ path: `cases[${i}].id`, message: `${c.id} is already in the casebook` });
      if (refs.has(c.reference)) clashes.push({ path: `cases[${i}].reference`, message: `${c.reference} is already in the casebook` });
      ids.add(c.id);
      refs.add(c.reference);
    });
    if (clashes.length > 0) {
      const n = clashes.length;
      throw new CasebookError('CONFLICT', `${n} case ${n === 1 ? 'id or reference' : 'ids or references'} already exist in the casebook; nothing was imported. Existing cases are never overwritten by an import.`, { issues: clashes });
    }
    await s.saveCasesWith(cases, cases.map((c) => s.draft('case.import', { type: 'case', id: c.id })), { summarise: summariser() });
    return { imported: cases.length };
  };

  return {
    listCases: (f: { stage?: Stage | undefined; query?: string | undefined }) => searchCases(visibleRows(h.need()), f),
    async getCase(id: string, o: { recordView?: boolean } = {}) {
      const s = h.need();
      const c = await openCase(s, id);
      if (o.recordView) await recordCaseView(s, id);
      return c;
    },
    async saveCase(c: Case) {
      const s = h.need();
      const prev = s.summaries.get(c.id);
      const next = CaseSchema.parse({ ...c, revision: (prev?.revision ?? 0) + 1, updatedAt: s.opts.now().toISOString() });
      await s.saveCasesWith([next], [s.draft(prev ? 'case.update' : 'case.create', { type: 'case', id: c.id })], { summarise: summariser() });
      return next;
    },
    async checkCaseFile(): Promise<CaseFileCheck> {
      const file = await pickCaseFile();
      if (!file) return { picked: false, ok: false, cases: 0, newerVersion: false, problems: [] };
      const r = readCaseFile(file.bytes);
      return r.ok
        ? { picked: true, ok: true, cases: r.cases.length, newerVersion: false, problems: [] }
        : { picked: true, ok: false, cases: 0, newerVersion: r.code === 'NEWER_VERSION', problems: r.problems };
    },
    async importCaseFile(_context: CallContext = {}) {
      requireCapability(h.need().user.role, 'import-cases');
      const file = await pickCaseFile();
      if (!file) return { picked: false, imported: 0 };
      const r = readCaseFile(file.bytes);
      if (!r.ok) {
        const what = r.code === 'NEWER_VERSION' ? 'was written by a newer version of RJ Casebook' : `has ${r.problems.length === 1 ? '1 problem' : `${r.problems.length} problems`}`;
        throw new CasebookError(r.code, `The file ${what}; nothing was imported. Fix ${r.problems.length === 1 ? 'it' : 'them'} and try again.`, { issues: r.problems });
      }
      return { picked: true, ...(await serial(() => importCases(r.cases))) };
    },
    importCases,
    async exportCases() {
      const s = h.need();
      requireCapability(s.user.role, 'export-cases');
      mustBeAbleToRecord(s, 'export cases from it');
      const saver = files.fileSaver;
      if (!saver) throw new CasebookError('WRITE_FAILED', 'Saving files is not available here: this copy of RJ Casebook has no way to choose where to save');
      const cases = await serial(async () => {
        const out: Case[] = [];
        for (const row of s.summaries.all()) out.push(await s.readCase(row.id));
        return out;
      });
      const bytes = new TextEncoder().encode(JSON.stringify(toCaseFile(cases, s.opts.now()), null, 2) + '\n');
      const fileName = `casebook-cases-${s.opts.now().toISOString().slice(0, 10)}.json`;
      const { saved } = await saver.save(fileName, bytes, 'json');
      // Recorded only once it is written: an export that failed did not happen.
      if (saved) await serial(() => audit(h.need(), 'cases.export', { type: 'casebook', id: s.index.storeId }, [`${cases.length} cases`]));
      return { saved, fileName, cases: cases.length, bytes: bytes.length };
    },
    async listAudit(f: AuditFilter) {
      const s = h.need();
      requireCapability(s.user.role, 'read-audit');
      const all = (await new AuditLog(dir, s.dk).readAll()).entries.filter((e) => matchesAuditFilter(e, f)).reverse();
      return { total: all.length, entries: all.slice(f.offset, f.offset + f.limit) };
    },
    verify: () => verifyStore(h.need()),
  };
}
