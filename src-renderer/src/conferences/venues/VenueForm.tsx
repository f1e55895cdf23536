import { useEffect, useRef, useState } from 'react';
import { VenueSchema, type Venue } from '../../../../src-main/domain/conferences/venue';
import { ApiError } from '../../shared/api/client';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { ListEntryActions } from '../../shared/components/ListEntryActions';
import { InputField, RadiosField, TextareaField } from '../../shared/components/Fields';
import { useProcess } from '../process-state';
import { saveProblems, schemaProblems, summaryOf, type Problems } from '../../shared/lib/problems';

const InputSchema = VenueSchema.partial({ id: true });
const FIELDS = ['name', 'address', 'stepFreeAccess', 'separateWaitingAreas', 'accessibilityNotes'] as const;
const PREFIX = 'venue-';

/** Yes, no, or not known (left out of the record). */
type Answer = '' | 'yes' | 'no';
const ANSWERS: { value: Answer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: '', label: 'Not known' },
];
const answerOf = (b: boolean | undefined): Answer => (b === undefined ? '' : b ? 'yes' : 'no');
const booleanOf = (a: Answer) => (a === '' ? undefined : a === 'yes');

interface Values {
  name: string;
  address: string;
  stepFreeAccess: Answer;
  separateWaitingAreas: Answer;
  accessibilityNotes: string;
  active: boolean;
}

/**
 * A duplicate name comes back as a conflict carrying the field it is about; read it as the
 * casebook's own field message, like a refused input.
 */
function asFieldError(e: unknown): unknown {
  return e instanceof ApiError && e.code === 'CONFLICT' && e.details.issues?.length ? new ApiError('INVALID_INPUT', e.message, e.details) : e;
}

/** Add or change one venue; errors at each field and in a summary. */
export function VenueForm({ venue, onSaved, onCancel }: { venue?: Venue; onSaved(name: string, isNew: boolean): void; onCancel(): void }) {
  const saveVenue = useProcess((s) => s.saveVenue);
  const [v, setV] = useState<Values>({
    name: venue?.name ?? '',
    address: venue?.address ?? '',
    stepFreeAccess: answerOf(venue?.stepFreeAccess),
    separateWaitingAreas: answerOf(venue?.separateWaitingAreas),
    accessibilityNotes: venue?.accessibilityNotes ?? '',
    active: venue?.active ?? true,
  });
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof Values>(k: K, x: Values[K]) => setV({ ...v, [k]: x });

  const fail = (p: Problems) => {
    setProblems(p);
    setFocusKey((k) => k + 1);
  };

  async function submit() {
    const stepFree = booleanOf(v.stepFreeAccess);
    const waiting = booleanOf(v.separateWaitingAreas);
    const candidate = {
      ...(venue ? { id: venue.id } : {}),
      name: v.name,
      address: v.address,
      ...(v.accessibilityNotes.trim() ? { accessibilityNotes: v.accessibilityNotes } : {}),
      ...(stepFree === undefined ? {} : { stepFreeAccess: stepFree }),
      ...(waiting === undefined ? {} : { separateWaitingAreas: waiting }),
      active: v.active,
    };
    const parsed = InputSchema.safeParse(candidate);
    if (!parsed.success) return fail(schemaProblems(parsed.error.issues));
    setBusy(true);
    try {
      await saveVenue(parsed.data);
      onSaved(parsed.data.name, !venue);
    } catch (e) {
      fail(saveProblems(asFieldError(e), FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const summary = summaryOf(problems, FIELDS, PREFIX);
  const field = (k: 'name' | 'address' | 'accessibilityNotes') => ({ id: PREFIX + k, error: problems[k], value: v[k], onValue: (x: string) => set(k, x) });
  const answer = (k: 'stepFreeAccess' | 'separateWaitingAreas', legend: string, hint: string) => (
    <RadiosField id={PREFIX + k} name={PREFIX + k} legend={legend} hint={hint} error={problems[k]} choices={ANSWERS} value={v[k]} onValue={(x) => set(k, x as Answer)} inline small />
  );

  return (
    <div className="cb-edit-panel" data-testid="venue-form">
      <h3 className="govuk-heading-s" ref={heading} tabIndex={-1}>
        {venue ? `Change ${venue.name}` : 'Add a venue'}
      </h3>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <InputField {...field('name')} label="Name" hint="One bookable room: list “Room 1” and “Room 2” at a centre separately" autoComplete="off" widthClass="govuk-!-width-two-thirds" />
        <TextareaField {...field('address')} label="Address" rows={3} autoComplete="off" />
        {answer('stepFreeAccess', 'Step-free access', 'Can someone using a wheelchair get to the room without steps?')}
        {answer('separateWaitingAreas', 'Separate waiting areas', 'Can the parties wait apart before a conference, so they do not meet by chance?')}
        <TextareaField {...field('accessibilityNotes')} label="Accessibility notes (optional)" hint="For example, hearing loop, parking, nearest bus stop, opening hours" rows={3} />
        <ListEntryActions
          existing={venue !== undefined}
          idPrefix={PREFIX}
          activeLabel="In use"
          activeHint="Untick when the service stops using it. It stays on the list because past meetings name it, but new meetings cannot be booked there."
          active={v.active}
          onActive={(x) => set('active', x)}
          addLabel="Add venue"
          busy={busy}
          onCancel={onCancel}
        />
      </form>
    </div>
  );
}
