import { EXITS, STAGES, type Case, type Exit, type Participant, type ParticipantRole, type Person, type Stage } from '../domain/cases/case';
import { Random, seedFrom } from './prng';
import { FACILITATORS, NAME_POOLS, REFERRERS, type NamePool } from './names';
import { ACCESSIBILITY_NEEDS, OFFENCES, PRONOUNS, SOURCES, STREETS, TOWNS, type SourceSpec } from './catalogue';
import { ProcessMaker } from './process-maker';
import { DEMO_COORDINATOR, type DemoResources } from './resources';

export { demoResources, type DemoResources } from './resources';

/**
 * Realistic synthetic cases for demonstrations, training and benchmarks. Pure and
 * deterministic: the same count, seed and "now" always give the same cases, so a bug seen in
 * a demo store can be reproduced. Every case passes CaseSchema (a unit test checks this).
 */
export interface DemoOptions {
  count: number;
  seed: string | number;
  /** Dates are generated in the three years before this instant. */
  now: Date;
  /** References and ids already in the store, so appended demo cases never collide. */
  takenReferences?: Iterable<string>;
  takenIds?: Iterable<string>;
  /**
   * The casebook's demo staff and venues (services/casebook/demo.ts). With them, cases past
   * preparation carry their restorative process (meetings, conference records, agreements,
   * closures, feedback), naming those ids; without them, cases stop at the referral, people
   * and timeline, so they never name staff or rooms the casebook does not have.
   */
  resources?: DemoResources;
}

const DAY_MS = 86_400_000;
/** The letters UK postcodes use in the inward code. */
const POSTCODE_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];
const YEARS_BACK_DAYS = 3 * 365;

const day = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const at = (n: number, minutes: number) => new Date(n * DAY_MS + minutes * 60_000).toISOString();

/** Stage weights: most of a real caseload sits early in the process or is closed. */
const STAGE_WEIGHTS: Record<Stage, number> = {
  referral: 8,
  screening: 10,
  contact: 12,
  assessment: 12,
  preparation: 10,
  consent: 6,
  process: 6,
  outcome: 5,
  monitoring: 8,
  closed: 23,
};

const EXIT_REASONS: Record<Exit, readonly string[]> = {
  withdrawn: ['The person harmed withdrew after the first preparation meeting; they said they needed to focus on their recovery.', 'The person responsible withdrew; they no longer wished to take part.'],
  'not-suitable': ['Risk assessment: a real risk of re-victimisation that could not be mitigated; signed off by the coordinator.', 'The person responsible does not accept the basic facts of the offence.'],
  'no-contact': ['Three letters and two calls over six weeks went unanswered.', 'No current address for the person harmed; police could not trace them.'],
  declined: ['The person harmed was given information about RJ and decided not to take part.', 'The person responsible declined to take part after speaking to their solicitor.'],
};

/** Where each kind of exit can happen: "not suitable" is decided at screening or assessment, and so on. */
const EXIT_STAGES: Record<Exit, readonly Stage[]> = {
  withdrawn: ['contact', 'assessment', 'preparation', 'consent', 'process', 'outcome', 'monitoring'],
  'not-suitable': ['screening', 'assessment', 'preparation'],
  'no-contact': ['screening', 'contact', 'assessment'],
  declined: ['contact', 'assessment', 'preparation', 'consent'],
};

/** Usual days from reaching the stage before to reaching this one: a case takes about seven months to close. */
const STAGE_DAYS: Record<Stage, number> = {
  referral: 0,
  screening: 5,
  contact: 10,
  assessment: 21,
  preparation: 21,
  consent: 28,
  process: 21,
  outcome: 10,
  monitoring: 7,
  closed: 90,
};

const STAGE_TEXT: Record<Stage, string> = {
  referral: 'Referral received and logged.',
  screening: 'Screened: an identifiable person harmed and an admission of the basic facts.',
  contact: 'First contact made by phone; information about RJ sent.',
  assessment: 'Risk and suitability assessment started with each participant.',
  preparation: 'Preparation meetings held with the participants.',
  consent: 'Written consent recorded for each participant.',
  process: 'Restorative process took place.',
  outcome: 'Outcome agreement signed by all parties.',
  monitoring: 'Monitoring the outcome agreement.',
  closed: 'Case closed; feedback forms sent.',
};

const NOTES = [
  'Prefers contact by phone after 5pm.',
  'Speak to the probation officer before any letter is sent.',
  'Person harmed asked that the meeting is not held near their home.',
  'Both parties open to an indirect process first.',
  undefined,
  undefined,
];

