import { useState } from 'react';
import { CaseworkSettingsSchema, retentionNeedsApproval, type CaseworkSettings } from '../../../src-main/domain/casebook/casework-settings';
import { STAFF_ROLES, STAFF_ROLE_LABELS } from '../../../src-main/domain/staff/staff';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { CheckboxField, InputField, SelectField } from '../shared/components/Fields';
import { useCasework } from '../cases/casework-state';
import { saveProblems, schemaProblems, summaryOf, type Problems } from '../shared/lib/problems';

const FIELDS = ['referencePrefix', 'riskApproverRole', 'facilitatorsSeeOwnCasesOnly'] as const;

/** Casework choices administrators make: the case reference prefix, who signs off risk, and who sees which cases. */
export function CaseworkSettingsForm({ settings, year }: { settings: CaseworkSettings; year: string }) {
  const saveSettings = useCasework((s) => s.saveSettings);
  const [v, setV] = useState({ referencePrefix: settings.referencePrefix, riskApproverRole: settings.riskApproverRole as string, retentionNeedsApproval: retentionNeedsApproval(settings), facilitatorsSeeOwnCasesOnly: settings.facilitatorsSeeOwnCasesOnly === true });
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const fail = (p: Problems) => {
    setProblems(p);
    setSaved(false);
    setFocusKey((k) => k + 1);
  };

  async function submit() {
    const parsed = CaseworkSettingsSchema.safeParse({ referencePrefix: v.referencePrefix.trim(), riskApproverRole: v.riskApproverRole, retentionNeedsApproval: v.retentionNeedsApproval, facilitatorsSeeOwnCasesOnly: v.facilitatorsSeeOwnCasesOnly });
    if (!parsed.success) {
      return fail(schemaProblems(parsed.error.issues));
    }
    setBusy(true);
    try {
      await saveSettings(parsed.data);
      setProblems({});
      setSaved(true);
    } catch (e) {
      fail(saveProblems(e, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const summary = summaryOf(problems, FIELDS);
  const example = `${v.referencePrefix.trim() || 'RJ'}-${year}-0042`;

  return (
    <section aria-labelledby="casework-settings-title" className="govuk-!-margin-top-9" data-testid="casework-settings">
      <h2 className="govuk-heading-m" id="casework-settings-title">
        Casework settings
      </h2>
      {saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">Casework settings saved</p>
        </Banner>
      )}
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <InputField
          id="referencePrefix"
          label="Case reference prefix"
          hint={`1 to 10 capital letters or digits, starting with a letter. New cases will be numbered like ${example}; existing references do not change.`}
          error={problems.referencePrefix}
          value={v.referencePrefix}
          onValue={(x) => setV({ ...v, referencePrefix: x.toUpperCase() })}
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-10"
        />
        <SelectField
          id="riskApproverRole"
          label="Who signs off risk assessments"
          hint="Needed when any factor is rated high, and for every risk assessment in a sensitive case"
          error={problems.riskApproverRole}
          value={v.riskApproverRole}
          onValue={(x) => setV({ ...v, riskApproverRole: x })}
          choices={STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))}
        />
        <CheckboxField
          id="retentionNeedsApproval"
          label="Retention actions need a second person's approval"
          hint="Anonymising, deleting or keeping a record past its retention period is proposed by one person and approved by someone else"
          checked={v.retentionNeedsApproval}
          onChecked={(x) => setV({ ...v, retentionNeedsApproval: x })}
        />
        <CheckboxField
          id="facilitatorsSeeOwnCasesOnly"
          label="Facilitators see only the cases they work on"
          hint="Facilitators will see and open only the cases they lead or co-facilitate. Sensitive cases are always kept to their team, coordinators, quality leads and administrators, whatever you choose here."
          checked={v.facilitatorsSeeOwnCasesOnly}
          onChecked={(x) => setV({ ...v, facilitatorsSeeOwnCasesOnly: x })}
        />
        <button type="submit" className="govuk-button" disabled={busy}>
          Save casework settings
        </button>
      </form>
    </section>
  );
}
