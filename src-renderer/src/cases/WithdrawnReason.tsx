import { NO_REASON_GIVEN, WITHDRAWN_REASON_LABEL } from '../../../src-main/domain/cases/exit-reason';
import { SingleCheckbox } from '../shared/components/ChoiceFields';
import { TextArea } from '../shared/components/TextArea';
import type { useCommandForm } from './command-form';
import type { ExitValues } from './Workflow';

type CommandForm<V extends ExitValues> = ReturnType<typeof useCommandForm<V>>;

/** A withdrawal's reason: what the person said, if anything; "No reason given" is an answer. */
export function WithdrawnReason({ f }: { f: CommandForm<ExitValues> }) {
  const none = f.watch('noReasonGiven');
  return (
    <>
      {!none && (
        <TextArea id={f.id('reason')} label={WITHDRAWN_REASON_LABEL} hint="They do not have to give a reason. Do not ask them for one; write down what they told you, if anything." error={f.error('reason')} registration={f.register('reason')} />
      )}
      <SingleCheckbox id={f.id('noReasonGiven')} label={NO_REASON_GIVEN} registration={f.register('noReasonGiven')} />
    </>
  );
}
