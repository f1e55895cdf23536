import type { Case, Participant } from '../domain/cases/case';
import type { ConferenceRecord, ConferenceResult } from '../domain/conferences/conference-record';
import type { Meeting, MeetingKind, MeetingStatus } from '../domain/conferences/meeting';
import { PROCESS_FORMS, type IndirectLogEntry, type ProcessForm, type ProcessKind } from '../domain/conferences/process-type';
import { Diary, type Slot, type SlotNeeds } from './diary';
import type { Random } from './prng';
import { CANCEL_REASONS, CONFERENCE_SUMMARIES, EXIT_CANCEL_REASON, GROUND_RULES, INTERPRETERS, INTERPRETING_AGENCY, OTHERS_PRESENT, POSTPONE_REASONS } from './process-catalogue';
import type { DemoResources } from './resources';
import { makeAgreement, makeClosure, makeFeedback } from './outcome';
import { makeIndirectLog } from './indirect';
import { mayAskFeedback, withFeedbackConsent, withFirstContacts } from './consent-and-contact';
import { withGates } from './gates';
import { type CaseScene, ASSESSMENT, at, CLOSED, CONSENT, CONTACT, day, DAY_MS, isMinor, MONITORING, OUTCOME, PREPARATION, PROCESS, type ProcessInput, type ProcessRecords } from './process-days';


/**
 * The restorative process of a demo case: first contacts, preparation meetings, the process
 * chosen, a conference or an indirect exchange, the outcome agreement and how it went, the
 * closure and feedback, each dated within the days the case reached its stages. Meetings are
 * placed in one diary shared by every case, so nobody and no room is ever double-booked.
 */

type TimelineEvent = Case['timeline'][number];

/** One case's process, made by the ProcessMaker (process-maker.ts) that shares the diary across cases. */
export class CaseProcess {
  private readonly si: number;
  /** Nothing in the past is later than this: the day the case ended, or yesterday. */
  private readonly limit: number;
  private readonly harmed: Participant[];
  private readonly responsible: Participant | undefined;
  private readonly parents: Participant[];
  private readonly supporters: Participant[];
  private readonly others: Participant[];
  private readonly schedule: Meeting[] = [];
  private readonly events: TimelineEvent[] = [];
  private participants: Participant[];
  private co: string | undefined;

  constructor(
    private readonly maker: { readonly diary: Diary; meetingId(): string; actionId(): string; staffName(id: string): string },
    private readonly r: Random,
    private readonly res: DemoResources,
    private readonly c: ProcessInput,
  ) {
    this.si = c.stageIndex;
    this.limit = c.exit ? c.exit.day : c.lastDay;
    this.participants = c.participants.map((p) => ({ ...p }));
    this.harmed = this.participants.filter((p) => p.role === 'harmed');
    this.responsible = this.participants.find((p) => p.role === 'responsible');
    this.parents = this.participants.filter((p) => p.role === 'parent-guardian');
    this.supporters = this.participants.filter((p) => p.role === 'supporter');
    this.others = this.participants.filter((p) => p.role === 'other');
  }

  /** The day stage `i` was reached; for a stage not reached, the last day anything happened. */
  private stageDay(i: number): number {
    return i <= this.si ? (this.c.stageDays[i] as number) : this.limit;
  }

  private event(onDay: number, minutes: number, kind: string, text: string, by = this.maker.staffName(this.c.leadId)): void {
    this.events.push({ at: at(onDay, minutes), by, kind, text });
  }

