import { readFile } from 'node:fs/promises';
import { requireCapability } from '../../domain/access/capabilities';
import { UPDATE_FILE_MAX_BYTES, UpdateInfoSchema, updateCheckResult, type UpdateCheck, type UpdateInfo } from '../../domain/casebook/updates';
import { APP_ROOT_URL } from '../app-root';
import { audit } from './audit-entry';
import type { StoreHolder } from './holder';

/**
 * "Check for updates": one GET of the update file at the address an administrator set, read
 * with a time limit and a size limit, and compared with this app's version. Nothing is
 * downloaded or run, nothing about the casebook is sent, and with no address set nothing is
 * asked at all. Outside the store queue: a slow server never holds up a save or the idle lock.
 * Every request that goes out is in the audit trail first (who asked which server), so the
 * trail answers for all network contact; recording it is the only step that queues.
 */

/** A fetch: Electron's net.fetch in the app (the system's proxy and certificates). */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export interface UpdateOptions {
  /** How to reach the update address. Given only by the app (and by tests, a stand-in): with
   * none, nothing is ever sent, so no test or tool reaches the network by accident. */
  fetch?: Fetcher | undefined;
  /** This app's version (app.getVersion() in Electron); package.json's when not given. */
  appVersion?: string | undefined;
  /** How long the whole check may take. */
  updateTimeoutMs?: number | undefined;
}

export const UPDATE_TIMEOUT_MS = 10_000;

/** Why the check failed, in words for the person who pressed the button. */
class UpdateFailure extends Error {}

let packageVersion: Promise<string> | undefined;
function ownVersion(): Promise<string> {
  packageVersion ??= readFile(new URL('package.json', APP_ROOT_URL), 'utf8').then((t) => (JSON.parse(t) as { version: string }).version);
  return packageVersion;
}

const isHttps = (url: string) => url.startsWith('https://');

/** The body, as text, giving up at `max` bytes or when the signal fires, whatever the server does. */
async function readCapped(res: Response, signal: AbortSignal, timedOut: string): Promise<string> {
  const tooBig = `the update file is larger than ${UPDATE_FILE_MAX_BYTES / 1024} KB, so it is not one`;
  if (Number(res.headers.get('content-length') ?? 0) > UPDATE_FILE_MAX_BYTES) throw new UpdateFailure(tooBig);
  const reader = res.body?.getReader();
  if (!reader) return '';
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new UpdateFailure(timedOut));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > UPDATE_FILE_MAX_BYTES) throw new UpdateFailure(tooBig);
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof UpdateFailure) throw e;
    throw new UpdateFailure(signal.aborted ? timedOut : 'the connection broke while reading the update file');
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UpdateFailure('the update file is not text');
  }
}

/** Fetch and check the update file; throws UpdateFailure with the reason. */
export async function fetchUpdateInfo(url: string, fetcher: Fetcher, timeoutMs = UPDATE_TIMEOUT_MS): Promise<UpdateInfo> {
  // The setting is checked when it is saved; checked again here, before anything is sent.
  if (!isHttps(url)) throw new UpdateFailure('the update address is not an https:// address');
  const seconds = Number((timeoutMs / 1000).toFixed(1));
  const timedOut = `the update address did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetcher(url, { method: 'GET', signal, redirect: 'follow', credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw new UpdateFailure(signal.aborted ? timedOut : 'the update address could not be reached');
  }
  if (res.redirected && !isHttps(res.url)) throw new UpdateFailure('the update address sent RJ Casebook to an address that is not https://');
  if (!res.ok) throw new UpdateFailure(`the update address answered with status ${res.status}`);
  const body = await readCapped(res, signal, timedOut);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UpdateFailure('the update file is not JSON');
  }
  const parsed = UpdateInfoSchema.safeParse(json);
  if (!parsed.success) throw new UpdateFailure(`the update file is not in the expected shape (${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')})`);
  return parsed.data;
}

/** The server asked, for the trail (its fields are short labels; the full address is in the settings). */
const serverOf = (url: string) => new URL(url).host.slice(0, 80);

export function updateUseCases(h: StoreHolder, o: UpdateOptions, serial: <T>(job: () => Promise<T>) => Promise<T>) {
  return {
    async checkForUpdates(): Promise<UpdateCheck> {
      const s = h.need();
      requireCapability(s.user.role, 'check-updates');
      const url = s.index.settings.updateInfoUrl;
      const current = o.appVersion ?? (await ownVersion());
      if (!url) return updateCheckResult(current, { notSet: true });
      const fetcher = o.fetch;
      if (!fetcher) return updateCheckResult(current, { failed: 'this copy of RJ Casebook has no way to reach the update address' });
      // Recorded before the request, so a check cut short by a lock or a crash is in the trail
      // too. A read-only session cannot write the trail; it may still check, since nothing
      // about the casebook is sent (audit() records nothing there).
      await serial(() => audit(h.need(), 'updates.check', { type: 'casebook', id: s.index.storeId }, [serverOf(url)]));
      try {
        const info = await fetchUpdateInfo(url, fetcher, o.updateTimeoutMs);
        return updateCheckResult(current, { info });
      } catch (e) {
        if (!(e instanceof UpdateFailure)) throw e;
        return updateCheckResult(current, { failed: e.message });
      }
    },
  };
}
