import { PRACTITIONER_LEVELS, PRACTITIONER_LEVEL_LABELS, STAFF_ROLES, STAFF_ROLE_LABELS, StaffMemberSchema, type StaffMember } from '../../../src-main/domain/staff/staff';
import { ListEntryForm, useListEntryForm, type ListFormDone } from '../shared/components/ListEditor';
import { InputField, SelectField } from '../shared/components/Fields';
import { useCasework } from '../cases/casework-state';

const InputSchema = StaffMemberSchema.partial({ id: true });
const FIELDS = ['name', 'role', 'level'] as const;
const PREFIX = 'staff-';

/** Add or change one member of staff; errors at each field and in a summary. */
export function StaffForm({ member, done }: { member?: StaffMember; done: ListFormDone }) {
  const saveStaff = useCasework((s) => s.saveStaff);
  const initial = { name: member?.name ?? '', role: member?.role ?? 'facilitator', level: member?.level ?? '', active: member?.active ?? true };
  const form = useListEntryForm(initial, { fields: FIELDS, idPrefix: PREFIX, schema: InputSchema, save: saveStaff, existing: member, done });
  const { v, set, problems } = form;
  // id, error and value of one field; the ids are what the error summary links to.
  const field = (k: (typeof FIELDS)[number]) => ({ id: PREFIX + k, error: problems[k], value: v[k], onValue: (x: string) => set(k, x) });

  return (
    <ListEntryForm
      testId="staff-form"
      title={member ? `Change ${member.name}` : 'Add a member of staff'}
      form={form}
      onSubmit={() => void form.submit({ ...(member ? { id: member.id } : {}), name: v.name, role: v.role, ...(v.level ? { level: v.level } : {}), active: v.active })}
      words={{ active: 'Active', activeHint: 'Untick when someone leaves. They stay on the list because older cases name them, but cannot be given new cases.', add: 'Add to staff list' }}
    >
      <InputField {...field('name')} label="Name" autoComplete="off" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
      <SelectField {...field('role')} label="Role" choices={STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))} />
      <SelectField
        {...field('level')}
        label="Practitioner level"
        hint="Their Restorative Justice Council practitioner level, if they facilitate"
        placeholder="Not a practitioner"
        choices={PRACTITIONER_LEVELS.map((l) => ({ value: l, label: PRACTITIONER_LEVEL_LABELS[l] }))}
      />
    </ListEntryForm>
  );
}