  build(): ProcessRecords {
    const out: ProcessRecords = { participants: this.participants, events: this.events };
    // Contact lost after the assessment started still ends as "no contact"; before it, there was none.
    if (this.si >= ASSESSMENT || (this.si >= CONTACT && this.c.exit?.kind !== 'no-contact')) this.firstContacts();
    // The contacts just recorded replaced the participants `out` was made with.
    if (this.si < PREPARATION) return { ...out, participants: this.participants };

    const kind = this.si >= CONSENT || this.r.chance(0.35) ? this.chooseKind() : undefined;
    let form = kind ? this.chooseForm(kind) : undefined;
    const gate = { si: this.si, exited: this.c.exit !== undefined, leadId: this.c.leadId, approverId: this.res.coordinator.id, receivedDay: this.c.receivedDay, indirectOnly: kind === 'indirect' };
    this.participants = withGates(this.r, { ...gate, stageDay: (i) => this.stageDay(i) }, this.participants);
    this.preparation();
    if (this.si >= CONSENT) this.feedbackConsent();

    let effectiveKind = kind;
    let record: ConferenceRecord | undefined;
    let conferenceDay: number | undefined;
    if (kind && kind !== 'indirect') {
      const held = this.conference(kind, form as ProcessForm);
      if (held === 'failed') {
        // No room in the diary: the parties exchange letters instead.
        effectiveKind = 'indirect';
        form = 'letter-exchange';
      } else if (held) {
        record = held.record;
        conferenceDay = held.day;
      }
    }
    let log: IndirectLogEntry[] | undefined;
    if (effectiveKind === 'indirect' && this.si >= PROCESS) log = makeIndirectLog(this.scene(), form as ProcessForm);
    if (effectiveKind && form) {
      out.processKind = effectiveKind;
      out.processForm = form;
      const chosenOn = this.stageDay(this.si >= CONSENT ? CONSENT : PREPARATION);
      this.event(chosenOn, 16 * 60, 'process.chosen', `Process: ${form.replace(/-/g, ' ')}.`);
    }

    const reached = this.si >= OUTCOME && (record ? record.result === 'agreement-reached' : effectiveKind === 'indirect' && this.r.chance(0.65));
    const scene = this.scene();
    const agreement = reached ? makeAgreement(scene, record?.meetingId, conferenceDay) : undefined;
    if (this.si === MONITORING && !this.c.exit && this.r.chance(0.2)) this.followUp();

    const closure = makeClosure(scene, agreement);
    const feedback = closure && !this.c.exit ? makeFeedback(scene, closure) : [];

    this.schedule.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    if (this.schedule.length > 0) out.schedule = this.schedule;
    if (log && log.length > 0) out.indirectLog = log;
    if (record) out.conferenceRecords = [record];
    if (agreement) out.agreement = agreement;
    if (closure) out.closure = closure;
    if (feedback.length > 0) out.feedback = feedback;
    if (this.co) out.coFacilitatorId = this.co;
    out.participants = this.participants;
    return out;
  }

  /** What the makers of the indirect log and the outcome (indirect.ts, outcome.ts) need of this case. */
  private scene(): CaseScene {
    return {
      r: this.r,
      res: this.res,
      c: this.c,
      si: this.si,
      limit: this.limit,
      participants: this.participants,
      harmed: this.harmed,
      responsible: this.responsible,
      parents: this.parents,
      stageDay: (i) => this.stageDay(i),
      event: (onDay, minutes, kind, text, by) => this.event(onDay, minutes, kind, text, by),
      mayAskFeedback: (p) => this.mayAskFeedback(p),
      actionId: () => this.maker.actionId(),
      staffName: (id) => this.maker.staffName(id),
    };
  }

  // ── Contact and consent (consent-and-contact.ts) ─────────────────────────────────────

  private firstContacts(): void {
    const from = this.stageDay(CONTACT);
    const to = Math.max(from, Math.min(this.stageDay(ASSESSMENT), from + 14, this.limit));
    this.participants = withFirstContacts(this.r, this.c.leadId, this.participants, [...this.harmed, ...(this.responsible ? [this.responsible] : [])], from, to);
  }

  private feedbackConsent(): void {
    this.participants = withFeedbackConsent(this.r, this.c.leadId, this.participants, this.stageDay(PREPARATION), this.stageDay(CONSENT));
  }

  private mayAskFeedback(p: Participant): boolean {
    return mayAskFeedback(p);
  }

  // ── Choosing the process ─────────────────────────────────────────────────────────────

  private chooseKind(): ProcessKind {
    return this.c.sensitive
      ? this.r.weighted([['direct', 45], ['indirect', 50], ['community', 5]] as const)
      : this.r.weighted([['direct', 70], ['indirect', 22], ['community', 8]] as const);
  }

  private chooseForm(kind: ProcessKind): ProcessForm {
    if (kind === 'direct') return this.r.weighted([['face-to-face', 85], ['video', 15]] as const);
    if (kind === 'community') return PROCESS_FORMS.community[0];
    return this.r.weighted([['letter-exchange', 45], ['shuttle', 40], ['phone', 10], ['recorded', 5]] as const);
  }

  // ── Meetings ─────────────────────────────────────────────────────────────────────────

