import { create } from 'zustand';
import type { CaseworkReference } from '../../../src-main/domain/cases/case-view';
import type { CaseworkSettings } from '../../../src-main/domain/casebook/casework-settings';
import type { StaffMember } from '../../../src-main/domain/staff/staff';
import { call, messageOf } from '../shared/api/client';
import { useSession } from '../app/session';

/**
 * The casework reference data every casework screen needs: the service's lists (referral
 * sources, offence categories, sensitive and vulnerability flags), consent elements, risk
 * factors, staff and casework settings, and today's date in England and Wales. Loaded once
 * after unlocking (call `load()`; it does nothing if already loaded unless forced) and
 * cleared on lock.
 */
interface CaseworkState {
  reference?: CaseworkReference;
  loading: boolean;
  error?: string;
  /** Load the reference data; pass `true` to read it again (for example after a change). */
  load(force?: boolean): Promise<void>;
  /** Add or change a member of staff; throws ApiError (details.issues for fields). */
  saveStaff(member: Omit<StaffMember, 'id'> & { id?: string }): Promise<StaffMember[]>;
  /** Administrators only; throws ApiError (details.issues for fields). */
  saveSettings(patch: Partial<CaseworkSettings>): Promise<CaseworkSettings>;
}

export const caseworkInitial = { reference: undefined, loading: false, error: undefined };

let inFlight: Promise<void> | undefined;

export const useCasework = create<CaseworkState>()((set, get) => ({
  ...caseworkInitial,
  load(force = false) {
    if (!force && get().reference) return Promise.resolve();
    if (inFlight && !force) return inFlight;
    set({ loading: true, error: undefined });
    const run = async () => {
      try {
        const reference = await call('getCaseworkReference');
        // The casebook may have locked while this was on its way: keep nothing then.
        if (useSession.getState().phase === 'unlocked') set({ reference, loading: false });
      } catch (e) {
        set({ error: messageOf(e), loading: false });
      }
    };
    const p = run().finally(() => {
      if (inFlight === p) inFlight = undefined;
    });
    inFlight = p;
    return p;
  },
  async saveStaff(member) {
    const staff = await call('saveStaffMember', member);
    const ref = get().reference;
    if (ref) set({ reference: { ...ref, staff } });
    return staff;
  },
  async saveSettings(patch) {
    const settings = await call('updateCaseworkSettings', patch);
    const ref = get().reference;
    if (ref) set({ reference: { ...ref, settings } });
    return settings;
  },
}));

/** A staff member's name by id, for lists and dropdowns ("Not assigned" when unknown). */
export function staffName(reference: CaseworkReference | undefined, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return reference?.staff.find((s) => s.id === id)?.name;
}
