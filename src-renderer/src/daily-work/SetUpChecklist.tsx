import { useEffect } from 'react';
import { setUpChecklist, type SetUpStep } from '../../../src-main/domain/daily-work/set-up';
import { useSession } from '../app/session';
import { useNav, type Page } from '../app/nav';
import { useCasework } from '../cases/casework-state';
import { Tag } from '../shared/components/Tag';
import './daily-work.scss';

const STEPS: Record<SetUpStep, { title: string; hint: string; page: Page }> = {
  service: { title: 'Check the service details and logo', hint: 'The service name, its address and a phone number or email address for letters, and the words for the people in a case.', page: 'settings' },
  staff: { title: 'Add your staff', hint: 'Facilitators with their practitioner level: every case needs a lead facilitator from this list.', page: 'settings-staff' },
  venues: { title: 'Add your venues', hint: 'The rooms where meetings and conferences are held, with their access and waiting areas.', page: 'settings-venues' },
  referral: { title: 'Add the first referral', hint: 'Once staff and venues are in, the first case can be taken on.', page: 'new-referral' },
};

/**
 * First run (issue 14): on an empty casebook, Home leads with what to set up, in order, each
 * step a link to where it is done and ticked once the casebook shows it (GOV.UK task list).
 */
export function SetUpChecklist() {
  const settings = useSession((s) => s.session?.settings);
  const { reference, load } = useCasework();
  const go = useNav((s) => s.go);
  useEffect(() => {
    void load(true);
  }, [load]);
  if (!settings || !reference) return null;
  const items = setUpChecklist({ settings, staff: reference.staff, venues: reference.venues, cases: 0 });
  const done = items.filter((i) => i.done).length;
  return (
    <section className="cb-dash__panel" aria-labelledby="set-up-title" data-testid="set-up">
      <h2 className="govuk-heading-m" id="set-up-title">
        Set up the casebook
      </h2>
      <p className="govuk-body">
        There are no cases yet. Do these first, in this order ({done} of {items.length} done):
      </p>
      <ol className="govuk-task-list cb-task-list">
        {items.map((i) => {
          const step = STEPS[i.step];
          return (
            <li className="govuk-task-list__item govuk-task-list__item--with-link" key={i.step}>
              <div className="govuk-task-list__name-and-hint">
                <button type="button" className="cb-link-button govuk-task-list__link" aria-describedby={`set-up-${i.step}-status`} onClick={() => go(step.page)}>
                  {step.title}
                </button>
                <div className="govuk-task-list__hint">
                  {step.hint}
                  {/* Optional: the step is done without a logo, but says so until one is set. */}
                  {i.logo === false && <span> Add your logo (optional).</span>}
                </div>
              </div>
              <div className="govuk-task-list__status" id={`set-up-${i.step}-status`}>
                {i.done ? 'Done' : <Tag colour="blue">To do</Tag>}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
