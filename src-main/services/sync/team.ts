import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { EnableTeamInputSchema, type EnableTeamInput } from '../../domain/sync/status';
import { MachinesSchema, nextMachineNumber, TEAM_REGISTER, TeamSchema, type Machines, type Team } from '../../domain/sync/team';
import type { Store } from '../../store/store';
import { fromZod } from '../shared/errors';
import { KEYRING_DOC_ID } from './doc-codec';
import { PublicKeyringSchema } from './keyring-doc';
import { MACHINES_REGISTER } from './records';
import { normaliseRemote, openRemote, serverError } from './remote';

/**
 * Turning team use on, and this computer's place in the team (issue 16). The server address and
 * account are kept in the `team` register, encrypted with everything else and never sent to the
 * server; the list of computers (the `machines` register) is synced, so a computer joining takes
 * the next free number and with it the next block of case references.
 */
export async function readTeam(s: Store): Promise<Team | undefined> {
  if (s.index.registers[TEAM_REGISTER] === undefined) return undefined;
  return s.registers.read<Team | undefined>(TEAM_REGISTER, TeamSchema, undefined);
}

export async function readMachines(s: Store): Promise<Machines> {
  return s.registers.read(MACHINES_REGISTER, MachinesSchema, { machines: [] });
}

const machineName = () => hostname().slice(0, 120) || 'This computer';

/** Check the input and the server (reachable, the account accepted, not another casebook's) before anything is stored. */
export async function prepareEnable(s: Store, raw: EnableTeamInput): Promise<Team> {
  requireCapability(s.user.role, 'manage-team');
  const parsed = EnableTeamInputSchema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  if (await readTeam(s)) throw new CasebookError('CONFLICT', 'Team use is already on for this casebook.');
  if (s.readOnly) throw new CasebookError('READ_ONLY', 'The casebook is open read-only: team use cannot be turned on now');
  const remote = normaliseRemote(parsed.data.remote);
  const account = { user: parsed.data.serverUser || undefined, password: parsed.data.serverPassword || undefined };
  const db = await openRemote(remote, account, { create: true });
  try {
    await db.info();
    const doc = await db.get(KEYRING_DOC_ID).catch((e: { status?: number }) => {
      if (e.status === 404) return undefined;
      throw e;
    });
    if (doc) {
      const pub = PublicKeyringSchema.safeParse(doc.public);
      if (!pub.success || pub.data.storeId !== s.keyring.storeId) throw new CasebookError('SERVER', "That database already holds another team's casebook. Use a new, empty database for this one; nothing was changed.");
    }
  } catch (e) {
    throw serverError(e);
  } finally {
    await db.close().catch(() => undefined);
  }
  return {
    remote,
    ...(account.user ? { serverUser: account.user, serverPassword: account.password ?? '' } : {}),
    machineId: randomBytes(8).toString('hex'),
    machineNumber: 0,
    machineName: machineName(),
    intervalMinutes: 5,
    idKey: randomBytes(32).toString('base64'),
    since: s.opts.now().toISOString(),
  };
}

/**
 * This computer's team record and its place in the list of computers, with its block of
 * references, in one commit; the audit entry names the fields, never the address or account.
 */
export async function saveTeam(s: Store, team: Team, action: 'team.enable' | 'team.join'): Promise<Team> {
  const machines = await readMachines(s);
  const number = action === 'team.enable' ? 0 : nextMachineNumber(machines);
  if (number === undefined) throw new CasebookError('CONFLICT', 'This team already has the most computers it can have (99): remove one that is no longer used first.');
  const me: Team = { ...team, machineNumber: number };
  const list: Machines = { machines: [...machines.machines.filter((m) => m.id !== me.machineId), { id: me.machineId, number, name: me.machineName, joinedAt: me.since }] };
  const t = s.registers.prepare(TEAM_REGISTER, TeamSchema.parse(me));
  const m = s.registers.prepare(MACHINES_REGISTER, list, t.index);
  await s.updateIndex({ ...m.index, referenceBlock: number }, [s.draft(action, { type: 'casebook', id: s.index.storeId }, ['remote', ...(me.serverUser ? ['serverAccount'] : []), 'machineNumber'])], [t.write, m.write]);
  t.saved();
  m.saved();
  return me;
}

export async function setInterval(s: Store, team: Team, minutes: number): Promise<Team> {
  requireCapability(s.user.role, 'manage-team');
  const next = { ...team, intervalMinutes: minutes };
  await s.registers.save(TEAM_REGISTER, next, [s.draft('team.interval', { type: 'casebook', id: s.index.storeId }, ['intervalMinutes'])]);
  return next;
}
