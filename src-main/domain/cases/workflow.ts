import { z } from 'zod';
import { isUnder18 } from '../shared/age';
import { CaseSchema, displayName, EXITS, PersonSchema, ReferralSchema, STAGES, type Case, type Participant, type Person } from './case';
import type { CaseworkSettings } from '../casebook/casework-settings';
import { CONSENT_METHOD_LABELS, recordConsent, RecordConsentSchema, withdrawConsent, WithdrawConsentSchema, type ConsentElement } from '../consent/consent';
import { OUTCOME_LABELS, recordContact, RecordContactSchema, recordMeeting, RecordMeetingSchema } from '../contacts/contacts';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ParticipantIdSchema, PARTICIPANT_ROLE_LABELS, PARTICIPANT_ROLES } from './participant-role';
import { assessRisk, AssessRiskSchema, RISK_DECISION_LABELS, SELF_SIGN_OFF_MARK, signOffRisk, SignOffRiskSchema, type RiskFactor } from '../risk/risk';
import { atLeastLevel, findStaff, isPractitioner, StaffIdSchema, type StaffMember } from '../staff/staff';
import { ON_BEHALF_FIELD, onBehalf, onBehalfText, signature, type Actor, type Signature } from '../staff/signer';
import { strictForm } from '../shared/strict-form';
import { requiredText, text } from '../shared/text';
import { advanceProblems, isEnded, isSensitive, stageIndex } from './workflow-gates';
import { AFTER_CLOSURE, PROCESS_COMMAND_SCHEMAS, SIGNED_PROCESS_COMMANDS } from './process-commands';
import type { CaseChange, ProcessContext } from './process-context';
import { decideProcess, decideSignedProcess } from './process-decide';
import { cancelOpenMeetings } from '../conferences/schedule';
import { exitReason } from './exit-reason';
import { PROCESS_FORMS, type ProcessForm } from '../conferences/process-type';

export { isEnded, readinessForProcess, takingPart } from './workflow-gates';

/**
 * The case workflow as pure functions: `applyCommand(case, command, context)` returns the
 * changed case with one new timeline event, or a refusal that says why in plain words.
 * Services do the saving and the audit log; everything that decides lives here, so the same
 * rules hold in the app, the CLI and the tests.
 */
export interface WorkflowContext extends ProcessContext {
  /** The current instant (timeline, updatedAt, record times). */
  now: string;
  /** Today in England and Wales (dates.londonDate(now)); dates are checked against it. */
  today: string;
  /**
   * The signed-in person: the timeline names them, every record that says who did something
   * names their staff record (signer.ts), and rules about roles are judged on them.
   */
  actor: Actor;
  staff: readonly StaffMember[];
  settings: Pick<CaseworkSettings, 'riskApproverRole'>;
  consentElements: readonly ConsentElement[];
  riskFactors: readonly RiskFactor[];
}

const reason = (what: string) => requiredText(what, 2_000);
const cmd = <K extends string, T extends z.core.$ZodLooseShape>(type: K, shape: T) => strictForm({ type: z.literal(type), ...shape }, 'the command');

