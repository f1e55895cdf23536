import type { Case } from './case';
import { EXIT_OUTCOMES } from '../outcomes/closure';
import { firstContactOn } from '../contacts/contacts';
import { stageIndex, takingPart } from './workflow-gates';

/**
 * The workflow's rules over a whole case, for cases that arrive in a file rather than through
 * the workflow (case-file.ts). The app moves a case on only through its gates (workflow-gates.ts)
 * and refuses dates in the future, so every case it makes keeps what those checks left true,
 * whatever happened after: people may withdraw, be re-assessed, stop taking part. These rules
 * are only those lasting facts: a case in a file that breaks one could not have been made here.
 * Staff and venues are not checked: a file from another casebook names that casebook's staff.
 *
 * Messages name the field and what to do; they never repeat a value from the file (it may be
 * personal data).
 */
export interface CaseFileOptions {
  /** Today in England and Wales, from the caller's clock (dates.londonDate); nothing that happened can be later. */
  today: string;
}

export interface CaseRuleProblem {
  /** Inside the case: "referral.receivedOn", "participants[1].risk". */
  path: string;
  message: string;
}

const at = (s: string) => stageIndex(s as Case['stage']);

/** Dates of things that have happened, by path inside the case; instants by their UTC day (never later than London's). */
function pastDates(c: Case): [string, string | undefined][] {
  const out: [string, string | undefined][] = [
    ['referral.receivedOn', c.referral.receivedOn],
    ['referral.offenceDate', c.referral.offenceDate],
    ['createdAt', c.createdAt.slice(0, 10)],
    ['updatedAt', c.updatedAt.slice(0, 10)],
    ['exit.on', c.exit?.on],
    ['closure.closedOn', c.closure?.closedOn],
    ['agreement.signedOn', c.agreement?.signedOn],
  ];
  const each = <T>(list: readonly T[] | undefined, path: string, field: string, date: (x: T) => string | undefined) => list?.forEach((x, i) => out.push([`${path}[${i}].${field}`, date(x)]));
  c.participants.forEach((p, i) => {
    const base = `participants[${i}]`;
    out.push([`${base}.person.dateOfBirth`, p.person.dateOfBirth]);
    each(p.consent, `${base}.consent`, 'on', (e) => e.on);
    each(p.contacts, `${base}.contacts`, 'on', (e) => e.on);
    each(p.risk, `${base}.risk`, 'assessedOn', (e) => e.assessedOn);
  });
  each(c.meetings, 'meetings', 'on', (m) => m.on);
  each(c.conferenceRecords, 'conferenceRecords', 'heldOn', (r) => r.heldOn);
  each(c.indirectLog, 'indirectLog', 'on', (e) => e.on);
  each(c.reopenings, 'reopenings', 'on', (r) => r.on);
  each(c.feedback, 'feedback', 'givenOn', (f) => f.givenOn);
  each(c.timeline, 'timeline', 'at', (e) => e.at.slice(0, 10));
  return out;
}

function dateProblems(c: Case, today: string): CaseRuleProblem[] {
  const out: CaseRuleProblem[] = [];
  for (const [path, d] of pastDates(c)) {
    if (d !== undefined && d > today) out.push({ path, message: 'This date is after today: it records something that has happened, so it cannot be in the future. Correct the date' });
  }
  if (c.updatedAt < c.createdAt) out.push({ path: 'updatedAt', message: 'The case was last changed before it was created: updatedAt must be the same as createdAt or later' });
  for (const [path, d] of [['exit.on', c.exit?.on], ['closure.closedOn', c.closure?.closedOn]] as const) {
    if (d !== undefined && d < c.referral.receivedOn) out.push({ path, message: 'This is before the referral was received (referral.receivedOn); correct one of the two dates' });
  }
  return out;
}

