import { requireCapability } from '../../../src-main/domain/access/capabilities';
import type { Session } from '../../../src-main/domain/casebook/session';
import type { User } from '../../../src-main/domain/casebook/user';
import { CasebookError } from '../../../src-main/domain/shared/errors';
import type { ChangeToResolve, EnableTeamInput, SyncProblem, SyncStatus } from '../../../src-main/domain/sync/status';
import type { CasebookService } from '../../../src-main/services/casebook/api';
import type { FakeStore, FakeWorld } from './fake-service';

/** A casebook's team use in the fake: where it syncs, what waits to be resolved, what the last sync found. */
export interface FakeTeam {
  remote: string;
  serverUser?: string;
  intervalMinutes: number;
  changes: ChangeToResolve[];
  problems: SyncProblem[];
  lastSyncedAt?: string;
}

/** The world's team servers by address: the store folder that turned team use on there (`team join` copies it). */
export interface FakeServers {
  servers: Map<string, string>;
  /** Addresses whose server does not answer. */
  unreachable: Set<string>;
  /** What `team enable` sent, server account included, in order. */
  sent: EnableTeamInput[];
}

// Kept beside the world and its stores rather than on them (fake-service.ts is at its size limit).
const worlds = new WeakMap<FakeWorld, FakeServers>();
const teams = new WeakMap<FakeStore, FakeTeam>();

export function serversOf(world: FakeWorld): FakeServers {
  let s = worlds.get(world);
  if (!s) worlds.set(world, (s = { servers: new Map(), unreachable: new Set(), sent: [] }));
  return s;
}

/** A store's team use, for a test to set what waits to be resolved or what the last sync found. */
export function teamOf(store: FakeStore | undefined): FakeTeam | undefined {
  return store && teams.get(store);
}

const AT = '2026-03-01T12:00:00.000Z';
/** What the real engine says when the server cannot be reached (the wording is the service's). */
export const NO_ANSWER = 'The server did not answer. Check the address and that this computer is online, then try again; nothing was changed on this computer.';

/**
 * Team use as the CLI sees it: the world's servers (serversOf) map an address to the store folder that
 * turned team use on there, so `team join` copies that casebook, and `unreachable` makes
 * a server not answer. The engine itself is the service's (tests/sync).
 */
export function fakeSync(o: {
  world: FakeWorld;
  dir: string;
  store(): FakeStore | undefined;
  need(): { s: FakeStore; user: User };
  signIn(u: FakeStore['users'][number]): Session;
}): CasebookService['sync'] {
  const net = serversOf(o.world);
  const team = () => {
    const t = teamOf(o.need().s);
    if (!t) throw new CasebookError('NOT_FOUND', 'Team use is not on for this casebook: an administrator turns it on in Settings → Team.');
    if (net.unreachable.has(t.remote)) throw new CasebookError('SERVER', NO_ANSWER);
    return t;
  };
  const result = (t: FakeTeam, pushed: number) => ({ at: AT, pushed, pulled: 0, merged: 0, toResolve: t.changes.length, problems: t.problems });
  return {
    // Taking a key changed elsewhere is exercised against the real engine (tests/sync/team-key.test.ts).
    adoptKey: async () => {
      throw new CasebookError('CONFLICT', 'This computer already has the casebook’s current key: there is nothing to take.');
    },
    async status(): Promise<SyncStatus> {
      const t = teamOf(o.need().s);
      const off: SyncStatus = { enabled: false, remote: null, machine: null, intervalMinutes: 0, lastSyncedAt: null, waiting: 0, toResolve: 0, running: false, progress: null, problem: null, keyChanged: false, serverProblems: [] };
      return t ? { ...off, enabled: true, remote: t.remote, machine: { number: 1, name: 'This computer' }, intervalMinutes: t.intervalMinutes, lastSyncedAt: t.lastSyncedAt ?? null, toResolve: t.changes.length, serverProblems: t.problems } : off;
    },
    async enable(i) {
      const { s, user } = o.need();
      requireCapability(user.role, 'manage-team');
      if (net.unreachable.has(i.remote)) throw new CasebookError('SERVER', NO_ANSWER);
      net.sent.push(i);
      const t: FakeTeam = { remote: i.remote, ...(i.serverUser ? { serverUser: i.serverUser } : {}), intervalMinutes: 5, changes: [], problems: [], lastSyncedAt: AT };
      teams.set(s, t);
      net.servers.set(i.remote, o.dir);
      s.audit.push('team.enable');
      return result(t, s.cases.size + 1);
    },
    async join(i) {
      if (o.store()) throw new CasebookError('CONFLICT', 'There is already a casebook here; nothing was changed.');
      const from = net.servers.get(i.remote);
      const source = from ? o.world.stores.get(from) : undefined;
      if (!source || net.unreachable.has(i.remote)) throw new CasebookError('SERVER', NO_ANSWER);
      const u = source.users.find((x) => x.name.toLowerCase() === i.userName.trim().toLowerCase());
      if (!u || u.passphrase !== i.passphrase) throw new CasebookError('AUTH_FAILED', 'That name and passphrase do not open the team’s casebook; nothing was fetched.');
      const copy: FakeStore = { ...structuredClone({ ...source, cases: undefined }), cases: new Map(source.cases) };
      teams.set(copy, { remote: i.remote, intervalMinutes: 5, changes: [], problems: [], lastSyncedAt: AT });
      o.world.stores.set(o.dir, copy);
      return o.signIn(copy.users.find((x) => x.id === u.id)!);
    },
    async setInterval(minutes) {
      requireCapability(o.need().user.role, 'manage-team');
      const t = team();
      t.intervalMinutes = minutes;
      return this.status();
    },
    async syncNow() {
      const t = team();
      t.lastSyncedAt = AT;
      return result(t, 0);
    },
    changesToResolve: async () => teamOf(o.need().s)?.changes ?? [],
    async resolve(id, choice) {
      const { s } = o.need();
      const t = team();
      const c = t.changes.find((x) => x.id === id);
      if (!c) throw new CasebookError('NOT_FOUND', 'That change is no longer waiting to be resolved.');
      if (!c.versions[choice]) throw new CasebookError('INVALID_INPUT', 'Choose one of the versions shown.');
      t.changes = t.changes.filter((x) => x !== c);
      s.audit.push(`sync.resolve ${id} ${choice}`);
      return t.changes;
    },
  };
}
