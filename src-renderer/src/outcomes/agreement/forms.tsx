import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus, type AgreementAction, type OutcomeAgreement } from '../../../../src-main/domain/outcomes/agreement';
import { isoToUk } from '../../shared/lib/dates';
import { RadiosField } from '../../shared/components/ChoiceFields';
import { TextArea } from '../../shared/components/TextArea';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { DateBox, formatDate, optional, readDate, ukToday, type CaseContext } from '../../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, type OnBehalfValues } from '../../cases/signed-by';
import { conferences, kindLabel } from './common';

/** The day everyone signed the printed agreement: it then starts, and is monitored. */
export function SignForm({ ctx, g }: { ctx: CaseContext; g: OutcomeAgreement }) {
  const { reference, c } = ctx;
  const meeting = conferences(c).find((m) => m.id === g.meetingId);
  const earliest = meeting?.date ?? c.referral.receivedOn;
  const firstDue = g.actions.reduce<string | undefined>((a, x) => (a === undefined || x.dueOn < a ? x.dueOn : a), undefined);
  const f = useCommandForm<OnBehalfValues & { signedOn: string }>({
    prefix: 'sign-',
    fields: ['signedOn', ...ON_BEHALF_FIELDS],
    defaultValues: { ...ON_BEHALF_DEFAULTS, signedOn: ukToday(reference) },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const signedOn = readDate(v.signedOn, 'signedOn', {
        label: 'Date signed',
        notAfter: reference.today,
        notAfterWhy: 'The date signed must be today or in the past',
        notBefore: earliest,
        notBeforeWhy: meeting ? `The date signed must be on or after the conference (${formatDate(meeting.date)})` : `The date signed must be on or after the referral was received (${formatDate(earliest)})`,
      }, errors);
      if (signedOn && firstDue && firstDue < signedOn) errors.push({ field: 'signedOn', message: `An action is due on ${formatDate(firstDue)}, before this date: change the draft's due dates first` });
      const onBehalfOf = readOnBehalf(v, errors);
      return { errors, commands: [{ type: 'sign-agreement', signedOn: signedOn ?? '', ...onBehalfOf }] };
    },
    fieldFor: (path) => (path === 'signedOn' || path === 'onBehalfOf' ? path : undefined),
    notice: 'Signatures recorded: the agreement is now being monitored',
  });
  return (
    <FormPanel title="Record signatures" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Record signatures" submitting={f.formState.isSubmitting} testId="sign-form">
      <p className="govuk-body">
        Record this once everyone listed has signed the printed agreement and the facilitator has countersigned it. After that the
        actions cannot be changed, only their progress recorded.
      </p>
      <DateBox id={f.id('signedOn')} label="Date signed" error={f.error('signedOn')} registration={f.register('signedOn')} />
      <SignedBy ctx={ctx} f={f} verb="Countersigned by" />
    </FormPanel>
  );
}

interface ProgressValues {
  status: ActionStatus;
  evidenceNotes: string;
  resolvedOn: string;
}

const resolved = (s: string) => s === 'done' || s === 'not-done';

