import { useEffect, useRef, useState } from 'react';
import { ACTION_KINDS, type ActionKind, type OutcomeAgreement } from '../../../../src-main/domain/outcomes/agreement';
import { isoToUk } from '../../shared/lib/dates';
import { SelectField } from '../../shared/components/SelectField';
import { TextArea } from '../../shared/components/TextArea';
import { CheckboxesField } from '../../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { DateBox, formatDate, nameAndRole, optional, participantsInOrder, readDate, type CaseContext } from '../../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy } from '../../cases/signed-by';
import { actionWording, conferenceLabel, conferences, kindLabel, newActionId, participantName, takingPart } from './common';

/** Form values: fixed fields, then five per action row, named "<field>-<row id>". */
type DraftValues = Record<string, string | string[] | boolean | undefined>;

const ROW_FIELDS = ['kind', 'description', 'by', 'dueOn', 'shown'] as const;
/** Where each part of an action sits in the command, and which box shows its problems. */
const COMMAND_TO_ROW: Record<string, (typeof ROW_FIELDS)[number]> = {
  kind: 'kind',
  description: 'description',
  byParticipantId: 'by',
  dueOn: 'dueOn',
  completionShownBy: 'shown',
};
const SIGNING_ROLES = ['harmed', 'responsible', 'parent-guardian'];

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' && v ? [v] : []);

/**
 * Draft the outcome agreement, or change the draft: the actions (add and remove rows), who
 * signs, the conference it was made at, and, if everyone has already signed, the date. Without
 * a date it is saved as a draft to print for signing. The facilitator who countersigns is the
 * signed-in person (or, for an administrator, whom they record it for).
 */
