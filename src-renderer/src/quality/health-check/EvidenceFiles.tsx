import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EVIDENCE_TYPE_LABELS, MAX_EVIDENCE_TITLE, type ChosenEvidenceFile, type IndicatorEvidenceRow } from '../../../../src-main/domain/quality/health-check-evidence';
import { ApiError, call, messageOf } from '../../shared/api/client';
import { ConfirmAction } from '../../shared/components/ConfirmAction';
import { ErrorSummary, type SummaryError } from '../../shared/components/ErrorSummary';
import { ErrorMessage } from '../../shared/components/FormGroup';
import { TextField } from '../../shared/components/TextField';
import { formatDate } from '../../shared/lib/dates';

type Chosen = Required<Pick<ChosenEvidenceFile, 'token' | 'name' | 'bytes'>>;

const sizeOf = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const FIELD_IDS: Record<string, string> = { title: 'hc-evidence-title', chosen: 'hc-evidence-file' };

/**
 * The files that evidence one indicator (minutes, an audit, a poster): listed by title, each
 * with a copy to save and, for whoever answers the health check, Remove (asked first). The
 * form below attaches one: the file is chosen in the form, before "Attach", so the person sees
 * which file they are attaching. The pack lists the titles, never the files.
 */
export function EvidenceFiles(o: { framework: string; indicator: string; files: IndicatorEvidenceRow[]; canChange: boolean; onChanged(message: string): void }) {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<IndicatorEvidenceRow>();
  const [copied, setCopied] = useState<string>();
  const [chosen, setChosen] = useState<Chosen>();
  const { register, handleSubmit, reset } = useForm<{ title: string }>({ defaultValues: { title: '' } });
  const fail = (list: SummaryError[]) => (setErrors(list), setFocusKey((k) => k + 1));
  const failWith = (e: unknown) => {
    const issues = e instanceof ApiError ? (e.details.issues ?? []) : [];
    fail(issues.length ? issues.map((i) => ({ fieldId: FIELD_IDS[i.path], message: i.message })) : [{ message: messageOf(e) }]);
  };
  const errorFor = (field: keyof typeof FIELD_IDS) => errors.find((e) => e.fieldId === FIELD_IDS[field])?.message;

  const choose = async () => {
    try {
      const r = await call('chooseIndicatorEvidence', {});
      if (r.picked && r.token && r.name !== undefined && r.bytes !== undefined) setChosen({ token: r.token, name: r.name, bytes: r.bytes });
    } catch (e) {
      failWith(e);
    }
  };
  const attach = async ({ title }: { title: string }) => {
    const missing: SummaryError[] = [
      ...(title.trim() ? [] : [{ fieldId: FIELD_IDS.title, message: 'Enter a title, like “Minutes of the March team meeting”' }]),
      ...(chosen ? [] : [{ fieldId: FIELD_IDS.chosen, message: 'Choose the file to attach' }]),
    ];
    if (missing.length || !chosen) return fail(missing);
    setBusy(true);
    try {
      const row = await call('attachIndicatorEvidence', { framework: o.framework, indicator: o.indicator, title: title.trim(), chosen: chosen.token });
      setErrors([]);
      setChosen(undefined);
      reset();
      o.onChanged(`“${row.title}” is attached to ${o.indicator}.`);
    } catch (e) {
      // A refused file is taken out in main either way: it has to be chosen again.
      setChosen(undefined);
      failWith(e);
    } finally {
      setBusy(false);
    }
  };
  const saveCopy = async (f: IndicatorEvidenceRow) => {
    try {
      const r = await call('saveIndicatorEvidence', { evidenceId: f.id });
      setCopied(r.saved ? `A copy of “${f.title}” is saved as ${r.fileName}.` : undefined);
    } catch (e) {
      failWith(e);
    }
  };
  const remove = async (f: IndicatorEvidenceRow) => {
    setBusy(true);
    try {
      await call('removeIndicatorEvidence', { evidenceId: f.id });
      setRemoving(undefined);
      o.onChanged(`“${f.title}” is no longer attached to ${o.indicator}.`);
    } catch (e) {
      failWith(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="hc-evidence-heading" className="govuk-!-margin-top-6" data-testid="health-check-evidence">
      <h3 className="govuk-heading-m" id="hc-evidence-heading">
        Files held as evidence
      </h3>
      <ErrorSummary errors={errors} focusKey={focusKey} level={4} />
      {copied && (
        <p className="govuk-body" role="status">
          {copied}
        </p>
      )}
      {o.files.length === 0 ? (
        <p className="govuk-body">No files are attached to {o.indicator} yet.</p>
      ) : (
        <table className="govuk-table cb-records-table">
          <caption className="govuk-visually-hidden">Files attached to {o.indicator}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Title</th>
              <th scope="col" className="govuk-table__header">File</th>
              <th scope="col" className="govuk-table__header">Added</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {o.files.map((f) => (
              <tr className="govuk-table__row" key={f.id}>
                <td className="govuk-table__cell">{f.title}</td>
                <td className="govuk-table__cell">
                  {f.name} ({EVIDENCE_TYPE_LABELS[f.type]}, {sizeOf(f.size)})
                </td>
                <td className="govuk-table__cell">
                  {formatDate(f.addedOn)} by {f.addedByName}
                </td>
                <td className="govuk-table__cell">
                  <button type="button" className="cb-link-button" onClick={() => void saveCopy(f)}>
                    Save a copy<span className="govuk-visually-hidden"> of {f.title}</span>
                  </button>
                  {o.canChange && (
                    <>
                      {' '}
                      <button type="button" className="cb-link-button" onClick={() => setRemoving(f)}>
                        Remove<span className="govuk-visually-hidden"> {f.title}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmAction title={`Remove “${removing.title}” from ${o.indicator}?`} level={4} confirmLabel="Remove the file" busy={busy} onCancel={() => setRemoving(undefined)} onConfirm={() => void remove(removing)}>
          <p className="govuk-body">The removal is recorded. The file itself is deleted from the casebook unless something else uses the same file.</p>
        </ConfirmAction>
      )}
      {o.canChange && (
        <form noValidate onSubmit={handleSubmit(attach)} aria-labelledby="hc-evidence-attach">
          <h4 className="govuk-heading-s" id="hc-evidence-attach">
            Attach a file
          </h4>
          <TextField
            id={FIELD_IDS.title!}
            label="Title"
            hint="What the file is, as the evidence pack will list it. Write about the service, never about a participant."
            error={errorFor('title')}
            maxLength={MAX_EVIDENCE_TITLE}
            registration={register('title')}
          />
          <div className={`govuk-form-group${errorFor('chosen') ? ' govuk-form-group--error' : ''}`}>
            <span className="govuk-label govuk-label--s" id="hc-evidence-file-label">
              File
            </span>
            <div className="govuk-hint" id="hc-evidence-file-hint">
              PDF, Word (DOCX), PNG or JPEG, up to 25 MB. It is kept encrypted in the casebook and is not put in the pack.
            </div>
            <ErrorMessage id={FIELD_IDS.chosen!} error={errorFor('chosen')} />
            <p className="govuk-body" id="hc-evidence-file-chosen" data-testid="evidence-chosen" aria-live="polite">
              {chosen ? `${chosen.name} (${sizeOf(chosen.bytes)})` : 'No file chosen'}
            </p>
            <button type="button" id={FIELD_IDS.chosen} className="govuk-button govuk-button--secondary" aria-describedby={`hc-evidence-file-label hc-evidence-file-hint hc-evidence-file-chosen${errorFor('chosen') ? ' hc-evidence-file-error' : ''}`} onClick={() => void choose()}>
              {chosen ? 'Choose another file' : 'Choose a file'}
            </button>
          </div>
          <button type="submit" className="govuk-button" disabled={busy}>
            Attach the file to {o.indicator}
          </button>
        </form>
      )}
    </section>
  );
}
