/**
 * The audit trail in plain words (issue 14): actions and field names are stored as codes
 * ("case.sign-off-risk", "participants.risk"), which the CLI and a verifier need, and shown
 * on screen as words ("Risk assessment signed off", "Risk assessments"). Codes not listed
 * here (a newer version's) still read as words, never as a dotted code.
 */

/** What each action did. `case.<command>` entries follow the workflow commands. */
export const AUDIT_ACTION_WORDS: Readonly<Record<string, string>> = {
  'casebook.create': 'Casebook created',
  'casebook.migrate': 'Casebook updated to a new version',
  'casebook.rotate-key': 'Encryption key changed',
  'casebook.key-pair': 'Key for sealing a new encryption key added',
  'session.unlock': 'Unlocked',
  'session.lock': 'Locked',
  'settings.update': 'Service settings changed',
  'settings.logo.set': 'Service logo set',
  'settings.logo.remove': 'Service logo removed',
  'casework-settings.update': 'Casework settings changed',
  'user.add': 'Person given access',
  'user.rename': 'Person renamed',
  'user.role': 'Access level changed',
  'user.deactivate': 'Access removed',
  'user.deactivate-rekey': 'Access removed and encryption key changed',
  'user.reactivate': 'Access given back',
  'user.passphrase-changed': 'Passphrase changed',
  'user.passphrase-recovered': 'Passphrase reset with the recovery key',
  'user.passphrase-required': 'New passphrase required',
  'staff.add': 'Staff member added',
  'staff.update': 'Staff details changed',
  'staff.import': 'Staff list imported',
  'staff.leaver': 'Staff member left',
  'staff.register': 'RJC registration recorded',
  'staff.training': 'Training recorded',
  'staff.cpd': 'CPD recorded',
  'staff.supervision': 'Supervision recorded',
  'staff.observed': 'Observed practice recorded',
  'venue.add': 'Venue added',
  'venue.update': 'Venue changed',
  'backup.create': 'Backup made',
  'backup.export': 'Backup copied',
  'backup.restore': 'Backup restored',
  'case.create': 'Referral recorded',
  'case.view': 'Case opened',
  'case.import': 'Case imported',
  'case.refused': 'Opening a case refused',
  'case.advance': 'Case moved to its next stage',
  'case.exit': 'Case ended early',
  'case.reopen': 'Case reopened',
  'case.close': 'Case closed',
  'case.assign-team': 'Team assigned',
  'case.add-participant': 'Person added to a case',
  'case.update-person': 'Person’s details changed',
  'case.set-participation': 'Taking part changed',
  'case.record-consent': 'Consent recorded',
  'case.withdraw-consent': 'Consent withdrawn',
  'case.assess-risk': 'Risk assessed',
  'case.sign-off-risk': 'Risk assessment signed off',
  'case.sign-off-risk.refused': 'Risk sign-off refused: the assessor tried to sign off',
  'case.record-contact': 'Contact recorded',
  'case.record-meeting': 'Preparation meeting recorded',
  'case.update-referral': 'Referral changed',
  'case.set-notes': 'Case notes changed',
  'case.choose-process': 'Process chosen',
  'case.schedule-meeting': 'Meeting booked',
  'case.update-meeting': 'Meeting changed',
  'case.set-meeting-status': 'Meeting status changed',
  'case.record-conference': 'Conference recorded',
  'case.record-agreement': 'Agreement recorded',
  'case.sign-agreement': 'Agreement signed',
  'case.update-action': 'Agreement action updated',
  'case.add-review': 'Monitoring review recorded',
  'case.record-feedback': 'Feedback recorded',
  'case.log-indirect': 'Indirect process entry logged',
  'attachment.export': 'Attachment saved out',
  'calendar.export': 'Calendar exported',
  'figures.export': 'Figures exported',
  'document.leak-check': 'Document checked for names',
  'certificate.export': 'Certificate saved',
  'person.search': 'Person searched for',
  'person.rectify': 'Person’s details corrected',
  'sar.search': 'Subject access search',
  'sar.record': 'Subject access request recorded',
  'sar.update': 'Subject access request changed',
  'sar.bundle': 'Subject access bundle saved',
  'retention.propose': 'Retention action proposed',
  'retention.approve': 'Retention action approved',
  'retention.refuse': 'Retention action refused',
  'retention.apply': 'Retention action carried out',
  'retention.backups': 'Old backups removed',
  'complaint.record': 'Complaint recorded',
  'complaint.update': 'Complaint changed',
  'policy.add': 'Policy added',
  'policy.change': 'Policy changed',
  'policy.version': 'Policy version added',
  'policy.document': 'Policy document attached',
  'policy.document.export': 'Policy document saved out',
  'pack.save': 'Evidence pack saved',
  'pack.case-studies.review': 'Case studies reviewed',
  'health-check.answer': 'Health check answered',
  'case-file-audit.read': 'Case file audit opened',
  'case-file-audit.review': 'Case file audit recorded',
  // Team use (issue 16)
  'team.enable': 'Team use turned on',
  'team.join': 'Joined a team casebook from this computer',
  'team.sync': 'Synced with the team server',
  'team.interval': 'How often to sync changed',
  'team.resolve': 'Change to resolve: a version kept',
  'team.adopt-key': "Took the key changed on another computer",
  'sync.receive': 'Received from another computer',
  'sync.receive-removal': 'Removal received from another computer',
};

