import { z } from 'zod';

/**
 * Team use (issue 16): what this computer keeps about its team, in the casebook's `team`
 * register (encrypted like every register; never sent to the server), and the records a
 * casebook is synced as.
 */
export const TEAM_REGISTER = 'team';

export const TeamSchema = z.strictObject({
  /** The database's address, without any account in it. */
  remote: z.string().max(500),
  serverUser: z.string().max(200).optional(),
  serverPassword: z.string().max(1024).optional(),
  /** Random, fixed when this computer joined (or turned team use on): names its audit trail. */
  machineId: z.string().regex(/^[0-9a-f]{16}$/),
  /** This computer's place in the team: its block of case references (reference-blocks.ts). */
  machineNumber: z.number().int().min(0).max(98),
  machineName: z.string().max(120),
  intervalMinutes: z.number().int().min(0).max(1440),
  /** The key that turns record names into document ids (base64, 32 bytes): the same on every computer. */
  idKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  since: z.string(),
});
export type Team = z.infer<typeof TeamSchema>;

/**
 * References stay unique across computers by blocks: computer n issues numbers n×10,000 + 1 to
 * n×10,000 + 9,999 for each prefix and year (RJ-2026-0042 on the first, RJ-2026-10042 on the
 * second). Chosen over a machine letter because references keep their format (and every
 * document, search and import that reads them), and over renumbering on merge because a
 * reference already printed on a letter must never change. 99 computers fit in six digits.
 */
export const MAX_MACHINES = 99;

/** Every computer in the team, so a joining one takes the next free number. */
export const MachinesSchema = z.strictObject({
  machines: z.array(z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/), number: z.number().int().min(0).max(MAX_MACHINES - 1), name: z.string().max(120), joinedAt: z.string() })),
});
export type Machines = z.infer<typeof MachinesSchema>;

export function nextMachineNumber(m: Machines): number | undefined {
  const used = new Set(m.machines.map((x) => x.number));
  for (let n = 0; n < MAX_MACHINES; n++) if (!used.has(n)) return n;
  return undefined;
}

/** What a record is, from its key (records.ts in services names them). */
export type RecordKind = 'case' | 'settings' | 'people' | 'machines' | 'register' | 'audit' | 'attachment' | 'keyring';
export function kindOf(key: string): RecordKind | undefined {
  const head = key.split(':')[0];
  return (['case', 'settings', 'people', 'machines', 'register', 'audit', 'attachment', 'keyring'] as const).find((k) => k === head);
}
