/**
 * What a casework rule answers: the new value, or a refusal in plain words. `problems` lists
 * every reason separately (for an error summary); `reason` joins them for a single message.
 */
export type Decision<T> = { ok: true; value: T } | { ok: false; reason: string; problems: string[] };

export function allow<T>(value: T): Decision<T> {
  return { ok: true, value };
}

export function refuse<T = never>(...problems: string[]): Decision<T> {
  return { ok: false, reason: problems.join(' '), problems };
}
