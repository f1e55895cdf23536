import { useSession } from '../app/session';

/** What non-administrators see: the settings, without a form they could not save. */
export function ServiceSettingsSummary() {
  const s = useSession((st) => st.session?.settings);
  if (!s) return null;
  const rows: [string, string][] = [
    ['Service name', s.serviceName],
    ['Words for the person harmed', s.roleLabels.harmed],
    ['Words for the person responsible', s.roleLabels.responsible],
    ['Lock after', `${s.idleLockMinutes} ${s.idleLockMinutes === 1 ? 'minute' : 'minutes'} without use`],
    ['Backups kept', String(s.backupsToKeep)],
    ['Update address', s.updateInfoUrl || 'Not set: RJ Casebook does not check for updates'],
  ];
  return (
    <section aria-labelledby="service-settings-title">
      <h2 className="govuk-heading-m" id="service-settings-title">
        Service details
      </h2>
      <p className="govuk-body">Only an administrator can change these.</p>
      <dl className="govuk-summary-list">
        {rows.map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
