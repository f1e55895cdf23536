import { HOW_COUNTED } from '../../../src-main/domain/figures/how-counted';

/** Which date puts each item in the period, one list with the figures report (domain/figures/how-counted.ts). */
export function HowCounted() {
  return (
    <details className="govuk-details" data-testid="how-counted">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">How each figure is counted</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {HOW_COUNTED.map(([what, how]) => (
            <div className="govuk-summary-list__row" key={what}>
              <dt className="govuk-summary-list__key">{what}</dt>
              <dd className="govuk-summary-list__value">{how}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
