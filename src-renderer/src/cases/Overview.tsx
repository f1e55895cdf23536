import { atLeastLevel, isPractitioner, PRACTITIONER_LEVEL_LABELS } from '../../../src-main/domain/staff/staff';
import { useCaseView } from './case-view-state';
import { DateTime } from '../shared/components/DateTime';
import { SelectField } from '../shared/components/SelectField';
import { TextArea } from '../shared/components/TextArea';
import { FormPanel, useCommandForm, type FieldProblem } from './command-form';
import { CONSENT_STATE_TAGS, OpenFormButton, ROLE_IN_A_SENTENCE, participantsInOrder, PersonTags, RISK_STATUS_TAGS, roleOf, staffById, staffOptions, StatusTag, who, type CaseContext } from './shared';
import { eventTitle } from './labels';
import './timeline.scss';

/** The case at a glance: what happened, the team, the people and their state, notes, timeline. */
export function Overview({ ctx }: { ctx: CaseContext }) {
  const { c } = ctx;
  const form = useCaseView((s) => s.form);
  return (
    <>
      <h2 className="govuk-heading-l">Overview</h2>
      <h3 className="govuk-heading-m">What happened</h3>
      <p className="govuk-body cb-pre-wrap" data-testid="offence-description">
        {c.referral.offenceDescription || 'No description was given with the referral.'}
      </p>
      {c.referral.sensitive.length > 0 && (
        <div className="govuk-inset-text">
          This is a sensitive case ({c.referral.sensitive.join(', ')}). It follows the stricter pathway: an Advanced practitioner
          leads, a co-facilitator is assigned, and every risk assessment is signed off by {ROLE_IN_A_SENTENCE[ctx.reference.settings.riskApproverRole]}.
        </div>
      )}

      <Team ctx={ctx} />
      {form === 'team' && ctx.canEdit && ctx.canAssignTeam && <AssignTeamForm ctx={ctx} />}

      <h3 className="govuk-heading-m">People</h3>
      <table className="govuk-table" data-testid="people-glance">
        <caption className="govuk-table__caption govuk-visually-hidden">People in this case, with their consent and risk assessment</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Role in the case</th>
            <th scope="col" className="govuk-table__header">Consent</th>
            <th scope="col" className="govuk-table__header">Risk assessment</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {participantsInOrder(c).map((p) => {
            const consent = ctx.view.consent[p.id];
            const risk = ctx.view.risk[p.id];
            return (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">
                  {who(p)} <PersonTags p={p} c={c} today={ctx.reference.today} />
                </td>
                <td className="govuk-table__cell">{roleOf(p, ctx.labels)}</td>
                <td className="govuk-table__cell">{consent && <StatusTag tag={CONSENT_STATE_TAGS[consent.state]} />}</td>
                <td className="govuk-table__cell">{risk && <StatusTag tag={RISK_STATUS_TAGS[risk]} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <Notes ctx={ctx} />
      <Timeline ctx={ctx} />
    </>
  );
}

function Team({ ctx }: { ctx: CaseContext }) {
  const { c, reference } = ctx;
  const lead = staffById(reference, c.leadFacilitatorId);
  const co = staffById(reference, c.coFacilitatorId);
  const describe = (s: typeof lead) => (s ? `${s.name}${s.level ? `, ${PRACTITIONER_LEVEL_LABELS[s.level]} practitioner` : ''}${s.active ? '' : ' (no longer active)'}` : undefined);
  return (
    <>
      <h3 className="govuk-heading-m">Team</h3>
      <table className="govuk-table" data-testid="team">
        <caption className="govuk-table__caption govuk-visually-hidden">Facilitators for this case</caption>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header cb-key-column">Lead facilitator</th>
            <td className="govuk-table__cell">{describe(lead) ?? (c.leadFacilitator ? `${c.leadFacilitator} (not on the staff list)` : 'Not assigned')}</td>
          </tr>
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header cb-key-column">Co-facilitator</th>
            <td className="govuk-table__cell">{describe(co) ?? 'Not assigned'}</td>
          </tr>
        </tbody>
      </table>
      {ctx.canEdit && ctx.canAssignTeam && <OpenFormButton form="team">Assign team</OpenFormButton>}
    </>
  );
}

interface TeamValues {
  leadId: string;
  coFacilitatorId: string;
}

function AssignTeamForm({ ctx }: { ctx: CaseContext }) {
  const { c, reference } = ctx;
  const sensitive = c.referral.sensitive.length > 0;
  const f = useCommandForm<TeamValues>({
    prefix: 'team-',
    fields: ['leadId', 'coFacilitatorId'],
    defaultValues: { leadId: c.leadFacilitatorId ?? '', coFacilitatorId: c.coFacilitatorId ?? '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      if (!v.leadId) errors.push({ field: 'leadId', message: 'Choose a lead facilitator' });
      const lead = staffById(reference, v.leadId);
      if (lead && sensitive && !atLeastLevel(lead, 'advanced')) errors.push({ field: 'leadId', message: `A sensitive case must be led by an Advanced practitioner; ${lead.name} is not` });
      if (v.leadId && v.leadId === v.coFacilitatorId) errors.push({ field: 'coFacilitatorId', message: 'The co-facilitator must be someone other than the lead' });
      if (sensitive && !v.coFacilitatorId) errors.push({ field: 'coFacilitatorId', message: 'A sensitive case needs a co-facilitator' });
      if (errors.length) return { errors };
      return { commands: [{ type: 'assign-team', leadId: v.leadId, coFacilitatorId: v.coFacilitatorId || null }] };
    },
    fieldFor: (path) => ({ leadId: 'leadId', coFacilitatorId: 'coFacilitatorId' })[path],
    notice: 'Team assigned',
  });
  const practitioners = staffOptions(reference, isPractitioner);
  return (
    <FormPanel title="Assign the team" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save team" submitting={f.formState.isSubmitting} testId="team-form">
      {sensitive && <p className="govuk-body">This is a sensitive case: the lead must be an Advanced practitioner, and a co-facilitator is needed.</p>}
      {practitioners.length === 0 && <p className="govuk-body">There are no practitioners on the staff list yet. An administrator can add them in Settings.</p>}
      <SelectField id={f.id('leadId')} label="Lead facilitator" hint="Practitioners on the staff list, with their RJC registration level." error={f.error('leadId')} placeholder="Choose a practitioner" options={practitioners} registration={f.register('leadId')} />
      <SelectField id={f.id('coFacilitatorId')} label="Co-facilitator" error={f.error('coFacilitatorId')} placeholder="No co-facilitator" options={practitioners} registration={f.register('coFacilitatorId')} />
    </FormPanel>
  );
}

/**
 * What the notes box says when it is empty: never "No notes yet" over a note, since a note
 * written on the timeline (a referral's or an imported case's) is a note too.
 */
function notesPlaceholder(timeline: readonly { kind: string }[]): string {
  const onTimeline = timeline.filter((e) => e.kind === 'note').length;
  if (onTimeline === 0) return 'No notes yet.';
  return onTimeline === 1 ? 'The note so far is on the timeline below.' : `The ${onTimeline} notes so far are on the timeline below.`;
}

function Notes({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const notes = ctx.c.notes;
  return (
    <>
      <h3 className="govuk-heading-m">Notes</h3>
      {form === 'notes' && ctx.canEdit ? (
        <NotesForm notes={notes ?? ''} />
      ) : (
        <>
          <p className="govuk-body cb-pre-wrap" data-testid="case-notes">
            {notes || notesPlaceholder(ctx.c.timeline)}
          </p>
          {ctx.canEdit && <OpenFormButton form="notes">{notes ? 'Edit notes' : 'Add notes'}</OpenFormButton>}
        </>
      )}
    </>
  );
}

function NotesForm({ notes }: { notes: string }) {
  const f = useCommandForm<{ notes: string }>({
    prefix: 'notes-',
    fields: ['notes'],
    defaultValues: { notes },
    build: (v) => ({ commands: [{ type: 'set-notes', notes: v.notes.trim() }] }),
    fieldFor: (path) => (path === 'notes' ? 'notes' : undefined),
    notice: 'Notes saved',
  });
  return (
    <FormPanel title="Case notes" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save notes" submitting={f.formState.isSubmitting}>
      <TextArea id={f.id('notes')} label="Notes" hint="Anything the team should know that is not recorded elsewhere." rows={8} error={f.error('notes')} registration={f.register('notes')} />
    </FormPanel>
  );
}

type Event = CaseContext['c']['timeline'][number] & { i: number };

/** Kinds recorded in batches: one event per consent element. */
const BATCHED = new Set(['consent.recorded', 'consent.withdrawn']);

/**
 * Consent recorded for several elements at once (one event each) is shown as one entry with
 * the rest behind "… more at the same time", so the timeline stays readable and nothing is lost.
 */
function grouped(events: Event[]): Event[][] {
  const out: Event[][] = [];
  for (const e of events) {
    const last = out.at(-1)?.[0];
    if (last && BATCHED.has(e.kind) && last.kind === e.kind && last.by === e.by && last.at.slice(0, 16) === e.at.slice(0, 16)) out.at(-1)!.push(e);
    else out.push([e]);
  }
  return out;
}

/** MOJ timeline: every event on the case, newest first. */
function Timeline({ ctx }: { ctx: CaseContext }) {
  const events = grouped(ctx.c.timeline.map((e, i) => ({ ...e, i })).reverse());
  return (
    <section aria-labelledby="timeline-title">
      <h3 className="govuk-heading-m" id="timeline-title">
        Timeline
      </h3>
      {events.length === 0 ? (
        <p className="govuk-body">Nothing recorded yet.</p>
      ) : (
        <ol className="cb-timeline" data-testid="timeline">
          {events.map(([e, ...more]) => (
            <li className="cb-timeline__item" key={e!.i}>
              <div className="cb-timeline__header">
                <h4 className="cb-timeline__title">{eventTitle(e!.kind)}</h4>
                <p className="cb-timeline__byline">by {e!.by || 'RJ Casebook'}</p>
              </div>
              <p className="cb-timeline__date">
                <DateTime iso={e!.at} />
              </p>
              <p className="cb-timeline__description">{e!.text}</p>
              {more.length > 0 && (
                <details className="govuk-details cb-details--compact cb-timeline__more">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">
                      {more.length} more at the same time
                    </span>
                  </summary>
                  <div className="govuk-details__text">
                    <ul className="govuk-list cb-history">
                      {more.map((m) => (
                        <li key={m.i}>{m.text}</li>
                      ))}
                    </ul>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