  private interpreterFor(ids: readonly string[]): { language: string; names: readonly string[] } | undefined {
    for (const id of ids) {
      const p = this.participants.find((x) => x.id === id);
      const language = p?.person.interpreter ? p.person.language : undefined;
      const names = language ? INTERPRETERS[language] : undefined;
      if (language && names) return { language, names };
    }
    return undefined;
  }

  /** Who may co-facilitate: not the lead, and on a case still open not a leaver (their open cases were handed on). */
  private otherFacilitators(): string[] {
    const open = this.si < CLOSED && this.c.exit === undefined;
    const left = new Set(open ? (this.res.left ?? []) : []);
    return this.res.facilitators.map((f) => f.id).filter((id) => id !== this.c.leadId && !left.has(id));
  }

  /**
   * Place a meeting in [lo, hi]. Past meetings may move earlier (never later, so they stay
   * before whatever follows them) and in the end go online; future ones may move later.
   */
  private place(lo: number, hi: number, o: { inPerson: boolean; duration: number; ids: string[]; co: boolean; future: boolean; conference?: boolean }): { slot: Slot; inPerson: boolean } | undefined {
    const venues = this.res.venues.filter((v) => !o.conference || v.separateWaitingAreas).map((v) => `v:${v.id}`);
    const interp = this.interpreterFor(o.ids);
    const needs = (inPerson: boolean): SlotNeeds => ({
      durationMinutes: o.duration,
      lead: `s:${this.c.leadId}`,
      // The case's co-facilitator if it has one, otherwise whoever is free.
      ...(o.co ? { co: [...(this.co ? [this.co] : []), ...this.shuffled(this.otherFacilitators().filter((id) => id !== this.co))].map((id) => `s:${id}`) } : {}),
      ...(inPerson ? { venues: this.shuffled(venues) } : {}),
      ...(interp ? { interpreters: this.shuffled(interp.names.map((n) => `i:${n}`)) } : {}),
    });
    const floor = this.c.receivedDay + 1;
    const windows: [number, number][] = o.future ? [[lo, hi], [lo, hi + 30]] : [[lo, hi], [Math.max(floor, lo - 21), hi], [Math.max(floor, lo - 60), hi]];
    for (const inPerson of o.inPerson && venues.length > 0 ? [true, false] : [false]) {
      for (const [a, b] of windows) {
        const slot = this.maker.diary.find(Math.max(a, floor), b, needs(inPerson));
        if (slot) return { slot, inPerson };
      }
    }
    return undefined;
  }

  private shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.r.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  private meeting(
    kind: MeetingKind,
    placed: { slot: Slot; inPerson: boolean },
    o: { duration: number; ids: string[]; supporterIds: string[]; status: MeetingStatus; reason?: string; format?: 'video' | 'phone' },
  ): Meeting {
    const { slot, inPerson } = placed;
    const interp = slot.interpreter ? this.interpreterFor(o.ids) : undefined;
    const co = slot.co?.slice(2);
    const m: Meeting = {
      id: this.maker.meetingId(),
      caseId: this.c.caseId,
      kind,
      format: inPerson ? 'in-person' : (o.format ?? 'video'),
      date: day(slot.day),
      start: slot.start,
      durationMinutes: o.duration,
      ...(inPerson && slot.venue ? { venueId: slot.venue.slice(2) } : {}),
      leadFacilitatorId: this.c.leadId,
      ...(co ? { coFacilitatorId: co } : {}),
      participantIds: o.ids,
      supporterIds: o.supporterIds,
      ...(interp && slot.interpreter ? { interpreter: { name: slot.interpreter.slice(2), language: interp.language, agency: INTERPRETING_AGENCY } } : {}),
      status: o.status,
      ...(o.reason ? { statusReason: o.reason } : {}),
    };
    if (o.status !== 'postponed' && o.status !== 'cancelled') {
      const keys = [`s:${m.leadFacilitatorId}`, ...(co ? [`s:${co}`] : []), ...(slot.venue && inPerson ? [slot.venue] : []), ...(slot.interpreter ? [slot.interpreter] : [])];
      this.maker.diary.book(slot.day, slot.start, o.duration, keys);
    }
    this.schedule.push(m);
    return m;
  }

