import { create } from 'zustand';
import type { ServiceCompliance } from '../../../src-main/domain/staff/compliance-schema';
import type { StaffRecord } from '../../../src-main/domain/staff/record';
import { ApiError, call, messageOf } from '../shared/api/client';
import { useNav } from '../app/nav';

/**
 * What the quality pages show: the service's compliance on a chosen day (the Quality page),
 * and one person's register record with their own checks (their record page, or My record).
 * The record is read again after every save, so its checks always match its logs.
 */
interface QualityState {
  /** The day compliance is judged on; undefined means today. */
  at?: string;
  compliance?: ServiceCompliance;
  error?: string;
  /** The person whose record page is open (the quality lead's view). */
  staffId?: string;
  /**
   * The one success banner a record page shows, in the section that saved last: a new action
   * anywhere on the page clears it, so an old "added" never sits beside a newer one.
   */
  banner?: { section: string; message: string };
  showBanner(section: string, message: string): void;
  clearBanner(): void;
  loadCompliance(at?: string): Promise<void>;
  /** Open a person's register record from the Quality page or Home. */
  openRecord(staffId: string): void;
}

export const qualityInitial = { at: undefined, compliance: undefined, error: undefined, staffId: undefined, banner: undefined };

export const useQuality = create<QualityState>()((set) => ({
  ...qualityInitial,
  async loadCompliance(at) {
    set({ at, error: undefined });
    try {
      set({ compliance: await call('getCompliance', at ? { at } : {}) });
    } catch (e) {
      set({ error: messageOf(e), compliance: undefined });
    }
  },
  showBanner(section, message) {
    set({ banner: { section, message } });
  },
  clearBanner() {
    set({ banner: undefined });
  },
  openRecord(staffId) {
    set({ staffId, banner: undefined });
    useNav.getState().go('staff-record');
  },
}));

/** One person's record and their checks today, as the record pages read them; `staffId` undefined is your own. */
export interface LoadedRecord {
  record: StaffRecord;
  checks: ServiceCompliance['staff'][number]['checks'];
}

export async function loadRecord(staffId: string | undefined): Promise<LoadedRecord> {
  const [records, compliance] = await Promise.all([call('getStaffRecords', staffId ? { staffId } : {}), call('getCompliance', {})]);
  const record = records[0];
  if (!record) throw new ApiError('NOT_FOUND', 'There is no record for that member of staff.');
  return { record, checks: compliance.staff.find((s) => s.staffId === record.id)?.checks ?? [] };
}
