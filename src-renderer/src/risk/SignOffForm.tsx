import { approverRoleRequired, ORDINARY_SIGN_OFF_ROLES, SELF_SIGN_OFF_REFUSED, type RiskAssessment } from '../../../src-main/domain/risk/risk';
import type { StaffMember, StaffRole } from '../../../src-main/domain/staff/staff';
import type { Participant } from '../../../src-main/domain/cases/case';
import { TextArea } from '../shared/components/TextArea';
import { SingleCheckbox } from '../shared/components/ChoiceFields';
import { WarningText } from '../shared/components/WarningText';
import { FormPanel, useCommandForm, type FieldProblem } from '../cases/command-form';
import { optional, ROLE_IN_A_SENTENCE, staffOptions, who, type CaseContext } from '../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, signerOf, type OnBehalfValues } from '../cases/signed-by';

const withArticle = (role: StaffRole) => ROLE_IN_A_SENTENCE[role];

/** "a manager, because this is a sensitive case", or "an RJ coordinator or a manager". */
export function signOffNeeds(ctx: CaseContext, a: RiskAssessment): string {
  const sensitive = ctx.c.referral.sensitive.length > 0;
  const role = approverRoleRequired(a, sensitive, ctx.reference.settings);
  if (!role) return `${ORDINARY_SIGN_OFF_ROLES.map(withArticle).join(' or ')}`;
  return `${withArticle(role)}, because ${sensitive ? 'this is a sensitive case' : 'a factor is rated high'}`;
}

function allowedRoles(ctx: CaseContext, a: RiskAssessment): readonly StaffRole[] {
  const required = approverRoleRequired(a, ctx.c.referral.sensitive.length > 0, ctx.reference.settings);
  return required ? [required] : ORDINARY_SIGN_OFF_ROLES;
}

const isSensitive = (ctx: CaseContext) => ctx.c.referral.sensitive.length > 0;
const assessedIt = (a: RiskAssessment, signer: StaffMember | undefined) => !!signer && signer.id === a.assessedBy;

/**
 * The person who assessed signs off their own assessment: refused for a sensitive case, and
 * otherwise allowed once they confirm, with a warning that the record keeps. Shown before the
 * sign-off button.
 */
export function SelfSignOffWarning({ ctx, a, signer }: { ctx: CaseContext; a: RiskAssessment; signer: StaffMember | undefined }) {
  if (!signer || !assessedIt(a, signer)) return null;
  const you = signer.id === ctx.me?.id;
  const assessed = you ? 'You assessed this risk yourself.' : `${signer.name} assessed this risk.`;
  return (
    <div data-testid="self-sign-off">
      <WarningText>
        {isSensitive(ctx)
          ? `${SELF_SIGN_OFF_REFUSED} ${assessed} This is a sensitive case, so someone else must sign it off.`
          : `${assessed} ${you ? 'You can' : 'They can'} still sign it off, but the record will say it was signed off by the same person who assessed it. A second person should check it if they can.`}
      </WarningText>
    </div>
  );
}

/** Why the person who would sign may not: the role the assessment needs. */
function RoleWarning({ ctx, a, signer }: { ctx: CaseContext; a: RiskAssessment; signer: StaffMember | undefined }) {
  const allowed = allowedRoles(ctx, a);
  if (!signer || allowed.includes(signer.role)) return null;
  const whose = signer.id === ctx.me?.id ? 'You are' : `${signer.name} is`;
  return (
    <div data-testid="signer-role">
      <WarningText>
        {whose} {withArticle(signer.role)}: version {a.version} must be signed off by {signOffNeeds(ctx, a)}.
      </WarningText>
    </div>
  );
}

type SignOffValues = OnBehalfValues & { note: string; confirmOwn: boolean };

/** Sign off as the signed-in person, or, for an administrator, record someone else's sign-off. */
export function SignOffForm({ ctx, p, a }: { ctx: CaseContext; p: Participant; a: RiskAssessment }) {
  const allowed = allowedRoles(ctx, a);
  const f = useCommandForm<SignOffValues>({
    prefix: `signoff-${p.id}-`,
    fields: ['note', ...ON_BEHALF_FIELDS, 'confirmOwn'],
    defaultValues: { ...ON_BEHALF_DEFAULTS, note: '', confirmOwn: false },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const onBehalfOf = readOnBehalf(v, errors);
      // Signing your own assessment is a choice made knowingly: the user confirms the warning.
      if (!isSensitive(ctx) && assessedIt(a, signerOf(ctx, v)) && !v.confirmOwn) {
        errors.push({ field: 'confirmOwn', message: 'Confirm that you are signing off an assessment you made yourself, or ask someone else to sign it off' });
      }
      return { errors, commands: [{ type: 'sign-off-risk', participantId: p.id, ...(optional(v.note) ? { note: optional(v.note) } : {}), ...(v.confirmOwn ? { confirmSelfSignOff: true as const } : {}), ...onBehalfOf }] };
    },
    fieldFor: (path) => ({ note: 'note', onBehalfOf: 'onBehalfOf', confirmSelfSignOff: 'confirmOwn' })[path.split('.')[0] ?? ''],
    notice: `Risk assessment for ${who(p)} signed off`,
  });
  const forSomeoneElse = f.watch('forSomeoneElse');
  const signer = signerOf(ctx, { forSomeoneElse, onBehalfOf: f.watch('onBehalfOf') });
  const approvers = staffOptions(ctx.reference, (s) => allowed.includes(s.role));
  return (
    <FormPanel title={`Sign off the risk assessment for ${who(p)}`} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Sign off" submitting={f.formState.isSubmitting} testId="signoff-form">
      <p className="govuk-body" data-testid="approver-needed">
        Version {a.version} must be signed off by {signOffNeeds(ctx, a)}.
      </p>
      {approvers.length === 0 && (
        <p className="govuk-body">
          Nobody active on the staff list is {allowed.map(withArticle).join(' or ')}. An administrator can add them in Settings.
        </p>
      )}
      <SignedBy ctx={ctx} f={f} verb="Signed off by" filter={(s) => allowed.includes(s.role)} />
      <TextArea id={f.id('note')} label="Note (optional)" error={f.error('note')} registration={f.register('note')} />
      <RoleWarning ctx={ctx} a={a} signer={signer} />
      <SelfSignOffWarning ctx={ctx} a={a} signer={signer} />
      {!isSensitive(ctx) && assessedIt(a, signer) && (
        <SingleCheckbox id={f.id('confirmOwn')} label="I understand the record will say this was signed off by the person who assessed it" error={f.error('confirmOwn')} registration={f.register('confirmOwn')} />
      )}
    </FormPanel>
  );
}
