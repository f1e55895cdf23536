import { CJS_STAGES, PRIORITIES, type ParticipantRole } from '../../../src-main/domain/cases/case';
import type { ContactMethod } from '../../../src-main/domain/contacts/contacts';
import { referralInputSchemaFor, type CaseworkLists, type ParticipantInput, type ReferralInput } from '../../../src-main/domain/referrals/referral';
import { isoToUk, parseUkDate } from '../shared/lib/dates';

/**
 * The referral form as typed (strings, UK dates), and its conversion to the command's input
 * with every problem keyed by the input's own path ("participants.0.person.dateOfBirth"),
 * which is also how the main process reports them. Field ids are those paths with dots
 * turned into hyphens.
 */

export const CJS_STAGE_LABELS: Record<(typeof CJS_STAGES)[number], string> = {
  none: 'None (no criminal-justice involvement)',
  'out-of-court': 'Out-of-court disposal',
  'pre-sentence': 'Pre-sentence',
  'community-sentence': 'Community sentence',
  custody: 'Custody',
  'post-release': 'Post-release',
};

export const PRIORITY_LABELS: Record<(typeof PRIORITIES)[number], string> = {
  routine: 'Routine',
  high: 'High',
  urgent: 'Urgent',
};

export interface ParticipantForm {
  /** Stable key for React while rows are added and removed. */
  key: string;
  role: ParticipantRole | '';
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  address: string;
  preferredContact: ContactMethod | '';
  safeTimes: string;
  language: string;
  interpreter: boolean;
  accessibilityNeeds: string;
  vulnerabilities: string[];
}

export interface ReferralForm {
  source: string;
  referrerName: string;
  referrerOrganisation: string;
  receivedOn: string;
  offenceCategory: string;
  offenceDescription: string;
  offenceDate: string;
  cjsStage: string;
  sensitive: string[];
  /** Flags ticked for the person because of the offence category (untouched since). */
  suggested: string[];
  priority: string;
  participants: ParticipantForm[];
}

let keySeq = 0;
export function emptyParticipant(role: ParticipantRole | ''): ParticipantForm {
  keySeq += 1;
  return {
    key: `person-${keySeq}`,
    role,
    givenName: '',
    familyName: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: '',
    phone: '',
    email: '',
    address: '',
    preferredContact: '',
    safeTimes: '',
    language: '',
    interpreter: false,
    accessibilityNeeds: '',
    vulnerabilities: [],
  };
}

export function emptyReferral(today: string): ReferralForm {
  return {
    source: '',
    referrerName: '',
    referrerOrganisation: '',
    receivedOn: isoToUk(today),
    offenceCategory: '',
    offenceDescription: '',
    offenceDate: '',
    cjsStage: '',
    sensitive: [],
    suggested: [],
    priority: 'routine',
    participants: [emptyParticipant('harmed'), emptyParticipant('responsible')],
  };
}

/**
 * Choosing an offence category ticks the sensitive-case flags the service's list suggests for
 * it; flags ticked for the previous category and not touched since are unticked again.
 */
export function withCategory(f: ReferralForm, category: string, lists: CaseworkLists): ReferralForm {
  const suggest = lists.offenceCategories.find((c) => c.id === category)?.sensitive ?? [];
  const kept = f.sensitive.filter((s) => !f.suggested.includes(s));
  const added = suggest.filter((s) => !kept.includes(s));
  return { ...f, offenceCategory: category, sensitive: [...kept, ...added], suggested: added };
}

/** The person ticked or unticked flags themselves: none of them is "suggested" any more. */
export function withSensitive(f: ReferralForm, sensitive: string[]): ReferralForm {
  return { ...f, sensitive, suggested: f.suggested.filter((s) => sensitive.includes(s)) };
}

export type Problems = Record<string, string>;

/** The order fields appear on screen, for the error summary. */
export function fieldOrder(f: ReferralForm): string[] {
  const top = ['source', 'referrerName', 'referrerOrganisation', 'receivedOn', 'offenceCategory', 'offenceDescription', 'offenceDate', 'cjsStage', 'sensitive', 'priority', 'participants'];
  const person = ['givenName', 'familyName', 'dateOfBirth', 'phone', 'email', 'preferredName', 'pronouns', 'address', 'preferredContact', 'safeTimes', 'language', 'interpreter', 'accessibilityNeeds', 'vulnerabilities'];
  return [...top, ...f.participants.flatMap((_, i) => [`participants.${i}.role`, ...person.map((p) => `participants.${i}.person.${p}`)])];
}

/** Where a problem's path puts it on screen: list items belong to their group's first box. */
export function normalisePath(path: string): string {
  const p = path.replace(/^referral\./, '');
  const m = /^(sensitive|participants\.\d+\.person\.vulnerabilities)\.\d+(\..*)?$/.exec(p);
  return m ? (m[1] as string) : p;
}

export function fieldIdOf(path: string): string {
  return path.replaceAll('.', '-');
}

const opt = (s: string) => {
  const t = s.trim();
  return t ? t : undefined;
};

