/**
 * The list of command names on its own, so the preload can be built from it without bundling
 * zod and every schema into the renderer's process. A unit test checks it matches the contract.
 */
export const COMMAND_NAMES = [
  // casebook (commands/casebook.ts)
  'getStatus',
  'createCasebook',
  'unlock',
  'recoverWithKey',
  'lock',
  'reportActivity',
  'changePassphrase',
  'getSettings',
  'updateSettings',
  'updateCaseworkSettings',
  'listUsers',
  'addUser',
  'deactivateUser',
  'reactivateUser',
  'changeUserRole',
  'requirePassphraseChange',
  'listBackups',
  'createBackup',
  'saveBackupCopy',
  'restoreBackup',
  'restoreBackupFile',
  'restoreBackupWhileLocked',
  'restoreFileWhileLocked',
  'listAudit',
  'verifyStore',
  'acceptCasebookAsItIs',
  'rotateDataKey',
  'checkCaseFile',
  'importCases',
  'exportCases',
  'addDemoCases',
  'checkForUpdates',
  // cases (commands/cases.ts)
  'listCases',
  'getCase',
  'getCaseworkReference',
  'getCaseView',
  'applyCaseCommand',
  'queryCaseload',
  'getDashboard',
  'getCaseAccessHistory',
  // referrals (commands/referrals.ts)
  'checkReferralDuplicates',
  'createReferral',
  // staff (commands/staff.ts)
  'saveStaffMember',
  'saveRegisterDetails',
  'recordCpd',
  'recordSupervision',
  'recordObservedPractice',
  'getStaffRecords',
  'getCompliance',
  'markLeaver',
  'recordTraining',
  'saveCertificate',
  'importRegister',
  'importRegisterFile',
  // quality: policies and complaints (commands/quality.ts)
  'listPolicies',
  'savePolicy',
  'addPolicyVersion',
  'attachPolicyDocument',
  'savePolicyDocument',
  'listComplaints',
  'recordComplaint',
  'updateComplaint',
  'listFrameworks',
  'saveEvidencePack',
  'getHealthCheck',
  'saveIndicatorAnswer',
  // conferences (commands/conferences.ts)
  'saveVenue',
  'getCalendar',
  'saveCalendar',
  'logWithAttachment',
  'saveAttachment',
  // figures (commands/figures.ts)
  'getFigures',
  'saveFiguresCsv',
  // documents (commands/documents.ts)
  'previewDocument',
  'saveDocument',
  'recordPrint',
  'saveBlankForm',
  // data protection (commands/data-protection.ts)
  'findPerson',
  'checkFileForPersonalData',
] as const;

/** The single IPC channel; the command name travels in the payload and is checked against the list. */
export const IPC_CHANNEL = 'casebook:invoke';
/** Main → renderer: the store was locked (idle timer, menu, or restore); clear all state. */
export const LOCKED_CHANNEL = 'casebook:locked';
