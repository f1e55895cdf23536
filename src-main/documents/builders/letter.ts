/**
 * Letters to a participant: the first-contact letter (worded for their role where the
 * template says so, and in plain words for an under-18, copied to their parent or guardian)
 * and the meeting invitation. A letter has a letterhead, the recipient's name and address for
 * a window envelope, the case reference and date, the subject, the body from letters.yaml,
 * and the facilitator's name and title under the closing. A bilingual letter prints the
 * letter in a second language after the first, from its own templates.
 */
import type { Case } from '../../domain/cases/case';
import { pageBreak, paragraph, run, type Block, type DocumentModel, type ImageData, type LetterheadBlock } from '../model';
import { fillPlaceholders, type DocumentTemplates, type LetterId } from '../templates';
import { addressLines, commonData, findParticipant, furniture, leadFacilitatorName, longDate, paragraphsOf, personName, roleLabel, type CaseDocumentContext } from './common';

export interface LetterInput extends CaseDocumentContext {
  readonly letter: LetterId;
  readonly caseData: Case;
  /** The recipient. */
  readonly participantId: string;
  /** For the meeting invitation; anything left out prints as a line to write on. */
  readonly meeting?: { readonly date?: string; readonly time?: string; readonly place?: string };
}

export function buildLetter(templates: DocumentTemplates, input: LetterInput, alsoIn?: DocumentTemplates): DocumentModel {
  const c = input.caseData;
  const all = templates.letters;
  const t = all.letters[input.letter];
  if (!t) throw new Error(`letters.yaml has no letter "${input.letter}"`);
  const p = findParticipant(c, input.participantId);
  const recipient = personName(p);
  const blocks: Block[] = [
    letterhead(templates, input.logo),
    paragraph([recipient, ...addressLines(p.person.address)].join('\n')),
    { kind: 'spacer', height: 10 },
    paragraph(`${all.reference}: ${c.reference}\n${longDate(input.today, templates.service.months)}`),
    { kind: 'spacer', height: 4 },
    ...letterContent(templates, input),
  ];
  // The second language after the first, on a page of its own (Welsh first, as Welsh services print).
  if (alsoIn) blocks.push(pageBreak(), ...letterContent(alsoIn, input));

  const f = furniture(templates, { shortTitle: t.title, title: t.title, subject: fillPlaceholders(t.subject, commonData(templates, c, input)), reference: c.reference, deterministic: input.deterministic, extraTitle: recipient });
  // A letter carries a letterhead, not a running "document type · reference" header, and no
  // protective marking in its footer: the person reading it needs neither.
  return { metadata: f.metadata, ...(f.labels ? { labels: f.labels } : {}), footer: { pageNumbers: true }, typeScale: 'letter', blocks };
}

/** Subject, body, the offer of other formats, closing, signature and copies: everything a translation words. */
function letterContent(templates: DocumentTemplates, input: LetterInput): Block[] {
  const c = input.caseData;
  const all = templates.letters;
  const t = all.letters[input.letter]!;
  const p = findParticipant(c, input.participantId);
  const s = templates.service;
  const facilitator = leadFacilitatorName(c, input.staff);
  const m = input.meeting ?? {};
  const data = {
    ...commonData(templates, c, input),
    recipient: { name: personName(p), address: addressLines(p.person.address).join(', ') },
    meeting: { date: m.date && /^\d{4}-\d{2}-\d{2}$/.test(m.date) ? longDate(m.date, s.months) : m.date, time: m.time, place: m.place },
  };
  const fill = (text: string) => fillPlaceholders(text, data);
  const body = (p.role !== 'other' ? t.byRole?.[p.role] : undefined) ?? t.body;
  const blocks: Block[] = [paragraph([run(fill(t.subject), { bold: true })]), ...paragraphsOf(fill(body)).map((text) => paragraph(text))];
  // The offer of other formats at body size: the people who need it are the ones small print fails.
  if (all.footnote) blocks.push(paragraph(fill(all.footnote)));
  if (t.closing) blocks.push(paragraph(fill(t.closing)));
  // Room for a handwritten signature, then the facilitator's name and title.
  blocks.push({ kind: 'spacer', height: 30 }, paragraph([run(facilitator ?? fill('{{facilitator.name}}'), { bold: true }), run(`\n${fill(all.signatureTitle)}\n${s.name}`)]));
  // A young person's letter goes to their parent or guardian too.
  if (input.letter === 'first-contact-young') {
    const parents = c.participants.filter((x) => x.role === 'parent-guardian').map((x) => `${personName(x)} (${roleLabel(templates, 'parent-guardian').toLowerCase()})`);
    blocks.push({ kind: 'spacer', height: 8 }, paragraph(`${all.copyTo ?? 'Copy to:'} ${parents.length > 0 ? parents.join(', ') : roleLabel(templates, 'parent-guardian')}`));
  }
  return blocks;
}

/** The service's name, logo and contact details, from the settings laid over service.yaml. */
export function letterhead(templates: DocumentTemplates, logo: ImageData | undefined): LetterheadBlock {
  const s = templates.service;
  const lines = [...addressLines(s.address).filter((l) => l !== s.name), s.phone, s.email, ...(s.website ? [s.website] : [])];
  return { kind: 'letterhead', name: s.name, lines, ...(logo ? { logo } : {}) };
}
