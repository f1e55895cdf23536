import { CasebookError } from '../shared/errors';
import { ROLES, type Role } from './roles';

/**
 * Who may do what, in one place. Each capability names a piece of RJ work and the login roles
 * that may do it. The contract (every command names a capability), the services (rules that
 * depend on what a command does: every caseworker records a contact, only coordinators close a
 * case), the CLI and the renderer (which buttons to show) all ask `can` — none of them keeps a
 * list of roles of its own.
 *
 * Rules about a *person* rather than a login (the manager who signs off a risk assessment, the
 * Advanced practitioner who leads a sensitive case) are decided against staff records in the
 * domain rules themselves: a signature is always the signed-in person's (domain/staff/signer.ts),
 * unless an administrator uses 'record-on-behalf'. This module is about roles only.
 */
const EVERYONE = ROLES;
const CASEWORKERS = ['administrator', 'coordinator', 'facilitator'] as const satisfies readonly Role[];
const MANAGERS = ['administrator', 'coordinator'] as const satisfies readonly Role[];
const ADMINISTRATORS = ['administrator'] as const satisfies readonly Role[];
const QUALITY = ['administrator', 'quality-lead'] as const satisfies readonly Role[];
const OVERSEERS = ['administrator', 'coordinator', 'quality-lead'] as const satisfies readonly Role[];

