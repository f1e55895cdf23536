import type { UseFormRegisterReturn } from 'react-hook-form';
import { NO_REASON_GIVEN, WITHDRAWN_REASON_LABEL } from '../../../src-main/domain/cases/exit-reason';
import { SingleCheckbox } from '../shared/components/ChoiceFields';
import { TextArea } from '../shared/components/TextArea';

/** A withdrawal's reason: what the person said, if anything; "No reason given" is an answer. */
export function WithdrawnReason(o: { reasonId: string; error: string | undefined; reason: UseFormRegisterReturn; noneId: string; none: UseFormRegisterReturn; noneTicked: boolean }) {
  return (
    <>
      {!o.noneTicked && (
        <TextArea id={o.reasonId} label={WITHDRAWN_REASON_LABEL} hint="They do not have to give a reason. Do not ask them for one; write down what they told you, if anything." error={o.error} registration={o.reason} />
      )}
      <SingleCheckbox id={o.noneId} label={NO_REASON_GIVEN} registration={o.none} />
    </>
  );
}
