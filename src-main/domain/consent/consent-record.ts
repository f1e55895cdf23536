import { z } from 'zod';
import { dateField } from '../time/dates';
import { ListIdSchema, ParticipantIdSchema, PARTICIPANT_ROLES } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { RECORDED_ON_BEHALF_FIELD } from '../staff/signer';
import { duplicateIds, parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { requiredText, text } from '../shared/text';

/**
 * What a consent record is: the elements (data), and each entry as the case file keeps it.
 * Apart from the rules over a case (consent.ts), so the case schema can hold it.
 */
// ── The ten elements, as data (templates/casework/consent-elements.yaml) ──────────────────

export const ConsentElementSchema = z.strictObject({
  id: ListIdSchema,
  number: z.number({ error: 'number must be a whole number' }).int().min(1).max(99),
  title: requiredText('Title', 200),
  /** What the facilitator explains and the participant agrees to, as printed on the form. */
  wording: requiredText('Wording', 5_000),
  /** Roles for whom this element must be given before a restorative process can start. An
   * empty list means it is recorded (for example a feedback preference) but never blocks. */
  requiredFor: z.array(z.enum(PARTICIPANT_ROLES, { error: `A role is one of: ${PARTICIPANT_ROLES.join(', ')}` })).max(PARTICIPANT_ROLES.length),
  /** For under-18s this element also needs a parent's or guardian's signature. */
  parentGuardianForUnder18: z.boolean({ error: 'parentGuardianForUnder18 must be true or false' }).default(false),
});
export type ConsentElement = z.infer<typeof ConsentElementSchema>;

export const ConsentElementsFileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    elements: z.array(ConsentElementSchema).min(1, { error: 'List at least one consent element' }).max(50),
  })
  .superRefine((f, ctx) => {
    for (const d of duplicateIds(f.elements)) ctx.addIssue({ code: 'custom', path: ['elements', d.index, 'id'], message: `the id "${d.id}" is used twice` });
    const numbers = new Set<number>();
    f.elements.forEach((e, i) => {
      if (numbers.has(e.number)) ctx.addIssue({ code: 'custom', path: ['elements', i, 'number'], message: `number ${e.number} is used twice` });
      numbers.add(e.number);
    });
  });

export function parseConsentElements(yamlText: string, file: string): TemplateResult<ConsentElement[]> {
  const r = parseYamlTemplate(yamlText, file, ConsentElementsFileSchema);
  return r.ok ? { ok: true, value: [...r.value.elements].sort((a, b) => a.number - b.number) } : r;
}

// ── The record kept on each participant ───────────────────────────────────────────────

export const CONSENT_STATUSES = ['given', 'declined', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_METHODS = ['signed-form', 'recorded-verbal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = { 'signed-form': 'Signed form', 'recorded-verbal': 'Recorded verbal consent' };

export const ConsentEntrySchema = z.strictObject({
  elementId: ListIdSchema,
  /** 1 for the first answer on this element, then 2, 3… */
  version: z.number().int().min(1),
  status: z.enum(CONSENT_STATUSES, { error: 'Consent is given, declined or withdrawn' }),
  on: dateField('Consent date'),
  /** How it was given; a withdrawal may come by any means, so it is optional there. */
  method: z.enum(CONSENT_METHODS, { error: 'Choose how consent was given: signed form or recorded verbal' }).optional(),
  /** The facilitator who took it (their record is the countersignature): the signed-in person. */
  takenBy: StaffIdSchema,
  ...RECORDED_ON_BEHALF_FIELD,
  /** For an under-18: the parent or guardian (a participant in the case) who also signed. */
  parentGuardianId: ParticipantIdSchema.optional(),
  reason: text('Reason', 2_000).optional(),
  recordedAt: z.iso.datetime(),
});
export type ConsentEntry = z.infer<typeof ConsentEntrySchema>;
