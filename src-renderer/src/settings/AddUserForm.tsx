import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ROLES, ROLE_LABELS, type Role } from '../../../src-main/domain/access/roles';
import type { User } from '../../../src-main/domain/casebook/user';
import { describeStaff, type StaffRole } from '../../../src-main/domain/staff/staff';
import { useCasework } from '../cases/casework-state';
import { personName } from '../../../src-main/domain/shared/text';
import { call } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { NewPassphraseFields } from '../shared/components/NewPassphraseFields';
import { TextField } from '../shared/components/TextField';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { applyServerError } from '../shared/lib/form-errors';
import { NewPassphrase, withConfirmation } from '../shared/lib/schemas';

const Schema = withConfirmation(
  z.object({
    name: personName('Name'),
    role: z.enum(ROLES, { error: 'Choose a role' }),
    staffId: z.string(),
    passphrase: NewPassphrase,
    confirm: z.string(),
  }),
);
type Values = z.input<typeof Schema>;
const FIELDS = ['staffId', 'name', 'role', 'passphrase', 'confirm'] as const;
/** Settings also holds the change-passphrase form; this prefix keeps the two forms' ids apart. */
const PREFIX = 'new-user-';
const EMPTY: Values = { staffId: '', name: '', role: 'facilitator', passphrase: '', confirm: '' };
/** The staff list's role that suggests the login role, when someone on it is chosen. */
const LOGIN_ROLE_FOR: Partial<Record<StaffRole, Role>> = { coordinator: 'coordinator', facilitator: 'facilitator', volunteer: 'facilitator', 'quality-lead': 'quality-lead', administrator: 'administrator' };

/**
 * Add a person with a first passphrase to give them in person; they can change it later.
 * Everyone who can unlock is on the staff list (one list of people): choose them there, or
 * they are added to it.
 */
export function AddUserForm({ onAdded, users }: { onAdded: () => Promise<void>; users: readonly User[] }) {
  const staff = useCasework((s) => s.reference?.staff ?? []);
  const loadReference = useCasework((s) => s.load);
  const linked = new Set(users.map((u) => u.staffId));
  const free = staff.filter((m) => m.active && !linked.has(m.id));
  const [focusKey, setFocusKey] = useState(0);
  const [added, setAdded] = useState<string>();
  const { register, handleSubmit, setError, reset, watch, setValue, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: EMPTY,
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, PREFIX);
  const roleError = messageFor('role');

  const onValid = async (v: Values) => {
    setAdded(undefined);
    try {
      const user = await call('addUser', { name: v.name, role: v.role, passphrase: v.passphrase, ...(v.staffId ? { staffId: v.staffId } : {}) });
      reset(EMPTY);
      setAdded(user.name);
      await Promise.all([onAdded(), loadReference(true)]);
    } catch (e) {
      applyServerError(e, FIELDS, setError, {});
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <>
      <h3 className="govuk-heading-s">Add a person</h3>
      {added && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{added} can now unlock this casebook</p>
        </Banner>
      )}
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        {free.length > 0 && (
          <div className={`govuk-form-group${messageFor('staffId') ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor={`${PREFIX}staffId`}>
              Who are they on the staff list?
            </label>
            <div id={`${PREFIX}staffId-hint`} className="govuk-hint">
              Choose them if they are already on it; otherwise they are added to it with the name you give.
            </div>
            {messageFor('staffId') && (
              <p id={`${PREFIX}staffId-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {messageFor('staffId')}
              </p>
            )}
            <select
              id={`${PREFIX}staffId`}
              className="govuk-select"
              aria-describedby={`${PREFIX}staffId-hint${messageFor('staffId') ? ` ${PREFIX}staffId-error` : ''}`}
              {...register('staffId', {
                onChange: (e: { target: { value: string } }) => {
                  const m = staff.find((x) => x.id === e.target.value);
                  if (!m) return;
                  setValue('name', m.name);
                  const role = LOGIN_ROLE_FOR[m.role];
                  if (role) setValue('role', role);
                },
              })}
            >
              <option value="">Not on the staff list yet: add them</option>
              {free.map((m) => (
                <option key={m.id} value={m.id}>
                  {describeStaff(m)}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField id={`${PREFIX}name`} label="Name" error={messageFor('name')} registration={register('name')} autoComplete="off" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
        <div className={`govuk-form-group${roleError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={`${PREFIX}role`}>
            Role
          </label>
          {roleError && (
            <p id={`${PREFIX}role-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {roleError}
            </p>
          )}
          <select id={`${PREFIX}role`} className="govuk-select" aria-describedby={roleError ? `${PREFIX}role-error` : undefined} {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <NewPassphraseFields
          label="Their first passphrase"
          confirmLabel="Type it again"
          passphrase={{ error: messageFor('passphrase'), registration: register('passphrase'), value: watch('passphrase') }}
          confirm={{ error: messageFor('confirm'), registration: register('confirm') }}
          idPrefix={PREFIX}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={formState.isSubmitting}>
          Add person
        </button>
      </form>
    </>
  );
}
