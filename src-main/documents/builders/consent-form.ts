/**
 * The consent form for one participant role, pre-filled from the case or blank (to print a
 * stack before meetings). Each of the ten consent elements is a checkbox with the role's
 * wording; the form ends with signature and date lines for the participant, a parent or
 * guardian where the participant is under 18, and the facilitator's countersignature.
 */
import { formatDate } from '../../domain/time/dates';
import { heading, paragraph, run, type Block, type DocumentModel, type ImageData, type TextRun } from '../model';
import {
  CONSENT_ROLES,
  fillPlaceholders,
  type ConsentElementId,
  type ConsentRole,
  type DocumentTemplates,
  type PlaceholderData,
} from '../templates';

export interface ConsentFormInput {
  /**
   * Print for this role. Required unless `blank`; a blank form without a role shows every
   * role's wording. 'other' (a participant in another capacity) gets the common wording.
   */
  readonly role?: ConsentRole | 'other';
  /** Empty lines to fill by hand instead of the case's details. */
  readonly blank?: boolean;
  readonly caseReference?: string;
  readonly participantName?: string;
  /** For a supporter: the name of the person they support. */
  readonly supports?: string;
  readonly facilitatorName?: string;
  /** As the service describes it, e.g. "Face-to-face meeting (conference)". */
  readonly processType?: string;
  /** Adds the parent or guardian's signature block. */
  readonly under18?: boolean;
  /** The parent or guardian's name, printed in their signature block (under-18s only). */
  readonly parentGuardianName?: string;
  /** The form's date as YYYY-MM-DD; printed as "14 March 2026". */
  readonly date?: string;
  /** Elements already agreed and recorded: printed ticked. Normally empty: the participant ticks. */
  readonly ticked?: readonly ConsentElementId[];
  /** Overrides for the service's details from service.yaml (e.g. from settings). */
  readonly service?: Partial<{ name: string; address: string; phone: string; email: string }>;
  readonly logo?: ImageData;
  /** Fixed dates and ids for golden tests. */
  readonly deterministic?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildConsentForm(templates: DocumentTemplates, input: ConsentFormInput): DocumentModel {
  const t = templates.consentForm;
  const s = { ...templates.service, ...input.service };
  const blank = input.blank === true;
  if (!blank && !input.role) throw new Error('A pre-filled consent form needs the participant’s role');
  const role = input.role;
  const roleLabel = (r: ConsentRole | 'other') => (r === 'other' ? (templates.service.roles.other ?? 'Other participant') : templates.service.roles[r]);
  const value = (v: string | undefined) => (blank ? undefined : v?.trim() || undefined);
  const date = value(input.date);

  const data: PlaceholderData = {
    service: { name: s.name, address: s.address, phone: s.phone, email: s.email, website: s.website },
    case: { reference: value(input.caseReference) },
    participant: { name: value(input.participantName), role: role ? roleLabel(role) : undefined, supports: value(input.supports) },
    facilitator: { name: value(input.facilitatorName) },
    process: { type: value(input.processType) },
    date: date && ISO_DATE.test(date) ? formatDate(date) : date,
  };
  const fill = (text: string, extra: PlaceholderData = {}) => fillPlaceholders(text, { ...data, ...extra });

  const blocks: Block[] = [heading(1, t.title), paragraph(fill(t.intro))];
  const roleIntro = role && role !== 'other' ? t.roleIntro?.[role] : undefined;
  if (roleIntro) blocks.push(paragraph([run(fill(roleIntro), { italic: true })]));

  // About this form: the case's details, or lines to fill in.
  const d = t.details;
  const roleValue = role ? roleLabel(role) : `${t.blankRoleHint} ${CONSENT_ROLES.map(roleLabel).join(' / ')}`;
  blocks.push(heading(2, t.detailsHeading), {
    kind: 'keyValue',
    items: [
      { key: d.service, value: s.name },
      { key: d.caseReference, value: value(input.caseReference) ?? '' },
      { key: d.participant, value: value(input.participantName) ?? '' },
      { key: d.role, value: roleValue },
      { key: d.facilitator, value: value(input.facilitatorName) ?? '' },
      { key: d.processType, value: value(input.processType) ?? '' },
      { key: d.date, value: (data.date as string | undefined) ?? '' },
    ],
  });

  // The ten elements, each a checkbox with this role's wording (or every role's, on a blank form).
  blocks.push(heading(2, t.elementsHeading), paragraph(fill(t.elementsIntro), { size: 'small' }));
  const ticked = new Set(blank ? [] : (input.ticked ?? []));
  t.elements.forEach((e, i) => {
    let label: TextRun[];
    if (role) {
      label = [run(fill((role !== 'other' ? e.byRole?.[role] : undefined) ?? e.wording))];
    } else {
      label = [run(fill(e.wording))];
      for (const r of CONSENT_ROLES) {
        const special = e.byRole?.[r];
        if (special) label.push(run(`\n${fill(t.blankRolePrefix, { role: roleLabel(r).toLowerCase() })} `, { bold: true }), run(fill(special), { italic: true }));
      }
    }
    blocks.push({ kind: 'checkbox', checked: ticked.has(e.id), title: `${i + 1}. ${fill(e.title)}`, label });
  });

  blocks.push(heading(2, t.withdrawalHeading), paragraph(fill(t.withdrawal)));
  // The statement about their information comes before they sign (element 8 refers to it).
  blocks.push(heading(2, t.dataProtectionHeading), paragraph(fill(s.dataProtection), { size: 'small' }));

  // Signatures: participant; parent or guardian for under-18s (always offered on a blank form); facilitator.
  blocks.push(heading(2, t.signaturesHeading));
  blocks.push({ kind: 'signature', label: t.signatures.participant, ...nameField(value(input.participantName)) });
  if (blank) blocks.push({ kind: 'signature', label: t.signatures.parentGuardianBlank });
  else if (input.under18) blocks.push({ kind: 'signature', label: t.signatures.parentGuardian, ...nameField(value(input.parentGuardianName)) });
  blocks.push({ kind: 'signature', label: t.signatures.facilitator, ...nameField(value(input.facilitatorName)) });

  const contact = [s.name, s.address.replace(/\s*\n\s*/g, ', ').replace(new RegExp(`^${escapeRegExp(s.name)},\\s*`), ''), s.phone, s.email]
    .filter((x) => x && x.trim())
    .join(' · ');
  blocks.push(heading(3, t.contactHeading), paragraph(contact, { size: 'small' }));

  const reference = value(input.caseReference);
  return {
    metadata: {
      title: [t.shortTitle, role ? roleLabel(role) : undefined, reference].filter(Boolean).join(' – '),
      author: s.name,
      subject: t.title,
      deterministic: input.deterministic,
    },
    header: { left: s.name, right: [t.shortTitle, reference].filter(Boolean).join(' · '), ...(input.logo ? { logo: input.logo } : {}) },
    footer: { ...(templates.service.footer ? { left: templates.service.footer } : {}), pageNumbers: true },
    labels: templates.service.labels,
    blocks,
  };
}

function nameField(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
