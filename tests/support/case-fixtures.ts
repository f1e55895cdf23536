import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBankHolidays, type HolidayCalendar } from '../../src-main/domain/time/bank-holidays';
import type { Case, Participant } from '../../src-main/domain/cases/case';
import { DEFAULT_CASEWORK_SETTINGS } from '../../src-main/domain/casebook/casework-settings';
import { parseConsentElements, type ConsentElement } from '../../src-main/domain/consent/consent';
import { parseDeadlineRules, type DeadlineRules } from '../../src-main/domain/cases/deadlines';
import { parseCaseworkLists, type CaseworkLists } from '../../src-main/domain/referrals/referral';
import { factorsFor, parseRiskFactors, type RiskFactor } from '../../src-main/domain/risk/risk';
import type { StaffMember, StaffRole } from '../../src-main/domain/staff/staff';
import type { Actor, Signature } from '../../src-main/domain/staff/signer';
import type { Role } from '../../src-main/domain/access/roles';
import type { TemplateResult } from '../../src-main/domain/shared/template-file';
import { applyCommand, type WorkflowCommand, type WorkflowContext } from '../../src-main/domain/cases/workflow';

/** The shipped data files, read the way the service will: text in, typed data or an error out. */
const root = join(__dirname, '..', '..');
export const read = (rel: string) => readFileSync(join(root, rel), 'utf8');

function must<T>(r: TemplateResult<T>): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export const CONSENT_FILE = 'templates/casework/consent-elements.yaml';
export const RISK_FILE = 'templates/casework/risk-factors.yaml';
export const DEADLINE_FILE = 'templates/casework/deadline-rules.yaml';
export const LISTS_FILE = 'templates/casework/lists.yaml';
export const HOLIDAY_FILE = 'resources/bank-holidays/england-and-wales.json';

export const elements: ConsentElement[] = must(parseConsentElements(read(CONSENT_FILE), CONSENT_FILE));
export const factors: RiskFactor[] = must(parseRiskFactors(read(RISK_FILE), RISK_FILE));
export const rules: DeadlineRules = must(parseDeadlineRules(read(DEADLINE_FILE), DEADLINE_FILE));
export const lists: CaseworkLists = must(parseCaseworkLists(read(LISTS_FILE), LISTS_FILE));
export const holidays: HolidayCalendar = must(loadBankHolidays(JSON.parse(read(HOLIDAY_FILE)) as unknown, HOLIDAY_FILE));

export const STAFF: StaffMember[] = [
  { id: 's_coord1', name: 'Jo Whitfield', role: 'coordinator', level: 'intermediate', active: true },
  { id: 's_facil1', name: 'Siân Prydderch', role: 'facilitator', level: 'intermediate', active: true },
  { id: 's_facil2', name: 'Łukasz Nowak', role: 'facilitator', level: 'foundation', active: true },
  { id: 's_advan1', name: 'Αλέξανδρος Παπαδόπουλος', role: 'facilitator', level: 'advanced', active: true },
  { id: 's_advan2', name: 'Nguyễn Thị Lan', role: 'facilitator', level: 'advanced', active: true },
  { id: 's_manag1', name: 'Şükrü Yılmaz', role: 'manager', active: true },
  { id: 's_admin1', name: 'Алексей Смирнов', role: 'administrator', active: true },
  { id: 's_gone01', name: 'Former Worker', role: 'facilitator', level: 'advanced', active: false },
];

export const NOW = '2026-03-16T10:00:00.000Z';
export const TODAY = '2026-03-16';

/** The login a member of staff of STAFF unlocks with: a manager works cases as a coordinator. */
const LOGIN_ROLE: Record<StaffRole, Role> = { coordinator: 'coordinator', manager: 'coordinator', facilitator: 'facilitator', volunteer: 'facilitator', administrator: 'administrator', 'quality-lead': 'quality-lead' };

/** The member of staff with this id, signed in (with the login role that goes with their staff role, unless given). */
export function as(staffId: string, role?: Role): Actor {
  const staff = STAFF.find((s) => s.id === staffId);
  if (!staff) throw new Error(`${staffId} is not in STAFF`);
  return { name: staff.name, role: role ?? LOGIN_ROLE[staff.role], staff };
}

/** What a record names when this member of staff signs it themselves. */
export function signedBy(staffId: string): Signature {
  return { by: as(staffId).staff! };
}

/** Signed in as Jo Whitfield, the coordinator, unless `over` says otherwise. */
export function ctx(over: Partial<WorkflowContext> = {}): WorkflowContext {
  return {
    now: NOW,
    today: TODAY,
    actor: as('s_coord1'),
    staff: STAFF,
    settings: DEFAULT_CASEWORK_SETTINGS,
    consentElements: elements,
    riskFactors: factors,
    ...over,
  };
}

