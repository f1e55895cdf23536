import type { UseFormRegisterReturn } from 'react-hook-form';
import { STAFF_ROLE_LABELS, type StaffMember } from '../../../src-main/domain/staff/staff';
import { NOT_ON_STAFF_LIST } from '../../../src-main/domain/staff/signer';
import { SelectField } from '../shared/components/SelectField';
import { SingleCheckbox } from '../shared/components/ChoiceFields';
import { WarningText } from '../shared/components/WarningText';
import type { FieldProblem } from './command-form';
import { staffById, staffOptions, type CaseContext } from './shared';

/**
 * Who signs is who is signed in: a form never asks who took consent, assessed, signed off or
 * closed. It says "Signed off by you (Jo Whitfield, RJ coordinator)"; an administrator may
 * tick "Record this for someone else" and choose them, and the record then names that person
 * and the administrator who recorded it (the command's onBehalfOf).
 */
export interface OnBehalfValues {
  forSomeoneElse: boolean;
  onBehalfOf: string;
}

export const ON_BEHALF_DEFAULTS: OnBehalfValues = { forSomeoneElse: false, onBehalfOf: '' };

/** The form fields, in the order they appear, for the error summary. */
export const ON_BEHALF_FIELDS = ['forSomeoneElse', 'onBehalfOf'] as const;

/** onBehalfOf for the command: only when "Record this for someone else" is ticked, and then someone must be chosen. */
export function readOnBehalf(v: OnBehalfValues, errors: FieldProblem[]): { onBehalfOf?: string } {
  if (!v.forSomeoneElse) return {};
  if (!v.onBehalfOf) {
    errors.push({ field: 'onBehalfOf', message: 'Choose who you are recording this for' });
    return {};
  }
  return { onBehalfOf: v.onBehalfOf };
}

/** The member of staff the record will name: the one chosen for someone else, or the signed-in person. */
export function signerOf(ctx: CaseContext, v: Partial<OnBehalfValues>): StaffMember | undefined {
  return v.forSomeoneElse ? staffById(ctx.reference, v.onBehalfOf) : ctx.me;
}

export function describeMe(me: StaffMember): string {
  return `${me.name}, ${STAFF_ROLE_LABELS[me.role]}`;
}

/** What SignedBy needs of a form made by useCommandForm whose values include OnBehalfValues. */
export interface SignerForm {
  id(name: string): string;
  error(name: string): string | undefined;
  register(name: 'forSomeoneElse' | 'onBehalfOf'): UseFormRegisterReturn;
  watch(name: 'forSomeoneElse'): unknown;
}

interface Props {
  ctx: CaseContext;
  f: SignerForm;
  /** "Signed off by", "Taken by", "Closed by"… */
  verb: string;
  /** Narrows whom it may be recorded for (the approver role, say). */
  filter?: (s: StaffMember) => boolean;
  hint?: string;
}

export function SignedBy({ ctx, f, verb, filter, hint }: Props) {
  const me = ctx.me;
  return (
    <div className="cb-signed-by" data-testid="signed-by">
      {me ? (
        <p className="govuk-body" data-testid="signed-by-you">
          {verb} <strong>you</strong> ({describeMe(me)}).{hint ? <span className="govuk-hint govuk-!-margin-bottom-0 cb-block">{hint}</span> : null}
        </p>
      ) : (
        <WarningText>{NOT_ON_STAFF_LIST}</WarningText>
      )}
      {ctx.canRecordOnBehalf && (
        <SingleCheckbox
          id={f.id('forSomeoneElse')}
          label="Record this for someone else"
          hint="For a record made on paper by a colleague: it will name them, and you as the person who recorded it."
          registration={f.register('forSomeoneElse')}
          conditional={
            f.watch('forSomeoneElse') === true ? (
              <SelectField
                id={f.id('onBehalfOf')}
                label="Who is this for?"
                error={f.error('onBehalfOf')}
                placeholder="Choose a member of staff"
                options={staffOptions(ctx.reference, (s) => s.id !== me?.id && (filter ? filter(s) : true))}
                registration={f.register('onBehalfOf')}
              />
            ) : undefined
          }
        />
      )}
    </div>
  );
}
