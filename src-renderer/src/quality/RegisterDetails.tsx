import { useState } from 'react';
import type { StaffRecord } from '../../../src-main/domain/staff/record';
import { DBS_LEVEL_LABELS } from '../../../src-main/domain/staff/register';
import { PRACTITIONER_LEVEL_LABELS, STAFF_ROLE_LABELS } from '../../../src-main/domain/staff/staff';
import { formatDate } from '../shared/lib/dates';
import { Row } from '../cases/shared';
import { DetailsForm } from './DetailsForm';
import { SectionSaved } from './register-form';
import { useQuality } from './quality-state';
import { EMPLOYMENT_LABELS } from './compliance-tags';

/** A person's details on the register, with Change for those who keep it ('manage-register'). */
export function RegisterDetails({ record, today, canEdit, onChanged }: { record: StaffRecord; today: string; canEdit: boolean; onChanged(): void }) {
  const [editing, setEditing] = useState(false);
  const { showBanner, clearBanner } = useQuality();
  const r = record;
  return (
    <section aria-labelledby="details-title" data-testid="register-details">
      <h2 className="govuk-heading-m" id="details-title">
        Details
      </h2>
      <SectionSaved section="details" />
      <dl className="govuk-summary-list">
        <Row label="Role">{STAFF_ROLE_LABELS[r.role]}</Row>
        <Row label="Practitioner level">{r.level ? PRACTITIONER_LEVEL_LABELS[r.level] : 'Not a practitioner'}</Row>
        <Row label="Employment">{r.employment && EMPLOYMENT_LABELS[r.employment]}</Row>
        <Row label="Started on">{r.started && formatDate(r.started)}</Row>
        <Row label="Left on">{r.ended ? formatDate(r.ended) : r.active ? 'Still working here' : 'Left (date not recorded)'}</Row>
        <Row label="RJC registration">
          {r.registration && `${PRACTITIONER_LEVEL_LABELS[r.registration.level]}, number ${r.registration.number}, registered on ${formatDate(r.registration.registeredOn)}; renewal due ${formatDate(r.registration.renewalDue)}`}
        </Row>
        <Row label="DBS check">{r.dbs && `${DBS_LEVEL_LABELS[r.dbs.level]}, certificate dated ${formatDate(r.dbs.certificateDate)}${r.dbs.updateService ? '; on the update service' : ''}`}</Row>
      </dl>
      {canEdit && editing && (
        <DetailsForm
          record={r}
          today={today}
          done={{
            onSaved: (m) => {
              showBanner('details', m);
              setEditing(false);
              onChanged();
            },
            onCancel: () => setEditing(false),
          }}
        />
      )}
      {canEdit && !editing && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => (clearBanner(), setEditing(true))}>
          Change details<span className="govuk-visually-hidden"> of {r.name}</span>
        </button>
      )}
    </section>
  );
}
