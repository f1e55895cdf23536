import { CasebookError } from '../../domain/shared/errors';
import { fold } from '../../domain/shared/fold';
import {
  allocateReference,
  duplicateCandidate,
  openCase,
  possibleDuplicates,
  probeFromReferral,
  referralInputSchemaFor,
  type DuplicateMatch,
  type DuplicateProbe,
  type ReferralInput,
} from '../../domain/referrals/referral';
import type { CaseSummary } from '../../domain/cases/case';
import type { CaseView } from '../../domain/cases/case-view';
import type { Casework } from '../cases/context';
import { fromZod, refused } from '../shared/errors';
import { newId as randomId } from '../../store/ids';
import { caseView, summaryRow } from '../cases/view';
import { visibleRows } from '../cases/case-access';

/** The referral form checked against today and the service's lists; paths as in the command's input. */
export function parseReferral(cw: Casework, input: unknown): ReferralInput {
  const parsed = referralInputSchemaFor({ today: cw.today, lists: cw.t.lists }).safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, ['referral']);
  return parsed.data;
}

/**
 * Rows that could match the probe, judged from what the case list holds (names and the
 * offence category): a superset of the real matches, so only those few case files are opened
 * to compare dates of birth and offence dates. Summary names are "given family", so a probe
 * person is looked for in both orders.
 */
const folded = new WeakMap<CaseSummary, { names: string[]; category: string }>();

/** Folded names and category of a row, remembered for as long as the row lives (rows are replaced, not changed, on save). */
export function foldedRow(row: CaseSummary): { names: string[]; category: string } {
  let f = folded.get(row);
  if (!f) {
    f = { names: row.names.map(fold), category: fold(row.offenceCategory) };
    folded.set(row, f);
  }
  return f;
}

function couldMatch(row: CaseSummary, probe: DuplicateProbe, category: string | undefined): boolean {
  const { names, category: rowCategory } = foldedRow(row);
  for (const p of probe.people) {
    if (!p.dateOfBirth) continue;
    const g = fold(p.givenName);
    const f = fold(p.familyName);
    if (names.includes(`${g} ${f}`) || names.includes(`${f} ${g}`)) return true;
  }
  if (probe.offenceDate && category !== undefined && rowCategory === category) {
    for (const p of probe.people) {
      const f = fold(p.familyName);
      // A row's name is "given family": the same family name is at its end.
      if (f && names.some((n) => n === f || n.endsWith(` ${f}`))) return true;
    }
  }
  return false;
}

export async function findDuplicates(cw: Casework, referral: ReferralInput): Promise<DuplicateMatch[]> {
  const probe = probeFromReferral(referral, cw.t.lists);
  const category = probe.offenceCategory === undefined ? undefined : fold(probe.offenceCategory);
  // Only cases the person may see (case-access.ts): a possible duplicate names its case.
  const rows = visibleRows(cw.s).filter((r) => couldMatch(r, probe, category));
  const candidates = [];
  for (const r of rows) candidates.push(duplicateCandidate(await cw.s.readCase(r.id)));
  return possibleDuplicates(probe, candidates).sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}

const REASON_WORDS: Record<DuplicateMatch['reasons'][number], string> = { 'same-person': 'the same person', 'same-offence': 'the same offence' };

function duplicatesError(matches: DuplicateMatch[]): CasebookError {
  const shown = matches.slice(0, 10).map((m) => `${m.reference} (${m.reasons.map((r) => REASON_WORDS[r]).join(' and ')})`);
  const more = matches.length > 10 ? ` and ${matches.length - 10} more` : '';
  return new CasebookError(
    'CONFLICT',
    `This referral may already be in the casebook: ${shown.join(', ')}${more}. Check ${matches.length > 1 ? 'them' : 'it'}, then save again saying you have seen the possible duplicates.`,
    { issues: matches.map((m) => ({ path: 'duplicatesSeen', message: `${m.reference}: ${m.reasons.map((r) => REASON_WORDS[r]).join(' and ')}` })) },
  );
}

/** The referral's fields that were filled in, for the audit trail (names, never values). */
function fieldsGiven(referral: ReferralInput): string[] {
  return Object.entries(referral)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => (k === 'participants' ? 'participants' : `referral.${k}`))
    .sort();
}

export async function createReferral(cw: Casework, input: { referral: unknown; duplicatesSeen: boolean }): Promise<CaseView> {
  const s = cw.s;
  const referral = parseReferral(cw, input.referral);
  if (input.duplicatesSeen !== true) {
    const matches = await findDuplicates(cw, referral);
    if (matches.length > 0) throw duplicatesError(matches);
  }
  const settings = s.index.casework;
  const taken = new Set(s.summaries.all().map((r) => r.reference));
  const ref = allocateReference(settings.referencePrefix, Number(referral.receivedOn.slice(0, 4)), s.index.referenceCounters, taken, s.index.referenceBlock);
  if (!ref.ok) throw new CasebookError('CONFLICT', ref.reason);
  let caseId = randomId('c');
  while (s.summaries.get(caseId)) caseId = randomId('c');
  const opened = openCase(referral, {
    today: cw.today,
    lists: cw.t.lists,
    caseId,
    participantIds: referral.participants.map(() => randomId('p')),
    reference: ref.value.reference,
    now: cw.now,
    actor: s.user.name,
  });
  if (!opened.ok) throw refused(opened, 'referral');
  const c = opened.value;
  await s.saveCasesWith([c], [s.draft('case.create', { type: 'case', id: c.id }, fieldsGiven(referral))], {
    summarise: (x) => summaryRow(x, cw.today, cw.t),
    index: { ...s.index, referenceCounters: ref.value.counters },
  });
  return caseView(c, cw);
}
