import { useState } from 'react';
import type { MeetingInput } from '../../../../src-main/domain/cases/process-commands';
import { isPractitioner } from '../../../../src-main/domain/staff/staff';
import { describeMeeting, MEETING_FORMATS, MEETING_KIND_LABELS, MEETING_KINDS, meetingProblems, type Meeting, type MeetingFormat, type MeetingKind } from '../../../../src-main/domain/conferences/meeting';
import type { Venue } from '../../../../src-main/domain/conferences/venue';
import { readNextFreeMessage } from '../../../../src-main/domain/conferences/next-free-slot';
import type { SummaryError } from '../../shared/components/ErrorSummary';
import type { WorkflowCommand } from '../../../../src-main/domain/cases/workflow';
import { isoToUk, parseUkDate } from '../../shared/lib/dates';
import { TextField } from '../../shared/components/TextField';
import { TextArea } from '../../shared/components/TextArea';
import { SelectField } from '../../shared/components/SelectField';
import { CheckboxesField, RadiosField, SingleCheckbox } from '../../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { DateBox, formatDate, optional, readDate, staffOptions, type CaseContext } from '../../cases/shared';
import { MEETING_FORMAT_LABELS } from '../../cases/labels';
import { inviteChoices, newMeetingId, ticked, venueOf } from './people';
import { endsText, lengthLabel, lengthProblem, LENGTHS, readLength, readTime } from './when';
import './meetings.scss';

interface Values {
  kind: '' | MeetingKind;
  format: '' | MeetingFormat;
  date: string;
  start: string;
  length: string;
  minutes: string;
  venueId: string;
  leadFacilitatorId: string;
  coFacilitatorId: string;
  participantIds: string[];
  supporterIds: string[];
  interpreterName: string;
  interpreterLanguage: string;
  interpreterAgency: string;
  notes: string;
  confirm: boolean;
}

const FIELDS = [
  'kind',
  'format',
  'date',
  'start',
  'length',
  'minutes',
  'venueId',
  'leadFacilitatorId',
  'coFacilitatorId',
  'participantIds',
  'supporterIds',
  'interpreterName',
  'interpreterLanguage',
  'interpreterAgency',
  'notes',
  'confirm',
] as const;

/**
 * A booking clash marks the field it is about (the facilitator, the people, the interpreter,
 * the venue); anything else about the time marks the start time.
 */
function clashField(message: string): string | undefined {
  // The next free time for the same people and room is offered at the start time.
  if (readNextFreeMessage(message)) return 'start';
  if (!/ is already booked at that time: /.test(message)) return undefined;
  if (/\(facilitator\) is already booked|^A facilitator /.test(message)) return 'leadFacilitatorId';
  if (/\((participant|supporter)\) is already booked|^A (participant|supporter) /.test(message)) return 'participantIds';
  if (/^The interpreter |\(interpreter\) is already booked/.test(message)) return 'interpreterName';
  return 'venueId';
}

/** "Use this time" on the error summary's offer of the next free time. */
function withNextFree(summary: SummaryError[], use: (slot: { date: string; start: string }) => void): SummaryError[] {
  return summary.map((e) => {
    const slot = readNextFreeMessage(e.message);
    return slot ? { ...e, fix: { label: 'Use this time', go: () => use(slot) } } : e;
  });
}

/** Where a problem with the meeting (from the schema or the domain's cross-field rules) belongs. */
function fieldFor(path: string, length: string): string | undefined {
  const p = path.replace(/^meeting\./, '');
  if (p === 'confirm') return 'confirm';
  if (p.startsWith('durationMinutes')) return length === 'other' ? 'minutes' : 'length';
  if (p.startsWith('interpreter')) return { 'interpreter.language': 'interpreterLanguage', 'interpreter.agency': 'interpreterAgency' }[p] ?? 'interpreterName';
  const name = p.split('.')[0];
  return name && name !== 'id' && (FIELDS as readonly string[]).includes(name) ? name : undefined;
}

