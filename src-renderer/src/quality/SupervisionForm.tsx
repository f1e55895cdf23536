import type { CaseworkReference } from '../../../src-main/domain/cases/case-view';
import { SUPERVISION_KIND_LABELS, SUPERVISION_KINDS } from '../../../src-main/domain/staff/register';
import { RecordSupervisionInputSchema } from '../../../src-main/domain/staff/register-commands';
import { call } from '../shared/api/client';
import { RadiosField, SelectField, TextareaField } from '../shared/components/Fields';
import type { FieldProblem } from '../cases/command-form';
import { optional, staffOptions } from '../cases/shared';
import { DayField, readDay, RegisterFormPanel, useRegisterForm } from './register-form';

const FIELDS = ['date', 'supervisorId', 'kind', 'notes'] as const;

/** Record a supervision session; the casebook refuses a case supervisor who is not Advanced, at the supervisor's field. */
export function SupervisionForm({ staffId, reference, done }: { staffId: string; reference: CaseworkReference; done: { onSaved(message: string): void; onCancel(): void } }) {
  const form = useRegisterForm(
    { date: '', supervisorId: '', kind: 'case', notes: '' },
    {
      prefix: 'supervision-',
      fields: FIELDS,
      schema: RecordSupervisionInputSchema,
      build: (v) => {
        const problems: FieldProblem[] = [];
        const date = readDay(v.date, 'date', 'Date of the supervision', problems, { notAfter: reference.today });
        if (!v.supervisorId) problems.push({ field: 'supervisorId', message: 'Choose the supervisor' });
        return { problems, input: { staffId, date, supervisorId: v.supervisorId || undefined, kind: v.kind, ...(optional(v.notes) ? { notes: optional(v.notes) } : {}) } };
      },
      save: async (input) => {
        await call('recordSupervision', input);
        done.onSaved(`${SUPERVISION_KIND_LABELS[input.kind]} added`);
      },
    },
  );
  const { v, set, field } = form;
  return (
    <RegisterFormPanel testId="supervision-form" title="Add supervision" form={form} submitLabel="Add supervision" onCancel={done.onCancel}>
      <DayField {...field('date')} label="Date" value={v.date} onValue={(x) => set('date', x)} />
      <SelectField
        {...field('supervisorId')}
        label="Supervisor"
        hint="A case supervisor must hold Advanced registration with the RJC"
        placeholder="Choose the supervisor"
        choices={staffOptions(reference, (s) => s.id !== staffId)}
        value={v.supervisorId}
        onValue={(x) => set('supervisorId', x)}
      />
      <RadiosField {...field('kind')} name="supervision-kind" legend="Kind" small choices={SUPERVISION_KINDS.map((k) => ({ value: k, label: SUPERVISION_KIND_LABELS[k] }))} value={v.kind} onValue={(x) => set('kind', x)} />
      <TextareaField {...field('notes')} label="Notes (optional)" hint="Case references discussed, actions agreed" value={v.notes} onValue={(x) => set('notes', x)} />
    </RegisterFormPanel>
  );
}
