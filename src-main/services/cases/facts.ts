import { CaseFactsSchema, type CaseFacts } from '../../domain/cases/case-facts';
import type { CaseSummary } from '../../domain/cases/case';
import type { BookedSlot } from '../../domain/cases/process-context';
import { isRealDate } from '../../domain/cases/case-summary-check';
import { isPersonName, SINGLE_LINE_MAX, textProblem } from '../../domain/shared/text';
import { ACTION_STATUSES } from '../../domain/outcomes/agreement';
import { CLOSURE_OUTCOMES } from '../../domain/outcomes/closure';
import { PARTICIPANT_ROLES } from '../../domain/cases/participant-role';
import { FIRST_MEETING_YEAR, LAST_MEETING_YEAR } from '../../domain/time/london-time';
import { MAX_DURATION_MINUTES, MEETING_FORMATS, MEETING_KINDS, MEETING_STATUSES } from '../../domain/conferences/meeting';

/**
 * A row's process facts, checked the first time they are used and then remembered for as long
 * as the row object lives (a save replaces the row, and with it the entry). Facts that fail the
 * check are left out rather than failing a whole page; verify reports them.
 *
 * CaseFactsSchema is the definition. Walking it costs about 0.15 ms a row, 1.5 s for the first
 * figures or calendar after unlocking 10,000 cases, so facts in the plain shape saves write are
 * accepted by a hand-written check that is stricter than the schema (`isPlainFacts`); anything
 * else (untrimmed text, a stray key) goes to the schema, which decides.
 */
const checked = new WeakMap<CaseSummary, CaseFacts | null>();

const MEETING_ID = /^m_[a-z0-9]{6,40}$/;
const PARTICIPANT_ID = /^p_[a-z0-9]{6,40}$/;
const STAFF_ID = /^s_[a-z0-9]{6,40}$/;
const VENUE_ID = /^v_[a-z0-9]{6,40}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const FIRST_MEETING_DAY = `${FIRST_MEETING_YEAR}-01-01`;
const LAST_MEETING_DAY = `${LAST_MEETING_YEAR}-12-31`;
const oneOf = (list: readonly string[]) => {
  const set = new Set(list);
  return (v: unknown) => typeof v === 'string' && set.has(v);
};
const isKind = oneOf(MEETING_KINDS);
const isFormat = oneOf(MEETING_FORMATS);
const isStatus = oneOf(MEETING_STATUSES);
const isActionStatus = oneOf(ACTION_STATUSES);
const isOutcome = oneOf(CLOSURE_OUTCOMES);
const isState = oneOf(['met', 'lapsed', 'waiting']);

type Obj = Record<string, unknown>;
const isDay = (v: unknown): boolean => typeof v === 'string' && isRealDate(v) && v >= '1900-01-01';
const isInt = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const optional = (o: Obj, k: string, ok: (v: unknown) => boolean): boolean => !Object.hasOwn(o, k) || ok(o[k]);

/** A plain object whose own keys are all allowed and none undefined (strict, as the schema's objects are). */
function shaped(v: unknown, allowed: ReadonlySet<string>): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const k of Object.keys(v)) if (!allowed.has(k) || (v as Obj)[k] === undefined) return false;
  return true;
}
const list = (v: unknown, max: number, ok: (x: unknown) => boolean, min = 0): boolean => Array.isArray(v) && v.length >= min && v.length <= max && v.every(ok);

/** Text the schema would keep exactly as it is: already trimmed, short enough, clean even by the rules for the way in. */
const isText = (v: unknown, max: number, required: boolean): boolean =>
  typeof v === 'string' && v.length <= max && (!required || v.length > 0) && v === v.trim() && textProblem(v, { singleLine: max <= SINGLE_LINE_MAX, input: true }) === undefined;
const INTERPRETER_KEYS = new Set(['name', 'language', 'agency']);
const isInterpreter = (v: unknown): boolean =>
  shaped(v, INTERPRETER_KEYS) && isText(v.name, 120, true) && isPersonName(v.name as string) && isText(v.language, 60, true) && optional(v, 'agency', (x) => isText(x, 200, false));

const SLOT_KEYS = new Set(['id', 'kind', 'format', 'date', 'start', 'durationMinutes', 'status', 'venueId', 'leadFacilitatorId', 'coFacilitatorId', 'participantIds', 'supporterIds', 'interpreter']);
const isParticipantId = (x: unknown) => typeof x === 'string' && PARTICIPANT_ID.test(x);
function isPlainSlot(m: unknown): boolean {
  if (!shaped(m, SLOT_KEYS)) return false;
  const date = m.date;
  return (
    typeof m.id === 'string' && MEETING_ID.test(m.id) &&
    isKind(m.kind) && isFormat(m.format) && isStatus(m.status) &&
    isDay(date) && (date as string) >= FIRST_MEETING_DAY && (date as string) <= LAST_MEETING_DAY &&
    typeof m.start === 'string' && TIME.test(m.start) &&
    isInt(m.durationMinutes, 5, MAX_DURATION_MINUTES) &&
    optional(m, 'venueId', (x) => typeof x === 'string' && VENUE_ID.test(x)) &&
    typeof m.leadFacilitatorId === 'string' && STAFF_ID.test(m.leadFacilitatorId) &&
    optional(m, 'coFacilitatorId', (x) => typeof x === 'string' && STAFF_ID.test(x)) &&
    list(m.participantIds, 50, isParticipantId, 1) &&
    list(m.supporterIds, 50, isParticipantId) &&
    optional(m, 'interpreter', isInterpreter)
  );
}

