import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { STAGES, type Stage } from '../../../src-main/domain/cases/case';
import { advanceProblems, type ProcessKind } from '../../../src-main/domain/cases/workflow-gates';
import { EXITS, type Exit } from '../../../src-main/domain/cases/case';
import { currentAssessment } from '../../../src-main/domain/risk/risk';
import { EXIT_LABELS, STAGE_LABELS } from '../shared/lib/labels';
import { formatDate } from '../shared/lib/dates';
import { useCaseView } from './case-view-state';
import { RadiosField } from '../shared/components/ChoiceFields';
import { SelectField } from '../shared/components/SelectField';
import { TextArea } from '../shared/components/TextArea';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { ENTER_EXIT_REASON, exitReason } from '../../../src-main/domain/cases/exit-reason';
import { WithdrawnReason } from './WithdrawnReason';
import { BlockerItem, useGoToFix, withFixes } from './blocker-links';
import { FormPanel, useCommandForm, type FieldProblem } from './command-form';
import { DateBox, nameAndRole, readDate, ukToday, type CaseContext } from './shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, type OnBehalfValues } from './signed-by';
import { CLOSURE_OUTCOME_LABELS, CLOSURE_OUTCOMES, EXIT_OUTCOMES, suggestOutcome, type ClosureOutcome } from '../../../src-main/domain/outcomes/closure';
import { MOVE_TO_LABELS } from './labels';
import './workflow.scss';

/** The stage after this one, if the case can move on with "advance" (closing has its own command). */
export function nextStage(stage: Stage): Stage | undefined {
  const next = STAGES[STAGES.indexOf(stage) + 1];
  return next && next !== 'closed' ? next : undefined;
}

/**
 * What stops the case moving on, from the same domain rules the main process applies. For
 * the restorative process the chosen kind matters (an "indirect only" assessment blocks a
 * direct process), so the "choose a kind" item is left to the radios.
 */
export function blockersFor(ctx: CaseContext, chosen: ChosenKind | undefined): string[] {
  // A community conference is a meeting of the parties: the gates treat it as direct.
  const kind: ProcessKind | undefined = chosen === 'community' ? 'direct' : chosen;
  const { c, reference, view } = ctx;
  const next = nextStage(c.stage);
  if (!next) return [];
  if (next === 'process' && !kind) return view.processBlockers.filter((b) => !/^Choose a direct or an indirect process/.test(b));
  const gate = { today: reference.today, staff: reference.staff, settings: reference.settings, consentElements: reference.consentElements };
  return advanceProblems(c, gate, kind).filter((b) => !/^Choose a direct or an indirect process/.test(b));
}

const EXIT_HINTS: Record<Exit, string> = {
  withdrawn: 'A participant decided to stop. They do not have to give a reason; record what they told you.',
  'not-suitable': 'The assessment found a restorative process is not suitable.',
  'no-contact': 'Nobody could be reached.',
  declined: 'A participant did not want to take part.',
};

