import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../src-main/domain/casebook/settings';
import { call } from '../shared/api/client';
import { useSession } from '../app/session';

interface SettingsState {
  settings?: Settings;
  load(): Promise<void>;
  /** Throws ApiError (with details.issues for field errors) so the form can show them. */
  save(patch: SettingsPatch): Promise<Settings>;
}

export const settingsInitial = { settings: undefined };

export const useSettings = create<SettingsState>()((set) => ({
  ...settingsInitial,
  async load() {
    set({ settings: await call('getSettings') });
  },
  async save(patch) {
    const settings = await call('updateSettings', patch);
    set({ settings });
    // The header and idle timer read the session's copy.
    useSession.getState().settingsChanged(settings);
    return settings;
  },
}));
