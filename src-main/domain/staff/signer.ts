import type { z } from 'zod';
import { can, refusalFor } from '../access/capabilities';
import type { Role } from '../access/roles';
import { allow, refuse, type Decision } from '../shared/decision';
import { strictForm } from '../shared/strict-form';
import { findStaff, StaffIdSchema, type StaffId, type StaffMember } from './staff';

/**
 * Who signs is who is signed in. A record that names who did something ("taken by", "assessed
 * by", "signed off by", "closed by"…) names the signed-in person's staff record, never an id
 * the caller chose. The one exception is explicit: an administrator recording a paper record
 * for someone else names that person and, beside them, themselves as who recorded it.
 */

/** The signed-in person, as every rule about who did something sees them. */
export interface Actor {
  /** Their name, as the timeline shows it. */
  name: string;
  /** Their login role: what they may do (domain/access). */
  role: Role;
  /** Their staff record (staffOf); absent only for a login not linked to the staff list. */
  staff?: StaffMember;
}

/** Whom a record names: the person it is by, and the administrator who recorded it for them, if one did. */
export interface Signature {
  by: StaffMember;
  recordedOnBehalfBy?: StaffMember;
}

/** The field of every command whose record names who did it: only administrators may send it. */
export const ON_BEHALF_FIELD = { onBehalfOf: StaffIdSchema.optional() };

/** The field a stored record keeps when an administrator recorded it for the person it names. */
export const RECORDED_ON_BEHALF_FIELD = {
  /** The administrator who recorded this for the person it names (absent when they recorded it themselves). */
  recordedOnBehalfBy: StaffIdSchema.optional(),
};

/**
 * A record that names who did it, as two schemas sharing its fields and checks: what a command
 * sends (no signer: it is the signed-in person) and what the case keeps (`signer`, the staff
 * id of the person it names, and recordedOnBehalfBy, optional so older case files still load).
 */
export function signedRecordSchemas<T extends z.core.$ZodLooseShape, K extends string>(fields: T, signer: K, what: string, check: (value: z.output<z.ZodObject<T>>, ctx: z.RefinementCtx) => void) {
  const stored = { ...fields, [signer]: StaffIdSchema, ...RECORDED_ON_BEHALF_FIELD } as T & Record<K, typeof StaffIdSchema> & typeof RECORDED_ON_BEHALF_FIELD;
  // The stored record has every field the command sends, so the same check applies (TypeScript cannot see that through the generics).
  return { input: strictForm(fields, what).superRefine(check), stored: strictForm(stored, what).superRefine(check as never) };
}

export const NOT_ON_STAFF_LIST = 'You are not on the staff list, so nothing can be recorded in your name. Ask an administrator to link your login to your staff record.';

/**
 * The signature for a record the actor makes now: theirs, or, when an administrator names
 * someone else in `onBehalfOf`, that person's, with the administrator beside them.
 */
export function signature(actor: Actor, staff: readonly StaffMember[], onBehalfOf: StaffId | undefined): Decision<Signature> {
  const me = actor.staff;
  if (!me) return refuse(NOT_ON_STAFF_LIST);
  if (onBehalfOf === undefined || onBehalfOf === me.id) return allow({ by: me });
  if (!can(actor.role, 'record-on-behalf')) return refuse(refusalFor('record-on-behalf'));
  const them = findStaff(staff, onBehalfOf);
  if (!them) return refuse('The person you are recording this for is not on the staff list.');
  return allow({ by: them, recordedOnBehalfBy: me });
}

/** The stored field that says who recorded it for them, when someone did. */
export function onBehalf(s: Signature): { recordedOnBehalfBy?: StaffId } {
  return s.recordedOnBehalfBy ? { recordedOnBehalfBy: s.recordedOnBehalfBy.id } : {};
}

/** " Recorded by Alex Smith for Sam Jones." for the timeline, or nothing when they recorded it themselves. */
export function onBehalfText(s: Signature): string {
  return s.recordedOnBehalfBy ? ` Recorded by ${s.recordedOnBehalfBy.name} for ${s.by.name}.` : '';
}