  /** Past: held, sometimes after a cancelled first booking. Future: proposed, confirmed or postponed. */
  private statusFuture(): { status: MeetingStatus; reason?: string } {
    const status = this.r.weighted([['proposed', 35], ['confirmed', 55], ['postponed', 10]] as const);
    return status === 'postponed' ? { status, reason: this.r.pick(POSTPONE_REASONS) } : { status };
  }

  private whoFor(p: Participant): string[] {
    const minor = isMinor(p, this.c.receivedDay);
    return [p.id, ...(minor ? this.parents.map((x) => x.id) : [])];
  }

  private preparation(): void {
    const parties = [...this.harmed, ...(this.responsible ? [this.responsible] : [])];
    const from = this.stageDay(PREPARATION);
    const pastEnd = this.si >= CONSENT || this.c.exit ? this.stageDay(CONSENT) : this.limit;
    const upcoming = this.si === PREPARATION && !this.c.exit;
    for (const p of parties) {
      const count = this.r.chance(0.3) ? 2 : 1;
      const ids = this.whoFor(p);
      for (let i = 0; i < count; i++) {
        const duration = this.r.pick([60, 90]);
        const inPerson = this.r.chance(0.55);
        const format = this.r.chance(0.55) ? 'video' : 'phone';
        const future = upcoming && (i > 0 || pastEnd <= from || this.r.chance(0.5));
        if (future) {
          const placed = this.place(this.c.todayDay + 1, this.c.todayDay + 35, { inPerson, duration, ids, co: false, future: true, conference: false });
          if (placed) this.meeting('preparation', placed, { duration, ids, supporterIds: [], format, ...this.statusFuture() });
          continue;
        }
        const placed = this.place(from, pastEnd, { inPerson, duration, ids, co: false, future: false, conference: false });
        if (!placed) continue; // a diary too full for the caseload: the meeting is left out
        const held = this.meeting('preparation', placed, { duration, ids, supporterIds: [], format, status: 'held' });
        if (this.r.chance(0.07)) this.cancelledBefore('preparation', held, ids, [], duration, inPerson, format);
      }
      // A case that ended during preparation had its next meeting in the diary: it was cancelled.
      if (this.c.exit && this.si === PREPARATION && this.r.chance(0.4)) this.cancelledAfterExit('preparation', ids, [], 60, false);
    }
  }

  /** A first booking that was called off and replaced by `held`. */
  private cancelledBefore(kind: MeetingKind, held: Meeting, ids: string[], supporterIds: string[], duration: number, inPerson: boolean, format: 'video' | 'phone'): void {
    const heldDay = Date.parse(held.date) / DAY_MS;
    const placed = this.place(Math.max(this.c.receivedDay + 1, heldDay - 14), heldDay - 1, { inPerson, duration, ids, co: false, future: false, conference: false });
    if (placed) this.meeting(kind, placed, { duration, ids, supporterIds, format, status: 'cancelled', reason: this.r.pick(CANCEL_REASONS) });
  }

  private cancelledAfterExit(kind: MeetingKind, ids: string[], supporterIds: string[], duration: number, co: boolean): void {
    const exitDay = this.c.exit?.day as number;
    const placed = this.place(exitDay + 1, exitDay + 21, { inPerson: true, duration, ids, co, future: true, conference: kind === 'conference' });
    if (placed) this.meeting(kind, placed, { duration, ids, supporterIds, status: 'cancelled', reason: EXIT_CANCEL_REASON });
  }

  /** Everyone at a conference: the parties and parents as participants, supporters as supporters. */
  private conferenceInvitees(kind: ProcessKind): { ids: string[]; supporterIds: string[] } {
    const ids = [...this.harmed, ...(this.responsible ? [this.responsible] : []), ...this.parents, ...this.others].map((p) => p.id);
    const supporterIds = this.supporters.filter(() => kind === 'community' || this.r.chance(0.7)).map((p) => p.id);
    return { ids, supporterIds };
  }