export const WorkflowCommandSchema = z.discriminatedUnion(
  'type',
  [
    cmd('advance', {
      processKind: z.enum(['direct', 'indirect', 'community'], { error: 'Choose a direct or an indirect process, or a community conference' }).optional(),
      processForm: z.enum([...PROCESS_FORMS.direct, ...PROCESS_FORMS.indirect, ...PROCESS_FORMS.community], { error: 'Choose how the process is carried out' }).optional(),
    }),
    cmd('exit', {
      kind: z.enum(EXITS, { error: 'Choose how the case ended: withdrawn, not suitable, no contact or declined' }),
      /** Required unless withdrawn: a person who withdraws does not have to give a reason (exit-reason.ts). */
      reason: text('Reason', 2_000).optional(),
      withdrawnBy: ParticipantIdSchema.optional(),
      /** When it ended, if not today (a withdrawal by letter received late, say). */
      on: dateField('Date the case ended').optional(),
    }),
    cmd('reopen', { reason: reason('Reason for reopening'), ...ON_BEHALF_FIELD }),
    cmd('assign-team', { leadId: StaffIdSchema.nullable().optional(), coFacilitatorId: StaffIdSchema.nullable().optional() }),
    cmd('add-participant', {
      participant: strictForm({ id: ParticipantIdSchema, role: z.enum(PARTICIPANT_ROLES, { error: 'Choose a participant role' }), person: PersonSchema, takesPart: z.boolean().optional() }, 'the participant'),
    }),
    cmd('update-person', { participantId: ParticipantIdSchema, person: PersonSchema }),
    cmd('set-participation', { participantId: ParticipantIdSchema, takesPart: z.boolean({ error: 'Say whether they take part (true or false)' }), reason: reason('Reason') }),
    RecordConsentSchema.extend({ type: z.literal('record-consent') }),
    WithdrawConsentSchema.extend({ type: z.literal('withdraw-consent') }),
    AssessRiskSchema.extend({ type: z.literal('assess-risk') }),
    SignOffRiskSchema.extend({ type: z.literal('sign-off-risk') }),
    RecordContactSchema.extend({ type: z.literal('record-contact') }),
    cmd('record-meeting', { meeting: RecordMeetingSchema }),
    cmd('update-referral', { changes: ReferralSchema.partial() }),
    cmd('set-notes', { notes: text('Notes', 100_000) }),
    ...PROCESS_COMMAND_SCHEMAS,
  ],
  { error: 'Unknown command' },
);
export type WorkflowCommand = z.infer<typeof WorkflowCommandSchema>;
export type WorkflowCommandType = WorkflowCommand['type'];

/**
 * The commands whose record names who did it ("taken by", "assessed by", "signed off by",
 * "closed by"…). None of them carries that person: it is the signed-in person, or, for an
 * administrator's `onBehalfOf`, the person named, with the administrator kept beside them.
 */
export const SIGNED_COMMANDS = ['record-consent', 'withdraw-consent', 'assess-risk', 'sign-off-risk', 'record-contact', 'reopen', ...SIGNED_PROCESS_COMMANDS] as const;
export type SignedCommand = Extract<WorkflowCommand, { type: (typeof SIGNED_COMMANDS)[number] }>;
// Every signed command takes onBehalfOf (this fails to compile if one does not).
const _everySignedCommandTakesOnBehalf: SignedCommand['onBehalfOf'] = undefined;
void _everySignedCommandTakesOnBehalf;

export function isSigned(command: WorkflowCommand): command is SignedCommand {
  return (SIGNED_COMMANDS as readonly string[]).includes(command.type);
}

type Change = CaseChange;

const nameOf = (c: Case, id: string) => {
  const p = c.participants.find((x) => x.id === id);
  return p ? displayName(p.person) : 'an unknown participant';
};

function replaceParticipant(c: Case, p: Participant): Case {
  return { ...c, participants: c.participants.map((x) => (x.id === p.id ? p : x)) };
}

/** Under-18s get enhanced rights automatically (Victims' Code: every child is vulnerable). */
function withEnhancedRights(person: Person, on: string): Person {
  return isUnder18(person.dateOfBirth, on) && person.enhancedRights !== true ? { ...person, enhancedRights: true } : person;
}

function fromParticipant(c: Case, d: Decision<Participant>, kind: string, describe: (p: Participant) => string): Decision<Change> {
  return d.ok ? allow({ next: replaceParticipant(c, d.value), kind, text: describe(d.value) }) : d;
}

