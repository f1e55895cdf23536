import { requireCapability } from '../../domain/access/capabilities';
import type { DocumentCheck } from '../../domain/data-protection/leak-report';
import { findPeople, type FindPersonInput, type PersonFound } from '../../domain/data-protection/person-search';
import { CasebookError } from '../../domain/shared/errors';
import type { ListSubjectAccessInput, RecordSubjectAccessInput, SubjectAccessList, SubjectAccessRow, SubjectAccessView, UpdateSubjectAccessInput } from '../../domain/data-protection/subject-access/register';
import { caseworkOf, type Casework } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import { rectifyPerson } from './rectification';
import type { Rectified, RectifyInput } from '../../domain/data-protection/rectification';
import { checkDocument, MAX_CHECKED_BYTES } from './document-check';
import { getSubjectAccessRequest, listSubjectAccessRequests, recordSubjectAccessRequest, updateSubjectAccessRequest } from './subject-access';
import { createSubjectAccessBundle, type SubjectAccessBundleApi } from './subject-access-bundle';
import { createRetention, type RetentionApi } from './retention';

/** Data protection in daily use, reached as `service.dataProtection`. */
export interface DataProtectionApi extends RetentionApi, SubjectAccessBundleApi {
  /** Administrators and coordinators: everywhere a person is in the casebook, by name and date of birth; recorded (what was asked, never the name). */
  findPerson(input: FindPersonInput): Promise<{ found: PersonFound[]; casesSearched: number }>;
  /** Administrators and coordinators: a person's details corrected in each case ticked (all or none); recorded by field, never the details. */
  rectifyPerson(input: RectifyInput): Promise<Rectified>;
  /** Choose a PDF or DOCX and look in it for personal data the casebook holds (and the shapes of any other). */
  checkFileForPersonalData(): Promise<DocumentCheck>;
  /** The subject access register: each request with its due date, status and days left (`at`: the day to work them out on, today by default). */
  listSubjectAccessRequests(input: ListSubjectAccessInput): Promise<SubjectAccessList>;
  /** One request, with the cases a search by its name and date of birth finds (to tick those that are this person); recorded without the name. */
  getSubjectAccessRequest(input: { id: string }): Promise<SubjectAccessView>;
  /** Log a request; it gets the next number (SAR-2026-0001). */
  recordSubjectAccessRequest(input: RecordSubjectAccessInput): Promise<SubjectAccessRow>;
  /** A step: identity, clarification (again), extension with its reason, cases covered, completed, closed without a bundle, notes. */
  updateSubjectAccessRequest(input: UpdateSubjectAccessInput): Promise<SubjectAccessRow>;
}

/**
 * The file dialog is opened outside the service's queue (so it never holds up other work);
 * reading the cases and recording the check are queued.
 */
export function createDataProtection(ctx: ServiceContext): DataProtectionApi {
  const cw = (): Casework => caseworkOf(ctx.need(), ctx.templates);
  const queued = <I, O>(fn: (c: Casework, i: I) => Promise<O>) => (i: I) => ctx.serial(() => fn(cw(), i));
  return {
    listSubjectAccessRequests: queued(listSubjectAccessRequests),
    getSubjectAccessRequest: queued(getSubjectAccessRequest),
    recordSubjectAccessRequest: queued(recordSubjectAccessRequest),
    updateSubjectAccessRequest: queued(updateSubjectAccessRequest),
    ...createRetention(ctx),
    ...createSubjectAccessBundle(ctx),
    findPerson: (input) =>
      ctx.serial(async () => {
        const s = ctx.need();
        requireCapability(s.user.role, 'find-person');
        const result = findPeople(s.summaries.all(), input);
        // Who looked for someone is recorded, by what they gave, not the name itself.
        if (!s.readOnly) await s.commit([], [s.draft('person.search', { type: 'person', id: 'search' }, ['name', ...(input.dateOfBirth ? ['dateOfBirth'] : []), `found:${result.found.length}`])]);
        return result;
      }),
    rectifyPerson: queued(rectifyPerson),
    async checkFileForPersonalData() {
      requireCapability(ctx.need().user.role, 'check-for-personal-data');
      const picker = ctx.files.filePicker;
      if (!picker) throw new CasebookError('WRITE_FAILED', 'Choosing a file is not available here: this copy of RJ Casebook has no way to choose one');
      const file = await picker.pick(MAX_CHECKED_BYTES, 'document');
      if (!file) return { picked: false, clean: true, known: [], patterns: [], casesSearched: 0, message: 'No file was chosen.' };
      return ctx.serial(async () => {
        const s = ctx.need();
        const result = await checkDocument(s, file, ctx.templates.frameworks);
        // Recorded where the casebook can be written; the check itself changes nothing and names nothing.
        if (!s.readOnly) await s.commit([], [s.draft('document.leak-check', { type: 'document', id: result.clean ? 'clean' : 'personal-data-found' }, ['known', 'patterns'])]);
        return { picked: true, ...result };
      });
    },
  };
}
