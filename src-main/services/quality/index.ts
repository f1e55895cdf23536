import { requireCapability } from '../../domain/access/capabilities';
import { MAX_ATTACHMENT_BYTES } from '../../domain/conferences/attachments';
import { CasebookError } from '../../domain/shared/errors';
import { caseworkOf, type Casework } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import { saveTo } from '../shared/save';
import type { QualityApi } from './api';
import { getCaseFileAudit, saveAuditorReview } from './case-file-audit';
import { buildPack, draftCaseStudies, PACK_STEPS } from './evidence-pack';
import { frameworkChoices } from './frameworks';
import { documentResources } from '../templates/document-resources';
import { listComplaints, recordComplaint, updateComplaint } from './complaints';
import { getHealthCheck, saveIndicatorAnswer } from './health-check';
import { attachIndicatorEvidence, indicatorEvidenceFile, removeIndicatorEvidence } from './health-check-evidence';
import { chosenFileHolder } from '../shared/chosen-file';
import { addPolicyVersion, attachPolicyDocument, listPolicies, policyDocument, savePolicy } from './policies';

/** The file chosen in the form, held until it is saved (shared/chosen-file.ts). */
const chosenEvidence = chosenFileHolder();

export type { QualityApi } from './api';

/**
 * The policies register and the complaints log. Store work runs in the service's queue; the
 * open and save dialogs (a policy's document) run outside it, so an idle lock is never held up.
 */
export function createQuality(ctx: ServiceContext): QualityApi {
  const cw = (): Casework => caseworkOf(ctx.need(), ctx.templates);
  const queued = <I, O>(fn: (c: Casework, i: I) => Promise<O>) => (i: I) => ctx.serial(() => fn(cw(), i));
  return {
    listPolicies: queued(listPolicies),
    savePolicy: queued(savePolicy),
    addPolicyVersion: queued(addPolicyVersion),
    async attachPolicyDocument(input) {
      requireCapability(ctx.need().user.role, 'manage-policies');
      const picker = ctx.files.filePicker;
      if (!picker) throw new CasebookError('WRITE_FAILED', 'Attaching files is not available here: this copy of RJ Casebook has no way to choose a file');
      const file = await picker.pick(MAX_ATTACHMENT_BYTES, 'attachment');
      if (!file) return { picked: false };
      return { picked: true, policy: await ctx.serial(() => attachPolicyDocument(cw(), input.policyId, file)) };
    },
    async savePolicyDocument(input) {
      requireCapability(ctx.need().user.role, 'read-policies');
      const d = await ctx.serial(() => policyDocument(cw(), input));
      const saved = await saveTo(ctx, d.name, d.bytes, 'original', (s) => s.draft('policy.document.export', { type: 'policy', id: input.policyId }, ['document']));
      return { saved, fileName: d.name };
    },
    listComplaints: queued(listComplaints),
    recordComplaint: queued(recordComplaint),
    updateComplaint: queued(updateComplaint),
    async listFrameworks() {
      requireCapability(ctx.need().user.role, 'build-evidence-pack');
      return frameworkChoices(ctx.templates.frameworks);
    },
    getHealthCheck: queued(getHealthCheck),
    saveIndicatorAnswer: queued(saveIndicatorAnswer),
    // The open dialog runs outside the queue, so an idle lock is never held up by it.
    async chooseIndicatorEvidence() {
      const s = ctx.need();
      requireCapability(s.user.role, 'manage-health-check');
      const picker = ctx.files.filePicker;
      if (!picker) throw new CasebookError('WRITE_FAILED', 'Attaching files is not available here: this copy of RJ Casebook has no way to choose a file');
      const file = await picker.pick(MAX_ATTACHMENT_BYTES, 'evidence');
      if (!file) return { picked: false };
      return { picked: true, token: chosenEvidence.hold(s, file), name: file.name.split(/[/\\]/).pop() ?? '', bytes: file.bytes.length };
    },
    async attachIndicatorEvidence(input) {
      const s = ctx.need();
      requireCapability(s.user.role, 'manage-health-check');
      const file = chosenEvidence.take(s, input.chosen);
      if (!file) throw new CasebookError('INVALID_INPUT', 'The file you chose is no longer held (the casebook was locked, or another file was chosen since): choose it again.', { issues: [{ path: 'chosen', message: 'Choose the file again' }] });
      return ctx.serial(() => attachIndicatorEvidence(cw(), input, file));
    },
    removeIndicatorEvidence: queued(removeIndicatorEvidence),
    async saveIndicatorEvidence(input) {
      requireCapability(ctx.need().user.role, 'read-health-check');
      const f = await ctx.serial(() => indicatorEvidenceFile(cw(), input));
      const saved = await saveTo(ctx, f.name, f.bytes, 'original', (s) => s.draft('health-check.evidence.export', { type: 'health-check', id: `${f.evidence.framework}:${f.evidence.indicator}` }, ['file']));
      return { saved, fileName: f.name };
    },
    getCaseFileAudit: queued(getCaseFileAudit),
    saveAuditorReview: queued(saveAuditorReview),
    draftCaseStudies: (input) =>
      ctx.serial(async () => {
        const s = ctx.need();
        const studies = await draftCaseStudies(s, input);
        // Reading the drafts shows what the cases say: recorded like opening them, by count.
        if (!s.readOnly) await s.commit([], [s.draft('pack.case-studies.review', { type: 'pack', id: 'case-studies' }, [`case-studies:${studies.length}`])]);
        return { studies };
      }),
    async saveEvidencePack(input) {
      requireCapability(ctx.need().user.role, 'build-evidence-pack');
      const { fonts } = await documentResources(ctx);
      // Built and checked in the queue (it reads every case); the save dialog runs outside it.
      const pack = await ctx.work.run('evidence-pack', PACK_STEPS, 'The pack was not built: you stopped it. Nothing was saved.', () => ctx.serial(() => buildPack(cw(), input, fonts, ctx.work)));
      const fields = ['framework', 'format', `from:${input.from}`, `to:${input.to}`, `case-studies:${input.caseStudies?.length ?? 0}`, ...(input.studyEdits?.length ? [`case-studies-reworded:${input.studyEdits.length}`] : []), ...(pack.waived ? [`waived:${pack.waived}`, `reason:${input.waiver ?? ''}`] : [])];
      const saved = await saveTo(ctx, pack.fileName, pack.bytes, input.format, (s) => s.draft('pack.save', { type: 'pack', id: input.framework }, fields));
      return { saved, fileName: pack.fileName, title: pack.title, ...(pack.pages !== undefined ? { pages: pack.pages } : {}), bytes: pack.bytes.length };
    },
  };
}
