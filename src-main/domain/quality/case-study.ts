import type { Case } from '../cases/case';
import { CLOSURE_OUTCOME_LABELS } from '../outcomes/closure';
import { ageOn } from '../shared/age';
import { anonymise, relativeTime, type Replacement } from '../data-protection/anonymiser/anonymise';
import type { IdentifierFinder } from '../data-protection/anonymiser/find';
import { storyLabels } from '../data-protection/anonymiser/case-people';

/**
 * A case study drafted from the case record for the evidence pack: people by their part in the
 * story ("the person harmed", "Supporter B") with ages in bands, dates as times from the
 * referral ("in the third week"), and every piece of free text through the anonymiser, which
 * looks for everyone the casebook names, not only this case's people. Each paragraph keeps its
 * replacements, so the quality lead sees them highlighted before saving the study.
 */
export interface StudyParagraph {
  heading?: string;
  text: string;
  replacements: Replacement[];
}

export interface CaseStudy {
  /** "Case study A": never the case reference, which would lead back to the file. */
  title: string;
  caseId: string;
  paragraphs: StudyParagraph[];
}

/** "in their thirties", "aged under 18": a band, never an age that narrows who it is. */
export function ageBand(age: number | undefined): string | undefined {
  if (age === undefined) return undefined;
  if (age < 18) return 'under 18';
  if (age < 20) return 'aged 18 or 19';
  const decade = Math.floor(age / 10) * 10;
  const words: Record<number, string> = { 20: 'twenties', 30: 'thirties', 40: 'forties', 50: 'fifties', 60: 'sixties', 70: 'seventies', 80: 'eighties', 90: 'nineties' };
  return `in their ${words[decade] ?? 'later years'}`;
}

/** A paragraph starts with a capital, also when it starts with a label ("The person harmed…"); the length is unchanged, so replacements stay where they are. */
const sentence = (t: string) => (t ? `${t[0]!.toUpperCase()}${t.slice(1)}` : t);

export function draftCaseStudy(c: Case, letter: string, finder: IdentifierFinder): CaseStudy {
  const labels = storyLabels(c);
  const anchor = c.referral.receivedOn;
  const o = { personLabel: (k: string) => labels.get(k), anchor };
  const paragraphs: StudyParagraph[] = [];
  const add = (heading: string | undefined, text: string | undefined) => {
    if (!text || !text.trim()) return;
    const r = anonymise(text.trim(), finder, o);
    // A label the paragraph starts with is capitalised with it, so each replacement reads as it stands in the text.
    const replacements = r.replacements.map((x) => (x.start === 0 ? { ...x, label: sentence(x.label) } : x));
    paragraphs.push({ ...(heading ? { heading } : {}), text: sentence(r.text), replacements });
  };
  const people = c.participants.map((p) => {
    const label = labels.get(`${c.id}/${p.id}`) ?? 'a participant';
    const band = ageBand(ageOn(p.person.dateOfBirth, anchor));
    return band ? `${label} (${band})` : label;
  });
  paragraphs.push({ heading: 'Who took part', text: `${sentence(people.join(', '))}. Referred by ${c.referral.source.toLowerCase()}; offence: ${c.referral.offenceCategory.toLowerCase()}.`, replacements: [] });
  add('What happened', c.referral.offenceDescription);
  for (const r of c.conferenceRecords ?? []) add('The meeting', r.summary);
  for (const e of (c.indirectLog ?? []).slice(0, 10)) add(`Passed on ${relativeTime(e.on, anchor)}`, e.summary);
  const actions = c.agreement?.actions ?? [];
  if (actions.length > 0) add('What was agreed', actions.map((a) => `${a.description} (${a.status === 'done' ? 'done' : a.status === 'not-done' ? 'not done' : 'in progress'})`).join('; '));
  for (const f of c.feedback ?? []) add('In their words', f.comments);
  if (c.closure) {
    paragraphs.push({ heading: 'How it ended', text: `${CLOSURE_OUTCOME_LABELS[c.closure.outcome]}, ${relativeTime(c.closure.closedOn, anchor)}.`, replacements: [] });
    add(undefined, c.closure.summary);
  }
  return { title: `Case study ${letter}`, caseId: c.id, paragraphs };
}
