import type { CasebookService } from '../../services/casebook/api';
import type { casebookCommands } from '../commands/casebook';
import type { HandlersOf } from './types';

/** The casebook commands, each a call into the service's own methods. */
export function casebookHandlers(s: CasebookService): HandlersOf<typeof casebookCommands> {
  return {
    getStatus: () => s.status(),
    createCasebook: (i) => s.create(i),
    unlock: (i) => s.unlock(i.userId, i.passphrase),
    recoverWithKey: (i) => s.recover(i.userId, i.recoveryKey, i.newPassphrase),
    lock: async (i) => {
      await s.lock(i.reason);
      return { locked: true as const };
    },
    reportActivity: () => s.reportActivity(),
    changePassphrase: (i) => s.changePassphrase(i.current, i.next),
    getSettings: async () => s.settings(),
    updateSettings: (i) => s.updateSettings(i),
    chooseServiceLogo: () => s.chooseServiceLogo(),
    setServiceLogo: (i) => s.setServiceLogo(i),
    removeServiceLogo: () => s.removeServiceLogo(),
    getServiceLogo: () => s.serviceLogo(),
    updateCaseworkSettings: (i) => s.updateCaseworkSettings(i),
    listUsers: async () => s.users(),
    addUser: (i) => s.addUser(i),
    deactivateUser: (i) => s.deactivateUser(i.userId),
    reactivateUser: (i) => s.reactivateUser(i.userId, i.passphrase),
    changeUserRole: (i) => s.changeUserRole(i.userId, i.role),
    requirePassphraseChange: (i) => s.requirePassphraseChange(i.userId),
    listBackups: () => s.listBackups(),
    createBackup: () => s.createBackup('manual'),
    saveBackupCopy: () => s.saveBackupCopy(),
    restoreBackup: (i) => s.restoreBackup(i.id, i.partial),
    restoreBackupFile: (i) => s.restoreBackupFile(i.partial),
    restoreBackupWhileLocked: (i) => s.restoreWhileLocked({ backupId: i.backupId }, i.userId, i.passphrase, i.partial),
    restoreFileWhileLocked: (i) => s.restoreFileWhileLocked(i.user, i.passphrase, i.partial),
    listAudit: (i) => s.listAudit(i),
    verifyStore: () => s.verify(),
    acceptCasebookAsItIs: () => s.acceptAsItIs(),
    rotateDataKey: (i) => s.rotateDataKey(i),
    checkCaseFile: () => s.checkCaseFile(),
    importCases: (_i, c) => s.importCaseFile(c),
    exportCases: () => s.exportCases(),
    addDemoCases: (i, c) => s.addDemoCases(i, c),
    checkForUpdates: () => s.checkForUpdates(),
    getWorkProgress: () => s.workProgress(),
    cancelWork: (i) => s.cancelWork(i.task),
  };
}
