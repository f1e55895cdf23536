/**
 * The outcome agreement, printed for signing: what was agreed, at which conference, the
 * statement that it is voluntary and not legally binding and what happens if an action is not
 * done, a table of the actions (who does what, by when, and how completion will be shown),
 * then a signature block for each signatory and the facilitator's countersignature. Once the
 * agreement is signed, each date line reads "Signed on" and the date.
 */
import type { Case } from '../../domain/cases/case';
import type { ActionKind } from '../../domain/outcomes/agreement';
import type { ActionWording } from '../../domain/conferences/templates';
import { heading, paragraph, type Block, type DocumentModel, type KeyValueBlock, type SignatureBlock } from '../model';
import { fillPlaceholders, type DocumentTemplates } from '../templates';
import { commonData, DocumentInputError, furniture, longDate, paragraphsOf, personName, roleLabel, staffNamer, type CaseDocumentContext } from './common';

export interface OutcomeAgreementInput extends CaseDocumentContext {
  readonly caseData: Case;
  /** The kinds of action with their labels, from templates/conferences/agreement-actions.yaml. */
  readonly actionWording: readonly ActionWording[];
}

export const NO_AGREEMENT = 'This case has no outcome agreement yet: record one on the Agreement tab first.';

export function buildOutcomeAgreement(templates: DocumentTemplates, input: OutcomeAgreementInput): DocumentModel {
  const c = input.caseData;
  const g = c.agreement;
  if (!g) throw new DocumentInputError(NO_AGREEMENT);
  const t = templates.outcomeAgreement;
  const facilitator = staffNamer(c, input.staff)(g.countersignedBy);
  const fill = (text: string) => fillPlaceholders(text, { ...commonData(templates, c, input), facilitator: { name: facilitator } });
  const participant = (id: string) => c.participants.find((p) => p.id === id);
  const nameOf = (id: string) => {
    const p = participant(id);
    return p ? personName(p) : id;
  };
  const kindLabel = (kind: ActionKind) => input.actionWording.find((w) => w.kind === kind)?.label ?? kind;
  // An agreement reached through an indirect process has no conference.
  const conference = g.meetingId ? c.schedule?.find((m) => m.id === g.meetingId) : undefined;
  const signedOn = g.signedOn ? longDate(g.signedOn) : undefined;

  const details: KeyValueBlock = {
    kind: 'keyValue',
    items: [
      { key: t.details.caseReference, value: c.reference },
      ...(conference ? [{ key: t.details.conference, value: longDate(conference.date) }] : []),
      { key: t.details.facilitator, value: facilitator },
      { key: t.details.signedOn, value: signedOn ?? t.notSigned },
    ],
  };
  const blocks: Block[] = [heading(1, t.title), details, ...paragraphsOf(fill(t.statement)).map((text) => paragraph(text))];
  blocks.push(heading(3, t.ifNotDoneHeading), ...paragraphsOf(fill(t.ifNotDone)).map((text) => paragraph(text)));

  blocks.push(heading(2, t.actionsHeading));
  if (t.actionsIntro) blocks.push(paragraph(fill(t.actionsIntro), { size: 'small' }));
  const col = t.columns;
  blocks.push({
    kind: 'table',
    // Widths in points of A4's text width: the due date ("30 September 2026") keeps to one line.
    columns: [
      { header: col.number, width: 26 },
      { header: col.kind, width: 66 },
      { header: col.description, width: 124 },
      { header: col.by, width: 74 },
      { header: col.dueOn, width: 98 },
      { header: col.completionShownBy, width: 94 },
    ],
    rows: g.actions.map((a, i) => [String(i + 1), kindLabel(a.kind), a.description, nameOf(a.byParticipantId), longDate(a.dueOn), a.completionShownBy]),
  });

  blocks.push(heading(2, t.signaturesHeading));
  // The declaration stays on the page of the first signature.
  if (t.signaturesIntro) blocks.push(paragraph(fill(t.signaturesIntro), { keepWithNext: true }));
  const dated = signedOn ? { date: signedOn, dateLabel: t.signatures.signedOn } : {};
  const signature = (label: string, name: string): SignatureBlock => ({ kind: 'signature', label, ...(name ? { name } : {}), ...dated });
  for (const id of g.signatoryIds) {
    const p = participant(id);
    blocks.push(signature(p ? roleLabel(templates, p.role) : id, nameOf(id)));
  }
  blocks.push(signature(t.signatures.facilitator, facilitator));

  return {
    ...furniture(templates, { shortTitle: t.shortTitle, title: t.title, reference: c.reference, logo: input.logo, deterministic: input.deterministic }),
    blocks,
  };
}
