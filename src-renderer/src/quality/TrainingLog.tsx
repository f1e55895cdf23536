import type { StaffRecord } from '../../../src-main/domain/staff/record';
import type { TrainingEntry } from '../../../src-main/domain/staff/register';
import { PRACTITIONER_LEVEL_LABELS } from '../../../src-main/domain/staff/staff';
import { call } from '../shared/api/client';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { useFileAction } from '../shared/components/FileAction';
import { formatDate } from '../shared/lib/dates';
import { LogSection, type LogColumn } from './LogSection';
import { useQuality } from './quality-state';
import { TrainingForm } from './TrainingForm';

/**
 * A person's training, with a "Save a copy of the certificate" button on each course that has
 * one (the main process shows the save dialog; the copy is audited once written), and Add
 * training for those who keep the register. The copy's success is the page's one banner; its
 * failure is an error summary in this section.
 */
export function TrainingLog(o: { record: StaffRecord; today: string; manage: boolean; done(d: { onSaved(m: string): void; onCancel(): void }): { onSaved(m: string): void; onCancel(): void } }) {
  const { record } = o;
  const copy = useFileAction();
  const showBanner = useQuality((s) => s.showBanner);
  const clearBanner = useQuality((s) => s.clearBanner);
  const saveCopy = (e: TrainingEntry & { certificate: string }) => {
    clearBanner();
    void copy.run(async () => {
      const r = await call('saveCertificate', { staffId: record.id, certificate: e.certificate });
      if (r.saved) showBanner('training', `A copy of the certificate for ${e.course} was saved as ${r.fileName}`);
      return undefined;
    });
  };
  const columns: LogColumn<TrainingEntry>[] = [
    { header: 'Date', cell: (e) => <span className="cb-nowrap">{formatDate(e.date)}</span> },
    { header: 'Course', cell: (e) => e.course },
    { header: 'Provider', cell: (e) => e.provider },
    { header: 'Level', cell: (e) => (e.level ? PRACTITIONER_LEVEL_LABELS[e.level] : 'Not an RJC level') },
    {
      header: 'Certificate',
      cell: (e) =>
        e.certificate ? (
          <button type="button" className="cb-link-button" disabled={copy.busy} onClick={() => saveCopy({ ...e, certificate: e.certificate as string })}>
            Save a copy<span className="govuk-visually-hidden"> of the certificate</span>
            <span className="govuk-visually-hidden"> for {e.course}, {formatDate(e.date)}</span>
          </button>
        ) : (
          'None'
        ),
    },
  ];
  const entries = record.training ?? [];
  if (entries.length === 0 && !o.manage) return null;
  return (
    <LogSection
      id="training"
      title="Training"
      entries={entries}
      columns={columns}
      empty="No training recorded yet."
      addLabel={o.manage ? 'Add training' : undefined}
      form={(done) => <TrainingForm staffId={record.id} today={o.today} done={o.done(done)} />}
    >
      <ErrorSummary errors={copy.errors} focusKey={copy.focusKey} level={3} />
    </LogSection>
  );
}
