import { requireCapability } from '../../domain/access/capabilities';
import type { Session } from '../../domain/casebook/session';
import { CasebookError } from '../../domain/shared/errors';
import { ResolveChangeInputSchema, SyncIntervalInputSchema, type SyncResult, type SyncStatus } from '../../domain/sync/status';
import type { Team } from '../../domain/sync/team';
import type { OpenOptions } from '../../store/open-store';
import type { Store } from '../../store/store';
import { openMirror, type Mirror } from '../../store/sync-mirror';
import { fromZod } from '../shared/errors';
import type { ServiceContext } from '../shared/context';
import type { SyncApi } from './api';
import { applyReceived } from './apply-records';
import { chooseVersion, listChanges } from './changes';
import { sealDoc } from './doc-codec';
import { runSync, takeInFrom } from './engine';
import { joinTeam } from './join';
import { forgetMirror, teamKeyFor, type TeamKey } from './adopt-key';
import { carryKek } from '../../store/key-pairs';
import { serializeKeyring } from '../../store/keyring';
import { rekeyBackups } from '../../store/rotate-backups';
import { openWithKey } from '../../store/open-store';
import { localMarkers } from './records';
import { readState, writeState } from './state';
import { verifyTrails } from './verify-trails';
import { prepareEnable, readMachines, readTeam, saveTeam, setInterval as saveInterval } from './team';

/**
 * Team use as the rest of the app reaches it (`service.sync`). The mirror opens with the first
 * sync after an unlock and closes when the casebook locks; while unlocked, a timer syncs every
 * `intervalMinutes`. Syncs run in the service's queue, one at a time; the status is answered
 * from memory at once.
 */
export interface SyncHooks {
  dir: string;
  open: OpenOptions;
  /** Hold a store opened here as the session's (the casebook joined). */
  adopt(s: Store): Promise<Session>;
}

interface Live {
  store: Store;
  mirror?: Mirror;
  team?: Team;
  timer?: ReturnType<typeof globalThis.setInterval>;
}

const TICK_MS = 30_000;

export interface SyncInternals {
  opened(s: Store): void;
  locked(): Promise<void>;
  verifyTeam(): Promise<{ file: string; message: string }[]>;
  beforeKeyChange(): Promise<void>;
  afterKeyChange(): Promise<void>;
}

