import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CJS_STAGES, PRIORITIES } from '../../../src-main/domain/cases/case';
import type { CaseworkReference } from '../../../src-main/domain/cases/case-view';
import type { DuplicateMatch, ReferralInput } from '../../../src-main/domain/referrals/referral';
import { ApiError, call, messageOf } from '../shared/api/client';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { CheckboxesField, InputField, RadiosField, SelectField, TextareaField } from '../shared/components/Fields';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { parseUkDate } from '../shared/lib/dates';
import { useCasework } from '../cases/casework-state';
import { useCases } from '../cases/cases-state';
import { useNav } from '../app/nav';
import { useSession } from '../app/session';
import { DuplicatesPanel } from './DuplicatesPanel';
import { Banner } from '../shared/components/Banner';
import { maySeeCase } from '../../../src-main/domain/access/case-access';
import { ParticipantFields } from './ParticipantFields';
import {
  CJS_STAGE_LABELS,
  PRIORITY_LABELS,
  emptyParticipant,
  emptyReferral,
  fieldIdOf,
  fieldOrder,
  serverProblems,
  summaryMessage,
  validateReferral,
  withCategory,
  withSensitive,
  type ParticipantForm,
  type Problems,
  type ReferralForm,
} from './form';
import '../shared/components/casework.scss';

/**
 * Take a referral on one page, quickly: where it came from, the offence, and the people.
 * The form is checked with the shared rules as it is submitted; then the casebook is asked
 * for possible duplicates, which the coordinator sees before anything is saved. What has
 * been typed is kept (until the casebook locks) if they go to look at another case.
 */
export function NewReferral() {
  const h1 = usePageTitle('New referral');
  const { reference, error, load } = useCasework();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        New referral
      </h1>
      {error && <p className="govuk-error-message">{error}</p>}
      {!reference && !error && (
        <p className="govuk-body" role="status">
          Loading the form…
        </p>
      )}
      {reference && <ReferralFormView reference={reference} />}
    </>
  );
}

type Phase = 'editing' | 'checking' | 'duplicates' | 'saving';

/** The form's plain text answers, each shown by one field whose id is its key. */
type TextKey = { [K in keyof ReferralForm]: ReferralForm[K] extends string ? K : never }[keyof ReferralForm];

/** Dates are typed as d/m/yyyy: digits, no autofill. */
const DATE_INPUT = { autoComplete: 'off', inputMode: 'numeric', widthClass: 'govuk-input--width-10' } as const;