export const CAPABILITIES = {
  // The casebook itself
  'use-casebook': { roles: EVERYONE, doing: 'use the casebook' },
  'change-own-passphrase': { roles: EVERYONE, doing: 'change their own passphrase' },
  'change-settings': { roles: ADMINISTRATORS, doing: 'change the service settings' },
  'manage-users': { roles: ADMINISTRATORS, doing: 'manage the people who can unlock the casebook' },
  'manage-backups': { roles: ADMINISTRATORS, doing: 'take and restore backups' },
  'read-audit': { roles: ADMINISTRATORS, doing: 'read the audit trail' },
  'verify-casebook': { roles: ADMINISTRATORS, doing: 'verify the casebook' },
  'accept-casebook-as-it-is': { roles: ADMINISTRATORS, doing: 'accept a casebook that does not match its last save' },
  // After a suspected leak: a new data key, every file re-encrypted, new passphrases for everyone.
  // Issue 16: the server address and account, and how often to sync.
  'manage-team': { roles: ADMINISTRATORS, doing: 'turn on team use and change how it syncs' },
  'rotate-data-key': { roles: ADMINISTRATORS, doing: 'change the key of the casebook' },
  'import-cases': { roles: ADMINISTRATORS, doing: 'import cases' },
  'export-cases': { roles: ADMINISTRATORS, doing: 'export cases' },
  'add-demo-cases': { roles: ADMINISTRATORS, doing: 'add demo cases' },
  'change-casework-settings': { roles: ADMINISTRATORS, doing: 'change the casework settings' },
  // Asks the service's update address about a newer version; downloads nothing (docs/install.md).
  'check-updates': { roles: MANAGERS, doing: 'check for updates' },
  // Cases
  'read-cases': { roles: EVERYONE, doing: 'read cases' },
  // Issue 13: everyone else sees a sensitive case only on its team, and, when the casework
  // setting asks, every case only on its team (domain/access/case-access.ts).
  'see-every-case': { roles: OVERSEERS, doing: 'see every case, sensitive ones included' },
  // Who opened, printed or exported a case: read from the audit trail, so its readers.
  'read-case-access': { roles: ADMINISTRATORS, doing: "see who opened a case" },
  'take-referrals': { roles: CASEWORKERS, doing: 'take referrals' },
  'change-cases': { roles: CASEWORKERS, doing: 'change cases' },
  'assign-team': { roles: MANAGERS, doing: 'choose the lead facilitator and co-facilitator of a case' },
  'close-cases': { roles: MANAGERS, doing: 'close cases' },
  // Issue 14: the team's caseload per facilitator, and handing several cases to someone else at once.
  'read-team-caseload': { roles: MANAGERS, doing: "see the team's caseload" },
  'reassign-cases': { roles: MANAGERS, doing: 'reassign cases to another facilitator' },
  // Who signs is who is signed in; recording a paper record for someone else names both people.
  'record-on-behalf': { roles: ADMINISTRATORS, doing: 'record something for someone else' },
  // Staff and rooms
  // Quality leads keep the register, so they add the people on it (issue 11) as coordinators do.
  'manage-staff': { roles: OVERSEERS, doing: 'add or change members of staff' },
  'manage-venues': { roles: MANAGERS, doing: 'add or change venues' },
  // The staff register (issue 11): quality leads and administrators keep everyone's; anyone
  // signed in adds their own CPD and sees their own compliance (the service narrows it to them).
  'manage-register': { roles: QUALITY, doing: "keep the staff register (CPD, supervision, observed practice) for anyone but themselves" },
  'record-own-cpd': { roles: EVERYONE, doing: 'record their own CPD' },
  'read-own-compliance': { roles: EVERYONE, doing: 'see their own compliance with the RJC codes' },
  'read-all-compliance': { roles: OVERSEERS, doing: "see every practitioner's compliance with the RJC codes" },
  // Reads every case to learn who to look for, so only those who may see every case.
  'check-for-personal-data': { roles: OVERSEERS, doing: 'check a document for personal data' },
  // Issue 13: a person across every case, closed and sensitive ones included.
  'find-person': { roles: MANAGERS, doing: 'find a person across every case' },
  // A correction reaches every case the person is in, so those who may find them there.
  'rectify-person': { roles: MANAGERS, doing: "correct a person's details across cases" },
  // The register names the person and finds them in every case, so those who may find a person.
  'manage-subject-access': { roles: MANAGERS, doing: 'answer subject access requests' },
  // Retention (issue 13): those who already see every case, the complaints and the staff register
  // review what is due and act on it. Acting is not narrowed further: the safeguard is the second
  // person's approval (on by default), and a small service needs two people who can give it.
  'review-retention': { roles: OVERSEERS, doing: 'review records due under the retention schedule' },
  'apply-retention': { roles: OVERSEERS, doing: 'anonymise, delete or keep records under the retention schedule' },
  // Policies (issue 11): everyone reads the policies they work to; quality leads and
  // administrators keep the register. Complaints name cases and may be about a facilitator, so
  // only those who answer them (coordinators, quality leads, administrators) see or record them.
  'read-policies': { roles: EVERYONE, doing: 'read the policies register' },
  'manage-policies': { roles: QUALITY, doing: 'keep the policies register' },
  'manage-complaints': { roles: OVERSEERS, doing: 'see and record complaints' },
  // The pack reads every case and the whole register; quality leads and administrators build it.
  'build-evidence-pack': { roles: QUALITY, doing: 'build an evidence pack' },
  // The health check (self-assessment): coordinators answer for practice and already see every
  // practitioner's compliance and the complaints the gaps are counted from, so they read it;
  // the ratings and narratives go into the pack, so only those who build it write them.
  'read-health-check': { roles: OVERSEERS, doing: 'see the health check' },
  'manage-health-check': { roles: QUALITY, doing: 'answer the health check' },
  // What leaves the casebook
  'save-documents': { roles: CASEWORKERS, doing: 'save or print documents' },
  'export-calendar': { roles: CASEWORKERS, doing: 'export meetings to a calendar' },
  'attach-files': { roles: CASEWORKERS, doing: 'attach files to a case' },
  'save-attachments': { roles: CASEWORKERS, doing: 'save attachments' },
  'read-figures': { roles: EVERYONE, doing: 'see the figures' },
  'export-figures': { roles: EVERYONE, doing: 'export the figures' },
} as const satisfies Record<string, { roles: readonly Role[]; doing: string }>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function can(role: Role | undefined, capability: Capability): boolean {
  return role !== undefined && (CAPABILITIES[capability].roles as readonly Role[]).includes(role);
}

export function rolesFor(capability: Capability): readonly Role[] {
  return CAPABILITIES[capability].roles;
}

const PLURAL: Record<Role, string> = {
  administrator: 'administrators',
  coordinator: 'coordinators',
  facilitator: 'facilitators',
  'quality-lead': 'quality leads',
};

/** "Only administrators and coordinators may close cases." */
export function refusalFor(capability: Capability): string {
  const who = rolesFor(capability).map((r) => PLURAL[r]);
  const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}` : who[0];
  return `Only ${list} may ${CAPABILITIES[capability].doing}.`;
}

/** Throws FORBIDDEN, with the refusal in plain words, unless the role has the capability. */
export function requireCapability(role: Role | undefined, capability: Capability): void {
  if (!can(role, capability)) throw new CasebookError('FORBIDDEN', refusalFor(capability));
}
