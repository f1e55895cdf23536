import { VenueSchema, type Venue } from '../../../../src-main/domain/conferences/venue';
import { ApiError } from '../../shared/api/client';
import { ListEntryForm, useListEntryForm, type ListFormDone } from '../../shared/components/ListEditor';
import { InputField, RadiosField, TextareaField } from '../../shared/components/Fields';
import { useProcess } from '../process-state';

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

/**
 * A duplicate name comes back as a conflict carrying the field it is about; read it as the
 * casebook's own field message, like a refused input.
 */
function asFieldError(e: unknown): unknown {
  return e instanceof ApiError && e.code === 'CONFLICT' && e.details.issues?.length ? new ApiError('INVALID_INPUT', e.message, e.details) : e;
}

/** Add or change one venue; errors at each field and in a summary. */
export function VenueForm({ venue, done }: { venue?: Venue; done: ListFormDone }) {
  const saveVenue = useProcess((s) => s.saveVenue);
  const initial = {
    name: venue?.name ?? '',
    address: venue?.address ?? '',
    stepFreeAccess: answerOf(venue?.stepFreeAccess),
    separateWaitingAreas: answerOf(venue?.separateWaitingAreas),
    accessibilityNotes: venue?.accessibilityNotes ?? '',
    active: venue?.active ?? true,
  };
  const form = useListEntryForm(initial, { fields: FIELDS, idPrefix: PREFIX, schema: InputSchema, save: saveVenue, existing: venue, done, asFieldError });
  const { v, set, problems } = form;

  const candidate = () => {
    const stepFree = booleanOf(v.stepFreeAccess);
    const waiting = booleanOf(v.separateWaitingAreas);
    return {
      ...(venue ? { id: venue.id } : {}),
      name: v.name,
      address: v.address,
      ...(v.accessibilityNotes.trim() ? { accessibilityNotes: v.accessibilityNotes } : {}),
      ...(stepFree === undefined ? {} : { stepFreeAccess: stepFree }),
      ...(waiting === undefined ? {} : { separateWaitingAreas: waiting }),
      active: v.active,
    };
  };

  const field = (k: 'name' | 'address' | 'accessibilityNotes') => ({ id: PREFIX + k, error: problems[k], value: v[k], onValue: (x: string) => set(k, x) });
  const answer = (k: 'stepFreeAccess' | 'separateWaitingAreas', legend: string, hint: string) => (
    <RadiosField id={PREFIX + k} name={PREFIX + k} legend={legend} hint={hint} error={problems[k]} choices={ANSWERS} value={v[k]} onValue={(x) => set(k, x as Answer)} inline small />
  );

  return (
    <ListEntryForm
      testId="venue-form"
      title={venue ? `Change ${venue.name}` : 'Add a venue'}
      form={form}
      onSubmit={() => void form.submit(candidate())}
      words={{
        active: 'In use',
        activeHint: 'Untick when the service stops using it. It stays on the list because past meetings name it, but new meetings cannot be booked there.',
        add: 'Add venue',
      }}
    >
      <InputField {...field('name')} label="Name" hint="One bookable room: list “Room 1” and “Room 2” at a centre separately" autoComplete="off" widthClass="govuk-!-width-two-thirds" />
      <TextareaField {...field('address')} label="Address" rows={3} autoComplete="off" />
      {answer('stepFreeAccess', 'Step-free access', 'Can someone using a wheelchair get to the room without steps?')}
      {answer('separateWaitingAreas', 'Separate waiting areas', 'Can the parties wait apart before a conference, so they do not meet by chance?')}
      <TextareaField {...field('accessibilityNotes')} label="Accessibility notes (optional)" hint="For example, hearing loop, parking, nearest bus stop, opening hours" rows={3} />
    </ListEntryForm>
  );
}