function advance(c: Case, cmd: Extract<WorkflowCommand, { type: 'advance' }>, ctx: WorkflowContext): Decision<Change> {
  const kind = cmd.processKind;
  if (cmd.processForm && (!kind || !(PROCESS_FORMS[kind] as readonly ProcessForm[]).includes(cmd.processForm))) {
    return refuse(kind ? `For a ${kind} process, choose one of: ${PROCESS_FORMS[kind].join(', ')}.` : 'Choose the kind of process as well as its form.');
  }
  // A community conference is a meeting of the parties: the gates treat it as direct.
  const problems = advanceProblems(c, ctx, kind === 'community' ? 'direct' : kind);
  if (problems.length > 0) return refuse(...problems);
  const to = STAGES[stageIndex(c.stage) + 1] as Case['stage'];
  // A form chosen earlier is kept only while it still belongs to the kind (no "direct letter exchange").
  const keptForm = kind && c.processForm && (PROCESS_FORMS[kind] as readonly ProcessForm[]).includes(c.processForm) ? c.processForm : undefined;
  const form = cmd.processForm ?? keptForm;
  const { processForm: _old, ...rest } = c;
  const chosen = to === 'process' && kind ? { processKind: kind, ...(form ? { processForm: form } : {}) } : c.processForm ? { processForm: c.processForm } : {};
  return allow({ next: { ...rest, stage: to, ...chosen }, kind: 'stage.changed', text: `Moved from ${c.stage} to ${to}${to === 'process' ? ` (${kind} process)` : ''}.` });
}

function exitCase(c: Case, cmd: Extract<WorkflowCommand, { type: 'exit' }>, ctx: WorkflowContext): Decision<Change> {
  if (cmd.kind === 'withdrawn' && !cmd.withdrawnBy) return refuse('Say who withdrew.');
  if (cmd.kind !== 'withdrawn' && cmd.withdrawnBy) return refuse('"Withdrawn by" is only for a withdrawal.');
  if (cmd.withdrawnBy && !c.participants.some((p) => p.id === cmd.withdrawnBy)) return refuse('The person who withdrew is not in this case.');
  const on = cmd.on ?? ctx.today;
  if (on > ctx.today) return refuse(`The date ${formatDate(on)} is in the future.`);
  if (on < c.referral.receivedOn) return refuse(`The date ${formatDate(on)} is before the referral was received.`);
  const why = exitReason(cmd.kind, cmd.reason);
  if (!why.ok) return why;
  const exit: NonNullable<Case['exit']> = { kind: cmd.kind, reason: why.value, on, ...(cmd.withdrawnBy ? { withdrawnBy: cmd.withdrawnBy } : {}) };
  const label = cmd.kind === 'withdrawn' ? `withdrawn by ${nameOf(c, cmd.withdrawnBy as string)}` : cmd.kind.replace('-', ' ');
  const next = cancelOpenMeetings({ ...c, exit }, `Case ended: ${cmd.kind.replace('-', ' ')}`);
  const cancelled = (next.schedule ?? []).filter((m, i) => m.status !== c.schedule?.[i]?.status).length;
  const note = cancelled > 0 ? ` ${cancelled === 1 ? 'One meeting still booked was' : `${cancelled} meetings still booked were`} cancelled.` : '';
  return allow({ next, kind: 'case.exit', text: `Case ended at ${c.stage}: ${label}. Reason: ${why.value}${note}` });
}

function reopen(c: Case, cmd: Extract<WorkflowCommand, { type: 'reopen' }>, ctx: WorkflowContext, signer: Signature): Decision<Change> {
  if (!isEnded(c)) return refuse('This case is open; there is nothing to reopen.');
  // An exited case resumes where it stopped; a closed case goes back to monitoring.
  // The closure is kept on the timeline; the case no longer has one while it is open.
  const { exit: _exit, closure: _closure, ...rest } = c;
  const reopened = { ...rest, reopenings: [...(c.reopenings ?? []), { on: ctx.today, reason: cmd.reason, by: signer.by.id, ...onBehalf(signer) }] };
  const next: Case = c.exit ? reopened : { ...reopened, stage: 'monitoring' };
  return allow({ next, kind: 'case.reopened', text: `Case reopened at ${next.stage}. Reason: ${cmd.reason}` });
}

