import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { MAX_ATTACHMENT_BYTES } from '../../domain/conferences/attachments';
import {
  documentTypeOf,
  EMPTY_POLICIES,
  POLICIES_REGISTER,
  PoliciesRegisterSchema,
  policyRows,
  type AddPolicyVersionInput,
  type ListPoliciesInput,
  type PoliciesRegister,
  type Policy,
  type PolicyDocument,
  type PolicyList,
  type PolicyRow,
  type SavePolicyDocumentInput,
  type SavePolicyInput,
} from '../../domain/quality/policies';
import { findStaff } from '../../domain/staff/staff';
import { formatDate } from '../../domain/time/dates';
import { prepareAttachment, readAttachment } from '../../store/attachments';
import type { FileWrite } from '../../store/journal';
import { newId } from '../../store/ids';
import type { Store } from '../../store/store';
import type { Casework } from '../cases/context';
import { invalidInput } from '../shared/errors';

/**
 * The policies register in registers/policies.cbk, read the first time a command needs it.
 * Inputs arrive parsed by the contract; what depends on the casebook (the owner is on the staff
 * list, a date is not in the future, a version is new) is checked here, and every change is
 * saved whole with an audit entry naming the fields that changed, never their values.
 */
const invalid = (path: string, message: string) => invalidInput([{ path, message }]);

export function readPolicies(s: Store): Promise<PoliciesRegister> {
  return s.registers.read(POLICIES_REGISTER, PoliciesRegisterSchema, EMPTY_POLICIES);
}

function rowOf(cw: Casework, p: Policy, at = cw.today): PolicyRow {
  return policyRows({ policies: [p] }, at, cw.t.qualityRules.dueSoonDays, (id) => ownerName(cw, id))[0]!;
}

const ownerName = (cw: Casework, id: string) => findStaff(cw.s.index.staff, id)?.name ?? 'someone no longer on the staff list';

function notInFuture(cw: Casework, field: string, date: string): void {
  if (date > cw.today) throw invalid(field, `${formatDate(date)} is in the future: enter the day the policy was approved.`);
}

async function policyOf(s: Store, id: string): Promise<{ register: PoliciesRegister; policy: Policy }> {
  const register = await readPolicies(s);
  const policy = register.policies.find((p) => p.id === id);
  if (!policy) throw new CasebookError('NOT_FOUND', 'That policy is not in the register. It may have been removed; reload the page.');
  return { register, policy };
}

async function save(cw: Casework, register: PoliciesRegister, policy: Policy, action: string, fields: string[], extra: FileWrite[] = []): Promise<PolicyRow> {
  const s = cw.s;
  const next = { policies: [...register.policies.filter((p) => p.id !== policy.id), policy] };
  const checked = PoliciesRegisterSchema.parse(next);
  const draft = s.draft(action, { type: 'policy', id: policy.id }, fields);
  await s.registers.save(POLICIES_REGISTER, checked, [draft], undefined, extra);
  return rowOf(cw, policy);
}

export async function listPolicies(cw: Casework, input: ListPoliciesInput): Promise<PolicyList> {
  requireCapability(cw.s.user.role, 'read-policies');
  const at = input.at ?? cw.today;
  const dueSoonDays = cw.t.qualityRules.dueSoonDays;
  return { at, dueSoonDays, policies: policyRows(await readPolicies(cw.s), at, dueSoonDays, (id) => ownerName(cw, id)) };
}

