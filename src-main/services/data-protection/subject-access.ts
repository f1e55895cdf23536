import { requireCapability } from '../../domain/access/capabilities';
import { findPeople } from '../../domain/data-protection/person-search';
import { extensionProblems } from '../../domain/data-protection/subject-access/due-date';
import { subjectAccessOrderProblems } from '../../domain/data-protection/subject-access/order';
import {
  nextSubjectAccessNumber,
  subjectAccessRow,
  subjectAccessRows,
  type ListSubjectAccessInput,
  type RecordSubjectAccessInput,
  type SubjectAccessList,
  type SubjectAccessRow,
  type SubjectAccessView,
  type UpdateSubjectAccessInput,
} from '../../domain/data-protection/subject-access/register';
import { EMPTY_SUBJECT_ACCESS, SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, type SubjectAccessRegister, type SubjectAccessRequest } from '../../domain/data-protection/subject-access/request';
import { CasebookError } from '../../domain/shared/errors';
import { newId } from '../../store/ids';
import type { Store } from '../../store/store';
import type { Casework } from '../cases/context';
import { invalidInput } from '../shared/errors';

/**
 * The subject access register in registers/subject-access.cbk. The contract has parsed the
 * input; here the dates are checked against today and the request as recorded, the cases
 * against the case list. The audit trail names the request and the fields changed, never the
 * person it is about.
 */
export function readSubjectAccess(s: Store): Promise<SubjectAccessRegister> {
  return s.registers.read(SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, EMPTY_SUBJECT_ACCESS);
}

const referenceOf = (s: Store) => (caseId: string) => s.summaries.get(caseId)?.reference;

/** The row, or the field to correct when a date is past the bank-holiday data (the deadline cannot be counted). */
function rowOf(cw: Casework, r: SubjectAccessRequest, field: string): SubjectAccessRow {
  try {
    return subjectAccessRow(r, cw.today, cw.t.holidays, referenceOf(cw.s));
  } catch (e) {
    if (e instanceof RangeError) throw invalidInput([{ path: field, message: e.message }]);
    throw e;
  }
}

/** The dates in order, none in the future, and an extension decided in time; then the row. */
function checkedRow(cw: Casework, r: SubjectAccessRequest, field: string): SubjectAccessRow {
  const problems = subjectAccessOrderProblems(r, cw.today);
  if (problems.length > 0) throw invalidInput(problems);
  const row = rowOf(cw, r, field);
  const late = extensionProblems(r, cw.t.holidays);
  if (late.length > 0) throw invalidInput(late);
  return row;
}

async function save(cw: Casework, register: SubjectAccessRegister, r: SubjectAccessRequest, action: string, fields: string[]): Promise<void> {
  const s = cw.s;
  const next = SubjectAccessRegisterSchema.parse({ requests: [...register.requests.filter((x) => x.id !== r.id), r] });
  await s.registers.save(SUBJECT_ACCESS_REGISTER, next, [s.draft(action, { type: 'subject-access', id: r.id }, fields)]);
}

/** A request and the register it is in; NOT_FOUND when it is not there. The bundle reads requests this way too. */
export async function findSubjectAccessRequest(s: Store, id: string): Promise<{ register: SubjectAccessRegister; request: SubjectAccessRequest }> {
  const register = await readSubjectAccess(s);
  const request = register.requests.find((r) => r.id === id);
  if (!request) throw new CasebookError('NOT_FOUND', 'That subject access request is not in the register. Reload the page.');
  return { register, request };
}

export async function listSubjectAccessRequests(cw: Casework, input: ListSubjectAccessInput): Promise<SubjectAccessList> {
  requireCapability(cw.s.user.role, 'manage-subject-access');
  const at = input.at ?? cw.today;
  return { at, requests: subjectAccessRows(await readSubjectAccess(cw.s), at, cw.t.holidays, referenceOf(cw.s)) };
}

/**
 * One request, with everywhere its name (and date of birth) is found in the casebook, for the
 * person answering it to tick the cases that are this person. Recorded like a search: by what
 * was looked for and how many were found, never the name.
 */
export async function getSubjectAccessRequest(cw: Casework, input: { id: string }): Promise<SubjectAccessView> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-subject-access');
  const { request } = await findSubjectAccessRequest(s, input.id);
  const { found, casesSearched } = findPeople(s.summaries.all(), { name: request.name, ...(request.dateOfBirth ? { dateOfBirth: request.dateOfBirth } : {}) });
  if (!s.readOnly) await s.commit([], [s.draft('sar.search', { type: 'subject-access', id: request.id }, ['name', ...(request.dateOfBirth ? ['dateOfBirth'] : []), `found:${found.length}`])]);
  return { at: cw.today, request: rowOf(cw, request, 'receivedOn'), candidates: found, casesSearched };
}

export async function recordSubjectAccessRequest(cw: Casework, input: RecordSubjectAccessInput): Promise<SubjectAccessRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-subject-access');
  const register = await readSubjectAccess(s);
  const fields = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as RecordSubjectAccessInput;
  const r: SubjectAccessRequest = { id: newId('sar'), number: nextSubjectAccessNumber(register, input.receivedOn), ...fields };
  const row = checkedRow(cw, r, 'receivedOn');
  await save(cw, register, r, 'sar.record', Object.keys(fields));
  return row;
}

/**
 * A step on a request. Asking for clarification again keeps the question already answered
 * (its days still stopped the clock); the cases ticked must be in the case list.
 */
export async function updateSubjectAccessRequest(cw: Casework, input: UpdateSubjectAccessInput): Promise<SubjectAccessRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-subject-access');
  const { register, request: before } = await findSubjectAccessRequest(s, input.id);
  const { id: _id, clarificationAskedAgainOn, caseIds, ...patch } = input;
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SubjectAccessRequest>;
  let after: SubjectAccessRequest = { ...before, ...given };
  if (clarificationAskedAgainOn !== undefined) {
    if (!after.clarificationAskedOn || !after.clarificationReceivedOn) {
      throw invalidInput([{ path: 'clarificationAskedAgainOn', message: 'Record the answer to the last question before asking for clarification again' }]);
    }
    const { clarificationReceivedOn: _r, ...rest } = after;
    after = { ...rest, earlierClarifications: [...(after.earlierClarifications ?? []), { askedOn: after.clarificationAskedOn, receivedOn: after.clarificationReceivedOn }], clarificationAskedOn: clarificationAskedAgainOn };
  }
  if (caseIds !== undefined) {
    const unknown = caseIds.filter((id) => !s.summaries.get(id));
    if (unknown.length > 0) throw invalidInput([{ path: 'caseIds', message: `${unknown.length === 1 ? 'One of the cases ticked is' : `${unknown.length} of the cases ticked are`} not in the casebook any more: reload the page and tick them again.` }]);
    after = { ...after, caseIds: [...new Set(caseIds)] };
  }
  const changed = Object.keys({ ...after, ...before }).filter((k) => JSON.stringify(before[k as keyof SubjectAccessRequest]) !== JSON.stringify(after[k as keyof SubjectAccessRequest]));
  const changedField = changed.find((k) => k.endsWith('On')) ?? 'receivedOn';
  const row = checkedRow(cw, after, changedField);
  if (changed.length === 0) return row;
  // The cases by how many, not which: the audit entry says what was done, not to whom.
  const fields = changed.map((k) => (k === 'caseIds' ? `cases:${after.caseIds?.length ?? 0}` : k));
  await save(cw, register, after, 'sar.update', fields);
  return row;
}