export function createSync(ctx: ServiceContext, hooks: SyncHooks): SyncApi & SyncInternals {
  let live: Live | undefined;
  let running = false;
  let progress: SyncStatus['progress'] = null;
  let problem: string | null = null;
  let keyChanged = false;

  const here = async (): Promise<Live> => {
    const s = ctx.need();
    if (!live || live.store !== s) {
      await closeLive();
      live = { store: s, team: await readTeam(s) };
    }
    return live;
  };
  const mirrorOf = async (l: Live): Promise<Mirror> => (l.mirror ??= await openMirror(l.store.dir, l.store.dk));
  const teamOf = async (l: Live): Promise<Team> => {
    l.team ??= await readTeam(l.store);
    if (!l.team) throw new CasebookError('NOT_FOUND', 'Team use is not on for this casebook: an administrator turns it on in Settings → Team.');
    return l.team;
  };

  async function closeLive(): Promise<void> {
    const l = live;
    live = undefined;
    if (l?.timer) clearInterval(l.timer);
    await l?.mirror?.close().catch(() => undefined);
  }

  /**
   * One sync; when the key was changed on another computer and sealed to the person signed in
   * here (a login deactivated there), it is taken at once and the sync runs again under it.
   */
  async function syncOnce(): Promise<SyncResult> {
    try {
      return await syncRun();
    } catch (e) {
      const l = live;
      const kek = l?.store.personKek;
      if (!(e instanceof CasebookError && e.details.keyChanged === true) || !l?.team || !kek) throw e;
      const taken = await teamKeyFor(l.store, l.team, { kek }).catch(() => undefined);
      if (!taken) throw e;
      // Shown as a sync under way, not as a key waiting for a passphrase.
      running = true;
      keyChanged = false;
      try {
        return (await adoptWith(l, l.team, taken)).result;
      } finally {
        running = false;
      }
    }
  }

  /** The new key taken: every file re-encrypted under it, the copy of the server started afresh, and everything fetched under it. */
  async function adoptWith(l: Live, team: Team, taken: TeamKey): Promise<{ session: Session; result: SyncResult }> {
    const userId = l.store.user.id;
    const plan = await l.store.rotateDataKey({ passphrase: '', others: [], draft: l.store.draft('team.adopt-key', { type: 'casebook', id: l.store.index.storeId }, ['dataKey']) }, { adopt: taken });
    // This computer's backups too, so they still restore over the casebook (as at any key change).
    await rekeyBackups(hooks.dir, l.store.dk, plan.dk, l.store.index.storeId, serializeKeyring(plan.keyring));
    await closeLive();
    await forgetMirror(hooks.dir);
    // The old store holds the lock and what it read with the old key: closed before opening again.
    await l.store.close();
    const next = await openWithKey(hooks.dir, plan.keyring, taken.dk.key, userId, { ...hooks.open, requireWritable: true });
    carryKek(next, taken.kek);
    const session = await hooks.adopt(next);
    const fresh = await here();
    await takeInFrom(fresh.store, await mirrorOf(fresh), team, ctx.summariser(), fresh.store.opts.now);
    return { session, result: await syncRun() };
  }

  async function syncRun(): Promise<SyncResult> {
    const l = await here();
    const team = await teamOf(l);
    running = true;
    try {
      const r = await runSync({ s: l.store, mirror: await mirrorOf(l), team, summarise: ctx.summariser(), now: l.store.opts.now, progress: (done, total) => (progress = { done, total }) });
      problem = null;
      keyChanged = false;
      const { toResolveIds: _ids, ...result } = r;
      return result;
    } catch (e) {
      problem = e instanceof CasebookError ? e.message : 'The sync did not finish.';
      keyChanged = e instanceof CasebookError && e.details.keyChanged === true;
      throw e;
    } finally {
      running = false;
      progress = null;
    }
  }

  async function status(): Promise<SyncStatus> {
    const l = await here();
    const team = l.team;
    if (!team) return { enabled: false, remote: null, machine: null, intervalMinutes: 0, lastSyncedAt: null, waiting: 0, toResolve: 0, running, progress, problem: null, keyChanged: false, serverProblems: [] };
    const state = await readState((await mirrorOf(l)).db);
    const markers = await localMarkers(l.store, team.machineId);
    const waiting = [...markers].filter(([k, m]) => !k.startsWith('audit:') && state.exported[k] !== m).length;
    return { enabled: true, remote: team.remote, machine: { number: team.machineNumber, name: team.machineName }, intervalMinutes: team.intervalMinutes, lastSyncedAt: state.lastSyncedAt ?? null, waiting, toResolve: state.toResolve.length, running, progress, problem, keyChanged, serverProblems: state.problems.slice(0, 50) };
  }

  async function changes() {
    const l = await here();
    await teamOf(l);
    const mirror = await mirrorOf(l);
    const state = await readState(mirror.db);
    return listChanges(l.store, mirror, state.toResolve, await readMachines(l.store));
  }

  async function resolve(id: string, choice: number) {
    const parsed = ResolveChangeInputSchema.safeParse({ id, choice });
    if (!parsed.success) throw fromZod(parsed.error);
    const l = await here();
    const team = await teamOf(l);
    const mirror = await mirrorOf(l);
    const listed = (await changes()).find((c) => c.change.id === id);
    if (!listed) throw new CasebookError('NOT_FOUND', 'That change has already been resolved, here or on another computer: reload the list.');
    const payload = chooseVersion(l.store, listed, choice);
    const problems = await applyReceived(l.store, [{ key: payload.key, value: payload.value }], ctx.summariser(), 'team.resolve');
    if (problems.length > 0) throw new CasebookError('INVALID_INPUT', problems[0]?.message ?? 'That version cannot be kept');
    const state = await readState(mirror.db);
    const current = await mirror.db.get(listed.docId);
    const written = await mirror.db.put({ ...current, _id: listed.docId, _rev: current._rev, ...sealDoc(l.store.dk, listed.docId, { ...payload, by: { machine: team.machineId, user: l.store.user.name, auditSeq: l.store.audit.count }, at: l.store.opts.now().toISOString() }) });
    const markers = await localMarkers(l.store, team.machineId);
    state.exported[payload.key] = markers.get(payload.key) ?? '';
    state.sent[listed.docId] = written.rev;
    if (payload.conflicts.length === 0) state.toResolve = state.toResolve.filter((d) => d !== listed.docId);
    await writeState(mirror.db, state);
    return (await changes()).map((c) => c.change);
  }

  function startTimer(l: Live): void {
    if (l.timer) clearInterval(l.timer);
    l.timer = globalThis.setInterval(() => {
      void (async () => {
        const team = l.team;
        if (!team || team.intervalMinutes === 0 || running || live !== l) return;
        const last = (await readState((await mirrorOf(l)).db).catch(() => undefined))?.lastSyncedAt;
        if (last && l.store.opts.now().getTime() - Date.parse(last) < team.intervalMinutes * 60_000) return;
        await ctx.serial(() => syncOnce()).catch(() => undefined);
      })();
    }, TICK_MS);
    l.timer.unref?.();
  }

  return {
    status: () => status(),
    enable: (i) =>
      ctx.serial(async () => {
        const l = await here();
        const team = await prepareEnable(l.store, i);
        l.team = await saveTeam(l.store, team, 'team.enable');
        startTimer(l);
        return syncOnce();
      }),
    join: async (i) => {
      if (ctx.current()) throw new CasebookError('CONFLICT', 'A casebook is open on this computer: lock it, and join a team from an empty folder.');
      const joined = await joinTeam(hooks.dir, i, hooks.open);
      const session = await hooks.adopt(joined.store);
      await ctx.serial(async () => {
        const l = await here();
        const mirror = await mirrorOf(l);
        // Everything the team has first, so this computer's own records go on top of it.
        await takeInFrom(l.store, mirror, joined.team, ctx.summariser(), l.store.opts.now);
        l.team = await saveTeam(l.store, joined.team, 'team.join');
        startTimer(l);
        await syncOnce();
      });
      return session;
    },
    setInterval: (minutes) =>
      ctx.serial(async () => {
        const parsed = SyncIntervalInputSchema.safeParse({ minutes });
        if (!parsed.success) throw fromZod(parsed.error);
        const l = await here();
        requireCapability(l.store.user.role, 'manage-team');
        l.team = await saveInterval(l.store, await teamOf(l), parsed.data.minutes);
        return status();
      }),
    syncNow: () => ctx.serial(() => syncOnce()),
    changesToResolve: () => ctx.serial(async () => (await changes()).map((c) => c.change)),
    resolve: (id, choice) => ctx.serial(() => resolve(id, choice)),
    adoptKey: (passphrase) =>
      ctx.serial(async () => {
        const l = await here();
        const team = await teamOf(l);
        const taken = await teamKeyFor(l.store, team, { passphrase });
        if (!taken) throw new CasebookError('AUTH_FAILED', 'That passphrase does not open the new key.');
        return (await adoptWith(l, team, taken)).session;
      }),
    /** Before this computer changes the key: what it has is sent under the old one, so the others' last changes are not lost. */
    beforeKeyChange: async () => {
      const l = await here();
      if (l.team) await ctx.serial(() => syncOnce()).catch(() => undefined);
    },
    /** After: this computer's copy of the server starts afresh under the new key, and everything is sent again under it. */
    afterKeyChange: async () => {
      const s = ctx.current();
      if (!s || !(await readTeam(s))) return;
      await closeLive();
      await forgetMirror(hooks.dir);
      await ctx.serial(() => syncOnce()).catch(() => undefined);
    },
    opened: (s) => {
      // At once, so a sync that starts next uses this store; the old copy closes behind it.
      const old = live;
      live = { store: s };
      void (async () => {
        if (old?.timer) clearInterval(old.timer);
        await old?.mirror?.close().catch(() => undefined);
        const team = await readTeam(s).catch(() => undefined);
        if (live?.store !== s || !team) return;
        live.team ??= team;
        startTimer(live);
      })();
    },
    locked: () => closeLive(),
    verifyTeam: async () => {
      const l = await here();
      if (!l.team) return [];
      const mirror = await mirrorOf(l);
      return verifyTrails(l.store, mirror, await readState(mirror.db), await readMachines(l.store), l.team.machineId);
    },
  };
}
