/**
 * What a casework rule answers: the new value, or a refusal in plain words. `problems` lists
 * every reason separately (for an error summary); `reason` joins them for a single message.
 */
export type Decision<T> = { ok: true; value: T } | Refusal;

/**
 * A refusal. `marks` name, as audit field names, a safeguarding refusal the audit trail keeps
 * even though nothing was saved ("self-sign-off": a sensitive case's assessor tried to sign off).
 */
export type Refusal = { ok: false; reason: string; problems: string[]; marks?: string[] };

export function allow<T>(value: T): Decision<T> {
  return { ok: true, value };
}

export function refuse<T = never>(...problems: string[]): Decision<T> {
  return { ok: false, reason: problems.join(' '), problems };
}

/** A refusal the audit trail records, under the given field names. */
export function refuseRecorded<T = never>(marks: string[], ...problems: string[]): Decision<T> {
  return { ok: false, reason: problems.join(' '), problems, marks };
}