function assignTeam(c: Case, cmd: Extract<WorkflowCommand, { type: 'assign-team' }>, ctx: WorkflowContext): Decision<Change> {
  const leadId = cmd.leadId === undefined ? c.leadFacilitatorId : (cmd.leadId ?? undefined);
  const coId = cmd.coFacilitatorId === undefined ? c.coFacilitatorId : (cmd.coFacilitatorId ?? undefined);
  const problems: string[] = [];
  const lead = findStaff(ctx.staff, leadId);
  const co = findStaff(ctx.staff, coId);
  for (const [id, s, role] of [[cmd.leadId, lead, 'lead'], [cmd.coFacilitatorId, co, 'co-facilitator']] as const) {
    if (!id) continue;
    if (!s) problems.push(`The ${role} is not on the staff list.`);
    else if (!s.active) problems.push(`${s.name} is no longer active.`);
    else if (!isPractitioner(s)) problems.push(`${s.name} is not a registered practitioner.`);
  }
  if (leadId && leadId === coId) problems.push('The co-facilitator must be someone other than the lead.');
  if (cmd.leadId && lead && isSensitive(c) && !atLeastLevel(lead, 'advanced')) problems.push(`A sensitive case must be led by an Advanced practitioner; ${lead.name} is not.`);
  if (problems.length > 0) return refuse(...problems);
  // Only what the command names changes: an older case's lead (a name without a staff id,
  // or someone since removed from the list) is kept unless the command replaces it.
  const { leadFacilitator: _n, leadFacilitatorId: _l, coFacilitatorId: _c, ...rest } = c;
  const keepLead = { ...(c.leadFacilitatorId ? { leadFacilitatorId: c.leadFacilitatorId } : {}), ...(c.leadFacilitator ? { leadFacilitator: c.leadFacilitator } : {}) };
  const next: Case = {
    ...rest,
    ...(cmd.leadId === undefined ? keepLead : lead ? { leadFacilitatorId: lead.id, leadFacilitator: lead.name } : {}),
    ...(cmd.coFacilitatorId === undefined ? (c.coFacilitatorId ? { coFacilitatorId: c.coFacilitatorId } : {}) : co ? { coFacilitatorId: co.id } : {}),
  };
  const coName = next.coFacilitatorId ? (findStaff(ctx.staff, next.coFacilitatorId)?.name ?? next.coFacilitatorId) : 'none';
  return allow({ next, kind: 'team.assigned', text: `Lead facilitator: ${next.leadFacilitator ?? 'none'}; co-facilitator: ${coName}.` });
}

function addParticipant(c: Case, cmd: Extract<WorkflowCommand, { type: 'add-participant' }>, ctx: WorkflowContext): Decision<Change> {
  const p = cmd.participant;
  if (c.participants.some((x) => x.id === p.id)) return refuse('A participant with that id is already in this case.');
  if (stageIndex(c.stage) >= stageIndex('process') && p.takesPart !== false) {
    return refuse('The restorative process has started: someone added now cannot take part in it. Add them as not taking part.');
  }
  const participant: Participant = { id: p.id, role: p.role, person: withEnhancedRights(p.person, ctx.today), ...(p.takesPart === false ? { takesPart: false } : {}) };
  return allow({ next: { ...c, participants: [...c.participants, participant] }, kind: 'participant.added', text: `${displayName(p.person)} added as ${PARTICIPANT_ROLE_LABELS[p.role].toLowerCase()}.` });
}

function setParticipation(c: Case, cmd: Extract<WorkflowCommand, { type: 'set-participation' }>): Decision<Change> {
  const p = c.participants.find((x) => x.id === cmd.participantId);
  if (!p) return refuse('That participant is not in this case.');
  if (cmd.takesPart && stageIndex(c.stage) >= stageIndex('process')) return refuse('The restorative process has started: no one can join it now.');
  const { takesPart: _t, ...rest } = p;
  const next = cmd.takesPart ? rest : { ...rest, takesPart: false };
  return allow({ next: replaceParticipant(c, next), kind: 'participation.changed', text: `${displayName(p.person)} ${cmd.takesPart ? 'takes part' : 'will not take part'} in the process. Reason: ${cmd.reason}` });
}