export const HARMED: Participant = { id: 'p_harmed1', role: 'harmed', person: { givenName: 'Siân', familyName: 'Evans', dateOfBirth: '1980-05-01' } };
export const RESPONSIBLE: Participant = { id: 'p_respon1', role: 'responsible', person: { givenName: 'Łukasz', familyName: 'Kowalski', dateOfBirth: '1999-11-30' } };

/** A new case at the referral stage, shaped like the ones the foundation already stores. */
export function newCase(over: Partial<Case> = {}): Case {
  return {
    id: 'c_test000001',
    reference: 'RJ-2026-0001',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    revision: 1,
    stage: 'referral',
    referral: {
      source: 'Police',
      receivedOn: '2026-03-02',
      offenceCategory: 'Burglary',
      offenceDescription: 'Shed broken into; bicycles taken.',
      offenceDate: '2026-02-20',
      cjsStage: 'out-of-court',
      sensitive: [],
      priority: 'routine',
    },
    participants: [HARMED, RESPONSIBLE],
    timeline: [{ at: '2026-03-02T09:00:00.000Z', by: 'Jo Whitfield', kind: 'referral.received', text: 'Referral received.' }],
    ...over,
  };
}

/** A step of `run`: a command, or signing in as someone else for the commands after it. */
export type Step = WorkflowCommand | { signIn: string };
/** Who signs is who is signed in: the commands after this are recorded by this member of staff. */
export const signIn = (staffId: string): Step => ({ signIn: staffId });

/** Apply commands in order, failing the test with the refusal if any is refused. */
export function run(c: Case, steps: Step[], context: WorkflowContext = ctx()): Case {
  let cur = c;
  let signedIn = context;
  for (const cmd of steps) {
    if ('signIn' in cmd) {
      signedIn = { ...context, actor: as(cmd.signIn) };
      continue;
    }
    const r = applyCommand(cur, cmd, signedIn);
    if (!r.ok) throw new Error(`${cmd.type} refused: ${r.reason}`);
    cur = r.value;
  }
  return cur;
}

export function allConsent(participantId: string, opts: { parentGuardianId?: string } = {}): WorkflowCommand[] {
  return elements.map((e) => ({
    type: 'record-consent' as const,
    participantId,
    elementId: e.id,
    status: 'given' as const,
    on: '2026-03-10',
    method: 'signed-form' as const,
    ...(opts.parentGuardianId && e.parentGuardianForUnder18 ? { parentGuardianId: opts.parentGuardianId } : {}),
  }));
}

export function lowRisk(p: Participant, over: { rating?: 'low' | 'medium' | 'high'; decision?: 'direct' | 'indirect-only' | 'not-suitable'; reviewOn?: string } = {}): WorkflowCommand {
  return {
    type: 'assess-risk',
    participantId: p.id,
    assessedOn: '2026-03-09',
    factors: factorsFor(factors, p.role).map((f, i) => ({
      factorId: f.id,
      rating: i === 0 && over.rating ? over.rating : 'low',
      ...(i === 0 && over.rating && over.rating !== 'low' ? { mitigation: 'Separate waiting rooms; a support worker attends.' } : {}),
    })),
    decision: over.decision ?? 'direct',
    ...(over.decision === 'not-suitable' ? { reason: 'Risk of intimidation cannot be reduced.' } : {}),
    reviewOn: over.reviewOn ?? '2026-06-09',
  };
}

export const contact = (participantId: string, on = '2026-03-03'): WorkflowCommand => ({
  type: 'record-contact',
  participantId,
  entry: { kind: 'contact', on, method: 'phone', outcome: 'information-given', rjInformationGiven: true },
});

export const signOff = (participantId: string): WorkflowCommand => ({ type: 'sign-off-risk', participantId, confirmSelfSignOff: true });

/**
 * A case taken, by the rules, to the consent stage with everything in place for a direct
 * process: contacts, assessments and consent by Siân Prydderch (s_facil1), the sign-offs by
 * `signer`, signed in.
 */
export function readyCase(over: Partial<Case> = {}, signer = 's_coord1'): Case {
  const c = newCase(over);
  return run(c, [
    { type: 'advance' },
    { type: 'assign-team', leadId: 's_advan1', coFacilitatorId: 's_facil1' },
    { type: 'advance' },
    signIn('s_facil1'),
    contact(HARMED.id),
    contact(RESPONSIBLE.id),
    { type: 'advance' },
    lowRisk(HARMED),
    lowRisk(RESPONSIBLE),
    { type: 'advance' },
    ...allConsent(HARMED.id),
    ...allConsent(RESPONSIBLE.id),
    signIn(signer),
    signOff(HARMED.id),
    signOff(RESPONSIBLE.id),
    { type: 'advance' },
  ]);
}
