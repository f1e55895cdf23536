import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { CONFERENCE_RESULT_LABELS, CONFERENCE_RESULTS, type ConferenceResult } from '../../../../src-main/domain/conferences/conference-record';
import { describeMeeting, peopleInvited, staffBooked, type Meeting } from '../../../../src-main/domain/conferences/meeting';
import { isoToUk } from '../../shared/lib/dates';
import { TextField } from '../../shared/components/TextField';
import { TextArea } from '../../shared/components/TextArea';
import { CheckboxesField, RadiosField } from '../../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { DateBox, optional, readDate, staffOptions, type CaseContext } from '../../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, type OnBehalfValues } from '../../cases/signed-by';
import { personName, ticked } from './people';
import './conference-record.scss';

interface Values extends OnBehalfValues {
  heldOn: string;
  attendedIds: string[];
  attendedStaffIds: string[];
  othersPresent: string;
  groundRules: string[];
  extraRules: { text: string }[];
  summary: string;
  result: '' | ConferenceResult;
  resumesOn: string;
  notes: string;
}

const FIELDS = ['heldOn', 'attendedIds', 'attendedStaffIds', 'othersPresent', 'groundRules', 'summary', 'result', 'resumesOn', 'notes', ...ON_BEHALF_FIELDS] as const;

/** "Police officer\nInterpreter" → one role a line, blanks dropped. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * What happened at a confirmed conference: who came, the ground rules agreed, what was said in
 * brief and the result. Saving it marks the conference held; a conference that ended (with
 * or without agreement) moves the case on to the outcome agreement.
 */
export function ConferenceRecordForm({ ctx, meeting }: { ctx: CaseContext; meeting: Meeting }) {
  const { reference } = ctx;
  const invited = [...new Set(peopleInvited(meeting))];
  const defaultRules = reference.conferences.groundRules.groundRules;
  const f = useCommandForm<Values>({
    prefix: `record-${meeting.id}-`,
    fields: FIELDS,
    defaultValues: {
      ...ON_BEHALF_DEFAULTS,
      heldOn: isoToUk(meeting.date),
      attendedIds: invited,
      attendedStaffIds: staffBooked(meeting),
      othersPresent: meeting.interpreter ? 'Interpreter' : '',
      groundRules: [...defaultRules],
      extraRules: [],
      summary: '',
      result: '',
      resumesOn: '',
      notes: '',
    },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const heldOn = readDate(v.heldOn, 'heldOn', { label: 'Date held', notAfter: reference.today, notAfterWhy: 'The date held must be today or in the past' }, errors);
      if (!v.summary.trim()) errors.push({ field: 'summary', message: 'Enter a summary of the conference' });
      if (!v.result) errors.push({ field: 'result', message: 'Choose the result of the conference' });
      const resumesOn = v.result === 'adjourned' ? readDate(v.resumesOn, 'resumesOn', { label: 'Date it resumes', required: false, ...(heldOn ? { after: heldOn, afterWhy: 'The conference must resume after the day it was held' } : {}) }, errors) : undefined;
      const onBehalfOf = readOnBehalf(v, errors);
      const others = lines(v.othersPresent);
      const rules = [...new Set([...ticked(v.groundRules), ...v.extraRules.map((r) => r.text.trim()).filter(Boolean)])];
      return {
        errors,
        commands: [
          {
            type: 'record-conference',
            record: {
              meetingId: meeting.id,
              heldOn: heldOn ?? '',
              attendedIds: ticked(v.attendedIds),
              attendedStaffIds: ticked(v.attendedStaffIds),
              ...(others.length ? { othersPresent: others } : {}),
              groundRules: rules,
              summary: v.summary.trim(),
              result: v.result as ConferenceResult,
              ...(resumesOn ? { resumesOn } : {}),
              ...(optional(v.notes) ? { notes: optional(v.notes) } : {}),
            },
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => {
      const name = path.replace(/^record\./, '').split('.')[0];
      return name && (FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: (v) => `Conference recorded: ${v.result ? CONFERENCE_RESULT_LABELS[v.result].toLowerCase() : ''}`,
  });
  const extra = useFieldArray({ control: f.control, name: 'extraRules' });
  const addButton = useRef<HTMLButtonElement>(null);
  const result = f.watch('result');
  return (
    <FormPanel title={`Record the conference: ${describeMeeting(meeting)}`} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save the conference record" submitting={f.formState.isSubmitting} testId="conference-record-form">
      <p className="govuk-body">Saving this record marks the conference as held.</p>
      <DateBox id={f.id('heldOn')} label="Date held" hint="The day it was booked for. If it moved, change the meeting first." error={f.error('heldOn')} registration={f.register('heldOn')} />
      <CheckboxesField id={f.id('attendedIds')} legend="Who attended" hint="Everyone invited is ticked: untick anyone who did not come." error={f.error('attendedIds')} small choices={invited.map((id) => ({ value: id, label: personName(ctx, id) }))} registration={f.register('attendedIds')} />
      <CheckboxesField id={f.id('attendedStaffIds')} legend="Staff who attended" error={f.error('attendedStaffIds')} small choices={staffOptions(reference)} registration={f.register('attendedStaffIds')} />
      <TextArea
        id={f.id('othersPresent')}
        label="Others present (optional)"
        hint="Their role only, never their name, one to a line: for example, police officer."
        rows={2}
        error={f.error('othersPresent')}
        registration={f.register('othersPresent')}
      />
      <CheckboxesField
        id={f.id('groundRules')}
        legend="Ground rules agreed at the start"
        hint="The service’s usual ground rules are ticked. Untick any that were not used, and add any the participants agreed."
        error={f.error('groundRules')}
        small
        choices={defaultRules.map((r) => ({ value: r, label: r }))}
        registration={f.register('groundRules')}
      />
      <div className="cb-add-another" data-testid="extra-rules">
        {extra.fields.map((x, i) => (
          <div className="cb-add-another__item" key={x.id}>
            <TextField id={f.id(`extraRules-${i}`)} label={`Added ground rule ${i + 1}`} registration={f.register(`extraRules.${i}.text`)} autoComplete="off" />
            <button
              type="button"
              className="govuk-button govuk-button--secondary cb-add-another__remove"
              onClick={() => {
                extra.remove(i);
                addButton.current?.focus();
              }}
            >
              Remove<span className="govuk-visually-hidden"> added ground rule {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" ref={addButton} className="govuk-button govuk-button--secondary" onClick={() => extra.append({ text: '' })}>
          Add another ground rule
        </button>
      </div>
      <TextArea id={f.id('summary')} label="Summary" hint="What was said and agreed, in brief. Keep to what the record needs." rows={6} error={f.error('summary')} registration={f.register('summary')} />
      <RadiosField
        id={f.id('result')}
        legend="Result"
        error={f.error('result')}
        selected={result}
        choices={CONFERENCE_RESULTS.map((r) => ({
          value: r,
          label: CONFERENCE_RESULT_LABELS[r],
          conditional: r === 'adjourned' ? <DateBox id={f.id('resumesOn')} label="Date it resumes (optional)" error={f.error('resumesOn')} registration={f.register('resumesOn')} /> : undefined,
        }))}
        registration={f.register('result')}
      />
      <TextArea id={f.id('notes')} label="Notes (optional)" error={f.error('notes')} registration={f.register('notes')} />
      <SignedBy ctx={ctx} f={f} verb="Recorded by" />
    </FormPanel>
  );
}