/** A case is closed only with its closure; a closure is either the end of a closed case or the record of an early exit. */
function closureProblems(c: Case): CaseRuleProblem[] {
  const out: CaseRuleProblem[] = [];
  const k = c.closure;
  if (c.stage === 'closed') {
    if (!k) out.push({ path: 'stage', message: 'The case is "closed" but has no closure: add "closure" (outcome, closedOn, summary, closedBy), or set the stage the case reached' });
    if (c.exit) out.push({ path: 'exit', message: 'A closed case has no exit: an early exit leaves the case at the stage it reached. Remove "exit", or set the stage the case reached' });
  }
  if (k) {
    const exitKind = Object.hasOwn(EXIT_OUTCOMES, k.outcome) ? EXIT_OUTCOMES[k.outcome as keyof typeof EXIT_OUTCOMES] : undefined;
    if (exitKind && c.exit?.kind !== exitKind) out.push({ path: 'closure.outcome', message: `A closure with this outcome records an early exit: add "exit" with kind "${exitKind}", or choose the outcome that happened` });
    if (!exitKind && c.stage !== 'closed') out.push({ path: 'closure', message: 'The case has a closure but is not closed: set "stage" to "closed", or remove "closure"' });
  }
  return out;
}

/** What the gates required when the case reached its stage, and which stays true. */
function stageProblems(c: Case): CaseRuleProblem[] {
  const out: CaseRuleProblem[] = [];
  const reached = at(c.stage);
  const stage = c.stage === 'closed' ? 'closed' : `at the ${c.stage} stage`;
  const roles = [
    ['harmed', 'the person harmed'],
    ['responsible', 'the person responsible'],
  ] as const;
  if (reached >= at('contact')) {
    for (const [role, words] of roles) {
      const people = c.participants.filter((p) => p.role === role);
      if (people.length === 0) out.push({ path: 'participants', message: `The case is ${stage}, but it has no participant who is ${words}: add them, or set the stage the case reached` });
      else if (reached >= at('assessment') && !people.some((p) => firstContactOn(p))) {
        out.push({ path: 'participants', message: `The case is ${stage}, but no contact with ${words} is recorded: add it to their "contacts", or set the stage the case reached` });
      }
    }
  }
  if (reached >= at('process')) {
    if (!c.processKind) out.push({ path: 'processKind', message: `The case is ${stage}, so the restorative process was chosen: add "processKind" (direct, indirect or community)` });
    // Nobody can join the process once it has started, so everyone taking part passed its gate.
    c.participants.forEach((p, i) => {
      if (!takingPart(c).includes(p)) return;
      if (!p.risk?.some((a) => a.signOff)) out.push({ path: `participants[${i}].risk`, message: `The case is ${stage}, so this participant's risk assessment was signed off before the process: add it, or mark them as not taking part ("takesPart": false)` });
      if (!p.consent?.some((e) => e.status === 'given')) out.push({ path: `participants[${i}].consent`, message: `The case is ${stage}, so this participant gave consent before the process: add it, or mark them as not taking part ("takesPart": false)` });
    });
  }
  return out;
}

/** A flag is chosen once: the same flag twice would count the case twice in the figures. */
function repeatedFlags(c: Case): CaseRuleProblem[] {
  const out: CaseRuleProblem[] = [];
  const check = (flags: readonly string[] | undefined, path: string) => {
    const seen = new Set<string>();
    flags?.forEach((f, i) => {
      if (seen.has(f)) out.push({ path: `${path}[${i}]`, message: 'This flag is already listed; keep it once' });
      seen.add(f);
    });
  };
  check(c.referral.sensitive, 'referral.sensitive');
  c.participants.forEach((p, i) => check(p.person.vulnerabilities, `participants[${i}].person.vulnerabilities`));
  return out;
}

/** Every rule the case breaks, with its path inside the case. */
export function caseRuleProblems(c: Case, o: CaseFileOptions): CaseRuleProblem[] {
  return [...dateProblems(c, o.today), ...closureProblems(c), ...stageProblems(c), ...repeatedFlags(c)];
}
