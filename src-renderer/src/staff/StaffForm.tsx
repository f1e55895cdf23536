import { useEffect, useRef, useState } from 'react';
import { PRACTITIONER_LEVELS, PRACTITIONER_LEVEL_LABELS, STAFF_ROLES, STAFF_ROLE_LABELS, StaffMemberSchema, type StaffMember } from '../../../src-main/domain/staff/staff';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { ListEntryActions } from '../shared/components/ListEntryActions';
import { InputField, SelectField } from '../shared/components/Fields';
import { useCasework } from '../cases/casework-state';
import { saveProblems, schemaProblems, summaryOf, type Problems } from '../shared/lib/problems';

const InputSchema = StaffMemberSchema.partial({ id: true });
const FIELDS = ['name', 'role', 'level'] as const;
const PREFIX = 'staff-';

interface Values {
  name: string;
  role: string;
  level: string;
  active: boolean;
}

/** Add or change one member of staff; errors at each field and in a summary. */
export function StaffForm({ member, onSaved, onCancel }: { member?: StaffMember; onSaved(name: string, isNew: boolean): void; onCancel(): void }) {
  const saveStaff = useCasework((s) => s.saveStaff);
  const [v, setV] = useState<Values>({ name: member?.name ?? '', role: member?.role ?? 'facilitator', level: member?.level ?? '', active: member?.active ?? true });
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof Values>(k: K, x: Values[K]) => setV({ ...v, [k]: x });

  const fail = (p: Problems) => {
    setProblems(p);
    setFocusKey((k) => k + 1);
  };

  async function submit() {
    const candidate = { ...(member ? { id: member.id } : {}), name: v.name, role: v.role, ...(v.level ? { level: v.level } : {}), active: v.active };
    const parsed = InputSchema.safeParse(candidate);
    if (!parsed.success) {
      return fail(schemaProblems(parsed.error.issues));
    }
    setBusy(true);
    try {
      await saveStaff(parsed.data);
      onSaved(parsed.data.name, !member);
    } catch (e) {
      fail(saveProblems(e, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const summary = summaryOf(problems, FIELDS, PREFIX);
  // id, error and value of one field; the ids are what the error summary links to.
  const field = (k: (typeof FIELDS)[number]) => ({ id: PREFIX + k, error: problems[k], value: v[k], onValue: (x: string) => set(k, x) });

  return (
    <div className="cb-edit-panel" data-testid="staff-form">
      <h3 className="govuk-heading-s" ref={heading} tabIndex={-1}>
        {member ? `Change ${member.name}` : 'Add a member of staff'}
      </h3>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
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
        <ListEntryActions
          existing={member !== undefined}
          idPrefix={PREFIX}
          activeLabel="Active"
          activeHint="Untick when someone leaves. They stay on the list because older cases name them, but cannot be given new cases."
          active={v.active}
          onActive={(x) => set('active', x)}
          addLabel="Add to staff list"
          busy={busy}
          onCancel={onCancel}
        />
      </form>
    </div>
  );
}