function defaults(ctx: CaseContext, m: Meeting | undefined): Values {
  const usual = m && (LENGTHS as readonly number[]).includes(m.durationMinutes);
  const active = (id: string | undefined) => (id && ctx.reference.staff.some((s) => s.id === id && s.active) ? id : '');
  return {
    kind: m?.kind ?? '',
    format: m?.format ?? '',
    date: m ? isoToUk(m.date) : '',
    start: m?.start ?? '',
    length: m ? (usual ? String(m.durationMinutes) : 'other') : '',
    minutes: m && !usual ? String(m.durationMinutes) : '',
    venueId: m?.venueId ?? '',
    leadFacilitatorId: m?.leadFacilitatorId ?? active(ctx.c.leadFacilitatorId),
    coFacilitatorId: m?.coFacilitatorId ?? active(ctx.c.coFacilitatorId),
    participantIds: m?.participantIds ?? [],
    supporterIds: m?.supporterIds ?? [],
    interpreterName: m?.interpreter?.name ?? '',
    interpreterLanguage: m?.interpreter?.language ?? '',
    interpreterAgency: m?.interpreter?.agency ?? '',
    notes: m?.notes ?? '',
    confirm: false,
  };
}

/** The form's values as the meeting the command carries, and what only the form can see wrong. */
function read(ctx: CaseContext, v: Values, id: string): { errors: FieldProblem[]; meeting: MeetingInput } {
  const { c } = ctx;
  const errors: FieldProblem[] = [];
  if (!v.kind) errors.push({ field: 'kind', message: 'Choose the kind of meeting' });
  if (!v.format) errors.push({ field: 'format', message: 'Choose how the meeting is held' });
  const date = readDate(v.date, 'date', { label: 'Meeting date', notBefore: c.referral.receivedOn, notBeforeWhy: `The meeting must be on or after the referral was received (${formatDate(c.referral.receivedOn)})` }, errors);
  const start = readTime(v.start);
  if (!start) errors.push({ field: 'start', message: v.start.trim() ? 'Enter the start time on the 24-hour clock, like 09:30 or 14:00' : 'Enter the start time' });
  const length = lengthProblem(v.length, v.minutes);
  if (length) errors.push(length);
  if (!v.leadFacilitatorId) errors.push({ field: 'leadFacilitatorId', message: 'Choose the lead facilitator' });
  const name = v.interpreterName.trim();
  const language = v.interpreterLanguage.trim();
  const agency = optional(v.interpreterAgency);
  if ((name || language || agency) && !name) errors.push({ field: 'interpreterName', message: "Enter the interpreter's name, or leave the interpreter boxes empty" });
  if ((name || language || agency) && !language) errors.push({ field: 'interpreterLanguage', message: 'Enter the language the interpreter speaks' });
  const meeting: MeetingInput = {
    id,
    kind: v.kind as MeetingKind,
    format: v.format as MeetingFormat,
    date: date ?? '',
    start: start ?? v.start.trim(),
    durationMinutes: readLength(v.length, v.minutes) ?? 0,
    ...(v.venueId ? { venueId: v.venueId } : {}),
    leadFacilitatorId: v.leadFacilitatorId,
    ...(v.coFacilitatorId ? { coFacilitatorId: v.coFacilitatorId } : {}),
    participantIds: ticked(v.participantIds),
    supporterIds: ticked(v.supporterIds),
    ...(name || language ? { interpreter: { name, language, ...(agency ? { agency } : {}) } } : {}),
    ...(optional(v.notes) ? { notes: optional(v.notes) } : {}),
  };
  // The domain's rules across fields: in person needs a venue, the co-facilitator is someone else…
  if (date && start) for (const p of meetingProblems({ ...meeting, caseId: c.id, status: 'proposed' })) errors.push({ field: fieldFor(p.path, v.length), message: p.message });
  return { errors, meeting };
}

/**
 * Schedule a meeting, or change one already booked (a postponed one is rescheduled: given its
 * new time and put back in the diary as proposed). The main process checks every booking
 * against every case's diary and says who or what is double-booked.
 */
