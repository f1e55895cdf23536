import { MAX_ATTACHMENT_BYTES } from '../../../src-main/domain/conferences/attachments';
import { PRACTITIONER_LEVEL_LABELS, PRACTITIONER_LEVELS } from '../../../src-main/domain/staff/staff';
import { RecordTrainingInputSchema } from '../../../src-main/domain/staff/training-commands';
import { ApiError, call } from '../shared/api/client';
import { CheckboxesField, InputField, SelectField } from '../shared/components/Fields';
import type { FieldProblem } from '../cases/command-form';
import { DayField, readDay, RegisterFormPanel, useRegisterForm } from './register-form';

const FIELDS = ['date', 'course', 'provider', 'level', 'withCertificate'] as const;
const ATTACH = 'attach';

/**
 * The certificate's refusals belong at the box that asked for it: the casebook names the
 * file's problem under `certificate` (the wrong kind of file), or the dialog refuses a file
 * too big with no field at all, and a closed dialog stores nothing, which the person should hear.
 */
function atCertificate(e: unknown): unknown {
  if (!(e instanceof ApiError) || e.code !== 'INVALID_INPUT') return e;
  const issues = e.details.issues?.length ? e.details.issues.map((i) => (i.path === 'certificate' ? { ...i, path: 'withCertificate' } : i)) : [{ path: 'withCertificate', message: e.message }];
  return new ApiError(e.code, e.message, { ...e.details, issues });
}

/** Add a training course to someone's record (quality leads), with its certificate chosen in the open dialog when asked. */
export function TrainingForm({ staffId, today, done }: { staffId: string; today: string; done: { onSaved(message: string): void; onCancel(): void } }) {
  const form = useRegisterForm(
    { date: '', course: '', provider: '', level: '', attach: [] as string[] },
    {
      prefix: 'training-',
      fields: FIELDS,
      schema: RecordTrainingInputSchema,
      build: (v) => {
        const problems: FieldProblem[] = [];
        const date = readDay(v.date, 'date', 'Date of the training', problems, { notAfter: today });
        const withCertificate = v.attach.includes(ATTACH);
        return { problems, input: { staffId, date, course: v.course.trim(), provider: v.provider.trim(), ...(v.level ? { level: v.level } : {}), ...(withCertificate ? { withCertificate } : {}) } };
      },
      save: async (input) => {
        let r;
        try {
          r = await call('recordTraining', input);
        } catch (e) {
          throw input.withCertificate ? atCertificate(e) : e;
        }
        if (!r.picked) {
          throw new ApiError('INVALID_INPUT', 'No certificate was chosen', {
            issues: [{ path: 'withCertificate', message: 'No certificate was chosen, so the training was not added: add it again and choose the file, or untick “Attach the certificate now”' }],
          });
        }
        done.onSaved(`Training added: ${input.course}${input.withCertificate ? ', with its certificate' : ''}`);
      },
    },
  );
  const { v, set, field } = form;
  return (
    <RegisterFormPanel testId="training-form" title="Add training" form={form} submitLabel="Add training" onCancel={done.onCancel}>
      <DayField {...field('date')} label="Date" hint="The day the course ended." value={v.date} onValue={(x) => set('date', x)} />
      <InputField {...field('course')} label="Course" hint="For example, Restorative justice facilitation (3 days)" value={v.course} onValue={(x) => set('course', x)} />
      <InputField {...field('provider')} label="Provider" hint="For example, Restorative Justice Council" value={v.provider} onValue={(x) => set('provider', x)} />
      <SelectField
        {...field('level')}
        label="RJC level (optional)"
        hint="The level the course trains to, if it is an RJC practitioner course"
        placeholder="Not an RJC level"
        choices={PRACTITIONER_LEVELS.map((l) => ({ value: l, label: PRACTITIONER_LEVEL_LABELS[l] }))}
        value={v.level}
        onValue={(x) => set('level', x)}
      />
      <CheckboxesField
        {...field('withCertificate')}
        legend="Certificate"
        hint={`You choose the file when you add the training: a PDF, PNG or JPEG, up to ${MAX_ATTACHMENT_BYTES / 1_048_576} MB. It is kept encrypted.`}
        choices={[{ value: ATTACH, label: 'Attach the certificate now' }]}
        values={v.attach}
        onValues={(x) => set('attach', x)}
      />
    </RegisterFormPanel>
  );
}
