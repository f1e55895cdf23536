import { useEffect } from 'react';
import { STAFF_ROLE_LABELS } from '../../../src-main/domain/staff/staff';
import { retentionNeedsApproval } from '../../../src-main/domain/casebook/casework-settings';
import { can } from '../../../src-main/domain/access/capabilities';
import { useCasework } from '../cases/casework-state';
import { useSession } from '../app/session';
import { CaseworkSettingsForm } from './CaseworkSettingsForm';
import { StaffSection } from '../staff/StaffSection';
import '../shared/components/casework.scss';

/**
 * The casework parts of Settings: the staff list (coordinators, quality leads and administrators change it;
 * everyone can read it; the Staff page) or the casework settings (administrators change them; the Service page).
 */
export function CaseworkSettingsSections({ part }: { part: 'staff' | 'casework' }) {
  const session = useSession((s) => s.session);
  const { reference, error, load } = useCasework();
  useEffect(() => {
    void load();
  }, [load]);
  if (!session) return null;
  const role = session.user.role;
  const writable = !session.readOnly;
  if (error) return <p className="govuk-error-message">{error}</p>;
  if (!reference) return null;
  if (part === 'staff') return <StaffSection canEdit={writable && can(role, 'manage-staff')} />;
  return (
    <>
      {writable && can(role, 'change-casework-settings') ? (
        <CaseworkSettingsForm settings={reference.settings} year={reference.today.slice(0, 4)} />
      ) : (
        <section aria-labelledby="casework-settings-title" className="govuk-!-margin-top-9">
          <h2 className="govuk-heading-m" id="casework-settings-title">
            Casework settings
          </h2>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Case reference prefix</dt>
              <dd className="govuk-summary-list__value">{reference.settings.referencePrefix}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Who signs off risk assessments</dt>
              <dd className="govuk-summary-list__value">{STAFF_ROLE_LABELS[reference.settings.riskApproverRole]}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Retention actions need a second person</dt>
              <dd className="govuk-summary-list__value">{retentionNeedsApproval(reference.settings) ? 'Yes' : 'No'}</dd>
            </div>
          </dl>
        </section>
      )}
    </>
  );
}