function updateReferral(c: Case, cmd: Extract<WorkflowCommand, { type: 'update-referral' }>, ctx: WorkflowContext): Decision<Change> {
  const referral = { ...c.referral, ...cmd.changes };
  const problems: string[] = [];
  if (referral.receivedOn > ctx.today) problems.push(`The referral date ${formatDate(referral.receivedOn)} is in the future.`);
  if (referral.offenceDate && referral.offenceDate > ctx.today) problems.push(`The offence date ${formatDate(referral.offenceDate)} is in the future.`);
  if (problems.length > 0) return refuse(...problems);
  return allow({ next: { ...c, referral }, kind: 'referral.updated', text: `Referral details changed: ${Object.keys(cmd.changes).join(', ') || 'nothing'}.` });
}

type UnsignedCommand = Exclude<WorkflowCommand, SignedCommand>;

function decide(c: Case, command: UnsignedCommand, ctx: WorkflowContext): Decision<Change> {
  switch (command.type) {
    case 'advance':
      return advance(c, command, ctx);
    case 'exit':
      return exitCase(c, command, ctx);
    case 'assign-team':
      return assignTeam(c, command, ctx);
    case 'add-participant':
      return addParticipant(c, command, ctx);
    case 'update-person': {
      const p = c.participants.find((x) => x.id === command.participantId);
      if (!p) return refuse('That participant is not in this case.');
      return fromParticipant(c, allow({ ...p, person: withEnhancedRights(command.person, ctx.today) }), 'participant.updated', (x) => `Details of ${displayName(x.person)} updated.`);
    }
    case 'set-participation':
      return setParticipation(c, command);
    case 'record-meeting': {
      const d = recordMeeting(c, command.meeting, ctx);
      if (!d.ok) return d;
      const names = d.value.participantIds.map((id) => nameOf(c, id)).join(', ');
      return allow({ next: { ...c, meetings: [...(c.meetings ?? []), d.value] }, kind: 'meeting.recorded', text: `Preparation meeting with ${names} on ${formatDate(d.value.on)}.` });
    }
    case 'update-referral':
      return updateReferral(c, command, ctx);
    case 'set-notes': {
      const { notes: _n, ...rest } = c;
      return allow({ next: command.notes ? { ...rest, notes: command.notes } : rest, kind: 'notes.updated', text: 'Case notes updated.' });
    }
    default:
      return decideProcess(c, command, ctx);
  }
}