export async function savePolicy(cw: Casework, input: SavePolicyInput): Promise<PolicyRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-policies');
  if (!findStaff(s.index.staff, input.ownerId)) throw invalid('ownerId', 'The owner must be a member of staff on the staff list.');
  notInFuture(cw, 'approvedOn', input.approvedOn);
  const register = await readPolicies(s);
  const title = input.title.toLocaleLowerCase('en-GB');
  if (register.policies.some((p) => p.id !== input.id && p.title.toLocaleLowerCase('en-GB') === title)) throw invalid('title', `There is already a policy called “${input.title}”: add a new version of it instead.`);
  const { id, version, approvedOn, ...details } = input;
  if (id === undefined) {
    const policy: Policy = { id: newId('pol'), ...details, current: { version, approvedOn }, history: [] };
    return save(cw, register, policy, 'policy.add', ['title', 'version', 'ownerId', 'approvedOn', 'nextReview', 'indicators']);
  }
  const { policy: before } = await policyOf(s, id);
  if (before.history.some((v) => v.version === version)) throw invalid('version', `Version ${version} is an earlier version of this policy: choose another number.`);
  const after: Policy = { ...before, ...details, current: { ...before.current, version, approvedOn } };
  const changed = (['title', 'ownerId', 'nextReview', 'indicators'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (before.current.version !== version) changed.push('version' as never);
  if (before.current.approvedOn !== approvedOn) changed.push('approvedOn' as never);
  return save(cw, register, after, 'policy.change', changed);
}

export async function addPolicyVersion(cw: Casework, input: AddPolicyVersionInput): Promise<PolicyRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-policies');
  notInFuture(cw, 'approvedOn', input.approvedOn);
  const { register, policy } = await policyOf(s, input.policyId);
  if ([policy.current, ...policy.history].some((v) => v.version === input.version)) throw invalid('version', `This policy already has a version ${input.version}: give the new version its own number.`);
  if (input.approvedOn < policy.current.approvedOn) throw invalid('approvedOn', `The new version must be approved on or after the current one (${formatDate(policy.current.approvedOn)}).`);
  const next: Policy = { ...policy, nextReview: input.nextReview, current: { version: input.version, approvedOn: input.approvedOn }, history: [...policy.history, policy.current] };
  return save(cw, register, next, 'policy.version', ['version', 'approvedOn', 'nextReview']);
}

/**
 * The chosen file becomes the current version's document. Only PDF and DOCX, checked by name and
 * by content; the file is encrypted and written in the same commit as the register that names it.
 */
export async function attachPolicyDocument(cw: Casework, policyId: string, file: { name: string; bytes: Uint8Array }): Promise<PolicyRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-policies');
  const { register, policy } = await policyOf(s, policyId);
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw invalid('document', `The document is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB, the largest that can be kept: save it smaller and attach it again.`);
  if (file.bytes.byteLength === 0) throw invalid('document', 'The document is empty: choose the policy’s PDF or Word file.');
  const type = documentTypeOf(file.name, file.bytes);
  if (!type) throw invalid('document', 'The document must be a PDF or a Word (DOCX) file: save it as one and attach it again.');
  const { ref, write } = prepareAttachment(s, { name: file.name, type, bytes: file.bytes });
  const name = file.name.split(/[/\\]/).pop()!.trim();
  const document: PolicyDocument = { ref, name, type, size: file.bytes.byteLength };
  return save(cw, register, { ...policy, current: { ...policy.current, document } }, 'policy.document', ['document'], [write]);
}

/** A version's document (the current one unless a version is named), for saving a copy. */
export async function policyDocument(cw: Casework, input: SavePolicyDocumentInput): Promise<{ name: string; bytes: Uint8Array }> {
  requireCapability(cw.s.user.role, 'read-policies');
  const { policy } = await policyOf(cw.s, input.policyId);
  const v = input.version === undefined ? policy.current : [policy.current, ...policy.history].find((x) => x.version === input.version);
  if (!v) throw invalid('version', 'This policy has no version with that number.');
  if (!v.document) throw new CasebookError('NOT_FOUND', `Version ${v.version} of “${policy.title}” has no document attached.`);
  const a = await readAttachment(cw.s, v.document.ref);
  return { name: v.document.name, bytes: a.bytes };
}

/** Every attachment the register names (verify: a policy document is not a stray, and one missing is named). */
export async function policyDocumentRefs(s: Store): Promise<string[]> {
  return (await readPolicies(s)).policies.flatMap((p) => [p.current, ...p.history].flatMap((v) => (v.document ? [v.document.ref] : [])));
}