const FACTS_KEYS = new Set(['meetings', 'firstContactOn', 'exitOn', 'indirectStartedOn', 'agreement', 'closure', 'feedback', 'deadlines', 'rjInformedOn', 'takingPart', 'processKind']);
const AGREEMENT_KEYS = new Set(['signedOn', 'actions']);
const ACTION_KEYS = new Set(['status', 'dueOn', 'resolvedOn']);
const CLOSURE_KEYS = new Set(['outcome', 'closedOn']);
const FEEDBACK_KEYS = new Set(['givenOn', 'satisfied', 'overall', 'role', 'equality']);
const DEADLINE_KEYS = new Set(['due', 'state', 'late', 'right']);
const isRole = oneOf(PARTICIPANT_ROLES);
const isProcessKind = oneOf(['direct', 'indirect', 'community']);
/** Equality answers: each one of the service's list entries (text), as EqualityMonitoringSchema keeps them. */
const EQUALITY_LIMITS: Record<string, number> = { ageBand: 80, sex: 80, genderIdentity: 80, ethnicity: 120, disability: 80, religion: 80, sexualOrientation: 80 };
const EQUALITY_KEYS = new Set(Object.keys(EQUALITY_LIMITS));
const isEquality = (v: unknown): boolean => shaped(v, EQUALITY_KEYS) && Object.entries(v).every(([k, x]) => isText(x, EQUALITY_LIMITS[k] as number, false));

/**
 * True only for facts CaseFactsSchema accepts unchanged (text must already be trimmed, so the
 * schema's trim changes nothing). False means "ask the schema", not "invalid".
 */
export function isPlainFacts(f: unknown): f is CaseFacts {
  if (!shaped(f, FACTS_KEYS)) return false;
  return (
    list(f.meetings, 500, isPlainSlot) &&
    optional(f, 'firstContactOn', isDay) &&
    optional(f, 'exitOn', isDay) &&
    optional(f, 'indirectStartedOn', isDay) &&
    optional(f, 'agreement', (g) => shaped(g, AGREEMENT_KEYS) && optional(g, 'signedOn', isDay) && list(g.actions, 100, (a) => shaped(a, ACTION_KEYS) && isActionStatus(a.status) && isDay(a.dueOn) && optional(a, 'resolvedOn', isDay))) &&
    optional(f, 'closure', (k) => shaped(k, CLOSURE_KEYS) && isOutcome(k.outcome) && isDay(k.closedOn)) &&
    list(f.feedback, 200, (x) => shaped(x, FEEDBACK_KEYS) && isDay(x.givenOn) && optional(x, 'satisfied', (v) => isInt(v, 1, 5)) && optional(x, 'overall', (v) => isInt(v, 0, 10)) && optional(x, 'role', isRole) && optional(x, 'equality', isEquality)) &&
    list(f.deadlines, 1_000, (d) => shaped(d, DEADLINE_KEYS) && isDay(d.due) && isState(d.state) && optional(d, 'late', (v) => v === true) && optional(d, 'right', (v) => v === 3 || v === 4)) &&
    optional(f, 'rjInformedOn', (v) => list(v, 200, isDay)) &&
    optional(f, 'takingPart', (v) => isInt(v, 0, 200)) &&
    optional(f, 'processKind', isProcessKind)
  );
}

export function factsOf(row: CaseSummary): CaseFacts | undefined {
  if (row.facts === undefined) return undefined;
  let f = checked.get(row);
  if (f === undefined) {
    if (isPlainFacts(row.facts)) f = row.facts;
    else {
      const r = CaseFactsSchema.safeParse(row.facts);
      f = r.success ? r.data : null;
    }
    checked.set(row, f);
  }
  return f ?? undefined;
}

export interface RowMeeting {
  row: CaseSummary;
  meeting: BookedSlot;
}

/** Every meeting in the casebook from the case list, without opening a case. */
export function* allMeetings(rows: Iterable<CaseSummary>): Generator<RowMeeting> {
  for (const row of rows) {
    const f = factsOf(row);
    if (f) for (const meeting of f.meetings) yield { row, meeting };
  }
}

type TaggedSlot = BookedSlot & { caseReference: string };
/**
 * Each row's meetings with its reference, made once for as long as the row lives (as its
 * checked facts are): copying every other case's meetings for each booking cost more, at
 * 10,000 cases and 29,000 meetings, than the double-booking check itself.
 */
const tagged = new WeakMap<CaseSummary, readonly TaggedSlot[]>();

/** Meetings of every case but one, with their case's reference, for double-booking checks. */
export function meetingsOutside(rows: Iterable<CaseSummary>, caseId: string, named?: (row: CaseSummary) => boolean): (BookedSlot & { caseReference?: string })[] {
  const out: (BookedSlot & { caseReference?: string })[] = [];
  for (const row of rows) {
    if (row.id === caseId) continue;
    let list = tagged.get(row);
    if (list === undefined) {
      list = (factsOf(row)?.meetings ?? []).map((meeting) => ({ ...meeting, caseReference: row.reference }));
      tagged.set(row, list);
    }
    // A clash in a case the person may not see is still a clash, but its reference is not theirs to learn (issue 13).
    if (named && !named(row)) for (const { caseReference: _hidden, ...m } of list) out.push(m);
    else for (const m of list) out.push(m);
  }
  return out;
}
