import { promises as fs } from 'node:fs';
import { CaseSchema, type Case, type CaseSummary } from '../../domain/cases/case';
import { CaseworkSettingsSchema } from '../../domain/casebook/casework-settings';
import { SettingsSchema } from '../../domain/casebook/settings';
import { UserSchema } from '../../domain/casebook/user';
import { StaffListSchema } from '../../domain/staff/staff';
import { VenueListSchema } from '../../domain/conferences/venue';
import type { SyncProblem } from '../../domain/sync/status';
import type { Json } from '../../domain/sync/merge';
import { z } from 'zod';
import { openAttachment } from '../../store/attachments';
import { abs, attachmentFile, KEYRING } from '../../store/layout';
import { nextKeyring, serializeKeyring } from '../../store/keyring';
import type { Store } from '../../store/store';
import { changedFields } from '../cases/changed-fields';
import { SYNCED_REGISTERS } from './records';
import { labelOf } from './labels';

/**
 * Received records written into this computer's casebook (issue 16). Each is validated as the
 * casebook validates its own (a record that does not match is named as a problem and nothing
 * local changes), then saved through the store like any change, audit entries naming the
 * record and the fields that changed, never their values. Cases go in commits of up to 200, so
 * a first sync of thousands costs tens of commits, not thousands.
 */
export interface Received {
  key: string;
  value: Json | null;
}

const CASE_BATCH = 200;
const PeopleSchema = z.strictObject({ users: z.array(UserSchema).min(1), staff: StaffListSchema, venues: VenueListSchema });
const SettingsRecordSchema = z.strictObject({ settings: SettingsSchema, casework: CaseworkSettingsSchema });
const KeyringWrap = z.looseObject({ id: z.string(), userId: z.string() });
const KeyringRecordSchema = z.looseObject({ keyId: z.string(), storeId: z.string(), users: z.array(KeyringWrap).min(1) });

const invalid = (s: Store, key: string, where: string): SyncProblem => ({ record: labelOf(key, (id) => s.summaries.get(id)?.reference), message: `What the server sent is not a valid record${where ? ` (at ${where})` : ''}; this computer kept its own copy.` });
const whereOf = (e: z.ZodError) => e.issues[0]?.path.join('.') ?? '';

export async function applyReceived(s: Store, received: Received[], summarise: (c: Case) => CaseSummary, action = 'sync.receive'): Promise<SyncProblem[]> {
  const problems: SyncProblem[] = [];
  const cases = received.filter((r) => r.key.startsWith('case:'));
  for (let i = 0; i < cases.length; i += CASE_BATCH) problems.push(...(await applyCases(s, cases.slice(i, i + CASE_BATCH), summarise, action)));
  for (const r of received) {
    if (r.key.startsWith('case:') || r.key.startsWith('audit:')) continue;
    const p = await applyOne(s, r, action);
    if (p) problems.push(p);
  }
  return problems;
}

async function applyCases(s: Store, batch: Received[], summarise: (c: Case) => CaseSummary, action: string): Promise<SyncProblem[]> {
  const problems: SyncProblem[] = [];
  const save: Case[] = [];
  const remove: string[] = [];
  const drafts = [];
  const removals = [];
  for (const r of batch) {
    const id = r.key.slice('case:'.length);
    const row = s.summaries.get(id);
    const before = row ? await s.readCase(id) : undefined;
    if (r.value === null) {
      if (row) {
        remove.push(id);
        removals.push(s.draft('sync.receive-removal', { type: 'case', id }, []));
      }
      continue;
    }
    const parsed = CaseSchema.safeParse({ ...(r.value as object), revision: (before?.revision ?? 0) + 1 });
    if (!parsed.success || parsed.data.id !== id) {
      problems.push(invalid(s, r.key, parsed.success ? 'id' : whereOf(parsed.error)));
      continue;
    }
    const after = parsed.data as Case;
    if (before && JSON.stringify({ ...before, revision: 0 }) === JSON.stringify({ ...after, revision: 0 })) continue;
    save.push(after);
    drafts.push(s.draft(action, { type: 'case', id }, before ? changedFields(before, after) : ['created']));
  }
  if (save.length > 0) await s.saveCasesWith(save, drafts, { summarise });
  if (remove.length > 0) await s.saveCasesWith([], removals, { remove });
  return problems;
}