/** The groups of the action choice list, by the code's first part. */
export const AUDIT_ACTION_GROUPS: readonly { prefix: string; label: string }[] = [
  { prefix: 'case.', label: 'Cases' },
  { prefix: 'session.', label: 'Unlocking and locking' },
  { prefix: 'user.', label: 'People who can unlock' },
  { prefix: 'staff.', label: 'Staff' },
  { prefix: 'settings.', label: 'Service settings' },
  { prefix: 'casework-settings.', label: 'Casework settings' },
  { prefix: 'venue.', label: 'Venues' },
  { prefix: 'backup.', label: 'Backups' },
  { prefix: 'casebook.', label: 'The casebook' },
  { prefix: 'sar.', label: 'Subject access' },
  { prefix: 'retention.', label: 'Retention' },
  { prefix: 'person.', label: 'Finding and correcting people' },
  { prefix: 'complaint.', label: 'Complaints' },
  { prefix: 'policy.', label: 'Policies' },
  { prefix: 'team.', label: 'Team use' },
  { prefix: 'sync.', label: 'Received from other computers' },
];

/** Field names as the reader knows them; the audit keeps only names, never values. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  serviceName: 'Service name',
  roleLabels: 'Words for people',
  idleLockMinutes: 'Lock time',
  backupsToKeep: 'Backups kept',
  updateInfoUrl: 'Where to check for updates',
  logo: 'Logo',
  'logo-replaced': 'Logo (replacing the one before)',
  referencePrefix: 'Case reference prefix',
  riskApproverRole: 'Who signs off high risk',
  retentionNeedsApproval: 'Retention needs approval',
  facilitatorsSeeOwnCasesOnly: 'Facilitators see only their cases',
  leadFacilitatorId: 'Lead facilitator',
  coFacilitatorId: 'Co-facilitator',
  processKind: 'Kind of process',
  processForm: 'How the process is carried out',
  indirectLog: 'Indirect process log',
  conferenceRecords: 'Conference record',
  reopenings: 'Reopenings',
  'participants.risk': 'Risk assessments',
  'participants.consent': 'Consent',
  'participants.contacts': 'Contacts',
  'participants.person': 'Personal details',
  'participants.takesPart': 'Taking part',
  'self-sign-off': 'Signed off by the person who assessed it',
  'on-behalf': 'Recorded for someone else',
  cjsStage: 'Criminal justice stage',
};

/** "Risk assessed"; an unknown code as words ("Staff import" for "staff.import"). */
export function auditActionWords(action: string): string {
  return AUDIT_ACTION_WORDS[action] ?? sentence(action.replace(/[.\-_]+/g, ' '));
}

/** "Lock time"; an unknown name as words ("referral.offenceDate" → "Referral: offence date"). */
export function auditFieldWords(field: string): string {
  const known = FIELD_WORDS[field];
  if (known) return known;
  const parts = field.split('.').map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase());
  return sentence(parts.join(': '));
}

function sentence(s: string): string {
  const t = s.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
