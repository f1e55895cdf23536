import type { CaseworkReference } from '../../../src-main/domain/cases/case-view';
import type { StaffRecord } from '../../../src-main/domain/staff/record';
import { SUPERVISION_KIND_LABELS, type CpdEntry, type ObservedPractice, type SupervisionEntry } from '../../../src-main/domain/staff/register';
import { formatDate } from '../shared/lib/dates';
import { staffName } from '../cases/shared';
import { CpdForm } from './CpdForm';
import { LogSection, type LogColumn } from './LogSection';
import { ObservedForm } from './ObservedForm';
import { SupervisionForm } from './SupervisionForm';
import { TrainingLog } from './TrainingLog';

const day: LogColumn<{ date: string }> = { header: 'Date', cell: (e) => <span className="cb-nowrap">{formatDate(e.date)}</span> };
const CPD: LogColumn<CpdEntry>[] = [day, { header: 'Activity', cell: (e) => e.activity }, { header: 'Hours', numeric: true, cell: (e) => e.hours }, { header: 'RJC-approved', cell: (e) => (e.rjcApproved ? 'Yes' : 'No') }];

/**
 * A person's logs, each with its Add form when the signed-in person may add to it: CPD for
 * your own record or with 'manage-register'; supervision and observed practice with
 * 'manage-register' only; training too (with its certificate), and anyone may save a copy of a certificate on the record they see.
 */
export function RecordLogs(o: { record: StaffRecord; reference: CaseworkReference; own: boolean; manage: boolean; onChanged(): void }) {
  const { record, reference } = o;
  const who = (id: string) => staffName(reference, id);
  const saved = (done: { onSaved(m: string): void; onCancel(): void }) => ({ onSaved: (m: string) => (done.onSaved(m), o.onChanged()), onCancel: done.onCancel });
  const supervision: LogColumn<SupervisionEntry>[] = [day, { header: 'Supervisor', cell: (e) => who(e.supervisorId) }, { header: 'Kind', cell: (e) => SUPERVISION_KIND_LABELS[e.kind] }, { header: 'Notes', cell: (e) => e.notes ?? '' }];
  const observed: LogColumn<ObservedPractice>[] = [day, { header: 'Observer', cell: (e) => who(e.observerId) }, { header: 'Feedback', cell: (e) => e.notes ?? '' }];
  return (
    <>
      <LogSection
        id="cpd"
        title="CPD"
        entries={record.cpd ?? []}
        columns={CPD}
        empty="No CPD recorded yet."
        addLabel={o.own || o.manage ? 'Add CPD' : undefined}
        form={(done) => <CpdForm staffId={o.own ? undefined : record.id} today={reference.today} done={saved(done)} />}
      />
      <LogSection
        id="supervision"
        title="Supervision"
        entries={record.supervision ?? []}
        columns={supervision}
        empty="No supervision recorded yet."
        addLabel={o.manage && !o.own ? 'Add supervision' : undefined}
        form={(done) => <SupervisionForm staffId={record.id} reference={reference} done={saved(done)} />}
      />
      <LogSection
        id="observed"
        title="Observed practice"
        entries={record.observed ?? []}
        columns={observed}
        empty="No observed practice recorded yet."
        addLabel={o.manage && !o.own ? 'Add observed practice' : undefined}
        form={(done) => <ObservedForm staffId={record.id} reference={reference} done={saved(done)} />}
      />
      <TrainingLog record={record} today={reference.today} manage={o.manage && !o.own} done={saved} />
    </>
  );
}