async function applyOne(s: Store, r: Received, action: string): Promise<SyncProblem | undefined> {
  const [kind, name] = r.key.split(':');
  if (r.value === null) return undefined;
  const entity = { type: kind ?? 'record', id: name ?? kind ?? 'record' };
  switch (kind) {
    case 'settings': {
      const v = SettingsRecordSchema.safeParse(r.value);
      if (!v.success) return invalid(s, r.key, whereOf(v.error));
      if (JSON.stringify(v.data) === JSON.stringify({ settings: s.index.settings, casework: s.index.casework })) return undefined;
      await s.updateIndex({ ...s.index, ...v.data }, [s.draft(action, entity, changedKeys(s.index.settings, v.data.settings))]);
      return undefined;
    }
    case 'people': {
      const v = PeopleSchema.safeParse(r.value);
      if (!v.success) return invalid(s, r.key, whereOf(v.error));
      // The person signed in here stays, whatever arrives: removing a login is done by deactivating it.
      if (!v.data.users.some((u) => u.id === s.user.id)) return { record: labelOf(r.key), message: 'What the server sent leaves out the person signed in here; this computer kept its own list of people.' };
      if (JSON.stringify(v.data) === JSON.stringify({ users: s.index.users, staff: s.index.staff, venues: s.index.venues })) return undefined;
      await s.updateIndex({ ...s.index, ...v.data }, [s.draft(action, entity, ['users', 'staff', 'venues'])]);
      return undefined;
    }
    case 'register': {
      const schema = SYNCED_REGISTERS[name ?? ''];
      if (!schema) return undefined;
      const v = schema.safeParse(r.value);
      if (!v.success) return invalid(s, r.key, whereOf(v.error));
      await s.registers.save(name ?? '', v.data, [s.draft(action, { type: 'register', id: name ?? '' }, [])]);
      return undefined;
    }
    case 'attachment':
      return applyAttachment(s, name ?? '', r);
    case 'keyring':
      return applyKeyring(s, r);
    default:
      return undefined;
  }
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

async function applyAttachment(s: Store, ref: string, r: Received): Promise<SyncProblem | undefined> {
  const rel = attachmentFile(ref);
  const have = await fs.access(abs(s.dir, rel)).then(() => true, () => false);
  if (have) return undefined;
  const sealed = (r.value as { sealed?: unknown }).sealed;
  if (typeof sealed !== 'string') return invalid(s, r.key, 'sealed');
  const bytes = Buffer.from(sealed, 'base64');
  try {
    openAttachment(s.dk, rel, bytes);
  } catch {
    return invalid(s, r.key, '');
  }
  await s.commit([{ rel, bytes }], [s.draft('sync.receive', { type: 'attachment', id: ref.slice(0, 12) }, ['bytes'])]);
  return undefined;
}

/**
 * A keyring received: the people who can unlock (their wraps of the same data key) as the team
 * has them. A keyring under another key means the key was changed on another computer: it is
 * adopted at the next unlock, with the passphrase (team.ts), never here.
 */
async function applyKeyring(s: Store, r: Received): Promise<SyncProblem | undefined> {
  const v = KeyringRecordSchema.safeParse(r.value);
  if (!v.success) return invalid(s, r.key, whereOf(v.error));
  if (v.data.storeId !== s.keyring.storeId) return { record: labelOf(r.key), message: 'The server holds the keyring of another casebook; nothing was changed here.' };
  if (v.data.keyId !== s.keyring.keyId) return { record: labelOf(r.key), message: "The casebook's key was changed on another computer. Lock and unlock with your passphrase to carry on syncing." };
  const users = v.data.users.map(({ id: _id, ...wrap }) => wrap) as unknown as typeof s.keyring.users;
  if (!users.some((u) => u.userId === s.user.id)) return { record: labelOf(r.key), message: 'What the server sent leaves out the person signed in here; this computer kept its own keyring.' };
  const recovery = (v.data.recovery as typeof s.keyring.recovery | undefined) ?? s.keyring.recovery;
  if (JSON.stringify(users) === JSON.stringify(s.keyring.users) && JSON.stringify(recovery) === JSON.stringify(s.keyring.recovery)) return undefined;
  const next = nextKeyring({ ...s.keyring, users, recovery }, s.dk.key);
  await s.commit([{ rel: KEYRING, bytes: serializeKeyring(next) }], [s.draft('sync.receive', { type: 'keyring', id: s.keyring.storeId }, ['users'])]);
  s.keyring = next;
  return undefined;
}
