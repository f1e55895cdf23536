import type { StaffRecord } from '../../../src-main/domain/staff/record';
import { DBS_LEVEL_LABELS, DBS_LEVELS, EMPLOYMENTS } from '../../../src-main/domain/staff/register';
import { SaveRegisterDetailsInputSchema } from '../../../src-main/domain/staff/register-commands';
import { PRACTITIONER_LEVEL_LABELS, PRACTITIONER_LEVELS } from '../../../src-main/domain/staff/staff';
import { call } from '../shared/api/client';
import { CheckboxField, InputField, SelectField } from '../shared/components/Fields';
import { isoToUk } from '../shared/lib/dates';
import type { FieldProblem } from '../cases/command-form';
import { DayField, readDay, RegisterFormPanel, useRegisterForm } from './register-form';
import { EMPLOYMENT_LABELS } from './compliance-tags';

const FIELDS = ['employment', 'started', 'ended', 'registration.level', 'registration.number', 'registration.registeredOn', 'registration.renewalDue', 'dbs.level', 'dbs.certificateDate', 'dbs.updateService'] as const;

const uk = (d: string | undefined) => (d ? isoToUk(d) : '');

function initialOf(r: StaffRecord) {
  return {
    employment: r.employment ?? '',
    started: uk(r.started),
    ended: uk(r.ended),
    regLevel: r.registration?.level ?? '',
    regNumber: r.registration?.number ?? '',
    registeredOn: uk(r.registration?.registeredOn),
    renewalDue: uk(r.registration?.renewalDue),
    dbsLevel: r.dbs?.level ?? '',
    certificateDate: uk(r.dbs?.certificateDate),
    updateService: r.dbs?.updateService ?? false,
  };
}
type Values = ReturnType<typeof initialOf>;

/** A group of boxes left empty clears it (null); partly filled, the schema names each box missing. */
function group<T>(filled: boolean, had: boolean, value: T): T | null | undefined {
  return filled ? value : had ? null : undefined;
}

function build(r: StaffRecord, v: Values, today: string) {
  const problems: FieldProblem[] = [];
  const optionalDay = (text: string, field: string, label: string, notAfter?: string) => readDay(text, field, label, problems, { required: false, ...(notAfter ? { notAfter } : {}) });
  const started = optionalDay(v.started, 'started', 'Started on', today);
  const ended = optionalDay(v.ended, 'ended', 'Left on');
  const regFilled = !!(v.regLevel || v.regNumber.trim() || v.registeredOn.trim() || v.renewalDue.trim());
  const registration = {
    level: v.regLevel || undefined,
    number: v.regNumber.trim(),
    registeredOn: regFilled ? readDay(v.registeredOn, 'registration.registeredOn', 'Date registered', problems, { notAfter: today }) : undefined,
    renewalDue: regFilled ? readDay(v.renewalDue, 'registration.renewalDue', 'Renewal date', problems) : undefined,
  };
  const dbsFilled = !!(v.dbsLevel || v.certificateDate.trim());
  const dbs = { level: v.dbsLevel || undefined, certificateDate: dbsFilled ? readDay(v.certificateDate, 'dbs.certificateDate', 'Certificate date', problems, { notAfter: today }) : undefined, updateService: v.updateService };
  const input = {
    staffId: r.id,
    employment: v.employment || (r.employment ? null : undefined),
    started: started ?? (r.started && !v.started.trim() ? null : undefined),
    ended: ended ?? (r.ended && !v.ended.trim() ? null : undefined),
    registration: group(regFilled, !!r.registration, registration),
    dbs: group(dbsFilled, !!r.dbs, dbs),
  };
  return { problems, input };
}

/** Change a person's employment, dates, RJC registration and DBS check (quality leads and administrators). */
export function DetailsForm({ record, today, done }: { record: StaffRecord; today: string; done: { onSaved(message: string): void; onCancel(): void } }) {
  const form = useRegisterForm(initialOf(record), {
    prefix: 'details-',
    fields: FIELDS,
    schema: SaveRegisterDetailsInputSchema,
    build: (v) => build(record, v, today),
    save: async (input) => {
      await call('saveRegisterDetails', input);
      done.onSaved(`${record.name}’s details saved`);
    },
  });
  const { v, set, field } = form;
  return (
    <RegisterFormPanel testId="details-form" title={`Change ${record.name}’s details`} form={form} submitLabel="Save details" onCancel={done.onCancel}>
      <SelectField {...field('employment')} label="Employment" placeholder="Not recorded" choices={EMPLOYMENTS.map((e) => ({ value: e, label: EMPLOYMENT_LABELS[e] }))} value={v.employment} onValue={(x) => set('employment', x)} />
      <DayField {...field('started')} label="Started on" value={v.started} onValue={(x) => set('started', x)} />
      <DayField {...field('ended')} label="Left on" hint="Leave empty while they work here." value={v.ended} onValue={(x) => set('ended', x)} />
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">RJC registration</legend>
        <SelectField {...field('registration.level')} label="Level" placeholder="Not registered" choices={PRACTITIONER_LEVELS.map((l) => ({ value: l, label: PRACTITIONER_LEVEL_LABELS[l] }))} value={v.regLevel} onValue={(x) => set('regLevel', x)} />
        <InputField {...field('registration.number')} label="Registration number" value={v.regNumber} onValue={(x) => set('regNumber', x)} widthClass="govuk-input--width-20" autoComplete="off" spellCheck={false} />
        <DayField {...field('registration.registeredOn')} label="Registered on" value={v.registeredOn} onValue={(x) => set('registeredOn', x)} />
        <DayField {...field('registration.renewalDue')} label="Renewal due" value={v.renewalDue} onValue={(x) => set('renewalDue', x)} />
      </fieldset>
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">DBS check</legend>
        <SelectField {...field('dbs.level')} label="Level" placeholder="No DBS check recorded" choices={DBS_LEVELS.map((l) => ({ value: l, label: DBS_LEVEL_LABELS[l] }))} value={v.dbsLevel} onValue={(x) => set('dbsLevel', x)} />
        <DayField {...field('dbs.certificateDate')} label="Certificate date" value={v.certificateDate} onValue={(x) => set('certificateDate', x)} />
        <CheckboxField id="details-dbs.updateService" label="On the DBS update service" checked={v.updateService} onChecked={(x) => set('updateService', x)} />
      </fieldset>
    </RegisterFormPanel>
  );
}
