import type { SyncRecord } from '../../domain/sync/status';
import { kindOf } from '../../domain/sync/team';

/**
 * A record named in plain words for a person: "Case RJ-2026-0042", "Settings", "The complaints
 * register". Never a participant's name, and never a document id (which means nothing to anyone).
 */
const REGISTER_WORDS: Record<string, string> = {
  staff: 'The staff register',
  complaints: 'The complaints register',
  policies: 'The policies',
  'health-check': 'The health check',
  'case-file-audit': 'The case file audit',
  'subject-access': 'The subject access register',
  retention: 'The retention register',
  machines: 'The list of computers in the team',
};

export function recordOf(key: string, referenceOf: (caseId: string) => string | undefined = () => undefined): SyncRecord {
  const kind = kindOf(key);
  const [, a = '', b = ''] = key.split(':');
  switch (kind) {
    case 'case': {
      const ref = referenceOf(a);
      return { kind: 'case', label: ref ? `Case ${ref}` : 'A case not yet on this computer', caseId: a };
    }
    case 'settings':
      return { kind: 'settings', label: 'Settings' };
    case 'people':
      return { kind: 'people', label: 'People who can unlock, staff and venues' };
    case 'register':
      return { kind: 'register', label: REGISTER_WORDS[a] ?? 'A register' };
    case 'audit':
      return { kind: 'audit', label: `Audit trail of computer ${a.slice(0, 6)}, part ${b}` };
    case 'attachment':
      return { kind: 'attachment', label: 'An attached file' };
    case 'keyring':
      return { kind: 'keyring', label: 'The keyring (who can unlock)' };
    default:
      return { kind: 'unknown', label: 'A record this version does not know' };
  }
}

export const labelOf = (key: string, referenceOf?: (caseId: string) => string | undefined) => recordOf(key, referenceOf).label;