function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

class Generator {
  private readonly usedIds: Set<string>;
  private readonly process?: ProcessMaker;
  private readonly staffIds = new Map<string, string>();
  private readonly facilitators: readonly string[];
  /** Those who may lead an open case: not the demo's leaver. */
  private readonly inPost: readonly string[];
  constructor(
    private readonly r: Random,
    takenIds: Iterable<string>,
    private readonly resources?: DemoResources,
    processRandom?: Random,
  ) {
    this.usedIds = new Set(takenIds);
    this.facilitators = resources ? resources.facilitators.map((f) => f.name) : FACILITATORS;
    const left = new Set(resources?.left ?? []);
    this.inPost = resources ? resources.facilitators.filter((f) => !left.has(f.id)).map((f) => f.name) : FACILITATORS;
    if (resources && processRandom) {
      // The process draws from its own stream, so the people and referrals for a seed stay as they were.
      const names = new Map([...resources.facilitators, resources.coordinator].map((s) => [s.id, s.name]));
      for (const [id, name] of names) this.staffIds.set(name, id);
      this.process = new ProcessMaker(processRandom, resources, (prefix) => this.uniqueId(prefix, 12, processRandom), (id) => names.get(id) ?? DEMO_COORDINATOR);
    }
  }

  private uniqueId(prefix: string, length: number, r: Random = this.r): string {
    for (;;) {
      const id = prefix + r.alnum(length);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  private person(pool: NamePool, ageYears: number, onDay: number): Person {
    const r = this.r;
    const givenName = r.pick(pool.given);
    const familyName = r.pick(pool.family);
    const p: Person = {
      givenName,
      familyName,
      dateOfBirth: day(onDay - Math.floor(ageYears * 365.25) - r.int(0, 364)),
    };
    if (r.chance(0.15)) p.pronouns = r.pick(PRONOUNS);
    if (r.chance(0.8)) p.phone = `07700 900${String(r.int(0, 999)).padStart(3, '0')}`;
    if (r.chance(0.5)) {
      const local = asciiSlug(givenName) && asciiSlug(familyName) ? `${asciiSlug(givenName)}.${asciiSlug(familyName)}` : `contact${r.int(100, 9999)}`;
      p.email = `${local}@${r.pick(['example.org', 'example.com', 'example.net'])}`;
    }
    if (r.chance(0.7)) {
      const [town, outward] = r.pick(TOWNS);
      p.address = `${r.int(1, 240)} ${r.pick(STREETS)}, ${town} ${outward} ${r.int(1, 9)}${r.pick(POSTCODE_LETTERS)}${r.pick(POSTCODE_LETTERS)}`;
    }
    if (pool.language) {
      p.language = pool.language;
      if (r.chance(pool.interpreterRate)) p.interpreter = true;
    }
    if (r.chance(0.1)) p.accessibilityNeeds = r.pick(ACCESSIBILITY_NEEDS);
    return p;
  }

  private participant(role: ParticipantRole, ageYears: number, onDay: number, pool?: NamePool): Participant {
    const chosen = pool ?? this.r.weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
    return { id: this.uniqueId('p_', 10), role, person: this.person(chosen, ageYears, onDay) };
  }

  private participants(source: SourceSpec, receivedDay: number): Participant[] {
    const r = this.r;
    const list: Participant[] = [];
    const harmedCount = r.chance(0.15) ? 2 : 1;
    for (let i = 0; i < harmedCount; i++) {
      const age = r.chance(0.12) ? r.int(11, 17) : r.int(18, 88);
      list.push(this.participant('harmed', age, receivedDay));
    }
    const responsibleAge = source.youth ? r.int(10, 17) : r.chance(0.08) ? r.int(14, 17) : r.int(18, 70);
    list.push(this.participant('responsible', responsibleAge, receivedDay));
    // Every under-18 takes part with a parent or guardian, usually from the same family.
    for (const p of [...list]) {
      const dob = p.person.dateOfBirth;
      if (dob && receivedDay - Date.parse(dob) / DAY_MS < 18 * 365.25) {
        const pool = NAME_POOLS.find((n) => n.family.includes(p.person.familyName));
        const parent = this.participant('parent-guardian', r.int(30, 60), receivedDay, pool);
        if (r.chance(0.8)) parent.person.familyName = p.person.familyName;
        list.push(parent);
      }
    }
    const supporters = r.weighted([[0, 6], [1, 3], [2, 1]] as const);
    for (let i = 0; i < supporters; i++) list.push(this.participant('supporter', r.int(18, 75), receivedDay));
    if (r.chance(0.03)) list.push(this.participant('other', r.int(25, 60), receivedDay));
    return list;
  }

  build(todayDay: number): Omit<Case, 'reference'> {
    const r = this.r;
    // Received between three years ago and yesterday, so nothing is dated after "now".
    const receivedDay = todayDay - r.int(1, YEARS_BACK_DAYS);
    const lastDay = todayDay - 1;
    const source = r.weighted(SOURCES.map((s) => [s, s.weight] as const));
    const offence = r.weighted(OFFENCES.map((o) => [o, o.weight] as const));

    // A case received last week cannot be closed: allow about one stage per fortnight.
    const elapsed = lastDay - receivedDay;
    const maxStage = Math.min(STAGES.length - 1, Math.floor(elapsed / 14));
    // Old cases are mostly finished: open stages fade out over about eighteen months.
    const fade = Math.max(0.04, 1 - elapsed / 540);
    const stage = r.weighted(STAGES.slice(0, maxStage + 1).map((s) => [s, s === 'closed' ? STAGE_WEIGHTS[s] : STAGE_WEIGHTS[s] * fade] as const));
    const stageIndex = STAGES.indexOf(stage);
    const exits = EXITS.filter((e) => EXIT_STAGES[e].includes(stage));
    const exitKind = exits.length > 0 && r.chance(elapsed > 180 ? 0.6 : 0.2) ? r.pick(exits) : undefined;

    // Event days: one per stage reached, each after about the usual time in the stage before
    // (half to one and a half times it), squeezed to fit a case younger than that. A case that
    // ended early did so a few weeks after reaching its last stage.
    const exitDraw = exitKind ? r.float() : 0;
    const stints = STAGES.slice(1, stageIndex + 1).map((s) => STAGE_DAYS[s] * (0.5 + r.float()));
    const total = stints.reduce((a, d) => a + d, 0);
    const squeeze = total > elapsed ? elapsed / total : 1;
    const eventDays = [receivedDay];
    let sum = 0;
    for (const d of stints) eventDays.push(receivedDay + Math.floor((sum += d) * squeeze));
    const endDay = exitKind ? Math.min(lastDay, (eventDays[stageIndex] as number) + 7 + Math.floor(exitDraw * 49)) : lastDay;
    // One draw either way, so the rest of a seed's cases stay as they were.
    const open = stage !== 'closed' && exitKind === undefined;
    const facilitator = r.pick(open ? this.inPost : this.facilitators);
    const coordinator = DEMO_COORDINATOR;
    const timeline: Case['timeline'] = STAGES.slice(0, stageIndex + 1).map((s, i) => ({
      at: at(eventDays[i] as number, 9 * 60 + i * 7 + r.int(0, 420)),
      by: i === 0 ? coordinator : facilitator,
      kind: i === 0 ? 'referral.received' : 'stage.changed',
      text: STAGE_TEXT[s],
    }));
    let exit: Case['exit'];
    const exitDay = Math.max(eventDays[stageIndex] as number, endDay);
    if (exitKind) {
      exit = { kind: exitKind, reason: r.pick(EXIT_REASONS[exitKind]), on: day(exitDay) };
      timeline.push({ at: at(exitDay, 17 * 60 + 30), by: facilitator, kind: 'case.exit', text: `Case ended: ${exitKind}. ${exit.reason}` });
    }
    // Keep the timeline in time order even when several events fall on one day.
    timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

    const sensitive = [...offence.sensitive];
    const participants = this.participants(source, receivedDay);
    const hasChild = participants.some((p) => p.role === 'parent-guardian');
    const organisation = source.self ? undefined : r.pick(source.organisations);
    const notes = r.pick(NOTES);
    const c: Omit<Case, 'reference'> = {
      id: this.uniqueId('c_', 16),
      createdAt: (timeline[0] as { at: string }).at,
      updatedAt: (timeline[timeline.length - 1] as { at: string }).at,
      revision: timeline.length,
      stage,
      ...(exit ? { exit } : {}),
      referral: {
        source: source.source,
        ...(source.self ? {} : { referrerName: r.pick(REFERRERS) }),
        ...(organisation ? { referrerOrganisation: organisation } : {}),
        receivedOn: day(receivedDay),
        offenceCategory: offence.category,
        offenceDescription: r.pick(offence.descriptions),
        ...(r.chance(0.92) ? { offenceDate: day(receivedDay - r.int(0, 365)) } : {}),
        cjsStage: r.pick(source.cjs),
        sensitive,
        priority: sensitive.length > 0 ? r.weighted([['high', 3], ['urgent', 1]] as const) : hasChild ? 'high' : r.weighted([['routine', 9], ['high', 1]] as const),
      },
      ...(stage !== 'referral' ? { leadFacilitator: facilitator } : {}),
      participants,
      ...(notes ? { notes } : {}),
      timeline,
    };
    return this.process && stage !== 'referral' ? this.withProcess(c, { stageIndex, eventDays, receivedDay, lastDay, todayDay, exitDay, facilitator }) : c;
  }

  /** The case with its restorative process, as far as its stage: see demo/process.ts. */
  private withProcess(
    c: Omit<Case, 'reference'>,
    o: { stageIndex: number; eventDays: number[]; receivedDay: number; lastDay: number; todayDay: number; exitDay: number; facilitator: string },
  ): Omit<Case, 'reference'> {
    const leadId = this.staffIds.get(o.facilitator);
    if (!this.process || !leadId) return c;
    // The exit reasons say who withdrew; the record names them.
    const withdrawnBy =
      c.exit?.kind === 'withdrawn' ? c.participants.find((p) => p.role === (c.exit?.reason.startsWith('The person harmed') ? 'harmed' : 'responsible'))?.id : undefined;
    const exit = c.exit ? { ...c.exit, ...(withdrawnBy ? { withdrawnBy } : {}) } : undefined;
    const p = this.process.make({
      caseId: c.id,
      stageIndex: o.stageIndex,
      stageDays: o.eventDays,
      receivedDay: o.receivedDay,
      lastDay: o.lastDay,
      todayDay: o.todayDay,
      ...(exit ? { exit: { kind: exit.kind, day: o.exitDay, ...(withdrawnBy ? { withdrawnBy } : {}) } } : {}),
      participants: c.participants,
      leadId,
      sensitive: c.referral.sensitive.length > 0,
    });
    const timeline = [...c.timeline, ...p.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const { notes, timeline: _old, participants: _people, ...rest } = c;
    return {
      ...rest,
      ...(exit ? { exit } : {}),
      createdAt: (timeline[0] as { at: string }).at,
      updatedAt: (timeline[timeline.length - 1] as { at: string }).at,
      revision: timeline.length,
      leadFacilitatorId: leadId,
      ...(p.coFacilitatorId && p.coFacilitatorId !== leadId ? { coFacilitatorId: p.coFacilitatorId } : {}),
      ...(p.processKind ? { processKind: p.processKind } : {}),
      ...(p.processForm ? { processForm: p.processForm } : {}),
      ...(p.schedule ? { schedule: p.schedule } : {}),
      ...(p.indirectLog ? { indirectLog: p.indirectLog } : {}),
      ...(p.conferenceRecords ? { conferenceRecords: p.conferenceRecords } : {}),
      ...(p.agreement ? { agreement: p.agreement } : {}),
      ...(p.closure ? { closure: p.closure } : {}),
      ...(p.feedback ? { feedback: p.feedback } : {}),
      participants: p.participants,
      ...(notes ? { notes } : {}),
      timeline,
    };
  }
}

export function generateDemoCases(o: DemoOptions): Case[] {
  if (!Number.isSafeInteger(o.count) || o.count < 0) throw new RangeError('count must be a whole number of cases');
  const r = new Random(o.seed);
  const gen = new Generator(r, o.takenIds ?? [], o.resources, o.resources ? new Random(`process:${seedFrom(o.seed)}`) : undefined);
  const todayDay = Math.floor(o.now.getTime() / DAY_MS);
  const drafts = Array.from({ length: o.count }, () => gen.build(todayDay));
  // References number cases in the order they were received, per year, skipping any taken.
  const order = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.referral.receivedOn.localeCompare(b.d.referral.receivedOn) || a.i - b.i);
  const taken = new Set(o.takenReferences ?? []);
  const nextNumber = new Map<string, number>();
  return order.map(({ d }) => {
    const year = d.referral.receivedOn.slice(0, 4);
    let n = nextNumber.get(year) ?? 1;
    let reference = `RJ-${year}-${String(n).padStart(4, '0')}`;
    while (taken.has(reference)) reference = `RJ-${year}-${String(++n).padStart(4, '0')}`;
    nextNumber.set(year, n + 1);
    taken.add(reference);
    const { id, ...rest } = d;
    return { id, reference, ...rest };
  });
}
