import { requireCapability } from '../../domain/access/capabilities';
import { HEALTH_CHECK_REGISTER, HealthCheckRegisterSchema } from '../../domain/quality/health-check';
import {
  evidenceFileProblem,
  evidenceTypeOf,
  MAX_EVIDENCE_PER_INDICATOR,
  type AttachIndicatorEvidenceInput,
  type IndicatorEvidence,
  type IndicatorEvidenceRequest,
  type IndicatorEvidenceRow,
} from '../../domain/quality/health-check-evidence';
import { CasebookError } from '../../domain/shared/errors';
import { attachmentName, prepareAttachment, readAttachment } from '../../store/attachments';
import { newId } from '../../store/ids';
import type { Store } from '../../store/store';
import { attachmentsNamedNowhereElse } from '../casebook/attachment-users';
import type { Casework } from '../cases/context';
import { invalidInput } from '../shared/errors';
import { indicatorToChange, readHealthCheck } from './health-check';

/**
 * Files attached to a health-check indicator as its evidence. The contract has checked the
 * shape of what was sent; the service checks what depends on the casebook and the file itself
 * (the framework lists the indicator; the file is a PDF, DOCX, PNG or JPEG by name and content,
 * not empty, not too big). The file is encrypted and written in the same commit as the register
 * that names it. Audit entries name fields, the size and the kind of file, never the title or
 * the file's name, which a person wrote and which may name someone.
 */
const invalid = (path: string, message: string) => invalidInput([{ path, message }]);
const KIND: Record<IndicatorEvidence['type'], string> = { 'application/pdf': 'pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx', 'image/png': 'png', 'image/jpeg': 'jpeg' };

const target = (e: Pick<IndicatorEvidence, 'framework' | 'indicator'>) => ({ type: 'health-check', id: `${e.framework}:${e.indicator}` });

export async function attachIndicatorEvidence(cw: Casework, input: AttachIndicatorEvidenceInput, file: { name: string; bytes: Uint8Array }): Promise<IndicatorEvidenceRow> {
  const s = cw.s;
  const { me, framework } = indicatorToChange(cw, input);
  const problem = evidenceFileProblem(file.name, file.bytes);
  if (problem) throw invalid('chosen', problem);
  const name = attachmentName(file.name);
  const type = evidenceTypeOf(name, file.bytes)!;
  const register = await readHealthCheck(s);
  const list = register.evidence ?? [];
  if (list.filter((e) => e.framework === framework.id && e.indicator === input.indicator).length >= MAX_EVIDENCE_PER_INDICATOR) {
    throw invalid('chosen', `${input.indicator} already has ${MAX_EVIDENCE_PER_INDICATOR} files, the most it can have: remove one it no longer needs first.`);
  }
  const { ref, write } = prepareAttachment(s, { name, type, bytes: file.bytes });
  const evidence: IndicatorEvidence = { id: newId('ev'), framework: framework.id, indicator: input.indicator, title: input.title, ref, name, type, size: file.bytes.byteLength, addedOn: cw.today, addedBy: me.id };
  const checked = HealthCheckRegisterSchema.parse({ ...register, evidence: [...list, evidence] });
  const draft = s.draft('health-check.evidence.add', target(evidence), ['title', 'file', `type:${KIND[type]}`, `bytes:${evidence.size}`]);
  await s.registers.save(HEALTH_CHECK_REGISTER, checked, [draft], undefined, [write]);
  const { framework: _f, ref: _r, ...row } = evidence;
  return { ...row, addedByName: me.name };
}

async function evidenceOf(s: Store, id: string) {
  const register = await readHealthCheck(s);
  const evidence = (register.evidence ?? []).find((e) => e.id === id);
  if (!evidence) throw new CasebookError('NOT_FOUND', 'That file is no longer attached to the health check. It may have been removed; reload the page.');
  return { register, evidence };
}

/**
 * Take a file off its indicator. The removal is recorded; the encrypted file goes in the same
 * commit unless something else still names the same content (another indicator, a policy, a
 * case's log, a certificate), because the same content is stored once.
 */
export async function removeIndicatorEvidence(cw: Casework, input: IndicatorEvidenceRequest): Promise<{ removed: true; fileDeleted: boolean }> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-health-check');
  const { register, evidence } = await evidenceOf(s, input.evidenceId);
  const unused = await attachmentsNamedNowhereElse(s, [evidence.ref], { exceptEvidence: evidence.id });
  const checked = HealthCheckRegisterSchema.parse({ ...register, evidence: (register.evidence ?? []).filter((e) => e.id !== evidence.id) });
  const draft = s.draft('health-check.evidence.remove', target(evidence), ['file', ...(unused.length ? ['file-deleted'] : [])]);
  await s.registers.save(HEALTH_CHECK_REGISTER, checked, [draft], undefined, [], unused);
  return { removed: true, fileDeleted: unused.length > 0 };
}

/** An attached file's name and bytes, for saving a copy. */
export async function indicatorEvidenceFile(cw: Casework, input: IndicatorEvidenceRequest): Promise<{ name: string; bytes: Uint8Array; evidence: IndicatorEvidence }> {
  requireCapability(cw.s.user.role, 'read-health-check');
  const { evidence } = await evidenceOf(cw.s, input.evidenceId);
  const a = await readAttachment(cw.s, evidence.ref);
  return { name: evidence.name, bytes: a.bytes, evidence };
}

/** Every attachment the health check names (verify: none is a stray, and one missing is named). */
export async function healthCheckEvidenceRefs(s: Store): Promise<string[]> {
  return ((await readHealthCheck(s)).evidence ?? []).map((e) => e.ref);
}
