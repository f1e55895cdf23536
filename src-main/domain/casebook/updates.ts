import { z } from 'zod';
import { text } from '../shared/text';

/**
 * "Check for updates": the app asks an address the service sets (an administrator's setting,
 * none by default) for a small file naming the newest version, and says whether this one is
 * older. It never downloads or runs anything; installing is the IT team's job (docs/install.md).
 */

export const UPDATE_URL_MAX = 500;
/** The update file is a few lines; anything bigger is not one. */
export const UPDATE_FILE_MAX_BYTES = 64 * 1024;

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

const httpsUrl = (label: string, orEmpty = false) =>
  text(label, UPDATE_URL_MAX).refine((s) => (orEmpty && s === '') || isHttpsUrl(s), {
    error: `${label} must be a full https:// address (without a user name or password)${orEmpty ? ', or empty' : ''}`,
  });

/** The setting: an https address, or empty for "never check" (the default, as is leaving it out). */
export const UpdateInfoUrlSchema = httpsUrl('The update address', true);

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** The file at the update address. Other keys are ignored, so a service may add its own. */
export const UpdateInfoSchema = z.object({
  version: z.string().regex(SEMVER, { error: 'version must be a version number like 0.2.0' }),
  notes: text('notes', 2000).optional(),
  downloadUrl: httpsUrl('downloadUrl'),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'sha256 must be 64 hexadecimal characters' }).transform((s) => s.toLowerCase()),
});
export type UpdateInfo = z.infer<typeof UpdateInfoSchema>;

/** What "Check for updates" says. */
export const UpdateCheckSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('not-set'), current: z.string(), message: z.string() }),
  z.strictObject({ state: z.literal('latest'), current: z.string(), latest: UpdateInfoSchema, message: z.string() }),
  z.strictObject({ state: z.literal('available'), current: z.string(), latest: UpdateInfoSchema, message: z.string() }),
  z.strictObject({ state: z.literal('failed'), current: z.string(), message: z.string() }),
]);
export type UpdateCheck = z.infer<typeof UpdateCheckSchema>;

/** Semantic-version order: negative if a is older than b, 0 if the same release, positive if newer. */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) throw new Error(`not a version number: ${pa ? b : a}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  // A pre-release (0.2.0-beta.1) comes before its release (0.2.0).
  const [ra, rb] = [pa[4], pb[4]];
  if (ra === undefined || rb === undefined) return ra === rb ? 0 : ra === undefined ? 1 : -1;
  const [xa, xb] = [ra.split('.'), rb.split('.')];
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const [ia, ib] = [xa[i], xb[i]];
    if (ia === undefined || ib === undefined) return ia === undefined ? -1 : 1;
    const [na, nb] = [/^\d+$/.test(ia), /^\d+$/.test(ib)];
    const d = na && nb ? Number(ia) - Number(ib) : na !== nb ? (na ? -1 : 1) : ia < ib ? -1 : ia > ib ? 1 : 0;
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The answer to show, given this app's version and the update file (or why there is none). */
export function updateCheckResult(current: string, found: { info: UpdateInfo } | { notSet: true } | { failed: string }): UpdateCheck {
  if ('notSet' in found) {
    return { state: 'not-set', current, message: 'No update address is set, so RJ Casebook does not check for updates. An administrator can set one in Settings.' };
  }
  if ('failed' in found) {
    return { state: 'failed', current, message: `Could not check for updates: ${found.failed}. Check the update address in Settings, or ask your IT team.` };
  }
  const latest = found.info;
  if (compareVersions(latest.version, current) > 0) {
    return { state: 'available', current, latest, message: `RJ Casebook ${latest.version} is available (you have ${current}). Ask your IT team to install it.` };
  }
  return { state: 'latest', current, latest, message: `You have the latest version of RJ Casebook (${current}).` };
}
