import { useEffect, useRef } from 'react';
import type { DuplicateMatch } from '../../../src-main/domain/referrals/referral';

const REASONS: Record<DuplicateMatch['reasons'][number], string> = {
  'same-person': 'same name and date of birth',
  'same-offence': 'same offence, date and family name',
};

interface Props {
  matches: DuplicateMatch[];
  busy: boolean;
  onOpen(caseId: string): void;
  onSaveAnyway(): void;
  onBack(): void;
}

/**
 * Before a referral is saved: cases that may be the same people or the same offence. The
 * coordinator looks and decides; focus moves here so a screen-reader user hears it at once.
 */
export function DuplicatesPanel({ matches, busy, onOpen, onSaveAnyway, onBack }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const n = matches.length;
  return (
    <section className="cb-duplicates" aria-labelledby="duplicates-title" data-testid="duplicates">
      <h2 className="govuk-heading-m" id="duplicates-title" ref={ref} tabIndex={-1}>
        Possible duplicates
      </h2>
      <p className="govuk-body">
        {n === 1 ? 'One case looks' : `${n} cases look`} like {n === 1 ? 'it may be' : 'they may be'} about the same people or the same offence. Check
        before you save: the referral may already be in the casebook. Opening a case keeps what you typed here.
      </p>
      <table className="govuk-table cb-duplicates__list">
        <caption className="govuk-table__caption govuk-visually-hidden">Possible duplicates</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Case
            </th>
            <th scope="col" className="govuk-table__header">
              Why it matched
            </th>
            <th scope="col" className="govuk-table__header">
              Names in that case
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {matches.map((m) => (
            <tr className="govuk-table__row" key={m.caseId}>
              <td className="govuk-table__cell">
                <button type="button" className="cb-link-button cb-nowrap" onClick={() => onOpen(m.caseId)}>
                  {m.reference}
                </button>
              </td>
              <td className="govuk-table__cell">{m.reasons.map((r) => REASONS[r]).join('; ').replace(/^./, (c) => c.toUpperCase())}</td>
              <td className="govuk-table__cell">{m.names.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={onSaveAnyway}>
          These are different people – save anyway
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={onBack}>
          Change the referral
        </button>
      </div>
    </section>
  );
}