/** Record how one action is going: its status, the evidence, and when it was resolved. */
export function ProgressForm({ ctx, g, action, n }: { ctx: CaseContext; g: OutcomeAgreement; action: AgreementAction; n: number }) {
  const { reference } = ctx;
  const f = useCommandForm<ProgressValues>({
    prefix: `progress-${action.id}-`,
    fields: ['status', 'resolvedOn', 'evidenceNotes'],
    defaultValues: { status: action.status, evidenceNotes: action.evidenceNotes ?? '', resolvedOn: isoToUk(action.resolvedOn ?? reference.today) },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const done = resolved(v.status);
      const resolvedOn = done
        ? readDate(v.resolvedOn, 'resolvedOn', {
            label: 'Date resolved',
            notAfter: reference.today,
            notAfterWhy: 'The date resolved must be today or in the past',
            notBefore: g.signedOn,
            notBeforeWhy: `The date resolved must be on or after the agreement was signed (${formatDate(g.signedOn ?? '')})`,
          }, errors)
        : undefined;
      const evidenceNotes = optional(v.evidenceNotes);
      if (v.status === 'done' && !evidenceNotes) errors.push({ field: 'evidenceNotes', message: 'Say what showed the action was done' });
      if (v.status === 'not-done' && !evidenceNotes) errors.push({ field: 'evidenceNotes', message: 'Say why the action was not done' });
      return {
        errors,
        commands: [{ type: 'update-action', actionId: action.id, status: v.status, ...(evidenceNotes ? { evidenceNotes } : {}), ...(resolvedOn ? { resolvedOn } : {}) }],
      };
    },
    fieldFor: (path) => (['status', 'evidenceNotes', 'resolvedOn'].includes(path) ? path : undefined),
    notice: (v) => `Action ${n} marked ${ACTION_STATUS_LABELS[v.status].toLowerCase()}`,
  });
  const status = f.watch('status');
  const date = <DateBox id={f.id('resolvedOn')} label={status === 'not-done' ? 'Date it was found not done' : 'Date it was done'} error={f.error('resolvedOn')} registration={f.register('resolvedOn')} />;
  return (
    <FormPanel
      title={`Record progress on action ${n}: ${kindLabel(reference, action.kind).toLowerCase()}`}
      summary={f.summary}
      focusKey={f.focusKey}
      onSubmit={f.onSubmit}
      submitLabel="Save progress"
      submitting={f.formState.isSubmitting}
      testId="progress-form"
    >
      <p className="govuk-body cb-pre-wrap">{action.description}</p>
      <p className="govuk-body">
        <strong>Completion will be shown by:</strong> {action.completionShownBy}
      </p>
      <RadiosField
        id={f.id('status')}
        legend="Status"
        error={f.error('status')}
        selected={status}
        choices={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s], conditional: resolved(s) ? date : undefined }))}
        registration={f.register('status')}
      />
      <TextArea
        id={f.id('evidenceNotes')}
        label={status === 'not-done' ? 'Why it was not done' : 'Evidence notes'}
        hint={status === 'done' ? 'What showed it was done, as agreed above.' : status === 'not-done' ? 'What happened, and what was done about it.' : 'Optional while the action is open.'}
        error={f.error('evidenceNotes')}
        registration={f.register('evidenceNotes')}
      />
    </FormPanel>
  );
}

/** A monitoring review: a dated note of how the agreement is going. */
export function ReviewForm({ ctx, g }: { ctx: CaseContext; g: OutcomeAgreement }) {
  const { reference } = ctx;
  const f = useCommandForm<OnBehalfValues & { on: string; note: string }>({
    prefix: 'review-',
    fields: ['on', 'note', ...ON_BEHALF_FIELDS],
    defaultValues: { ...ON_BEHALF_DEFAULTS, on: ukToday(reference), note: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const on = readDate(v.on, 'on', {
        label: 'Review date',
        notAfter: reference.today,
        notAfterWhy: 'The review date must be today or in the past',
        notBefore: g.signedOn,
        notBeforeWhy: `The review date must be on or after the agreement was signed (${formatDate(g.signedOn ?? '')})`,
      }, errors);
      if (!v.note.trim()) errors.push({ field: 'note', message: 'Enter what the review found' });
      const onBehalfOf = readOnBehalf(v, errors);
      return { errors, commands: [{ type: 'add-review', review: { on: on ?? '', note: v.note.trim() }, ...onBehalfOf }] };
    },
    fieldFor: (path) => ({ 'review.on': 'on', 'review.note': 'note', onBehalfOf: 'onBehalfOf' })[path],
    notice: 'Monitoring review added',
  });
  return (
    <FormPanel title="Add a monitoring review" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Add review" submitting={f.formState.isSubmitting} testId="review-form">
      <DateBox id={f.id('on')} label="Review date" error={f.error('on')} registration={f.register('on')} />
      <TextArea id={f.id('note')} label="What the review found" hint="For example, who you spoke to and how each open action is going." error={f.error('note')} registration={f.register('note')} />
      <SignedBy ctx={ctx} f={f} verb="Reviewed by" />
    </FormPanel>
  );
}
