import type { ServiceCompliance } from '../../../src-main/domain/staff/compliance-schema';
import { chasing, ruleLabel, StatusTag } from './compliance-tags';

/** What needs chasing: every check not met, overdue and due soon first, each with why in words that can go in an email. */
export function ChaseList({ c, onOpen }: { c: ServiceCompliance; onOpen(staffId: string): void }) {
  const chases = chasing(c);
  return (
    <section aria-labelledby="chasing-title" data-testid="chasing">
      <h2 className="govuk-heading-m" id="chasing-title">
        What needs chasing <span className="govuk-caption-m govuk-!-display-inline">({chases.length})</span>
      </h2>
      {chases.length === 0 ? (
        <p className="govuk-body">Nothing: every practitioner meets every rule on this day.</p>
      ) : (
        <ul className="govuk-list cb-chase-list">
          {chases.map((k) => (
            <li key={`${k.staffId}-${k.rule}`} className="cb-chase-list__item">
              <StatusTag status={k.status} />{' '}
              <button type="button" className="cb-link-button" onClick={() => onOpen(k.staffId)}>
                {k.name}
              </button>
              : {ruleLabel(k.rule)} <span className="cb-quality-muted">— {k.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
