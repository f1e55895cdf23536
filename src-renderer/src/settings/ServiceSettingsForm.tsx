import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { IDLE_LOCK_MAX, IDLE_LOCK_MIN, SettingsSchema, type Settings } from '../../../src-main/domain/casebook/settings';
import { requiredText } from '../../../src-main/domain/shared/text';
import { useSettings } from './settings-state';
import { useSession } from '../app/session';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { TextField } from '../shared/components/TextField';
import { TextArea } from '../shared/components/TextArea';
import { Banner } from '../shared/components/Banner';
import { applyServerError } from '../shared/lib/form-errors';
import { fieldId, useFormErrors } from '../shared/hooks/useFormErrors';

// The shared rules, with plainer words for the labels' messages and for an empty number box
// (which reads as NaN). The main process checks again with the plain shared schema.
const Schema = SettingsSchema.extend({
  roleLabels: z.strictObject({
    harmed: requiredText('The words for the person harmed', 40),
    responsible: requiredText('The words for the person responsible', 40),
  }),
  backupsToKeep: z.number({ error: 'Enter how many backups to keep, as a number' }).pipe(SettingsSchema.shape.backupsToKeep),
});
const FIELDS = ['serviceName', 'serviceAddress', 'servicePhone', 'serviceEmail', 'roleLabels.harmed', 'roleLabels.responsible', 'idleLockMinutes', 'backupsToKeep', 'updateInfoUrl'] as const;

/** The service's settings, for administrators. Errors from the main process land on their fields. */
export function ServiceSettingsForm() {
  const { settings, load, save } = useSettings();
  const fallback = useSession((s) => s.session?.settings);
  const [focusKey, setFocusKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<Settings>({
    resolver: zodResolver(Schema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    defaultValues: settings ?? fallback,
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);

  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  useEffect(() => {
    if (settings) reset(settings);
  }, [settings, reset]);

  // The logo has its own section and commands; the form never sends it.
  const onValid = async ({ updateInfoUrl, logo: _logo, ...rest }: Settings) => {
    setSaved(false);
    try {
      // An empty box where no address was ever set is no change (an empty one clears it).
      await save(updateInfoUrl || settings?.updateInfoUrl ? { ...rest, updateInfoUrl } : rest);
      setSaved(true);
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };
  const number = { valueAsNumber: true } as const;

  return (
    <section aria-labelledby="service-settings-title">
      <h2 className="govuk-heading-m" id="service-settings-title">
        Service details
      </h2>
      {saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">Settings saved</p>
        </Banner>
      )}
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form
        noValidate
        onSubmit={handleSubmit(onValid, () => {
          setSaved(false);
          setFocusKey((k) => k + 1);
        })}
      >
        <TextField id="serviceName" label="Service name" error={messageFor('serviceName')} registration={register('serviceName')} />
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">How people contact the service</legend>
          <div className="govuk-hint">Printed in the letterhead of letters and on consent forms. Leave a box empty to print the wording in the service template instead.</div>
          <TextArea id="serviceAddress" label="Address" error={messageFor('serviceAddress')} registration={register('serviceAddress')} rows={4} autoComplete="street-address" />
          <TextField id="servicePhone" label="Phone number" error={messageFor('servicePhone')} registration={register('servicePhone')} type="tel" autoComplete="tel" widthClass="govuk-input--width-20" />
          <TextField id="serviceEmail" label="Email address" error={messageFor('serviceEmail')} registration={register('serviceEmail')} type="email" autoComplete="email" spellCheck={false} />
        </fieldset>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Words for the people in a case</legend>
          <div className="govuk-hint">Some services say &ldquo;victim&rdquo; and &ldquo;offender&rdquo;, or &ldquo;harmed&rdquo; and &ldquo;harmer&rdquo;.</div>
          <TextField
            id={fieldId('roleLabels.harmed')}
            label="The person harmed is called"
            error={messageFor('roleLabels.harmed')}
            registration={register('roleLabels.harmed')}
            widthClass="govuk-input--width-20"
          />
          <TextField
            id={fieldId('roleLabels.responsible')}
            label="The person responsible is called"
            error={messageFor('roleLabels.responsible')}
            registration={register('roleLabels.responsible')}
            widthClass="govuk-input--width-20"
          />
        </fieldset>
        <TextField
          id="idleLockMinutes"
          label="Lock the casebook after this many minutes without use"
          hint={`Between ${IDLE_LOCK_MIN} and ${IDLE_LOCK_MAX} minutes. Shorter is safer on a shared computer.`}
          error={messageFor('idleLockMinutes')}
          registration={register('idleLockMinutes', number)}
          inputMode="numeric"
          widthClass="govuk-input--width-3"
        />
        <TextField
          id="backupsToKeep"
          label="Number of backups to keep"
          hint="Older backups are deleted when a new one is made."
          error={messageFor('backupsToKeep')}
          registration={register('backupsToKeep', number)}
          inputMode="numeric"
          widthClass="govuk-input--width-3"
        />
        <TextField
          id="updateInfoUrl"
          label="Update address (optional)"
          hint="The https:// address of the update file your IT team publishes, for Check for updates. Leave it empty and RJ Casebook never checks."
          error={messageFor('updateInfoUrl')}
          registration={register('updateInfoUrl')}
          type="url"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="govuk-button" disabled={formState.isSubmitting}>
          Save settings
        </button>
      </form>
    </section>
  );
}