/** A command whose record names who did it, decided with the signature of the signed-in person. */
function decideSigned(c: Case, command: SignedCommand, ctx: WorkflowContext, signer: Signature): Decision<Change> {
  switch (command.type) {
    case 'reopen':
      return reopen(c, command, ctx, signer);
    case 'record-consent': {
      const { type: _t, ...input } = command;
      const el = ctx.consentElements.find((e) => e.id === input.elementId);
      return fromParticipant(c, recordConsent(c, input, { ...ctx, elements: ctx.consentElements }, signer), 'consent.recorded', (p) =>
        `${displayName(p.person)} ${input.status} consent to element ${el?.number ?? ''} (${el?.title ?? input.elementId}) on ${formatDate(input.on)}: ${CONSENT_METHOD_LABELS[input.method].toLowerCase()}.`,
      );
    }
    case 'withdraw-consent': {
      const { type: _t, ...input } = command;
      return fromParticipant(c, withdrawConsent(c, input, { ...ctx, elements: ctx.consentElements }, signer), 'consent.withdrawn', (p) =>
        `${displayName(p.person)} withdrew consent on ${formatDate(input.on)}.${input.reason ? ` Reason: ${input.reason}` : ''}`,
      );
    }
    case 'assess-risk': {
      const { type: _t, ...input } = command;
      return fromParticipant(c, assessRisk(c, input, { ...ctx, factors: ctx.riskFactors }, signer), 'risk.assessed', (p) =>
        `Risk assessed for ${displayName(p.person)} (version ${p.risk?.length ?? 1}): ${RISK_DECISION_LABELS[input.decision].toLowerCase()}; review by ${formatDate(input.reviewOn)}.`,
      );
    }
    case 'sign-off-risk': {
      const { type: _t, ...input } = command;
      const d = signOffRisk(c, input, { ...ctx, factors: ctx.riskFactors }, signer);
      if (!d.ok) return d;
      const { participant: p, sameAsAssessor } = d.value;
      return allow({
        next: replaceParticipant(c, p),
        kind: 'risk.signed-off',
        text: `Risk assessment for ${displayName(p.person)} signed off by ${signer.by.name}.${sameAsAssessor ? ' Warning: signed off by the same person who assessed it.' : ''}`,
        // The audit trail keeps the warning too, as a field name (never a value).
        ...(sameAsAssessor ? { marks: [SELF_SIGN_OFF_MARK] } : {}),
      });
    }
    case 'record-contact': {
      const { type: _t, ...input } = command;
      return fromParticipant(c, recordContact(c, input, ctx, signer), 'contact.recorded', (p) =>
        `${input.entry.kind === 'attempt' ? 'Contact attempt' : 'Contact'} with ${displayName(p.person)} on ${formatDate(input.entry.on)}: ${OUTCOME_LABELS[input.entry.outcome].toLowerCase()}.`,
      );
    }
    default:
      return decideSignedProcess(c, command, ctx, signer);
  }
}

/** A change to a case, and what the audit trail should mark beyond the fields it changed ("on-behalf", "self-sign-off"). */
export interface AppliedCommand {
  case: Case;
  auditMarks: string[];
}

/**
 * Apply one command. Refuses anything on an ended case except reopening it, validates the
 * command and the resulting case, and appends exactly one timeline event to every change.
 */
export function applyCommand(c: Case, command: unknown, ctx: WorkflowContext): Decision<Case> {
  const d = applyCommandMarked(c, command, ctx);
  return d.ok ? allow(d.value.case) : d;
}

/** applyCommand, with the marks the audit entry adds to the changed fields. */
export function applyCommandMarked(c: Case, command: unknown, ctx: WorkflowContext): Decision<AppliedCommand> {
  const parsed = WorkflowCommandSchema.safeParse(command);
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)));
  const cmd = parsed.data;
  const allowedWhenEnded = AFTER_CLOSURE.includes(cmd.type);
  if (!allowedWhenEnded && c.stage === 'closed') return refuse('This case is closed. Reopen it, giving a reason, before changing it.');
  if (!allowedWhenEnded && c.exit) return refuse(`This case ended (${c.exit.kind.replace('-', ' ')}) on ${formatDate(c.exit.on)}. Reopen it, giving a reason, before changing it.`);
  if (c.timeline.length >= 100_000) return refuse('This case has reached the limit of 100,000 timeline events.');
  let d: Decision<Change>;
  let signer: Signature | undefined;
  if (isSigned(cmd)) {
    const s = signature(ctx.actor, ctx.staff, cmd.onBehalfOf);
    if (!s.ok) return s;
    signer = s.value;
    d = decideSigned(c, cmd, ctx, signer);
  } else d = decide(c, cmd, ctx);
  if (!d.ok) return d;
  const text = d.value.text + (signer ? onBehalfText(signer) : '');
  const event = { at: ctx.now, by: ctx.actor.name.slice(0, 200), kind: d.value.kind, text: text.slice(0, 20_000) };
  const result = CaseSchema.safeParse({ ...d.value.next, updatedAt: ctx.now, timeline: [...c.timeline, event] });
  if (!result.success) return refuse(...result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const auditMarks = [...(d.value.marks ?? []), ...(signer?.recordedOnBehalfBy ? ['on-behalf'] : [])];
  return allow({ case: result.data, auditMarks });
}
