import { INDIRECT_MEDIA, INDIRECT_MEDIUM_LABELS, type IndirectMedium } from '../../../../src-main/domain/conferences/process-type';
import { useCaseView } from '../../cases/case-view-state';
import { SelectField } from '../../shared/components/SelectField';
import { TextArea } from '../../shared/components/TextArea';
import { RadiosField } from '../../shared/components/ChoiceFields';
import { useRef, useState } from 'react';
import { AttachmentField, type Chosen } from './AttachmentField';
import { call, messageOf } from '../../shared/api/client';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { DateBox, formatDate, nameAndRole, OpenFormButton, readDate, staffName, staffOptions, ukToday, type CaseContext } from '../../cases/shared';
import { personName } from './people';

export const INDIRECT_FORM = 'indirect';

/** An indirect process has no conference: its record is what passed between the parties, and when. */
export function IndirectLog({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const entries = [...(ctx.c.indirectLog ?? [])].reverse();
  return (
    <section aria-labelledby="indirect-title" data-testid="indirect-log">
      <h3 className="govuk-heading-m" id="indirect-title">
        Indirect process log
      </h3>
      <p className="govuk-body">Each message, letter, recording or call passed on, in brief. Newest first.</p>
      {entries.length === 0 ? (
        <p className="govuk-body">Nothing logged yet.</p>
      ) : (
        <table className="govuk-table cb-table--compact">
          <caption className="govuk-table__caption govuk-visually-hidden">Indirect process log, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">From</th>
              <th scope="col" className="govuk-table__header">To</th>
              <th scope="col" className="govuk-table__header">Passed on by</th>
              <th scope="col" className="govuk-table__header">Summary</th>
              <th scope="col" className="govuk-table__header">File</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {entries.map((e, i) => (
              <tr className="govuk-table__row" key={`${e.on}-${i}`}>
                <td className="govuk-table__cell cb-nowrap">{formatDate(e.on)}</td>
                <td className="govuk-table__cell">{INDIRECT_MEDIUM_LABELS[e.medium]}</td>
                <td className="govuk-table__cell">{personName(ctx, e.fromParticipantId)}</td>
                <td className="govuk-table__cell">{e.toParticipantId ? personName(ctx, e.toParticipantId) : 'Not sent'}</td>
                <td className="govuk-table__cell">{staffName(ctx.reference, e.viaStaffId)}</td>
                <td className="govuk-table__cell cb-pre-wrap">{e.summary}</td>
                <td className="govuk-table__cell">{e.attachment ? <SaveAttachment ctx={ctx} attachment={e.attachment} on={e.on} /> : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ctx.canEdit && <OpenFormButton form={INDIRECT_FORM}>Add to the log</OpenFormButton>}
      {form === INDIRECT_FORM && ctx.canEdit && <IndirectEntryForm ctx={ctx} />}
    </section>
  );
}

/** A copy of an attached file, saved where the user chooses (the casebook keeps the original, encrypted). */
function SaveAttachment({ ctx, attachment, on }: { ctx: CaseContext; attachment: string; on: string }) {
  const [said, setSaid] = useState<string>();
  const save = async () => {
    setSaid(undefined);
    try {
      const r = await call('saveAttachment', { caseId: ctx.c.id, attachment });
      setSaid(r.saved ? `Saved a copy of ${r.fileName}.` : 'Not saved.');
    } catch (e) {
      setSaid(messageOf(e));
    }
  };
  return (
    <>
      {ctx.canWork ? (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => void save()}>
          Save a copy<span className="govuk-visually-hidden"> of the file logged on {formatDate(on)}</span>
        </button>
      ) : (
        'Attached'
      )}
      <span role="status" className="govuk-body-s cb-block">
        {said}
      </span>
    </>
  );
}

interface Values {
  on: string;
  medium: '' | IndirectMedium;
  fromParticipantId: string;
  toParticipantId: string;
  viaStaffId: string;
  summary: string;
}

const FIELDS = ['on', 'medium', 'fromParticipantId', 'toParticipantId', 'viaStaffId', 'summary'] as const;

function IndirectEntryForm({ ctx }: { ctx: CaseContext }) {
  const { c, reference } = ctx;
  const [chosen, setChosen] = useState<Chosen>();
  const chosenRef = useRef<Chosen | undefined>(undefined);
  chosenRef.current = chosen;
  const people = c.participants.filter((p) => p.takesPart !== false).map((p) => ({ value: p.id, label: nameAndRole(p, ctx.labels) }));
  const f = useCommandForm<Values>({
    prefix: 'indirect-',
    fields: FIELDS,
    defaultValues: { on: ukToday(reference), medium: '', fromParticipantId: '', toParticipantId: '', viaStaffId: ctx.me?.id ?? c.leadFacilitatorId ?? '', summary: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const on = readDate(v.on, 'on', { label: 'Date', notAfter: reference.today, notBefore: c.referral.receivedOn, notBeforeWhy: `The date must be on or after the referral was received (${formatDate(c.referral.receivedOn)})` }, errors);
      if (!v.medium) errors.push({ field: 'medium', message: 'Choose what was passed on' });
      if (!v.fromParticipantId) errors.push({ field: 'fromParticipantId', message: 'Choose who it came from' });
      const noSend = v.medium === 'no-send-letter';
      if (!noSend && v.medium && !v.toParticipantId) errors.push({ field: 'toParticipantId', message: 'Choose who it was passed on to' });
      if (!v.viaStaffId) errors.push({ field: 'viaStaffId', message: 'Choose the facilitator who carried it' });
      if (!v.summary.trim()) errors.push({ field: 'summary', message: 'Enter a summary of what was passed on' });
      return {
        errors,
        commands: [
          {
            type: 'log-indirect',
            entry: {
              on: on ?? '',
              medium: v.medium as IndirectMedium,
              fromParticipantId: v.fromParticipantId,
              ...(!noSend && v.toParticipantId ? { toParticipantId: v.toParticipantId } : {}),
              viaStaffId: v.viaStaffId,
              summary: v.summary.trim(),
            },
          },
        ],
      };
    },
    fieldFor: (path) => {
      const name = path.replace(/^entry\./, '').split('.')[0];
      return name && (FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: (v) => `${v.medium ? INDIRECT_MEDIUM_LABELS[v.medium] : 'Entry'} from ${personName(ctx, v.fromParticipantId)} logged${chosenRef.current ? ' with its file' : ''}`,
    // With a file chosen, the main process saves the file it holds and the entry together.
    send: (commands, _v, notice) => {
      const command = commands[0];
      const file = chosenRef.current;
      return file && command?.type === 'log-indirect' ? logWithAttachment(command.entry, notice, file.token) : undefined;
    },
  });
  const logWithAttachment = useCaseView((s) => s.logWithAttachment);
  const medium = f.watch('medium');
  return (
    <FormPanel title="Add to the indirect process log" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save to the log" submitting={f.formState.isSubmitting} testId="indirect-form">
      <DateBox id={f.id('on')} label="Date" error={f.error('on')} registration={f.register('on')} />
      <RadiosField id={f.id('medium')} legend="What was passed on?" error={f.error('medium')} small choices={INDIRECT_MEDIA.map((m) => ({ value: m, label: INDIRECT_MEDIUM_LABELS[m] }))} registration={f.register('medium')} />
      <SelectField id={f.id('fromParticipantId')} label="From" error={f.error('fromParticipantId')} placeholder="Choose a person" options={people} registration={f.register('fromParticipantId')} />
      {medium === 'no-send-letter' ? (
        <p className="govuk-inset-text">A no-send letter is written but kept, not passed on, so it goes to nobody.</p>
      ) : (
        <SelectField id={f.id('toParticipantId')} label="To" error={f.error('toParticipantId')} placeholder="Choose a person" options={people} registration={f.register('toParticipantId')} />
      )}
      <SelectField id={f.id('viaStaffId')} label="Passed on by" hint="The facilitator who carried it, or wrote it down." error={f.error('viaStaffId')} placeholder="Choose a member of staff" options={staffOptions(reference)} registration={f.register('viaStaffId')} />
      <TextArea id={f.id('summary')} label="Summary" hint="What it said, in brief. Keep the words themselves out unless the record needs them." error={f.error('summary')} registration={f.register('summary')} />
      <AttachmentField id={f.id('file')} chosen={chosen} onChosen={setChosen} />
    </FormPanel>
  );
}
