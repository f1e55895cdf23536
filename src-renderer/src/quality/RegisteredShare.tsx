import type { ServiceCompliance } from '../../../src-main/domain/staff/compliance-schema';
import { Tag } from '../shared/components/Tag';

/** The service-wide share of counted practitioners registered with the RJC, against the Registered Service Provider target. */
export function RegisteredShare({ c }: { c: ServiceCompliance }) {
  const pct = Math.round(c.registeredShare * 100);
  return (
    <section aria-labelledby="registered-share-title" className="cb-quality-share" data-testid="registered-share">
      <h2 className="govuk-heading-m" id="registered-share-title">
        Registered with the RJC
      </h2>
      <p className="govuk-body-l govuk-!-margin-bottom-2">
        <strong>{pct}%</strong> of counted practitioners ({c.registered} of {c.counted}) <Tag colour={c.registeredShareMet ? 'green' : 'red'}>{c.registeredShareMet ? 'Target met' : 'Below target'}</Tag>
      </p>
      <p className="govuk-hint">
        The target is at least 60% (the Registered Service Provider standard). Counted: paid staff trained to at least Foundation who deliver, and volunteers after 12
        months of active delivery; staff who only do administration are left out.
      </p>
    </section>
  );
}
