import { useState } from 'react';
import { JUDGEMENTS, type CaseFileAudit, type Judgement } from '../../../../src-main/domain/quality/auditor-review';
import { AUDIT_CHECK_LABELS } from '../../../../src-main/domain/quality/case-file-audit';
import { call, messageOf } from '../../shared/api/client';
import { RadiosField, TextareaField } from '../../shared/components/Fields';
import { Tag, type TagColour } from '../../shared/components/Tag';

type File = CaseFileAudit['files'][number];
type Check = File['checks'][number];

const RESULT: Record<Check['result'], { label: string; colour: TagColour }> = {
  met: { label: 'Met', colour: 'green' },
  'not-met': { label: 'Not met', colour: 'red' },
  'not-applicable': { label: 'Not applicable', colour: 'grey' },
  'for-the-auditor': { label: 'For you to judge', colour: 'yellow' },
};
const JUDGEMENT_LABELS: Record<Judgement, string> = { met: 'Met', 'not-met': 'Not met', 'not-applicable': 'Not applicable' };

/**
 * One sampled case file: each check as the record proves it, and for the checks it cannot
 * prove, the auditor's judgement; notes on the file. The reference is shown here, where the
 * auditor may open the case; the pack prints only "File 3".
 */
export function AuditedFile({ file, onSaved }: { file: File; onSaved(checks: Check[], notes: string): void }) {
  const open = file.checks.filter((c) => c.result === 'for-the-auditor' || c.byAuditor);
  const [judged, setJudged] = useState<Partial<Record<Check['check'], Judgement>>>(() => Object.fromEntries(open.filter((c) => c.byAuditor).map((c) => [c.check, c.result as Judgement])));
  const [notes, setNotes] = useState(file.notes ?? '');
  const [state, setState] = useState<{ error?: string; saved?: boolean; busy?: boolean }>({});
  const id = `audit-${file.caseId}`;

  const save = async () => {
    if (state.busy) return;
    setState({ busy: true });
    try {
      const checks = await call('saveAuditorReview', { caseId: file.caseId, judgements: judged, ...(notes.trim() ? { notes } : {}) });
      onSaved(checks, notes.trim());
      setState({ saved: true });
    } catch (e) {
      setState({ error: messageOf(e) });
    }
  };

  return (
    <section className="app-audited-file" aria-labelledby={`${id}-title`} data-testid="audited-file">
      <h3 className="govuk-heading-s" id={`${id}-title`}>
        {file.label} <span className="govuk-caption-s app-inline-caption">{file.reference}</span>
      </h3>
      <ul className="govuk-list app-check-list">
        {file.checks.map((c) => (
          <li key={c.check}>
            <Tag colour={RESULT[c.result].colour}>{RESULT[c.result].label}</Tag> <strong>{AUDIT_CHECK_LABELS[c.check]}</strong>: {c.detail}
          </li>
        ))}
      </ul>
      {open.map((c) => (
        <RadiosField
          key={c.check}
          id={`${id}-${c.check}`}
          name={`${id}-${c.check}`}
          legend={`${AUDIT_CHECK_LABELS[c.check]} (${file.label})`}
          inline
          small
          choices={JUDGEMENTS.map((j) => ({ value: j, label: JUDGEMENT_LABELS[j] }))}
          value={judged[c.check] ?? ''}
          onValue={(v) => setJudged((cur) => ({ ...cur, [c.check]: v as Judgement }))}
        />
      ))}
      <TextareaField
        id={`${id}-notes`}
        label={`Notes on ${file.label}`}
        hint="Printed in the pack under the file number. Do not name anyone: the pack is checked for personal data before it is saved."
        value={notes}
        onValue={setNotes}
        rows={3}
        error={state.error}
      />
      <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={state.busy || undefined} onClick={() => void save()}>
        Save<span className="govuk-visually-hidden"> {file.label}</span>
      </button>
      <p className="govuk-body" role="status">
        {state.saved ? `${file.label} saved.` : ''}
      </p>
    </section>
  );
}
