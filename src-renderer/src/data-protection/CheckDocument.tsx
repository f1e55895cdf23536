import { ApiError, call } from '../shared/api/client';
import { FileAction, useFileAction } from '../shared/components/FileAction';

/**
 * The leak check on a document made anywhere (an evidence pack, a report for the commissioner,
 * a case study written by hand): every person every case names is looked for in it. What is
 * found is shown as a problem to put right before sharing, by place and kind, never the data.
 */
export function CheckDocument() {
  const check = useFileAction();
  const run = () =>
    check.run(async () => {
      const r = await call('checkFileForPersonalData');
      if (!r.picked) return undefined;
      // Shown as a problem to put right (the error summary), not as a success.
      if (!r.clean) throw new ApiError('PERSONAL_DATA', r.message);
      return { heading: 'No personal data was found', detail: r.message };
    });
  return (
    <FileAction id="check-document" title="Check a document for personal data" action={check} onRun={run}>
      <p className="govuk-body">
        Before a report, case study or evidence pack leaves the service, choose it here (PDF or Word). Every name, date of birth, phone number, e-mail and home address
        of everyone in every case is looked for, in the ways people write them, and anything shaped like a postcode, NHS or National Insurance number.
      </p>
    </FileAction>
  );
}
