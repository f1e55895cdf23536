import { STAGES } from '../../../src-main/domain/cases/case';
import type { CaseContext } from '../cases/shared';
import { ProcessChoice } from './process/ProcessChoice';
import { MeetingList } from './process/MeetingList';
import { ConferenceRecords } from './process/ConferenceRecords';
import { IndirectLog } from './process/IndirectLog';

/**
 * The restorative process on the case page: the kind agreed, the meetings booked (preparation,
 * conference, follow-up) with what can happen to each next, what happened at each conference,
 * and for an indirect process the log of what passed between the parties.
 */
export function Process({ ctx }: { ctx: CaseContext }) {
  const { c } = ctx;
  const before = STAGES.indexOf(c.stage) < STAGES.indexOf('process');
  return (
    <>
      <h2 className="govuk-heading-l">Meetings and process</h2>
      {before && !c.exit && (
        <p className="govuk-body" data-testid="process-not-started">
          The restorative process has not started yet. Preparation meetings can be booked now; a conference is confirmed only once everyone invited has given consent and has a
          signed-off risk assessment.
        </p>
      )}
      <ProcessChoice ctx={ctx} />
      <MeetingList ctx={ctx} />
      <ConferenceRecords ctx={ctx} />
      {c.processKind === 'indirect' && <IndirectLog ctx={ctx} />}
    </>
  );
}
