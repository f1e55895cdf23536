import { z } from 'zod';
import { dateField } from '../time/dates';
import { ParticipantIdSchema } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { strictForm } from '../shared/strict-form';
import { requiredText } from '../shared/text';
import { AttachmentRefSchema } from './ids';

/**
 * The kind of restorative process agreed with the participants (consent element 1 names it),
 * from product.md: direct (the parties meet, in person or by video), indirect (the facilitator
 * carries what they want to say) or a community conference (a wider group).
 */
export const PROCESS_FORMS = {
  direct: ['face-to-face', 'video'],
  indirect: ['shuttle', 'letter-exchange', 'recorded', 'phone'],
  community: ['community-conference'],
} as const;

export type ProcessKind = keyof typeof PROCESS_FORMS;
export const PROCESS_KINDS = Object.keys(PROCESS_FORMS) as ProcessKind[];
export type ProcessForm = (typeof PROCESS_FORMS)[ProcessKind][number];

export const PROCESS_KIND_LABELS: Record<ProcessKind, string> = {
  direct: 'Direct process',
  indirect: 'Indirect process',
  community: 'Community conference',
};

export const PROCESS_FORM_LABELS: Record<ProcessForm, string> = {
  'face-to-face': 'Face-to-face conference',
  video: 'Conference by video',
  shuttle: 'Messages passed by the facilitator (shuttle)',
  'letter-exchange': 'Letter exchange',
  recorded: 'Recorded audio or video',
  phone: 'Phone',
  'community-conference': 'Community conference',
};

const formError = (kind: ProcessKind) => `For ${PROCESS_KIND_LABELS[kind].toLowerCase()}, choose one of: ${PROCESS_FORMS[kind].join(', ')}`;

/** A discriminated union, so a form can only be chosen with the kind it belongs to. */
export const ProcessChoiceSchema = z.discriminatedUnion(
  'kind',
  [
    strictForm({ kind: z.literal('direct'), form: z.enum(PROCESS_FORMS.direct, { error: formError('direct') }) }, 'the process choice'),
    strictForm({ kind: z.literal('indirect'), form: z.enum(PROCESS_FORMS.indirect, { error: formError('indirect') }) }, 'the process choice'),
    strictForm({ kind: z.literal('community'), form: z.enum(PROCESS_FORMS.community, { error: formError('community') }) }, 'the process choice'),
  ],
  { error: `Choose the kind of process: ${PROCESS_KINDS.join(', ')}` },
);
export type ProcessChoice = z.infer<typeof ProcessChoiceSchema>;

export function describeProcess(p: ProcessChoice): string {
  return PROCESS_FORM_LABELS[p.form];
}

/** Indirect processes have no conference; their record is the log of what was passed on. */
export function isIndirect(p: ProcessChoice | undefined): boolean {
  return p?.kind === 'indirect';
}

/** What was passed on. A no-send letter is written but, because contact is too risky, kept. */
export const INDIRECT_MEDIA = ['message', 'letter', 'no-send-letter', 'audio-recording', 'video-recording', 'phone-call'] as const;
export type IndirectMedium = (typeof INDIRECT_MEDIA)[number];

export const INDIRECT_MEDIUM_LABELS: Record<IndirectMedium, string> = {
  message: 'Message passed on by the facilitator',
  letter: 'Letter',
  'no-send-letter': 'No-send letter (written, not sent)',
  'audio-recording': 'Audio recording',
  'video-recording': 'Video recording',
  'phone-call': 'Phone call',
};

/**
 * One entry in an indirect process's log: from whom, to whom, when and, in brief, what. The
 * words themselves stay in the summary or an attachment; the attachment is kept encrypted by
 * the store, and the log holds only its content hash.
 */
export const IndirectLogEntrySchema = strictForm(
  {
    on: dateField('Date'),
    medium: z.enum(INDIRECT_MEDIA, { error: `Choose what was passed on: ${INDIRECT_MEDIA.join(', ')}` }),
    fromParticipantId: ParticipantIdSchema,
    /** Absent only for a no-send letter, which goes to nobody. */
    toParticipantId: ParticipantIdSchema.optional(),
    /** The facilitator who carried it, or wrote it down. */
    viaStaffId: StaffIdSchema,
    summary: requiredText('Summary', 10_000),
    attachment: AttachmentRefSchema.optional(),
  },
  'the log entry',
).superRefine((e, ctx) => {
  if (e.medium === 'no-send-letter' && e.toParticipantId !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['toParticipantId'], message: 'A no-send letter is not passed on: remove who it is to, or choose "letter"' });
  }
  if (e.medium !== 'no-send-letter' && e.toParticipantId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['toParticipantId'], message: 'Choose who it was passed on to' });
  }
  if (e.toParticipantId !== undefined && e.toParticipantId === e.fromParticipantId) {
    ctx.addIssue({ code: 'custom', path: ['toParticipantId'], message: 'It cannot be passed on to the person it came from: choose someone else' });
  }
});
export type IndirectLogEntry = z.infer<typeof IndirectLogEntrySchema>;

/** The date the indirect process started: its first log entry. Figures count processes by it. */
export function indirectStartedOn(log: readonly Pick<IndirectLogEntry, 'on'>[]): string | undefined {
  let first: string | undefined;
  for (const e of log) if (first === undefined || e.on < first) first = e.on;
  return first;
}
