import { useEffect, useState } from 'react';
import { PARTICIPANT_ROLE_LABELS } from '../../../src-main/domain/cases/participant-role';
import type { BundlePreview } from '../../../src-main/domain/data-protection/subject-access/bundle-preview';
import { useSession } from '../app/session';
import { call, messageOf } from '../shared/api/client';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { RadiosField } from '../shared/components/Fields';
import { PdfPasswordFields, usePdfPassword } from '../shared/components/PdfPasswordFields';

/**
 * The subject access bundle for one request: what it will hold, case by case, every redaction
 * of other people (by the label that stands in their place, never what it replaced), then the
 * format, an optional PDF password, and Save. The main process builds the bundle again when it
 * saves, reads the finished file for anyone else's name, and records the save on the request
 * and in the audit trail.
 */
export function SubjectAccessBundle({ requestId }: { requestId: string }) {
  const readOnly = useSession((s) => s.session?.readOnly ?? true);
  const [preview, setPreview] = useState<BundlePreview>();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [format, setFormat] = useState<'pdf' | 'json'>('pdf');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const pw = usePdfPassword();

  const fail = (e: unknown) => {
    setErrors([{ message: messageOf(e) }]);
    setFocusKey((n) => n + 1);
  };
  useEffect(() => {
    let live = true;
    setPreview(undefined);
    setErrors([]);
    call('previewSubjectAccessBundle', { requestId })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [requestId]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const password = format === 'pdf' ? pw.check() : undefined;
    if (password === false) return;
    setBusy(true);
    setStatus(undefined);
    setErrors([]);
    try {
      const r = await call('saveSubjectAccessBundle', { requestId, format, ...(password !== undefined ? { password } : {}) });
      setStatus(r.saved ? `Saved ${r.fileName}${password !== undefined ? ', protected with your password' : ''}. The save is recorded on the request and in the audit trail.` : 'Not saved: you cancelled.');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sar-bundle-title" data-testid="subject-access-bundle">
      <h2 className="govuk-heading-m" id="sar-bundle-title">
        Subject access bundle
      </h2>
      <ErrorSummary errors={errors} focusKey={focusKey} level={3} />
      {!preview && errors.length === 0 && <p className="govuk-body">Gathering what the casebook holds about this person…</p>}
      {preview && (
        <>
          <p className="govuk-body">
            Everything the casebook holds about <strong>{preview.name}</strong> in {preview.cases.length === 1 ? 'the case' : `the ${preview.cases.length} cases`} ticked as
            theirs on request {preview.requestId}. Check what is included and what was taken out before you save it.
          </p>
          <h3 className="govuk-heading-s">What is included</h3>
          <table className="govuk-table" data-testid="bundle-cases">
            <caption className="govuk-table__caption govuk-visually-hidden">Records included, case by case</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Case</th>
                <th scope="col" className="govuk-table__header">Their part</th>
                <th scope="col" className="govuk-table__header">Records</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {preview.cases.map((c) => (
                <tr key={c.reference} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">{c.reference}</th>
                  <td className="govuk-table__cell">{PARTICIPANT_ROLE_LABELS[c.role]}</td>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-!-margin-0">
                      {c.sections.map((s) => (
                        <li key={s.id}>
                          {s.title} ({s.count})
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="govuk-heading-s">What was taken out ({preview.redactions.length})</h3>
          <p className="govuk-body">{preview.redactionNote}</p>
          {preview.redactions.length > 0 && (
            <table className="govuk-table" data-testid="bundle-redactions">
              <caption className="govuk-table__caption govuk-visually-hidden">Redactions of other people</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Case</th>
                  <th scope="col" className="govuk-table__header">Where</th>
                  <th scope="col" className="govuk-table__header">Shown as</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {preview.redactions.map((r, i) => (
                  <tr key={i} className="govuk-table__row">
                    <td className="govuk-table__cell">{r.case}</td>
                    <td className="govuk-table__cell">{r.where}</td>
                    <td className="govuk-table__cell">
                      <mark className="cb-redaction">{r.label}</mark>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!readOnly && (
            <form noValidate onSubmit={(e) => void save(e)}>
              <RadiosField
                id="bundle-format"
                name="bundle-format"
                legend="Save as"
                choices={[
                  { value: 'pdf', label: 'PDF', hint: 'To send to the person: readable, with a cover saying what is included.' },
                  { value: 'json', label: 'JSON', hint: 'When they ask for their data in a machine-readable form.' },
                ]}
                value={format}
                onValue={(v) => setFormat(v as 'pdf' | 'json')}
              />
              {format === 'pdf' && <PdfPasswordFields pw={pw} />}
              <button type="submit" className="govuk-button" disabled={busy}>
                Save the bundle
              </button>
            </form>
          )}
          <div role="status" aria-live="polite">
            {status && (
              <p className="govuk-body" data-testid="bundle-status">
                {status}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