/** One titled part of the form; the heading names the section for screen readers. */
function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="cb-form-section" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function ReferralFormView({ reference }: { reference: CaseworkReference }) {
  const { lists, today } = reference;
  const roleLabels = useSession((s) => s.session?.settings.roleLabels) ?? { harmed: 'Person harmed', responsible: 'Person responsible' };
  const openCase = useNav((s) => s.openCase);
  const [form, setFormState] = useState<ReferralForm>(() => (useCases.getState().referralDraft as ReferralForm | undefined) ?? emptyReferral(today));
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [phase, setPhase] = useState<Phase>('editing');
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [savedNotMine, setSavedNotMine] = useState<string>();
  const pendingInput = useRef<ReferralInput | undefined>(undefined);
  const focusAfterRender = useRef<string | undefined>(undefined);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = undefined;
    document.getElementById(id)?.focus();
  });

  const setForm = (next: ReferralForm) => {
    setFormState(next);
    useCases.setState({ referralDraft: next });
    // Anything changed after the duplicate check makes that check out of date.
    if (phase === 'duplicates') setPhase('editing');
  };
  const set = <K extends keyof ReferralForm>(k: K, v: ReferralForm[K]) => setForm({ ...form, [k]: v });
  // id, error and value of a text field; the ids are what the error summary links to.
  const field = (k: TextKey) => ({ id: k, error: problems[k], value: form[k], onValue: (v: string) => set(k, v) });
  const setParticipant = (i: number, p: ParticipantForm) => set('participants', form.participants.map((q, j) => (j === i ? p : q)));

  const fail = (p: Problems) => {
    setProblems(p);
    setPhase('editing');
    setFocusKey((k) => k + 1);
  };

  async function save(input: ReferralInput, duplicatesSeen: boolean) {
    setPhase('saving');
    try {
      const view = await call('createReferral', { referral: input, duplicatesSeen });
      useCases.setState({ referralDraft: undefined });
      // A facilitator may take a referral they will not work on (issue 13): say it is saved, rather than open a case they may not see.
      const me = useSession.getState().session?.user;
      const row = { leadFacilitatorId: view.case.leadFacilitatorId, coFacilitatorId: view.case.coFacilitatorId, sensitive: view.case.referral.sensitive.length > 0 };
      if (me && !maySeeCase(me, row, reference.settings)) {
        setFormState(emptyReferral(today));
        setPhase('editing');
        setSavedNotMine(view.case.reference);
        return;
      }
      openCase(view.case.id);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.details.issues?.length) fail(serverProblems(e.details.issues));
      else if (!duplicatesSeen && e instanceof ApiError && e.code === 'CONFLICT' && e.details.issues?.some((i) => i.path === 'duplicatesSeen')) {
        // A possible duplicate was saved by someone else since the check: show it now.
        if (!(await showDuplicates(input))) fail({ '': messageOf(e) });
      } else fail({ '': messageOf(e) });
    }
  }

  async function showDuplicates(input: ReferralInput): Promise<boolean> {
    try {
      const dupes = await call('checkReferralDuplicates', input);
      if (dupes.length === 0) return false;
      pendingInput.current = input;
      setMatches(dupes);
      setPhase('duplicates');
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVALID_INPUT' && e.details.issues?.length) fail(serverProblems(e.details.issues));
      else fail({ '': messageOf(e) });
      return true;
    }
  }

  async function onSubmit() {
    const { input, problems: found } = validateReferral(form, { today, lists });
    if (!input) return fail(found);
    setProblems({});
    setPhase('checking');
    if (await showDuplicates(input)) return;
    await save(input, false);
  }

  const known = new Set(fieldOrder(form));
  const summary: SummaryError[] = [
    ...Object.entries(problems).filter(([path]) => !known.has(path)).map(([, message]) => ({ message })),
    ...fieldOrder(form)
      .filter((path) => problems[path])
      .map((path) => ({ fieldId: fieldIdOf(path), message: summaryMessage(path, problems[path] as string) })),
  ];
  const busy = phase === 'checking' || phase === 'saving';
  const receivedIso = parseUkDate(form.receivedOn);
  const category = lists.offenceCategories.find((c) => c.id === form.offenceCategory);
  const suggestedLabels = form.suggested.map((s) => lists.sensitiveFlags.find((f) => f.id === s)?.label ?? s);

  return (
    <>
      {savedNotMine && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">Referral {savedNotMine} saved</p>
          <p className="govuk-body">It is not one of your cases, so it will not be in your list: a coordinator will choose who works on it.</p>
        </Banner>
      )}
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {phase === 'duplicates' && (
        <DuplicatesPanel
          matches={matches}
          busy={false}
          onOpen={(id) => openCase(id)}
          onSaveAnyway={() => pendingInput.current && void save(pendingInput.current, true)}
          onBack={() => {
            setPhase('editing');
            focusAfterRender.current = 'source';
          }}
        />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void onSubmit();
        }}
      >
        <p className="govuk-body">Fill in what you know now. Anything marked optional can be added to the case later.</p>

        <FormSection id="referral-section" title="The referral">
          <SelectField
            {...field('source')}
            label="Where did the referral come from?"
            placeholder="Choose a source"
            choices={lists.referralSources.map((s) => ({ value: s.id, label: s.label, ...(s.hint ? { hint: s.hint } : {}) }))}
          />
          <div className="cb-field-row">
            <InputField {...field('referrerName')} label="Referrer’s name (optional)" autoComplete="off" widthClass="govuk-input--width-20" />
            <InputField {...field('referrerOrganisation')} label="Referrer’s organisation (optional)" autoComplete="off" widthClass="govuk-input--width-20" />
          </div>
          <InputField {...field('receivedOn')} {...DATE_INPUT} label="Date received" hint="For example, 14/3/2026" />
        </FormSection>

        <FormSection id="offence-section" title="The offence">
          <SelectField
            {...field('offenceCategory')}
            label="Offence category"
            onValue={(v) => setForm(withCategory(form, v, lists))}
            placeholder="Choose a category"
            choices={lists.offenceCategories.map((c) => ({ value: c.id, label: c.label, ...(c.hint ? { hint: c.hint } : {}) }))}
          />
          <TextareaField {...field('offenceDescription')} label="What happened (optional)" hint="In plain words, as the referrer described it" rows={3} />
          <div className="cb-field-row">
            <InputField {...field('offenceDate')} {...DATE_INPUT} label="Offence date (optional)" hint="For example, 2/3/2026" />
            <SelectField
              {...field('cjsStage')}
              label="Criminal-justice stage"
              hint="Where the person responsible is now"
              placeholder="Choose a stage"
              choices={CJS_STAGES.map((s) => ({ value: s, label: CJS_STAGE_LABELS[s] }))}
            />
          </div>
          <CheckboxesField
            id="sensitive"
            legend="Is this a sensitive or complex case?"
            hint={
              suggestedLabels.length > 0 && category
                ? `${suggestedLabels.join(' and ')} ticked because the offence is ${category.label.toLowerCase()}. Untick anything that does not apply. Sensitive cases need an Advanced practitioner as lead, a co-facilitator and a manager’s sign-off.`
                : 'Tick any that apply. Sensitive cases need an Advanced practitioner as lead, a co-facilitator and a manager’s sign-off.'
            }
            error={problems.sensitive}
            choices={lists.sensitiveFlags.map((f) => ({ value: f.id, label: f.label, ...(f.hint ? { hint: f.hint } : {}) }))}
            values={form.sensitive}
            onValues={(v) => setForm(withSensitive(form, v))}
            columns
          />
          <RadiosField
            name="priority"
            legend="Priority"
            {...field('priority')}
            choices={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            inline
            small
          />
        </FormSection>

        <FormSection id="people-section" title="People">
          <p className="govuk-body">Add everyone the referral names: the person harmed, the person responsible, and any supporter or parent.</p>
          {form.participants.map((p, i) => (
            <ParticipantFields
              key={p.key}
              index={i}
              value={p}
              onChange={(next) => setParticipant(i, next)}
              onRemove={
                form.participants.length > 1
                  ? () => {
                      set('participants', form.participants.filter((_, j) => j !== i));
                      setProblems({});
                      focusAfterRender.current = 'participants';
                    }
                  : undefined
              }
              problems={problems}
              lists={lists}
              roleLabels={roleLabels}
              {...(receivedIso ? { receivedOn: receivedIso } : {})}
            />
          ))}
          {problems.participants && (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {problems.participants}
            </p>
          )}
          <button
            type="button"
            id="participants"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              set('participants', [...form.participants, emptyParticipant('')]);
              focusAfterRender.current = fieldIdOf(`participants.${form.participants.length}.role`);
            }}
          >
            Add another person
          </button>
        </FormSection>

        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} data-prevent-double-click="true">
            {phase === 'checking' ? 'Checking for duplicates…' : phase === 'saving' ? 'Saving…' : 'Save referral'}
          </button>
        </div>
        <p className="govuk-body" role="status" aria-live="polite">
          {phase === 'checking' ? 'Checking for possible duplicates' : phase === 'saving' ? 'Saving the referral' : ''}
        </p>
      </form>
    </>
  );
}
