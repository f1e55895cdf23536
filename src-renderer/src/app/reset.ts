import { useAudit, auditInitial } from '../audit/audit-state';
import { useBackups, backupsInitial } from '../settings/backups-state';
import { useCases, casesInitial } from '../cases/cases-state';
import { useCasework, caseworkInitial } from '../cases/casework-state';
import { useNav, navInitial } from './nav';
import { useProcess, processInitial } from '../conferences/process-state';
import { useQuality, qualityInitial } from '../quality/quality-state';
import { useSettings, settingsInitial } from '../settings/settings-state';
import { resetSession, useSession, type LockReason } from './session';
import { onLocked } from '../shared/api/client';
import { useSync, syncInitial } from '../sync/sync-state';

/**
 * When the casebook locks, everything read from it must leave memory: clear every store and
 * return to the unlock screen. Called for our own Lock button and for the main process's
 * notice (idle timer in main, system sleep, restore), whichever comes first.
 */
export function clearAllStores(reason: LockReason): void {
  useAudit.setState(auditInitial);
  useBackups.setState(backupsInitial);
  useCases.setState(casesInitial);
  useCasework.setState(caseworkInitial);
  useSettings.setState(settingsInitial);
  useNav.setState(navInitial);
  useProcess.setState(processInitial);
  useQuality.setState(qualityInitial);
  useSync.setState(syncInitial);
  resetSession(reason);
}

/** Wire the bridge's onLocked to clearing; returns the unsubscribe function. */
export function listenForLock(): () => void {
  return onLocked((reason) => {
    clearAllStores(reason);
    void useSession.getState().refresh();
  });
}
