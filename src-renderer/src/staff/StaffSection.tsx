import { PRACTITIONER_LEVEL_LABELS, STAFF_ROLE_LABELS, type StaffMember } from '../../../src-main/domain/staff/staff';
import { ListEditor, type ListColumn, type ListKind } from '../shared/components/ListEditor';
import { useCasework } from '../cases/casework-state';
import { StaffForm } from './StaffForm';

const COLUMNS: ListColumn<StaffMember>[] = [
  { header: 'Name', cell: (s) => s.name },
  { header: 'Role', cell: (s) => STAFF_ROLE_LABELS[s.role] },
  { header: 'Practitioner level', cell: (s) => (s.level ? PRACTITIONER_LEVEL_LABELS[s.level] : 'Not a practitioner') },
  { header: 'Status', cell: (s) => (s.active ? 'Active' : <strong className="govuk-tag govuk-tag--grey">Left</strong>) },
];
const STAFF: ListKind<StaffMember> = { id: 'staff', title: 'Staff', add: { label: 'Add a member of staff', id: 'add-staff', to: 'the staff list' }, columns: COLUMNS };

/**
 * The staff list casework uses: who can lead or co-facilitate a case and at what
 * practitioner level, and who signs off risk assessments. Coordinators and administrators
 * add and change people; staff who leave are marked inactive, never deleted, because old
 * cases still name them.
 */
export function StaffSection({ canEdit }: { canEdit: boolean }) {
  const staff = useCasework((s) => s.reference?.staff) ?? [];
  return (
    <ListEditor list={STAFF} entries={staff} empty="No staff have been added yet." canEdit={canEdit} form={(member, done) => <StaffForm member={member} done={done} />}>
      The people who lead and co-facilitate cases. Sensitive cases need an Advanced practitioner as lead.
    </ListEditor>
  );
}
