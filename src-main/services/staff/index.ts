import { caseworkOf } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import type { StaffApi } from './api';
import { getCompliance, getStaffRecords, recordCpd, recordObservedPractice, recordSupervision } from './register';
import { markLeaver } from './leaver';
import { saveRegisterDetails } from './register-details';
import { saveStaffMember } from './staff';
import { importRegister, importRegisterFile } from './register-import';
import { certificateOf, recordTraining } from './training';
import { requireCapability } from '../../domain/access/capabilities';
import { MAX_ATTACHMENT_BYTES } from '../../domain/conferences/attachments';
import { CasebookError } from '../../domain/shared/errors';
import { saveTo } from '../shared/save';

export type { StaffApi } from './api';

/** The staff list (in the index) and its register (in registers/staff.cbk). The service queues every staff command but the two that open a dialog (casebook/service.ts). */
export function createStaff(ctx: ServiceContext): StaffApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  return {
    saveStaffMember: (input) => saveStaffMember(cw(), input),
    saveRegisterDetails: (input) => saveRegisterDetails(cw(), input),
    recordCpd: (input) => recordCpd(cw(), input),
    recordSupervision: (input) => recordSupervision(cw(), input),
    recordObservedPractice: (input) => recordObservedPractice(cw(), input),
    getStaffRecords: (input) => getStaffRecords(cw(), input),
    getCompliance: (input) => getCompliance(cw(), input),
    markLeaver: (input) => markLeaver(cw(), input),
    importRegister: (input) => importRegister(cw(), input),
    importRegisterFile: (input) => importRegisterFile(ctx, cw, input),
    // These open a dialog, so they queue only their store work (casebook/service.ts).
    async recordTraining(input) {
      requireCapability(ctx.need().user.role, 'manage-register');
      let file: { name: string; bytes: Uint8Array } | undefined;
      if (input.withCertificate) {
        const picker = ctx.files.filePicker;
        if (!picker) throw new CasebookError('WRITE_FAILED', 'Attaching files is not available here: this copy of RJ Casebook has no way to choose a file');
        file = await picker.pick(MAX_ATTACHMENT_BYTES, 'certificate');
        if (!file) return { picked: false };
      }
      return { picked: true, record: await ctx.serial(() => recordTraining(cw(), input, file)) };
    },
    async saveCertificate(input) {
      const c = await ctx.serial(() => certificateOf(cw(), input));
      const saved = await saveTo(ctx, c.name, c.bytes, 'original', (s) => s.draft('certificate.export', { type: 'staff', id: input.staffId }, ['certificate']));
      return { saved, fileName: c.name };
    },
  };
}
