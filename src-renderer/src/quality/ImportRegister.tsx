import { useState } from 'react';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind, type ImportRegisterResult } from '../../../src-main/domain/staff/import-layout';
import { ApiError, call, messageOf } from '../shared/api/client';
import { Details } from '../shared/components/Details';
import type { SummaryError } from '../shared/components/ErrorSummary';
import { FileAction, useFileAction } from '../shared/components/FileAction';
import { SelectField } from '../shared/components/Fields';

/** What each kind of file is called on screen, and the column that tells it apart (docs/staff-import.md). */
const KINDS: Record<ImportKind, { label: string; telltale: string; holds: string }> = {
  staff: { label: 'Staff', telltale: 'role', holds: 'One row a person: adds them to the staff list, or updates them (needs an administrator)' },
  cpd: { label: 'CPD', telltale: 'hours', holds: 'One row a CPD activity' },
  supervision: { label: 'Supervision', telltale: 'supervisor', holds: 'One row a supervision session; a case supervisor must be Advanced' },
  training: { label: 'Training', telltale: 'course', holds: 'One row a course; certificates are added one at a time on a person’s record' },
};

/** The refusal as the error summary lists it: what happened, then every bad row by its line ("Line 4: …"), the kind linked to its box. */
function problemsOf(e: unknown): SummaryError[] {
  if (!(e instanceof ApiError) || !e.details.issues?.length) return [{ message: messageOf(e) }];
  return [
    { message: e.message },
    ...e.details.issues.map((i) => (i.path === 'kind' ? { fieldId: 'import-kind', message: i.message } : { message: i.path.startsWith('line ') ? `Line ${i.path.slice(5)}: ${i.message}` : i.message })),
  ];
}

function saidOf(fileName: string, r: ImportRegisterResult): string {
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  if (r.kind === 'staff') return `Imported ${fileName}: added ${people(r.added)}, updated ${people(r.updated)}`;
  return `Imported ${fileName}: ${r.rows} ${r.kind === 'cpd' ? 'CPD' : r.kind} ${r.rows === 1 ? 'entry' : 'entries'} for ${people(r.updated)}`;
}

/**
 * Importing the register a service already keeps in spreadsheets (quality leads and
 * administrators): the person chooses a CSV file in the open dialog and the main process reads
 * it, since this window cannot read files. All or nothing: a refusal lists every bad row by its
 * line, so the spreadsheet can be put right and the file chosen again.
 */
export function ImportRegister({ onImported }: { onImported(): void }) {
  const action = useFileAction(problemsOf);
  const [kind, setKind] = useState('');
  const run = () =>
    action.run(async () => {
      const r = await call('importRegisterFile', kind ? { kind: kind as ImportKind } : {});
      if (!r.picked || !r.result) return undefined;
      onImported();
      return { heading: saidOf(r.fileName ?? 'the file', r.result), detail: 'The compliance above now counts what was imported.' };
    });
  return (
    <section aria-labelledby="register-import-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="register-import-heading">
        Import the register from a spreadsheet
      </h2>
      <FileAction id="register-import" title="Choose a CSV file and import it" action={action} onRun={run}>
        <p className="govuk-body">
          Save each sheet from Excel or LibreOffice as “CSV UTF-8”, one file for each kind: staff, CPD, supervision or training. Every row is checked first: if any is wrong,
          nothing is imported and each wrong row is listed with its line, so you can put the spreadsheet right and choose it again.
        </p>
        <SelectField
          id="import-kind"
          label="What the file holds"
          hint="Leave this to be worked out from the header row, unless it has none of the columns below in bold, or more than one"
          placeholder="Work it out from the header row"
          choices={IMPORT_KINDS.map((k) => ({ value: k, label: KINDS[k].label }))}
          value={kind}
          onValue={setKind}
        />
        <Details summary="The columns of each kind of file">
          <p className="govuk-body">The first row names the columns, in any order; case, spaces and hyphens do not matter. Dates are written 31/01/2026 or 2026-01-31. People are named as on the staff list.</p>
          <dl className="govuk-summary-list" data-testid="import-layout">
            {IMPORT_KINDS.map((k) => (
              <div className="govuk-summary-list__row" key={k}>
                <dt className="govuk-summary-list__key">{KINDS[k].label}</dt>
                <dd className="govuk-summary-list__value">
                  <p className="govuk-body govuk-!-margin-bottom-1">{KINDS[k].holds}.</p>
                  <p className="govuk-body govuk-!-margin-bottom-0">
                    Needs{' '}
                    {IMPORT_COLUMNS[k].required.map((c, i) => (
                      <span key={c}>
                        {i > 0 && ', '}
                        {c === KINDS[k].telltale ? <strong>{c}</strong> : c}
                      </span>
                    ))}
                    ; may have {IMPORT_COLUMNS[k].optional.join(', ')}.
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </Details>
      </FileAction>
    </section>
  );
}
