/**
 * The risk assessment record for one participant (or, without one, for everyone taking part,
 * each on a new page): every factor for their role with its rating and mitigation, the
 * overall decision and reason, the review date, and the sign-off. Without an assessment the
 * factors are printed with their guidance, to be completed by hand.
 */
import type { Case, Participant } from '../../domain/cases/case';
import { currentAssessment, factorsFor, highestRating, type RiskFactor } from '../../domain/risk/risk';
import { STAFF_ROLE_LABELS } from '../../domain/staff/staff';
import { heading, paragraph, type Block, type DocumentModel } from '../model';
import { fillPlaceholders, type DocumentTemplates } from '../templates';
import { commonData, findParticipant, furniture, instantDate, longDate, personName, roleLabel, staffNamer, type CaseDocumentContext } from './common';

export interface RiskAssessmentInput extends CaseDocumentContext {
  readonly caseData: Case;
  /** One participant; without it, everyone taking part. */
  readonly participantId?: string;
  /** The factors of templates/casework/risk-factors.yaml, in their order. */
  readonly riskFactors: readonly RiskFactor[];
}

export function buildRiskAssessment(templates: DocumentTemplates, input: RiskAssessmentInput): DocumentModel {
  const c = input.caseData;
  const t = templates.riskAssessment;
  const people = input.participantId ? [findParticipant(c, input.participantId)] : c.participants.filter((p) => p.takesPart !== false);
  const blocks: Block[] = [];
  people.forEach((p, i) => {
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(...section(templates, input, p));
  });
  if (people.length === 0) blocks.push(heading(1, t.title), paragraph(fillPlaceholders(t.noAssessment, commonData(templates, c, input))));
  const only = input.participantId ? people[0] : undefined;
  return {
    ...furniture(templates, { shortTitle: t.shortTitle, title: t.title, reference: c.reference, logo: input.logo, deterministic: input.deterministic, extraTitle: only ? personName(only) : undefined }),
    blocks,
  };
}

function section(templates: DocumentTemplates, input: RiskAssessmentInput, p: Participant): Block[] {
  const c = input.caseData;
  const t = templates.riskAssessment;
  const name = staffNamer(c, input.staff);
  const data = { ...commonData(templates, c, input), participant: { name: personName(p), role: roleLabel(templates, p.role) } };
  const fill = (text: string) => fillPlaceholders(text, data);
  const a = currentAssessment(p);
  const blocks: Block[] = [heading(1, t.title)];
  if (t.intro) blocks.push(paragraph(fill(t.intro)));

  const sensitive = c.referral.sensitive.length > 0 ? `${t.words.yes}: ${c.referral.sensitive.join(', ')}` : t.words.no;
  blocks.push(heading(2, t.detailsHeading), {
    kind: 'keyValue',
    items: [
      { key: t.details.service, value: templates.service.name },
      { key: t.details.caseReference, value: c.reference },
      { key: t.details.participant, value: personName(p) },
      { key: t.details.role, value: roleLabel(templates, p.role) },
      { key: t.details.assessedOn, value: longDate(a?.assessedOn) },
      { key: t.details.assessedBy, value: name(a?.assessedBy) },
      ...(a ? [{ key: t.details.version, value: String(a.version) }] : []),
      { key: t.details.sensitive, value: sensitive },
    ],
  });
  if (!a) blocks.push(paragraph([{ text: fill(t.noAssessment), italic: true }]));

  // Every factor for the role, in the list's order; a rated factor no longer on the list still shows.
  const factors = factorsFor(input.riskFactors, p.role);
  const rated = new Map((a?.factors ?? []).map((f) => [f.factorId, f]));
  const rows: string[][] = factors.map((f) => {
    const r = rated.get(f.id);
    // Nothing recorded: the guidance to work from, and the ratings to circle by hand.
    if (!a) return [f.guidance ? `${f.title}\n${f.guidance}` : f.title, `${t.ratings.low} / ${t.ratings.medium} / ${t.ratings.high}`, '\n\n'];
    return [f.title, r ? t.ratings[r.rating] : t.notRated, r?.mitigation ?? ''];
  });
  for (const r of a?.factors ?? []) {
    if (!factors.some((f) => f.id === r.factorId)) rows.push([input.riskFactors.find((f) => f.id === r.factorId)?.title ?? r.factorId, t.ratings[r.rating], r.mitigation ?? '']);
  }
  blocks.push(heading(2, t.factorsHeading));
  if (t.factorsIntro) blocks.push(paragraph(fill(t.factorsIntro), { size: 'small' }));
  blocks.push({
    kind: 'table',
    columns: [
      { header: t.columns.factor, width: 4 },
      { header: t.columns.rating, width: 1.4 },
      { header: t.columns.mitigation, width: 5 },
    ],
    rows,
  });

  const highest = a ? highestRating(a) : undefined;
  blocks.push(heading(2, t.decisionHeading), {
    kind: 'keyValue',
    items: [
      { key: t.decision.overall, value: a ? t.decisions[a.decision] : '' },
      { key: t.decision.highest, value: highest ? t.ratings[highest] : '' },
      ...(a?.reason || !a ? [{ key: t.decision.reason, value: a?.reason ?? '' }] : []),
      { key: t.decision.reviewOn, value: longDate(a?.reviewOn) },
    ],
  });

  blocks.push(heading(2, t.signOffHeading));
  const so = a?.signOff;
  if (so) {
    blocks.push({
      kind: 'keyValue',
      items: [
        { key: t.signOff.by, value: name(so.by) },
        { key: t.signOff.role, value: STAFF_ROLE_LABELS[so.role] },
        { key: t.signOff.on, value: instantDate(so.at) },
        ...(so.note ? [{ key: t.signOff.note, value: so.note }] : []),
      ],
    });
  } else {
    blocks.push(paragraph(fill(t.notSignedOff)));
  }
  blocks.push({ kind: 'signature', label: t.signatures.assessor, ...(a ? { name: name(a.assessedBy) } : {}) });
  blocks.push({ kind: 'signature', label: t.signatures.approver, ...(so ? { name: name(so.by) } : {}) });

  const earlier = [...(p.risk ?? [])].filter((x) => x !== a).sort((x, y) => y.version - x.version);
  if (earlier.length > 0) {
    blocks.push(heading(3, t.historyHeading), {
      kind: 'table',
      columns: [
        { header: t.historyColumns.version, width: 1.5 },
        { header: t.historyColumns.assessedOn, width: 2 },
        { header: t.historyColumns.assessedBy, width: 2.5 },
        { header: t.historyColumns.decision, width: 3.5 },
        { header: t.historyColumns.signedOff, width: 2.5 },
      ],
      rows: earlier.map((x) => [
        String(x.version),
        longDate(x.assessedOn),
        name(x.assessedBy),
        t.decisions[x.decision],
        x.signOff ? `${instantDate(x.signOff.at)}, ${name(x.signOff.by)}` : t.words.no,
      ]),
    });
  }
  return blocks;
}
