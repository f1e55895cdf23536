import { ApiError, call, messageOf } from '../shared/api/client';
import type { SummaryError } from '../shared/components/ErrorSummary';
import { FileAction, useFileAction } from '../shared/components/FileAction';
import { WarningText } from '../shared/components/WarningText';

/** Problems listed one by one at the most; a file wrong throughout says how many more. */
const MOST_PROBLEMS = 100;

/** The main process's message, then each problem it found in the file with where it is. */
function importProblems(e: unknown): SummaryError[] {
  const issues = e instanceof ApiError ? (e.details.issues ?? []) : [];
  const shown = issues.slice(0, MOST_PROBLEMS).map((i) => ({ message: `${i.path}: ${i.message}` }));
  const more = issues.length - shown.length;
  return [{ message: messageOf(e) }, ...shown, ...(more > 0 ? [{ message: `And ${more} more ${more === 1 ? 'problem' : 'problems'}` }] : [])];
}

const plural = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;

/**
 * Administrators only: cases in and out of the casebook as a case file, for moving cases
 * between casebooks (two services merging, a team moving to a casebook of its own). The file
 * is plain JSON, not encrypted, so the export says so plainly before anyone saves one.
 */
export function MoveCasesSection({ canImport, canExport }: { canImport: boolean; canExport: boolean }) {
  const imports = useFileAction(importProblems);
  const exports = useFileAction();
  const importCases = () =>
    imports.run(async () => {
      const r = await call('importCases');
      return r.picked ? { heading: `${plural(r.imported)} imported` } : undefined;
    });
  const exportCases = () =>
    exports.run(async () => {
      const r = await call('exportCases');
      if (!r.saved) return undefined;
      return { heading: `${plural(r.cases)} exported to ${r.fileName}`, detail: 'The file is not encrypted: keep it on an encrypted drive, and delete it once the cases are where they need to be.' };
    });

  return (
    <section aria-labelledby="move-cases-title" className="govuk-!-margin-top-9" data-testid="move-cases">
      <h2 className="govuk-heading-m" id="move-cases-title">
        Move cases in or out
      </h2>
      <p className="govuk-body">Move cases from one casebook to another with a case file, for example when two services merge.</p>
      {canImport && (
        <FileAction id="import-cases" title="Import cases" action={imports} onRun={importCases}>
          <p className="govuk-body">
            Add the cases in a case file made by RJ Casebook’s export. Either every case in the file is added, or none: if anything in the file is wrong, nothing is
            imported and each problem is listed with where it is in the file. Cases already in this casebook are never overwritten.
          </p>
        </FileAction>
      )}
      {canExport && (
        <FileAction id="export-cases" title="Export cases" action={exports} onRun={exportCases}>
          <p className="govuk-body">Save every case in this casebook as one case file, to import into another casebook. Attached files are not included.</p>
          <WarningText>
            The case file is not encrypted. It holds personal data and criminal-offence data about everyone in every case. Save it only on an encrypted drive, and
            delete it as soon as you have finished with it.
          </WarningText>
        </FileAction>
      )}
    </section>
  );
}
