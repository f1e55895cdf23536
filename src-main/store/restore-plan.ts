import type { AuditDraft } from '../domain/casebook/audit';
import type { User } from '../domain/casebook/user';
import { linkUsersToStaff } from '../domain/staff/people';
import type { StaffMember } from '../domain/staff/staff';
import { AuditLog } from './audit-log';
import type { Bundle } from './backup-bundle';
import { openJson, sealJson, type DataKey } from './envelope';
import { newId } from './ids';
import { IndexSchema } from './index-db';
import { keyringGeneration, nextKeyring, serializeKeyring, type KeyringBody } from './keyring';
import { INDEX, KEYRING, ROOT } from './layout';
import { restoreFields, withoutLostCases, type LostCase } from './lost-cases';
import { digestOf, isPinned, rootFile, RootSchema, type Root } from './root';

/**
 * The files a restore writes. The backup brings back the cases, the settings and the trail as
 * they were; it does not bring back who could unlock the casebook then. When the keyring as it
 * is now is sound, it is kept (one generation on), with the people of the index as they are now,
 * so a passphrase changed or a person removed since the backup stays so. The restore is chained
 * onto the backup's trail and a new sealed root records the lot, its counter past both the
 * casebook's and the backup's, so the restored casebook opens without looking rolled back.
 */
export interface RestorePlanInput {
  dir: string;
  dk: DataKey;
  bundle: Bundle;
  /** The keyring to keep: the current one when it is sound, otherwise the backup's own. */
  keyring: KeyringBody;
  /** The people who can unlock now, when the current index could be read; otherwise the backup's stay. */
  users?: readonly User[] | undefined;
  staff?: readonly StaffMember[] | undefined;
  /** The casebook's commit counter now, if its root could be read. */
  commitNow?: number | undefined;
  draft: AuditDraft;
  now: Date;
  /** Cases of the backup that do not open, left out at the administrator's choice (lost-cases.ts). */
  lost?: readonly LostCase[] | undefined;
}

export function planRestore(p: RestorePlanInput): Map<string, Buffer> {
  const files = new Map(p.bundle.files);
  withoutLostCases(files, p.dk, p.lost ?? []);
  const keyring = nextKeyring(p.keyring, p.dk.key);
  files.set(KEYRING, serializeKeyring(keyring));
  const raw = openJson(p.dk, 'index', INDEX, files.get(INDEX)!) as Record<string, unknown>;
  if (p.users) {
    // The backup's staff list, plus the records of anyone who can unlock now and is not on it.
    const backupStaff = Array.isArray(raw.staff) ? (raw.staff as StaffMember[]) : [];
    const missing = (p.staff ?? []).filter((m) => p.users!.some((u) => u.staffId === m.id) && !backupStaff.some((b) => b.id === m.id));
    const linked = linkUsersToStaff([...p.users], [...backupStaff, ...missing], () => newId('s'));
    const index = IndexSchema.parse({ ...raw, users: linked.users, staff: linked.staff, sealed: true });
    files.set(INDEX, sealJson(p.dk, 'index', INDEX, index));
  } else {
    files.set(INDEX, sealJson(p.dk, 'index', INDEX, IndexSchema.parse({ ...raw, sealed: true })));
  }
  const trail = new AuditLog(p.dir, p.dk);
  trail.loadHeadFromFiles(files);
  const prepared = trail.prepare([{ ...p.draft, fields: [...p.draft.fields, ...restoreFields(p.lost)] }], p.now);
  for (const w of prepared.writes) files.set(w.rel, w.bytes);
  const backupRoot = rootOf(files, p.dk);
  const root: Root = {
    format: 1,
    commit: Math.max(p.commitNow ?? 0, backupRoot?.commit ?? 0) + 1,
    at: p.now.toISOString(),
    keyringGeneration: keyringGeneration(keyring),
    audit: prepared.head,
    files: Object.fromEntries([...files].filter(([rel]) => isPinned(rel)).map(([rel, bytes]) => [rel, digestOf(bytes)])),
  };
  files.set(ROOT, rootFile(p.dir, p.dk).encode(root));
  return files;
}

function rootOf(files: Map<string, Buffer>, dk: DataKey): Root | undefined {
  const bytes = files.get(ROOT);
  if (!bytes) return undefined;
  const parsed = RootSchema.safeParse(openJson(dk, 'root', ROOT, bytes));
  return parsed.success ? parsed.data : undefined;
}
