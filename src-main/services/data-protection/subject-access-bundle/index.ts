import { requireCapability } from '../../../domain/access/capabilities';
import { previewOf, type BundlePreview, type SaveBundleInput, type SavedBundle } from '../../../domain/data-protection/subject-access/bundle-preview';
import { SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema } from '../../../domain/data-protection/subject-access/request';
import { CasebookError } from '../../../domain/shared/errors';
import { caseworkOf } from '../../cases/context';
import type { ServiceContext } from '../../shared/context';
import { mustBeAbleToRecord } from '../../shared/leaving';
import { documentResources } from '../../templates/document-resources';
import { bundleFile, gatherBundle } from './build';
import { findSubjectAccessRequest, readSubjectAccess } from '../subject-access';

export interface SubjectAccessBundleApi {
  /** What the bundle for a request will hold, case by case, and every redaction, for review before saving. */
  previewSubjectAccessBundle(input: { requestId: string }): Promise<BundlePreview>;
  /** Build, check and save the bundle (PDF, optionally with a password, or JSON); logged on the request and in the audit trail. */
  saveSubjectAccessBundle(input: SaveBundleInput): Promise<SavedBundle>;
}

/**
 * The subject access bundle. Reading the casebook and building run in the service's queue; the
 * save dialog runs outside it; once the file is saved, the request's log of bundles and the
 * audit trail ('sar.bundle': format and counts, never a name) are written in one commit.
 */
export function createSubjectAccessBundle(ctx: ServiceContext): SubjectAccessBundleApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  return {
    previewSubjectAccessBundle: (input) =>
      ctx.serial(async () => {
        requireCapability(ctx.need().user.role, 'manage-subject-access');
        const c = cw();
        return previewOf((await gatherBundle(c, (await findSubjectAccessRequest(c.s, input.requestId)).request)).bundle);
      }),
    async saveSubjectAccessBundle(input) {
      const s0 = ctx.need();
      requireCapability(s0.user.role, 'manage-subject-access');
      mustBeAbleToRecord(s0, 'save a subject access bundle');
      const saver = ctx.files.fileSaver;
      if (!saver) throw new CasebookError('WRITE_FAILED', 'Saving files is not available here: this copy of RJ Casebook has no way to choose where to save');
      const { fonts } = await documentResources(ctx);
      const { file, counts } = await ctx.serial(async () => {
        const g = await gatherBundle(cw(), (await findSubjectAccessRequest(ctx.need(), input.requestId)).request);
        return { file: await bundleFile(g, input.format, fonts, input.password), counts: { cases: g.bundle.cases.length, redactions: g.bundle.redactions.length } };
      });
      const { saved } = await saver.save(file.fileName, file.bytes, input.format);
      if (saved) {
        await ctx.serial(async () => {
          const c = cw();
          const s = c.s;
          const register = await readSubjectAccess(s);
          const requests = register.requests.map((r) => (r.id === input.requestId ? { ...r, bundles: [...(r.bundles ?? []), { savedOn: c.today, format: input.format, by: s.user.id }] } : r));
          const fields = [`format:${input.format}`, `cases:${counts.cases}`, `redactions:${counts.redactions}`, ...(input.password !== undefined ? ['password'] : [])];
          await s.registers.save(SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema.parse({ requests }), [s.draft('sar.bundle', { type: 'subject-access', id: input.requestId }, fields)]);
        });
      }
      return { saved, fileName: file.fileName, bytes: file.bytes.length, ...(file.pages !== undefined ? { pages: file.pages } : {}), ...counts };
    },
  };
}
