import { requireCapability } from '../../domain/access/capabilities';
import type { DocumentCheck } from '../../domain/data-protection/leak-report';
import { findPeople, type FindPersonInput, type PersonFound } from '../../domain/data-protection/person-search';
import { CasebookError } from '../../domain/shared/errors';
import type { ServiceContext } from '../shared/context';
import { checkDocument, MAX_CHECKED_BYTES } from './document-check';
import { createSubjectAccessBundle, type SubjectAccessBundleApi } from './subject-access-bundle';

/** Data protection in daily use, reached as `service.dataProtection`. */
export interface DataProtectionApi extends SubjectAccessBundleApi {
  /** Administrators and coordinators: everywhere a person is in the casebook, by name and date of birth; recorded (what was asked, never the name). */
  findPerson(input: FindPersonInput): Promise<{ found: PersonFound[]; casesSearched: number }>;
  /** Choose a PDF or DOCX and look in it for personal data the casebook holds (and the shapes of any other). */
  checkFileForPersonalData(): Promise<DocumentCheck>;
}

/**
 * The file dialog is opened outside the service's queue (so it never holds up other work);
 * reading the cases and recording the check are queued.
 */
export function createDataProtection(ctx: ServiceContext): DataProtectionApi {
  return {
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
