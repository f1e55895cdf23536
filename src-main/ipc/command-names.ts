/**
 * The list of command names on its own, so the preload can be built from it without bundling
 * zod and every schema into the renderer's process. A unit test checks it matches the contract.
 */
export const COMMAND_NAMES = [
  'getStatus',
  'createCasebook',
  'unlock',
  'recoverWithKey',
  'lock',
  'changePassphrase',
  'getSettings',
  'updateSettings',
  'listUsers',
  'addUser',
  'listBackups',
  'createBackup',
  'restoreBackup',
  'restoreBackupWhileLocked',
  'listAudit',
  'verifyStore',
  'listCases',
  'getCase',
  // casework (contract-casework.ts)
  'getCaseworkReference',
  'saveStaffMember',
  'updateCaseworkSettings',
  'checkReferralDuplicates',
  'createReferral',
  'getCaseView',
  'applyCaseCommand',
  'queryCaseload',
  'getDashboard',
  // documents (contract-documents.ts)
  'previewDocument',
  'saveDocument',
  // process (contract-process.ts)
  'saveVenue',
  'getCalendar',
  'saveCalendar',
  'getFigures',
  'logWithAttachment',
  'saveAttachment',
  'saveFiguresCsv',
] as const;

/** The single IPC channel; the command name travels in the payload and is checked against the list. */
export const IPC_CHANNEL = 'casebook:invoke';
/** Main → renderer: the store was locked (idle timer, menu, or restore); clear all state. */
export const LOCKED_CHANNEL = 'casebook:locked';