/** The box under the case heading: where the case is, what would move it on, and how it can end. */
export function WorkflowPanel({ ctx }: { ctx: CaseContext }) {
  const { c } = ctx;
  const form = useCaseView((s) => s.form);
  const tab = useCaseView((s) => s.tab);
  const openForm = useCaseView((s) => s.openForm);
  const ended = c.stage === 'closed' || c.exit !== undefined;

  if (ended) {
    return (
      <section className="cb-workflow" aria-labelledby="workflow-title" data-testid="workflow">
        <h2 className="govuk-heading-m" id="workflow-title">
          {c.exit ? 'This case has ended' : 'This case is closed'}
        </h2>
        {c.exit ? (
          <p className="govuk-body" data-testid="exit-summary">
            Ended on {formatDate(c.exit.on)}, at the {c.stage} stage: {EXIT_LABELS[c.exit.kind].toLowerCase()}
            {c.exit.withdrawnBy ? ` by ${withdrawnByName(ctx, c.exit.withdrawnBy)}` : ''}. Reason: {c.exit.reason}
          </p>
        ) : (
          <p className="govuk-body" data-testid="closure-summary">
            {c.closure ? `Closed on ${formatDate(c.closure.closedOn)}: ${CLOSURE_OUTCOME_LABELS[c.closure.outcome].toLowerCase()}. ${c.closure.summary}` : 'The outcome was monitored to the end and the case closed.'}
          </p>
        )}
        <p className="govuk-body">The record is read-only. To carry on working on it, reopen it and give the reason.</p>
        {ctx.canWork && (
          <button type="button" className="govuk-button govuk-button--secondary" aria-expanded={form === 'reopen'} onClick={() => openForm(form === 'reopen' ? undefined : 'reopen')}>
            Reopen the case
          </button>
        )}
        {form === 'reopen' && ctx.canWork && <ReopenForm ctx={ctx} />}
      </section>
    );
  }

  const next = nextStage(c.stage);
  const actions = (
    <>
      {ctx.canClose && STAGES.indexOf(c.stage) >= STAGES.indexOf('process') && (
        <button type="button" className="govuk-button" aria-expanded={form === 'close'} onClick={() => openForm(form === 'close' ? undefined : 'close')}>
          Close the case
        </button>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" aria-expanded={form === 'exit'} onClick={() => openForm(form === 'exit' ? undefined : 'exit')}>
        End the case early
      </button>
    </>
  );
  return (
    <section className="cb-workflow" aria-labelledby="workflow-title" data-testid="workflow">
      <h2 className="govuk-heading-m" id="workflow-title">
        Next step
      </h2>
      {ctx.canEdit ? (
        <>
          {!next && c.stage === 'monitoring' && <p className="govuk-body">The outcome is being monitored. Close the case when monitoring is complete.</p>}
          {next ? (
            <AdvanceForm key={`${c.stage}-${c.revision}-${tab}-${form ?? ''}`} ctx={ctx} next={next} actions={actions} />
          ) : (
            <div className="govuk-button-group govuk-!-margin-bottom-0">{actions}</div>
          )}
          {form === 'exit' && <ExitForm ctx={ctx} />}
          {form === 'close' && <CloseForm ctx={ctx} />}
        </>
      ) : (
        <p className="govuk-body">
          The case is at {STAGE_LABELS[c.stage].toLowerCase()}
          {next ? `; next comes ${STAGE_LABELS[next].toLowerCase()}` : ''}. You can look at this case but not change it.
        </p>
      )}
    </section>
  );
}

function withdrawnByName(ctx: CaseContext, id: string): string {
  const p = ctx.c.participants.find((x) => x.id === id);
  return p ? nameAndRole(p, ctx.labels) : 'a participant';
}

type ChosenKind = ProcessKind | 'community';

interface AdvanceValues {
  processKind: '' | ChosenKind;
}

/** "Move to …": a one-button form, with the direct or indirect choice before the process starts. */
function AdvanceForm({ ctx, next, actions }: { ctx: CaseContext; next: Stage; actions: ReactNode }) {
  const isProcess = next === 'process';
  const indirectOnly = ctx.c.participants.some((p) => p.takesPart !== false && currentAssessment(p)?.decision === 'indirect-only');
  const f = useCommandForm<AdvanceValues>({
    prefix: 'advance-',
    fields: ['processKind'],
    // A kind already chosen on the Meetings and process tab is kept, with its form.
    defaultValues: { processKind: isProcess ? (ctx.c.processKind ?? (indirectOnly ? 'indirect' : '')) : '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      if (isProcess && !v.processKind) errors.push({ field: 'processKind', message: 'Choose a direct or an indirect process' });
      for (const b of blockersFor(ctx, v.processKind || undefined)) errors.push({ message: b });
      if (errors.length) return { errors };
      const form = isProcess && v.processKind && v.processKind === ctx.c.processKind ? ctx.c.processForm : undefined;
      return { commands: [{ type: 'advance', ...(isProcess && v.processKind ? { processKind: v.processKind, ...(form ? { processForm: form } : {}) } : {}) }] };
    },
    fieldFor: (path) => (path === 'processKind' ? 'processKind' : undefined),
    notice: `Moved to ${STAGE_LABELS[next].toLowerCase()}`,
  });
  const kind = f.watch('processKind');
  const go = useGoToFix();
  const blockers = blockersFor(ctx, kind || undefined);
  const label = MOVE_TO_LABELS[next] ?? `Move to ${STAGE_LABELS[next].toLowerCase()}`;
  return (
    <>
      <p className="govuk-body">
        The case is at <strong>{STAGE_LABELS[ctx.c.stage].toLowerCase()}</strong>. Next comes {STAGE_LABELS[next].toLowerCase()}.
      </p>
      <ErrorSummary errors={withFixes(f.summary, go)} focusKey={f.focusKey} />
      {blockers.length > 0 && f.summary.length === 0 && (
        <div className="govuk-inset-text cb-blockers" data-testid="blockers">
          <h3 className="govuk-heading-s">Before {isProcess ? 'the restorative process can start' : `the case can move to ${STAGE_LABELS[next].toLowerCase()}`}</h3>
          <ul className="govuk-list govuk-list--bullet">
            {blockers.map((b) => (
              <BlockerItem key={b} problem={b} />
            ))}
          </ul>
        </div>
      )}
      <form noValidate onSubmit={(e) => void f.onSubmit(e)}>
        {isProcess && (
          <RadiosField
            id={f.id('processKind')}
            legend="Which kind of restorative process?"
            error={f.error('processKind')}
            inline
            choices={[
              { value: 'direct', label: 'Direct (face to face or video)' },
              { value: 'indirect', label: 'Indirect (messages, letters or recordings)' },
              { value: 'community', label: 'Community conference' },
            ]}
            registration={f.register('processKind')}
          />
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={f.formState.isSubmitting}>
            {label}
          </button>
          {actions}
        </div>
      </form>
    </>
  );
}

interface ExitValues {
  kind: '' | Exit;
  withdrawnBy: string;
  reason: string;
  noReasonGiven: boolean;
  on: string;
}

function ExitForm({ ctx }: { ctx: CaseContext }) {
  const { c, reference } = ctx;
  const f = useCommandForm<ExitValues>({
    prefix: 'exit-',
    fields: ['kind', 'withdrawnBy', 'reason', 'noReasonGiven', 'on'],
    defaultValues: { kind: '', withdrawnBy: '', reason: '', noReasonGiven: false, on: ukToday(reference) },
    build: (v) => {
      const errors: FieldProblem[] = [];
      if (!v.kind) errors.push({ field: 'kind', message: 'Choose why the case is ending' });
      if (v.kind === 'withdrawn' && !v.withdrawnBy) errors.push({ field: 'withdrawnBy', message: 'Choose who withdrew' });
      // The same rule as main (exit-reason.ts): a withdrawal never needs a reason.
      const told = v.kind === 'withdrawn' && v.noReasonGiven ? undefined : v.reason.trim() || undefined;
      if (v.kind && !exitReason(v.kind, told).ok) errors.push({ field: 'reason', message: ENTER_EXIT_REASON });
      const on = readDate(v.on, 'on', { label: 'Date the case ended', notAfter: reference.today, notBefore: c.referral.receivedOn, notBeforeWhy: `The date must be on or after the referral was received (${formatDate(c.referral.receivedOn)})` }, errors);
      return {
        errors,
        commands: [
          {
            type: 'exit',
            kind: v.kind as Exit,
            ...(told ? { reason: told } : {}),
            ...(v.kind === 'withdrawn' && v.withdrawnBy ? { withdrawnBy: v.withdrawnBy } : {}),
            ...(on && on !== reference.today ? { on } : {}),
          },
        ],
      };
    },
    fieldFor: (path) => ({ kind: 'kind', withdrawnBy: 'withdrawnBy', reason: 'reason', on: 'on' })[path],
    notice: (v) => `Case ended: ${v.kind ? EXIT_LABELS[v.kind as Exit].toLowerCase() : ''}`,
  });
  const kind = f.watch('kind');
  return (
    <FormPanel title="End the case early" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="End the case" submitting={f.formState.isSubmitting} testId="exit-form">
      <p className="govuk-body">The case stays on record and can be reopened later, with a reason.</p>
      <RadiosField
        id={f.id('kind')}
        legend="Why is the case ending?"
        error={f.error('kind')}
        selected={kind}
        choices={EXITS.map((k) => ({
          value: k,
          label: EXIT_LABELS[k],
          hint: EXIT_HINTS[k],
          conditional:
            k === 'withdrawn' ? <WhoWithdrew ctx={ctx} id={f.id('withdrawnBy')} error={f.error('withdrawnBy')} registration={f.register('withdrawnBy')} /> : undefined,
        }))}
        registration={f.register('kind')}
      />
      {kind === 'withdrawn' ? (
        <WithdrawnReason reasonId={f.id('reason')} error={f.error('reason')} reason={f.register('reason')} noneId={f.id('noReasonGiven')} none={f.register('noReasonGiven')} noneTicked={f.watch('noReasonGiven')} />
      ) : (
        <TextArea id={f.id('reason')} label="Reason" hint="This is kept on the case record." error={f.error('reason')} registration={f.register('reason')} />
      )}
      <DateBox id={f.id('on')} label="Date the case ended" error={f.error('on')} registration={f.register('on')} />
    </FormPanel>
  );
}

function ReopenForm({ ctx }: { ctx: CaseContext }) {
  const f = useCommandForm<OnBehalfValues & { reason: string }>({
    prefix: 'reopen-',
    fields: ['reason', ...ON_BEHALF_FIELDS],
    defaultValues: { ...ON_BEHALF_DEFAULTS, reason: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const onBehalfOf = readOnBehalf(v, errors);
      return { errors, commands: [{ type: 'reopen', reason: v.reason.trim(), ...onBehalfOf }] };
    },
    fieldFor: (path) => (path === 'reason' || path === 'onBehalfOf' ? path : undefined),
    notice: 'Case reopened',
  });
  return (
    <FormPanel title="Reopen the case" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Reopen the case" submitting={f.formState.isSubmitting} testId="reopen-form">
      <TextArea id={f.id('reason')} label="Reason for reopening" error={f.error('reason')} registration={f.register('reason')} />
      <SignedBy ctx={ctx} f={f} verb="Reopened by" />
    </FormPanel>
  );
}

/** "Who withdrew?", revealed under the withdrawn choice of the exit and close forms. */
function WhoWithdrew({ ctx, id, error, registration }: { ctx: CaseContext; id: string; error: string | undefined; registration: UseFormRegisterReturn }) {
  return (
    <SelectField
      id={id}
      label="Who withdrew?"
      error={error}
      placeholder="Choose a person"
      options={ctx.c.participants.map((p) => ({ value: p.id, label: nameAndRole(p, ctx.labels) }))}
      registration={registration}
    />
  );
}

interface CloseValues extends OnBehalfValues {
  outcome: string;
  withdrawnBy: string;
  closedOn: string;
  summary: string;
}

/**
 * Closing records how the case ended (the six outcomes of the issue, plus declined). An early
 * exit outcome is open at any stage; the others once the restorative process has started.
 * The domain preselects nothing it cannot know: the suggestion comes from the agreement.
 */
function CloseForm({ ctx }: { ctx: CaseContext }) {
  const { c, reference } = ctx;
  const suggested = suggestOutcome({ ...(c.agreement ? { agreement: c.agreement } : {}), today: reference.today });
  const go = useGoToFix();
  const f = useCommandForm<CloseValues>({
    prefix: 'close-',
    fields: ['outcome', 'withdrawnBy', 'closedOn', 'summary', ...ON_BEHALF_FIELDS],
    defaultValues: { ...ON_BEHALF_DEFAULTS, outcome: suggested ?? '', withdrawnBy: '', closedOn: ukToday(reference), summary: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      if (!v.outcome) errors.push({ field: 'outcome', message: 'Choose how the case ended' });
      if (v.outcome === 'withdrawn' && !v.withdrawnBy) errors.push({ field: 'withdrawnBy', message: 'Choose who withdrew' });
      if (!v.summary.trim()) errors.push({ field: 'summary', message: 'Enter a summary of how the case ended' });
      const onBehalfOf = readOnBehalf(v, errors);
      const closedOn = readDate(v.closedOn, 'closedOn', { label: 'Date closed', notAfter: reference.today, notBefore: c.referral.receivedOn, notBeforeWhy: `The date must be on or after the referral was received (${formatDate(c.referral.receivedOn)})` }, errors);
      if (errors.length > 0 || !closedOn) return { errors };
      return {
        commands: [
          {
            type: 'close',
            closure: { outcome: v.outcome as ClosureOutcome, closedOn, summary: v.summary.trim(), ...(v.outcome === 'withdrawn' ? { withdrawnBy: v.withdrawnBy } : {}) },
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => ({ 'closure.outcome': 'outcome', 'closure.withdrawnBy': 'withdrawnBy', 'closure.closedOn': 'closedOn', 'closure.summary': 'summary', onBehalfOf: 'onBehalfOf' })[path],
    notice: 'Case closed',
  });
  const outcome = f.watch('outcome');
  const started = STAGES.indexOf(c.stage) >= STAGES.indexOf('process');
  const outcomes = CLOSURE_OUTCOMES.filter((o) => started || Object.hasOwn(EXIT_OUTCOMES, o));
  return (
    <FormPanel title="Close the case" summary={withFixes(f.summary, go)} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Close the case" submitting={f.formState.isSubmitting} testId="close-form">
      <p className="govuk-body">A closed case is read-only until it is reopened with a reason. Feedback can still be entered.</p>
      <RadiosField
        id={f.id('outcome')}
        legend="How did the case end?"
        error={f.error('outcome')}
        selected={outcome}
        choices={outcomes.map((o) => ({
          value: o,
          label: CLOSURE_OUTCOME_LABELS[o],
          conditional:
            o === 'withdrawn' ? <WhoWithdrew ctx={ctx} id={f.id('withdrawnBy')} error={f.error('withdrawnBy')} registration={f.register('withdrawnBy')} /> : undefined,
        }))}
        registration={f.register('outcome')}
      />
      <DateBox id={f.id('closedOn')} label="Date closed" error={f.error('closedOn')} registration={f.register('closedOn')} />
      <TextArea id={f.id('summary')} label="Summary" hint="What happened, in a few lines. This is kept on the case record." error={f.error('summary')} registration={f.register('summary')} />
      <SignedBy ctx={ctx} f={f} verb="Closed by" />
    </FormPanel>
  );
}