export function MeetingForm({ ctx, meeting }: { ctx: CaseContext; meeting?: Meeting }) {
  const { reference } = ctx;
  // One id for the life of the form, so a retry after a lost answer cannot book the meeting twice.
  const [fresh] = useState(newMeetingId);
  const id = meeting?.id ?? fresh;
  const reschedule = meeting?.status === 'postponed';
  const f = useCommandForm<Values>({
    prefix: meeting ? `edit-${meeting.id}-` : 'schedule-',
    fields: FIELDS,
    defaultValues: defaults(ctx, meeting),
    build: (v) => {
      const { errors, meeting: m } = read(ctx, v, id);
      const confirm = !meeting && v.kind === 'conference' && v.confirm;
      const commands: WorkflowCommand[] = meeting
        ? [{ type: 'update-meeting', meeting: m, ...(reschedule ? { reschedule: true } : {}) }]
        : [{ type: 'schedule-meeting', meeting: m, ...(confirm ? { confirm: true } : {}) }];
      return { errors, commands };
    },
    fieldFor: (path): string | undefined => fieldFor(path, f.getValues('length')),
    placeOf: clashField,
    notice: (v) => {
      const what = describeMeeting(read(ctx, v, id).meeting);
      if (reschedule) return `${what}: rescheduled`;
      if (meeting) return `${what}: changes saved`;
      return `${what}: ${v.kind === 'conference' && v.confirm ? 'scheduled and confirmed' : 'scheduled'}`;
    },
  });
  const [kind, format, date, start, length, minutes, venueId, participantIds, supporterIds] = f.watch(['kind', 'format', 'date', 'start', 'length', 'minutes', 'venueId', 'participantIds', 'supporterIds']);
  const venues = reference.venues.filter((v) => v.active || v.id === meeting?.venueId);
  const iso = parseUkDate(date ?? '');
  const time = readTime(start ?? '');
  const duration = readLength(length ?? '', minutes ?? '');
  const ends = iso && time && duration && !lengthProblem(length, minutes) ? endsText(iso, time, duration) : undefined;
  const practitioners = staffOptions(reference, isPractitioner);
  const supporterChoices = inviteChoices(ctx, true, ticked(supporterIds));
  const title = meeting ? `${reschedule ? 'Reschedule' : 'Change'}: ${describeMeeting(meeting)}` : 'Schedule a meeting';
  const submitLabel = reschedule ? 'Reschedule the meeting' : meeting ? 'Save changes' : 'Schedule the meeting';
  return (
    <FormPanel title={title} summary={withNextFree(f.summary, (slot) => {
      f.setValue('date', isoToUk(slot.date));
      f.setValue('start', slot.start);
      f.clearErrors();
      document.getElementById(f.id('start'))?.focus();
    })} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel={submitLabel} submitting={f.formState.isSubmitting} testId={meeting ? 'meeting-edit-form' : 'schedule-form'}>
      {reschedule && <p className="govuk-body">Give the new date and time. The meeting goes back in the diary as proposed{meeting.kind === 'conference' ? ', to be confirmed again' : ''}.</p>}
      <h4 className="govuk-heading-s cb-form-section">What and when</h4>
      <RadiosField
        id={f.id('kind')}
        legend="Kind of meeting"
        error={f.error('kind')}
        inline
        choices={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
        registration={f.register('kind')}
      />
      <RadiosField
        id={f.id('format')}
        legend="How is it held?"
        error={f.error('format')}
        inline
        choices={MEETING_FORMATS.map((x) => ({ value: x, label: MEETING_FORMAT_LABELS[x] }))}
        registration={f.register('format')}
      />
      <DateBox id={f.id('date')} label="Date" error={f.error('date')} registration={f.register('date')} />
      <TextField id={f.id('start')} label="Start time" hint="24-hour clock, for example 14:30" error={f.error('start')} registration={f.register('start')} inputMode="numeric" autoComplete="off" spellCheck={false} widthClass="govuk-input--width-5" />
      <SelectField
        id={f.id('length')}
        label="Length"
        error={f.error('length')}
        placeholder="Choose a length"
        options={[...LENGTHS.map((n) => ({ value: String(n), label: lengthLabel(n) })), { value: 'other', label: 'Another length' }]}
        registration={f.register('length')}
      />
      {length === 'other' && (
        <TextField id={f.id('minutes')} label="Length in minutes" hint="For example, 150 for two and a half hours" error={f.error('minutes')} registration={f.register('minutes')} inputMode="numeric" autoComplete="off" widthClass="govuk-input--width-4" />
      )}
      {ends && (
        <p className="govuk-inset-text cb-meeting-ends" data-testid="meeting-ends">
          {ends}
        </p>
      )}

      <h4 className="govuk-heading-s cb-form-section">Where</h4>
      <SelectField
        id={f.id('venueId')}
        label={format === 'in-person' || !format ? 'Venue' : 'Venue (optional)'}
        hint={venueId ? <VenueDetails venue={venueOf(ctx, venueId)} /> : venues.length === 0 ? 'No venues are set up yet. A coordinator or administrator can add them in Settings.' : format === 'in-person' ? undefined : 'Only if a facilitator uses a room for the call.'}
        error={f.error('venueId')}
        placeholder={format === 'in-person' ? 'Choose a venue' : 'No venue'}
        options={venues.map((v) => ({ value: v.id, label: v.active ? v.name : `${v.name} (no longer in use)` }))}
        registration={f.register('venueId')}
      />

      <h4 className="govuk-heading-s cb-form-section">Who</h4>
      <SelectField id={f.id('leadFacilitatorId')} label="Lead facilitator" error={f.error('leadFacilitatorId')} placeholder="Choose a facilitator" options={practitioners} registration={f.register('leadFacilitatorId')} />
      <SelectField
        id={f.id('coFacilitatorId')}
        label="Co-facilitator (optional)"
        hint={ctx.c.referral.sensitive.length > 0 ? 'This is a sensitive case: a conference needs a co-facilitator before it can be confirmed.' : undefined}
        error={f.error('coFacilitatorId')}
        placeholder="No co-facilitator"
        options={practitioners}
        registration={f.register('coFacilitatorId')}
      />
      <CheckboxesField id={f.id('participantIds')} legend="Participants" hint="Choose everyone from the case who is invited." error={f.error('participantIds')} small choices={inviteChoices(ctx, false, ticked(participantIds))} registration={f.register('participantIds')} />
      {supporterChoices.length > 0 ? (
        <CheckboxesField id={f.id('supporterIds')} legend="Supporters (optional)" hint="Friends or relatives who come with a participant." error={f.error('supporterIds')} small choices={supporterChoices} registration={f.register('supporterIds')} />
      ) : (
        <p className="govuk-body">No supporters are in this case. To invite one, add them on the People section first.</p>
      )}
      <fieldset className="govuk-fieldset" aria-describedby={f.id('interpreter-hint')}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Interpreter (optional)</legend>
        <div className="govuk-hint" id={f.id('interpreter-hint')}>
          Leave these empty if nobody needs an interpreter.
        </div>
        <TextField id={f.id('interpreterName')} label="Interpreter's name" error={f.error('interpreterName')} registration={f.register('interpreterName')} autoComplete="off" widthClass="govuk-!-width-two-thirds" />
        <TextField id={f.id('interpreterLanguage')} label="Language" error={f.error('interpreterLanguage')} registration={f.register('interpreterLanguage')} autoComplete="off" widthClass="govuk-!-width-one-third" />
        <TextField id={f.id('interpreterAgency')} label="Agency (optional)" error={f.error('interpreterAgency')} registration={f.register('interpreterAgency')} autoComplete="off" widthClass="govuk-!-width-two-thirds" />
      </fieldset>
      <TextArea id={f.id('notes')} label="Notes (optional)" hint="Arrangements, such as separate arrival times or a break-out room." error={f.error('notes')} registration={f.register('notes')} />
      {!meeting && kind === 'conference' && (
        <SingleCheckbox
          id={f.id('confirm')}
          label="Confirm the conference now"
          hint="Only when everyone invited has given consent and has a signed-off risk assessment. Otherwise it is booked as proposed, to confirm later."
          error={f.error('confirm')}
          registration={f.register('confirm')}
        />
      )}
    </FormPanel>
  );
}

/** What a coordinator needs to know about a room before putting the parties in it. */
function VenueDetails({ venue }: { venue: Venue | undefined }) {
  if (!venue) return null;
  const facts = [
    venue.address,
    venue.stepFreeAccess === undefined ? undefined : venue.stepFreeAccess ? 'Step-free access.' : 'No step-free access.',
    venue.separateWaitingAreas === undefined ? undefined : venue.separateWaitingAreas ? 'Separate waiting areas, so the parties need not meet before the conference.' : 'No separate waiting areas: plan arrival times so the parties do not meet.',
    venue.accessibilityNotes,
  ].filter(Boolean);
  return (
    <span data-testid="venue-details">
      {facts.map((x) => (
        <span className="cb-block" key={x}>
          {x}
        </span>
      ))}
    </span>
  );
}
