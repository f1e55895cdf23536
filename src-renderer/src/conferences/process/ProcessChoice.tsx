import { STAGES } from '../../../../src-main/domain/cases/case';
import { PROCESS_FORM_LABELS, PROCESS_FORMS, PROCESS_KIND_LABELS, PROCESS_KINDS, type ProcessChoice as Choice, type ProcessForm, type ProcessKind } from '../../../../src-main/domain/conferences/process-type';
import { useCaseView } from '../../cases/case-view-state';
import { RadiosField } from '../../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../../cases/command-form';
import { OpenFormButton, Row, type CaseContext } from '../../cases/shared';

const KIND_HINTS: Record<ProcessKind, string> = {
  direct: 'The parties meet, face to face or by video.',
  indirect: 'The facilitator carries what they want to say: messages, letters, recordings or calls.',
  community: 'A wider group meets: neighbours, families or others affected.',
};

export const PROCESS_CHOICE_FORM = 'process-choice';

/** The kind of process agreed (consent element 1 names it) and how it is carried out. */
export function ProcessChoice({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const { c } = ctx;
  return (
    <section aria-labelledby="process-choice-title" data-testid="process-choice">
      <h3 className="govuk-heading-m" id="process-choice-title">
        The process
      </h3>
      <dl className="govuk-summary-list">
        <Row label="Kind" testId="process-kind">
          {c.processKind ? PROCESS_KIND_LABELS[c.processKind] : 'Not chosen yet'}
        </Row>
        <Row label="How" testId="process-form">
          {c.processForm ? PROCESS_FORM_LABELS[c.processForm] : 'Not chosen yet'}
        </Row>
      </dl>
      {ctx.canEdit && <OpenFormButton form={PROCESS_CHOICE_FORM}>{c.processKind ? 'Change the process' : 'Choose the process'}</OpenFormButton>}
      {form === PROCESS_CHOICE_FORM && ctx.canEdit && <ProcessChoiceForm ctx={ctx} />}
    </section>
  );
}

interface Values {
  kind: '' | ProcessKind;
  form: '' | ProcessForm;
}

function ProcessChoiceForm({ ctx }: { ctx: CaseContext }) {
  const { c } = ctx;
  const started = STAGES.indexOf(c.stage) >= STAGES.indexOf('process');
  const f = useCommandForm<Values>({
    prefix: 'process-',
    fields: ['kind', 'form'],
    defaultValues: { kind: c.processKind ?? '', form: c.processForm ?? '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      if (!v.kind) return { errors: [{ field: 'kind', message: 'Choose the kind of process' }] };
      const forms: readonly string[] = PROCESS_FORMS[v.kind];
      if (!v.form || !forms.includes(v.form)) errors.push({ field: 'form', message: `Choose how the ${PROCESS_KIND_LABELS[v.kind].toLowerCase()} will be carried out` });
      if (errors.length) return { errors };
      return { commands: [{ type: 'choose-process', process: { kind: v.kind, form: v.form } as Choice }] };
    },
    fieldFor: (path) => (path.startsWith('process.form') ? 'form' : path.startsWith('process') ? 'kind' : undefined),
    notice: (v) => `Process chosen: ${v.form ? PROCESS_FORM_LABELS[v.form].toLowerCase() : ''}`,
  });
  const kind = f.watch('kind');
  return (
    <FormPanel title="Choose the process" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save the process" submitting={f.formState.isSubmitting} testId="process-choice-form">
      <RadiosField
        id={f.id('kind')}
        legend="Which kind of restorative process?"
        hint={started && c.processKind ? `The ${c.processKind} process has started: changing to another kind needs new consent, recorded first.` : 'This is what the participants agree to in consent element 1.'}
        error={f.error('kind')}
        selected={kind}
        choices={PROCESS_KINDS.map((k) => ({
          value: k,
          label: PROCESS_KIND_LABELS[k],
          hint: KIND_HINTS[k],
          conditional: (
            <RadiosField
              id={f.id('form')}
              legend="How will it be carried out?"
              legendSize="plain"
              error={f.error('form')}
              small
              choices={PROCESS_FORMS[k].map((x) => ({ value: x, label: PROCESS_FORM_LABELS[x] }))}
              registration={f.register('form')}
            />
          ),
        }))}
        registration={f.register('kind', { onChange: () => f.setValue('form', '') })}
      />
    </FormPanel>
  );
}