/** Read a UK date box. Blank is undefined; otherwise the ISO date or a problem. */
function readDate(raw: string, path: string, label: string, problems: Problems, missing?: string): string | undefined {
  const s = raw.trim();
  if (!s) {
    if (missing) problems[path] = missing;
    return undefined;
  }
  const iso = parseUkDate(s);
  if (!iso) {
    problems[path] = `${label} must be a real date, for example 14/3/2026`;
    return undefined;
  }
  return iso;
}

function toParticipant(p: ParticipantForm, i: number, problems: Problems): ParticipantInput {
  const base = `participants.${i}`;
  if (!p.role) problems[`${base}.role`] = 'Choose this person’s role in the case';
  const dob = readDate(p.dateOfBirth, `${base}.person.dateOfBirth`, 'Date of birth', problems);
  const person = {
    givenName: p.givenName,
    familyName: p.familyName,
    ...(opt(p.preferredName) ? { preferredName: opt(p.preferredName) } : {}),
    ...(opt(p.pronouns) ? { pronouns: opt(p.pronouns) } : {}),
    ...(dob ? { dateOfBirth: dob } : {}),
    ...(opt(p.phone) ? { phone: opt(p.phone) } : {}),
    ...(opt(p.email) ? { email: opt(p.email) } : {}),
    ...(opt(p.address) ? { address: opt(p.address) } : {}),
    ...(p.preferredContact ? { preferredContact: p.preferredContact } : {}),
    ...(opt(p.safeTimes) ? { safeTimes: opt(p.safeTimes) } : {}),
    ...(opt(p.language) ? { language: opt(p.language) } : {}),
    ...(p.interpreter ? { interpreter: true } : {}),
    ...(opt(p.accessibilityNeeds) ? { accessibilityNeeds: opt(p.accessibilityNeeds) } : {}),
    ...(p.vulnerabilities.length ? { vulnerabilities: p.vulnerabilities } : {}),
  };
  return { role: (p.role || 'other') as ParticipantRole, person } as ParticipantInput;
}

/**
 * Check the form with the shared rules (the same zod schema, today's date and the service's
 * lists the main process uses). Returns the command's input when there is nothing to fix.
 */
export function validateReferral(f: ReferralForm, ctx: { today: string; lists: CaseworkLists }): { input?: ReferralInput; problems: Problems } {
  const problems: Problems = {};
  if (!f.source) problems.source = 'Choose where the referral came from';
  if (!f.offenceCategory) problems.offenceCategory = 'Choose the offence category';
  if (!f.cjsStage) problems.cjsStage = 'Choose the criminal-justice stage';
  if (!f.priority) problems.priority = 'Choose a priority';
  const receivedOn = readDate(f.receivedOn, 'receivedOn', 'Date received', problems, 'Enter the date the referral was received');
  const offenceDate = readDate(f.offenceDate, 'offenceDate', 'Offence date', problems);
  const candidate = {
    source: f.source,
    ...(opt(f.referrerName) ? { referrerName: opt(f.referrerName) } : {}),
    ...(opt(f.referrerOrganisation) ? { referrerOrganisation: opt(f.referrerOrganisation) } : {}),
    // An unreadable date already has its own message; a stand-in keeps the other checks running.
    receivedOn: receivedOn ?? ctx.today,
    offenceCategory: f.offenceCategory,
    ...(opt(f.offenceDescription) ? { offenceDescription: opt(f.offenceDescription) } : {}),
    ...(offenceDate ? { offenceDate } : {}),
    cjsStage: f.cjsStage,
    ...(f.sensitive.length ? { sensitive: f.sensitive } : {}),
    priority: f.priority,
    participants: f.participants.map((p, i) => toParticipant(p, i, problems)),
  };
  const parsed = referralInputSchemaFor(ctx).safeParse(candidate);
  if (!parsed.success) {
    const byPath = new Map<string, string[]>();
    for (const issue of parsed.error.issues) {
      const path = normalisePath(issue.path.map(String).join('.'));
      byPath.set(path, [...(byPath.get(path) ?? []), issue.message]);
    }
    for (const [path, messages] of byPath) {
      // Our own plainer message for an empty choice or an unreadable date wins.
      if (path in problems) continue;
      // Compared with a stand-in for an unreadable referral date, "after the referral" says nothing true.
      const usable = receivedOn ? messages : messages.filter((m) => !m.includes('after the referral'));
      // An offence or birth in the future is also after the referral: say the plainer thing.
      const message = usable.find((m) => m.includes('in the future')) ?? usable[0];
      if (message) problems[path] = message;
    }
  }
  if (Object.keys(problems).length > 0 || !parsed.success) return { problems };
  return { input: parsed.data, problems };
}

/** The main process's INVALID_INPUT issues as problems keyed like the form's own. */
export function serverProblems(issues: { path: string; message: string }[]): Problems {
  const out: Problems = {};
  for (const i of issues) {
    const path = normalisePath(i.path);
    if (!(path in out)) out[path] = i.message;
  }
  return out;
}

/**
 * The error summary's words for a problem: the same as at the field, but saying which person
 * it is about, since every person has a "Given name".
 */
export function summaryMessage(path: string, message: string): string {
  const m = /^participants\.(\d+)\./.exec(path);
  return m ? `Person ${Number(m[1]) + 1}: ${message}` : message;
}
