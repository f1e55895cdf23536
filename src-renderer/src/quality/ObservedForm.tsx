import type { CaseworkReference } from '../../../src-main/domain/cases/case-view';
import { RecordObservedPracticeInputSchema } from '../../../src-main/domain/staff/register-commands';
import { call } from '../shared/api/client';
import { SelectField, TextareaField } from '../shared/components/Fields';
import type { FieldProblem } from '../cases/command-form';
import { optional, staffOptions } from '../cases/shared';
import { DayField, readDay, RegisterFormPanel, useRegisterForm } from './register-form';

const FIELDS = ['date', 'observerId', 'notes'] as const;

/** Record an observed practice: who watched, and their feedback. */
export function ObservedForm({ staffId, reference, done }: { staffId: string; reference: CaseworkReference; done: { onSaved(message: string): void; onCancel(): void } }) {
  const form = useRegisterForm(
    { date: '', observerId: '', notes: '' },
    {
      prefix: 'observed-',
      fields: FIELDS,
      schema: RecordObservedPracticeInputSchema,
      build: (v) => {
        const problems: FieldProblem[] = [];
        const date = readDay(v.date, 'date', 'Date of the observation', problems, { notAfter: reference.today });
        if (!v.observerId) problems.push({ field: 'observerId', message: 'Choose who observed' });
        return { problems, input: { staffId, date, observerId: v.observerId || undefined, ...(optional(v.notes) ? { notes: optional(v.notes) } : {}) } };
      },
      save: async (input) => {
        await call('recordObservedPractice', input);
        done.onSaved('Observed practice added');
      },
    },
  );
  const { v, set, field } = form;
  return (
    <RegisterFormPanel testId="observed-form" title="Add observed practice" form={form} submitLabel="Add observed practice" onCancel={done.onCancel}>
      <DayField {...field('date')} label="Date" value={v.date} onValue={(x) => set('date', x)} />
      <SelectField {...field('observerId')} label="Observer" placeholder="Choose who observed" choices={staffOptions(reference, (s) => s.id !== staffId)} value={v.observerId} onValue={(x) => set('observerId', x)} />
      <TextareaField {...field('notes')} label="Feedback (optional)" value={v.notes} onValue={(x) => set('notes', x)} />
    </RegisterFormPanel>
  );
}
