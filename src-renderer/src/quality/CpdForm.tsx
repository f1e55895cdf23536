import { RecordCpdInputSchema } from '../../../src-main/domain/staff/register-commands';
import { call } from '../shared/api/client';
import { CheckboxField, InputField } from '../shared/components/Fields';
import type { FieldProblem } from '../cases/command-form';
import { DayField, readDay, RegisterFormPanel, useRegisterForm } from './register-form';

const FIELDS = ['date', 'activity', 'hours', 'rjcApproved'] as const;

/** Add one CPD entry: to someone's record (quality leads), or to your own when `staffId` is left out. */
export function CpdForm({ staffId, today, done }: { staffId?: string; today: string; done: { onSaved(message: string): void; onCancel(): void } }) {
  const form = useRegisterForm(
    { date: '', activity: '', hours: '', rjcApproved: false },
    {
      prefix: 'cpd-',
      fields: FIELDS,
      schema: RecordCpdInputSchema,
      build: (v) => {
        const problems: FieldProblem[] = [];
        const date = readDay(v.date, 'date', 'Date', problems, { notAfter: today });
        const hours = v.hours.trim() === '' ? undefined : Number(v.hours.trim());
        if (hours === undefined) problems.push({ field: 'hours', message: 'Enter the hours, like 1.5' });
        else if (Number.isNaN(hours)) problems.push({ field: 'hours', message: 'Hours must be a number, like 1.5' });
        return { problems, input: { ...(staffId ? { staffId } : {}), date, activity: v.activity.trim(), hours, rjcApproved: v.rjcApproved } };
      },
      save: async (input) => {
        await call('recordCpd', input);
        done.onSaved(`CPD added: ${input.activity}, ${input.hours} ${input.hours === 1 ? 'hour' : 'hours'}`);
      },
    },
  );
  const { v, set, field } = form;
  return (
    <RegisterFormPanel testId="cpd-form" title="Add CPD" form={form} submitLabel="Add CPD" onCancel={done.onCancel}>
      <DayField {...field('date')} label="Date" value={v.date} onValue={(x) => set('date', x)} />
      <InputField {...field('activity')} label="Activity" hint="For example, RJC webinar on working with young people" value={v.activity} onValue={(x) => set('activity', x)} />
      <InputField {...field('hours')} label="Hours" hint="In quarter hours, like 1.5 or 2.25" value={v.hours} onValue={(x) => set('hours', x)} inputMode="decimal" widthClass="govuk-input--width-4" />
      <CheckboxField id="cpd-rjcApproved" label="RJC-approved" hint="At least half of each year’s hours must be RJC-approved" checked={v.rjcApproved} onChecked={(x) => set('rjcApproved', x)} />
    </RegisterFormPanel>
  );
}