  /**
   * The conference: held (with its record) once the case is past the process stage, booked
   * ahead while it is at the process or consent stage, cancelled if the case ended first.
   * 'failed' when the diary had no room for a conference that must have been held.
   */
  private conference(kind: ProcessKind, form: ProcessForm): { record: ConferenceRecord; day: number } | 'failed' | undefined {
    const inPerson = form !== 'video';
    const duration = kind === 'community' ? 180 : this.r.pick([120, 150]);
    const { ids, supporterIds } = this.conferenceInvitees(kind);
    const wantsCo = this.c.sensitive || kind === 'community' || this.r.chance(0.6);
    const opts = (future: boolean) => ({ inPerson, duration, ids, co: wantsCo, future, conference: true });
    const onCo = (m: Meeting) => {
      if (m.coFacilitatorId && m.status !== 'cancelled') this.co ??= m.coFacilitatorId;
    };
    const exit = this.c.exit;

    if (this.si < OUTCOME) {
      const booked = this.si >= PROCESS || this.r.chance(0.4);
      if (!booked || this.si < CONSENT) return undefined;
      if (exit) {
        if (this.si >= PROCESS) this.cancelledAfterExit('conference', ids, supporterIds, duration, wantsCo);
        return undefined;
      }
      // Sometimes a first conference was adjourned part-way and resumes on the booked date.
      let adjourned: { meeting: Meeting; day: number } | undefined;
      if (this.si === PROCESS && this.r.chance(0.12)) {
        const placed = this.place(this.stageDay(PROCESS), this.limit, opts(false));
        if (placed) {
          const m = this.meeting('conference', placed, { duration, ids, supporterIds, status: 'held' });
          onCo(m);
          adjourned = { meeting: m, day: placed.slot.day };
        }
      }
      const placed = this.place(this.c.todayDay + 3, this.c.todayDay + 40, opts(true));
      if (!placed) return undefined;
      const status = this.si === PROCESS ? this.r.weighted([['confirmed', 70], ['proposed', 20], ['postponed', 10]] as const) : 'proposed';
      const next = this.meeting('conference', placed, { duration, ids, supporterIds, status, ...(status === 'postponed' ? { reason: this.r.pick(POSTPONE_REASONS) } : {}) });
      onCo(next);
      if (adjourned) {
        const rec = this.record(adjourned.meeting, kind, 'adjourned', status === 'postponed' ? undefined : next.date);
        return { record: rec, day: adjourned.day };
      }
      return undefined;
    }

    const placed = this.place(this.stageDay(PROCESS), this.stageDay(OUTCOME), opts(false));
    if (!placed) return 'failed';
    const m = this.meeting('conference', placed, { duration, ids, supporterIds, status: 'held' });
    onCo(m);
    if (this.r.chance(0.1)) this.cancelledBefore('conference', m, ids, supporterIds, duration, inPerson, 'video');
    const result: ConferenceResult = this.r.chance(0.8) ? 'agreement-reached' : 'no-agreement';
    return { record: this.record(m, kind, result), day: placed.slot.day };
  }

  private record(m: Meeting, kind: ProcessKind, result: ConferenceResult, resumesOn?: string): ConferenceRecord {
    const heldDay = Date.parse(m.date) / DAY_MS;
    // A supporter who could not come on the day; the parties always attended.
    const attended = [...m.participantIds, ...m.supporterIds.filter(() => this.r.chance(0.9))];
    const others = kind === 'community' ? this.shuffled(OTHERS_PRESENT).slice(0, this.r.int(1, 3)) : this.r.chance(0.1) ? [OTHERS_PRESENT[0]] : [];
    const rec: ConferenceRecord = {
      meetingId: m.id,
      heldOn: m.date,
      attendedIds: attended,
      attendedStaffIds: [m.leadFacilitatorId, ...(m.coFacilitatorId ? [m.coFacilitatorId] : [])],
      ...(others.length > 0 ? { othersPresent: others } : {}),
      groundRules: [...GROUND_RULES],
      summary: this.r.pick(CONFERENCE_SUMMARIES[result]),
      result,
      ...(resumesOn && result === 'adjourned' ? { resumesOn } : {}),
      recordedBy: m.leadFacilitatorId,
    };
    const label = result === 'agreement-reached' ? 'agreement reached' : result === 'no-agreement' ? 'no agreement' : 'adjourned';
    this.event(heldDay, 17 * 60 + 5, 'conference.recorded', `Conference held on ${m.date}: ${label}.`);
    return rec;
  }

  private followUp(): void {
    const parties = [...this.harmed, ...(this.responsible ? [this.responsible] : [])].map((p) => p.id);
    const duration = 60;
    const placed = this.place(this.c.todayDay + 1, this.c.todayDay + 40, { inPerson: this.r.chance(0.4), duration, ids: parties, co: false, future: true, conference: false });
    if (placed) this.meeting('follow-up', placed, { duration, ids: parties, supporterIds: [], ...this.statusFuture() });
  }
}
