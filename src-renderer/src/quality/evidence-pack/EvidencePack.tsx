import { useEffect, useRef } from 'react';
import { PACK_FORMATS, MAX_CASE_STUDIES } from '../../../../src-main/domain/quality/pack-request';
import { useCasework } from '../../cases/casework-state';
import { ActionError } from '../../shared/components/ActionError';
import { Banner } from '../../shared/components/Banner';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { CheckboxesField, InputField, RadiosField, TextareaField } from '../../shared/components/Fields';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { formatBytes, formatDate } from '../../shared/lib/dates';
import { DayField } from '../register-form';
import { CaseStudyReview } from './CaseStudyReview';
import { PackProgress } from './PackProgress';
import { usePackForm, type PackSaved } from './pack-form';
import '../../shared/components/casework.scss';

/**
 * The evidence pack for the Restorative Justice Council (issue 12): the quality lead chooses a
 * framework, a period, the kind of file, the closed cases to write up as anonymised case
 * studies and the size of the case-file audit; the main process builds it, checks the finished
 * file for personal data and only then asks where to save it. Cases are shown by reference
 * only: nobody is named on this page, as nobody may be in the pack.
 */
const FORMAT_LABELS: Record<(typeof PACK_FORMATS)[number], { label: string; hint: string }> = {
  pdf: { label: 'PDF', hint: 'To send or print as it is' },
  docx: { label: 'Word (DOCX)', hint: 'To edit before sending' },
};

export function EvidencePack() {
  const h1 = usePageTitle('Evidence pack');
  const { reference, load } = useCasework();
  useEffect(() => void load(), [load]);
  const f = usePackForm(reference?.today);
  const { v, set, field } = f;
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Evidence pack
      </h1>
      <p className="govuk-body">
        The portfolio for the Restorative Justice Council in one file: figures, staff compliance, policies, a case-file audit and anonymised case studies, set out by the
        framework’s standards and indicators. Before anything is saved, the whole file is checked for the names and details of everyone in the casebook.
      </p>
      <ActionError message={f.loadError} />
      <ErrorSummary errors={f.summary} focusKey={f.focusKey} />
      {f.saved && <SavedBanner saved={f.saved} />}
      {f.frameworks && f.closed && (
        <form
          noValidate
          data-testid="pack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void f.run();
          }}
        >
          <RadiosField
            {...field('framework')}
            name="pack-framework"
            legend="Framework"
            legendSize="m"
            hint="The standards the pack is set out by"
            choices={f.frameworks.map((x) => ({ value: x.id, label: x.title, hint: x.purpose }))}
            value={v.framework}
            onValue={(x) => set('framework', x)}
          />
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="pack-period-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Period</legend>
            <div className="govuk-hint" id="pack-period-hint">
              The cases, training and supervision the pack counts. Set to the last {f.frameworks.find((x) => x.id === v.framework)?.periodMonths ?? 12} months until you change it.
            </div>
            <DayField {...field('from')} label="From" value={v.from} onValue={(x) => set('from', x)} />
            <DayField {...field('to')} label="To" value={v.to} onValue={(x) => set('to', x)} />
          </fieldset>
          <RadiosField
            {...field('format')}
            name="pack-format"
            legend="Kind of file"
            legendSize="m"
            choices={PACK_FORMATS.map((x) => ({ value: x, ...FORMAT_LABELS[x] }))}
            value={v.format}
            onValue={(x) => set('format', x as typeof v.format)}
          />
          {f.closed.length > 0 ? (
            <CheckboxesField
              {...field('caseStudies')}
              legend="Case studies"
              legendSize="m"
              hint={`Closed cases to write up as anonymised case studies, up to ${MAX_CASE_STUDIES}. Names, ages, dates and places are replaced in the pack.`}
              columns={f.closed.length > 8}
              choices={f.closed.map((c) => ({ value: c.reference, label: c.reference, hint: `${c.offenceCategory}, received ${formatDate(c.receivedOn)}` }))}
              values={v.caseStudies}
              onValues={(x) => set('caseStudies', x)}
            />
          ) : (
            <>
              <h2 className="govuk-heading-m">Case studies</h2>
              <p className="govuk-body">No case is closed yet, so there is none to write up as a case study.</p>
            </>
          )}
          {v.caseStudies.length > 0 && (
            <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={f.reviewing || undefined} onClick={() => void f.review()} data-testid="review-studies">
              {f.drafts ? 'Draft the case studies again' : 'Review the case studies'}
            </button>
          )}
          {f.drafts && f.drafts.length > 0 && <CaseStudyReview drafts={f.drafts} edits={f.edits} onEdit={f.edit} />}
          <InputField
            {...field('auditSize')}
            label="Case-file audit sample"
            labelSize="m"
            hint="How many case files from the period to check against the Code of Practice, from 1 to 200"
            value={v.auditSize}
            onValue={(x) => set('auditSize', x)}
            inputMode="numeric"
            widthClass="govuk-input--width-4"
          />
          {f.mayWaive && (
            <div className="govuk-inset-text" data-testid="pack-waiver">
              <TextareaField
                {...field('waiver')}
                label="Reason for keeping it"
                hint="Only if what was found is not personal data (for example, the service’s own postcode). Your reason and your name are kept in the audit trail."
                value={v.waiver}
                onValue={(x) => set('waiver', x)}
                rows={3}
              />
              <button type="button" className="govuk-button govuk-button--warning" aria-disabled={f.busy || undefined} onClick={() => void f.run(true)}>
                Save anyway with this reason
              </button>
            </div>
          )}
          <PackProgress busy={f.busy} progress={f.progress} stopped={f.stopped} cancelled={f.cancelled} onStop={f.stop} />
          {/* aria-disabled rather than disabled, so keyboard focus stays on the button while it works. */}
          <button type="submit" className="govuk-button" aria-disabled={f.busy || undefined}>
            Build and save the pack
          </button>
        </form>
      )}
    </>
  );
}

/** Takes focus when it appears, as GOV.UK's success banner does: the button that made it is far below. */
function SavedBanner({ saved }: { saved: PackSaved }) {
  const size = saved.pages !== undefined ? `${saved.pages} ${saved.pages === 1 ? 'page' : 'pages'}` : formatBytes(saved.bytes);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [saved]);
  return (
    <div ref={ref} tabIndex={-1} data-testid="pack-saved">
      <Banner title="Success" success>
      <p className="govuk-notification-banner__heading">
        Saved {saved.fileName}, {size}
      </p>
      <p className="govuk-body">
        {saved.title}. The leak check found no personal data from the casebook{saved.waived ? '; what only looked like it was kept with your reason, in the audit trail' : ''}.
      </p>
      </Banner>
    </div>
  );
}
