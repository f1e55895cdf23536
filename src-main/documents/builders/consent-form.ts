/**
 * The consent form for one participant role, pre-filled from the case or blank (to print a
 * stack before meetings). Each of the ten consent elements is a checkbox with the role's
 * wording; the form ends with signature and date lines for the participant, a parent or
 * guardian where the participant is under 18, and the facilitator's countersignature.
 */
import { longDate } from './common';
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
  /**
   * A record of consent already given (recorded on this date, YYYY-MM-DD), with `ticked` the
   * elements given: titled as a record, with no signature lines. Without it the form is for
   * signing and no box is ever printed ticked.
   */
  readonly record?: { readonly on: string };
  /** Elements consented to, printed ticked on a record of consent (ignored on a form to sign). */
  readonly ticked?: readonly ConsentElementId[];
  /** The young person's form (consent-form-young.yaml): plain words, the parent or guardian's part built in. */
  readonly young?: boolean;
  /** Overrides for the service's details from service.yaml (e.g. from settings). */
  readonly service?: Partial<{ name: string; address: string; phone: string; email: string }>;
  readonly logo?: ImageData;
  /** Fixed dates and ids for golden tests. */
  readonly deterministic?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildConsentForm(templates: DocumentTemplates, input: ConsentFormInput): DocumentModel {
  const t = input.young ? templates.consentFormYoung : templates.consentForm;
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
    date: date && ISO_DATE.test(date) ? longDate(date, s.months) : date,
  };
  const fill = (text: string, extra: PlaceholderData = {}) => fillPlaceholders(text, { ...data, ...extra });

  const record = !blank && input.record && t.record ? { ...t.record, on: longDate(input.record.on, s.months) } : undefined;
  const title = record ? fill(record.title, { date: record.on }) : t.title;
  const blocks: Block[] = [heading(1, title), paragraph(fill(record ? record.intro : t.intro))];
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

  blocks.push(heading(2, t.withdrawalHeading), paragraph(fill(t.withdrawal)));
  // What they can change and how their information is used come before the elements (element 8
  // refers to the statement), so the last element, about signing, leads straight to the signatures.
  const contact = [s.name, s.address.replace(/\s*\n\s*/g, ', ').replace(new RegExp(`^${escapeRegExp(s.name)},\\s*`), ''), s.phone, s.email]
    .filter((x) => x && x.trim())
    .join(' · ');
  blocks.push(heading(2, t.dataProtectionHeading), paragraph(fill(t.dataProtection ?? s.dataProtection), { size: 'small' }), heading(3, t.contactHeading), paragraph(contact, { size: 'small' }));

  // The ten elements, each a checkbox with this role's wording (or every role's, on a blank form).
  blocks.push(heading(2, t.elementsHeading), paragraph(fill(record ? record.elementsIntro : t.elementsIntro), { size: 'small' }));
  // Never pre-ticked for signing: ticks are printed only on a record of consent already given.
  const ticked = new Set(record ? (input.ticked ?? []) : []);
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
    // The last element (signing the form) stays on the page with the signatures it introduces.
    const last = i === t.elements.length - 1 && !record;
    blocks.push({ kind: 'checkbox', checked: ticked.has(e.id), title: `${i + 1}. ${fill(e.title)}`, label, ...(last ? { keepWithNext: true } : {}) });
  });

  if (record) {
    blocks.push(paragraph([run(fill(record.change), { bold: true })]));
  } else {
    // Signatures: participant; parent or guardian for under-18s (always offered on a blank form); facilitator.
    // The layout keeps the heading, the declaration and every signature on one page.
    blocks.push(heading(2, t.signaturesHeading));
    if (t.declaration) blocks.push(paragraph(fill(t.declaration), { keepWithNext: true }));
    blocks.push({ kind: 'signature', label: t.signatures.participant, ...nameField(value(input.participantName)) });
    if (blank) blocks.push({ kind: 'signature', label: t.signatures.parentGuardianBlank });
    else if (input.under18 || input.young) blocks.push({ kind: 'signature', label: t.signatures.parentGuardian, ...nameField(value(input.parentGuardianName)) });
    blocks.push({ kind: 'signature', label: t.signatures.facilitator, ...nameField(value(input.facilitatorName)) });
  }

  const reference = value(input.caseReference);
  return {
    metadata: {
      title: [t.shortTitle, role ? roleLabel(role) : undefined, reference].filter(Boolean).join(' – '),
      author: s.name,
      subject: title,
      deterministic: input.deterministic,
    },
    header: { left: s.name, right: [t.shortTitle, reference].filter(Boolean).join(' · '), ...(input.logo ? { logo: input.logo } : {}) },
    // Initials on every page, so a page cannot be swapped unnoticed; a record is not initialled.
    footer: { ...(templates.service.footer ? { left: templates.service.footer } : {}), ...(t.initials && !record ? { centre: `${t.initials} ________` } : {}), pageNumbers: true },
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