export function DraftForm({ ctx, draft }: { ctx: CaseContext; draft?: OutcomeAgreement }) {
  const { c, reference } = ctx;
  const people = participantsInOrder(c).filter((p) => p.takesPart !== false);
  const booked = conferences(c);
  const [rows, setRows] = useState<string[]>(() => (draft ? draft.actions.map((a) => a.id) : [newActionId()]));
  const focusRow = useRef<string | 'add' | undefined>(undefined);
  const addButton = useRef<HTMLButtonElement>(null);

  const defaults: DraftValues = {
    meetingId: draft ? (draft.meetingId ?? '') : (booked.find((m) => m.status === 'held')?.id ?? ''),
    signatoryIds: draft ? draft.signatoryIds : takingPart(c).filter((p) => SIGNING_ROLES.includes(p.role)).map((p) => p.id),
    ...ON_BEHALF_DEFAULTS,
    signedOn: '',
  };
  for (const a of draft?.actions ?? []) {
    Object.assign(defaults, { [`kind-${a.id}`]: a.kind, [`description-${a.id}`]: a.description, [`by-${a.id}`]: a.byParticipantId, [`dueOn-${a.id}`]: isoToUk(a.dueOn), [`shown-${a.id}`]: a.completionShownBy });
  }

  const fields = [...rows.flatMap((k) => ROW_FIELDS.map((f) => `${f}-${k}`)), 'actions', 'signatoryIds', ...ON_BEHALF_FIELDS, 'meetingId', 'signedOn'];
  const f = useCommandForm<DraftValues>({
    prefix: 'agreement-',
    fields,
    defaultValues: defaults,
    build: (v) => {
      const errors: FieldProblem[] = [];
      const meetingId = text(v.meetingId);
      const meeting = booked.find((m) => m.id === meetingId);
      const earliest = meeting?.date ?? c.referral.receivedOn;
      const signedOn = readDate(text(v.signedOn), 'signedOn', {
        label: 'Date signed',
        required: false,
        notAfter: reference.today,
        notAfterWhy: 'The date signed must be today or in the past',
        notBefore: earliest,
        notBeforeWhy: meeting ? `The date signed must be on or after the conference (${formatDate(meeting.date)})` : `The date signed must be on or after the referral was received (${formatDate(earliest)})`,
      }, errors);
      const signatoryIds = list(v.signatoryIds);
      if (rows.length === 0) errors.push({ field: 'actions', message: 'Add at least one action' });
      const actions = rows.map((k, i) => {
        const n = i + 1;
        const kind = text(v[`kind-${k}`]);
        const description = text(v[`description-${k}`]).trim();
        const by = text(v[`by-${k}`]);
        const shown = text(v[`shown-${k}`]).trim();
        if (!kind) errors.push({ field: `kind-${k}`, message: `Action ${n}: choose the kind of action` });
        if (!description) errors.push({ field: `description-${k}`, message: `Action ${n}: say what will be done` });
        if (!by) errors.push({ field: `by-${k}`, message: `Action ${n}: choose who will do it` });
        const dueOn = readDate(text(v[`dueOn-${k}`]), `dueOn-${k}`, { label: `Action ${n} due date`, notBefore: c.referral.receivedOn }, errors);
        if (dueOn && signedOn && dueOn < signedOn) errors.push({ field: `dueOn-${k}`, message: `Action ${n} is due before the date signed (${formatDate(signedOn)})` });
        if (!shown) errors.push({ field: `shown-${k}`, message: `Action ${n}: say how completion will be shown` });
        return { id: k, kind: kind as ActionKind, description, byParticipantId: by, dueOn: dueOn ?? '', completionShownBy: shown, status: 'pending' as const };
      });
      const unsigned = [...new Set(actions.map((a) => a.byParticipantId).filter((id) => id && !signatoryIds.includes(id)))];
      for (const id of unsigned) errors.push({ field: 'signatoryIds', message: `${participantName(c, id)} has an action, so must sign the agreement: tick their name` });
      if (signatoryIds.length === 0) errors.push({ field: 'signatoryIds', message: 'Choose who signs the agreement' });
      const onBehalfOf = readOnBehalf({ forSomeoneElse: v.forSomeoneElse === true, onBehalfOf: text(v.onBehalfOf) }, errors);
      return {
        errors,
        commands: [
          {
            type: 'record-agreement',
            agreement: {
              ...(meetingId ? { meetingId } : {}),
              actions,
              signatoryIds,
              ...(signedOn ? { signedOn } : {}),
            },
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => {
      const m = /^agreement\.actions\.(\d+)\.(\w+)/.exec(path);
      if (m) {
        const row = rows[Number(m[1])];
        const field = COMMAND_TO_ROW[m[2] ?? ''];
        return row && field ? `${field}-${row}` : undefined;
      }
      const name = path.replace(/^agreement\.?/, '').split('.')[0];
      return name && ['actions', 'signatoryIds', 'onBehalfOf', 'meetingId', 'signedOn'].includes(name) ? name : undefined;
    },
    notice: (v) => (optional(text(v.signedOn)) ? 'Outcome agreement signed' : draft ? 'Draft agreement changed' : 'Draft agreement saved: print it for signing'),
  });

  // After adding or removing a row, put focus somewhere sensible: the new row, or the next one.
  useEffect(() => {
    const target = focusRow.current;
    focusRow.current = undefined;
    if (target === 'add') addButton.current?.focus();
    else if (target) document.getElementById(`agreement-kind-${target}`)?.focus();
  }, [rows]);

  const add = () => {
    const k = newActionId();
    focusRow.current = k;
    setRows((r) => [...r, k]);
  };
  const remove = (k: string) => {
    const i = rows.indexOf(k);
    const rest = rows.filter((x) => x !== k);
    focusRow.current = rest[i] ?? rest[i - 1] ?? 'add';
    f.unregister(ROW_FIELDS.map((x) => `${x}-${k}`));
    setRows(rest);
  };

  /** Choosing a kind offers its suggested evidence, unless something else has been typed. */
  const suggestions = new Set(reference.conferences.agreementActions.actions.map((a) => a.suggestedEvidence).filter(Boolean));
  const onKind = (k: string, kind: string) => {
    const shown = text(f.getValues(`shown-${k}`)).trim();
    const suggested = actionWording(reference, kind)?.suggestedEvidence;
    if (suggested && (!shown || suggestions.has(shown))) f.setValue(`shown-${k}`, suggested);
  };

  const kindOptions = ACTION_KINDS.map((k) => ({ value: k, label: kindLabel(reference, k) }));
  const personOptions = people.map((p) => ({ value: p.id, label: nameAndRole(p, ctx.labels) }));
  const kinds = f.watch(rows.map((k) => `kind-${k}`));

  return (
    <FormPanel
      title={draft ? 'Change the draft agreement' : 'Draft the outcome agreement'}
      summary={f.summary}
      focusKey={f.focusKey}
      onSubmit={f.onSubmit}
      submitLabel={draft ? 'Save changes' : 'Save agreement'}
      submitting={f.formState.isSubmitting}
      testId="agreement-form"
    >
      <p className="govuk-body">
        Write each action as the parties agreed it. The agreement is voluntary and not legally binding. Save it without a date
        signed to print it for signing, then record the signatures.
      </p>
      {booked.length > 0 && (
        <SelectField
          id={f.id('meetingId')}
          label="Conference it was made at"
          error={f.error('meetingId')}
          placeholder="Not made at a conference"
          options={booked.map((m) => ({ value: m.id, label: conferenceLabel(m) }))}
          registration={f.register('meetingId')}
        />
      )}
      <h4 className="govuk-heading-m">Actions</h4>
      <ol className="cb-action-rows" data-testid="action-rows">
        {rows.map((k, i) => {
          const hint = actionWording(reference, text(kinds[i]))?.hint;
          return (
            <li key={k} className="cb-action-row" data-testid={`action-row-${i + 1}`}>
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {i + 1}</legend>
                <SelectField
                  id={f.id(`kind-${k}`)}
                  label="Kind of action"
                  error={f.error(`kind-${k}`)}
                  placeholder="Choose the kind of action"
                  options={kindOptions}
                  registration={f.register(`kind-${k}`, { onChange: (e: { target: { value: string } }) => onKind(k, e.target.value) })}
                />
                <TextArea
                  id={f.id(`description-${k}`)}
                  label="What will be done"
                  hint={hint ? `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.` : undefined}
                  rows={3}
                  error={f.error(`description-${k}`)}
                  registration={f.register(`description-${k}`)}
                />
                <SelectField id={f.id(`by-${k}`)} label="Who will do it" error={f.error(`by-${k}`)} placeholder="Choose a person" options={personOptions} registration={f.register(`by-${k}`)} />
                <DateBox id={f.id(`dueOn-${k}`)} label="Due by" error={f.error(`dueOn-${k}`)} registration={f.register(`dueOn-${k}`)} />
                <TextArea
                  id={f.id(`shown-${k}`)}
                  label="How completion will be shown"
                  hint="Agreed now, so monitoring is not a matter of opinion. Choosing a kind of action suggests wording."
                  rows={2}
                  error={f.error(`shown-${k}`)}
                  registration={f.register(`shown-${k}`)}
                />
                {rows.length > 1 && (
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => remove(k)}>
                    Remove action {i + 1}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="govuk-button govuk-button--secondary" id={f.id('actions')} ref={addButton} onClick={add}>
        {rows.length === 0 ? 'Add an action' : 'Add another action'}
      </button>
      <CheckboxesField
        id={f.id('signatoryIds')}
        legend="Who signs the agreement?"
        legendSize="m"
        hint="Everyone with an action must sign."
        error={f.error('signatoryIds')}
        small
        choices={people.map((p) => ({ value: p.id, label: nameAndRole(p, ctx.labels) }))}
        registration={f.register('signatoryIds')}
      />
      <SignedBy ctx={ctx} f={f} verb="Countersigned by" hint="The facilitator who countersigns is whoever saves the agreement, or records it signed." />
      <DateBox
        id={f.id('signedOn')}
        label="Date signed (optional)"
        hint="Leave this blank to save a draft to print for signing. Enter it only if everyone has already signed."
        error={f.error('signedOn')}
        registration={f.register('signedOn')}
      />
    </FormPanel>
  );
}
