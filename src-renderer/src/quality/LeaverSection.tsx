import { useEffect, useState } from 'react';
import type { CaseworkReference } from '../../../src-main/domain/cases/case-view';
import { MarkLeaverInputSchema } from '../../../src-main/domain/staff/leaver';
import type { StaffRecord } from '../../../src-main/domain/staff/record';
import { isPractitioner } from '../../../src-main/domain/staff/staff';
import { can } from '../../../src-main/domain/access/capabilities';
import { useSession } from '../app/session';
import { call } from '../shared/api/client';
import { SelectField } from '../shared/components/Fields';
import { WarningText } from '../shared/components/WarningText';
import { formatDate } from '../shared/lib/dates';
import { staffName, staffOptions } from '../cases/shared';
import type { FieldProblem } from '../cases/command-form';
import { DayField, readDay, RegisterFormPanel, SectionSaved, useRegisterForm } from './register-form';
import { useQuality } from './quality-state';

const FIELDS = ['leftOn', 'reassignTo'] as const;
const cases = (n: number) => `${n} open ${n === 1 ? 'case' : 'cases'}`;

/**
 * Marking someone as left (coordinators and administrators): the day they left, how many open
 * cases they lead or co-facilitate, and who takes those over, all in one save. Their record
 * stays for the evidence of past years.
 */
export function LeaverSection({ record, reference, onChanged }: { record: StaffRecord; reference: CaseworkReference; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const { showBanner, clearBanner } = useQuality();
  return (
    <section aria-labelledby="leaver-title" className="cb-record-section" data-testid="leaver">
      <h2 className="govuk-heading-m" id="leaver-title">
        Leaving
      </h2>
      <SectionSaved section="leaver" />
      {!record.active ? (
        <p className="govuk-body">{record.name} has left{record.ended ? ` (on ${formatDate(record.ended)})` : ''}. Their record stays for the evidence of past years.</p>
      ) : open ? (
        <LeaverForm
          record={record}
          reference={reference}
          onCancel={() => setOpen(false)}
          onSaved={(m) => {
            showBanner('leaver', m);
            setOpen(false);
            onChanged();
          }}
        />
      ) : (
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => (clearBanner(), setOpen(true))}>
          Mark {record.name} as left
        </button>
      )}
    </section>
  );
}

function LeaverForm({ record, reference, onCancel, onSaved }: { record: StaffRecord; reference: CaseworkReference; onCancel(): void; onSaved(m: string): void }) {
  const [openCases, setOpenCases] = useState<number>();
  useEffect(() => {
    void call('queryCaseload', { facilitator: record.id, status: 'open', limit: 1 }).then((r) => setOpenCases(r.total));
  }, [record.id]);
  const successors = staffOptions(reference, (s) => s.id !== record.id && isPractitioner(s));
  const form = useRegisterForm(
    { leftOn: '', reassignTo: '' },
    {
      prefix: 'leaver-',
      fields: FIELDS,
      schema: MarkLeaverInputSchema,
      build: (v) => {
        const problems: FieldProblem[] = [];
        const leftOn = readDay(v.leftOn, 'leftOn', 'Date they left', problems, { notAfter: reference.today });
        return { problems, input: { staffId: record.id, leftOn, ...(v.reassignTo ? { reassignTo: v.reassignTo } : {}) } };
      },
      save: async (input) => {
        const r = await call('markLeaver', input);
        onSaved(`${record.name} marked as left on ${formatDate(input.leftOn)}.${r.moved > 0 ? ` ${cases(r.moved)} moved to ${staffName(reference, input.reassignTo)}.` : ''}`);
      },
    },
  );
  const { v, set, field } = form;
  // Handing cases on is choosing their team: coordinators and administrators ('assign-team').
  const role = useSession((x) => x.session?.user.role);
  const mayReassign = role !== undefined && can(role, 'assign-team');
  return (
    <RegisterFormPanel testId="leaver-form" title={`Mark ${record.name} as left`} form={form} submitLabel={`Mark ${record.name} as left`} warning onCancel={onCancel}>
      <DayField {...field('leftOn')} label="Date they left" value={v.leftOn} onValue={(x) => set('leftOn', x)} />
      <p className="govuk-body" data-testid="leaver-cases" role="status">
        {openCases === undefined ? 'Counting their open cases…' : `${record.name} leads or co-facilitates ${cases(openCases)}.`}
      </p>
      {openCases !== undefined && openCases > 0 && !mayReassign && (
        <WarningText>A coordinator or administrator hands their {cases(openCases)} on to someone else; until then {openCases === 1 ? 'it names' : 'they name'} a facilitator who has left.</WarningText>
      )}
      {openCases !== undefined && openCases > 0 && mayReassign && (
        <>
          <SelectField
            {...field('reassignTo')}
            label="Who takes over their open cases"
            hint="Each case moves to this person in the same step. Leave it to reassign the cases one by one later."
            placeholder="Do not move them now"
            choices={successors}
            value={v.reassignTo}
            onValue={(x) => set('reassignTo', x)}
          />
          {!v.reassignTo && <WarningText>Until someone takes them over, {cases(openCases)} will name a facilitator who has left.</WarningText>}
        </>
      )}
    </RegisterFormPanel>
  );
}
