import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';
import { COMMAND_NAMES, IPC_CHANNEL, LOCKED_CHANNEL } from '../../src-main/ipc/command-names';

vi.mock('electron', () => import('./fake-electron'));

const { buildCasebookApi } = await import('../../src-main/electron/preload-api');

// Run the real preload entry once against the fake electron and keep what it exposed.
await import('../../src-main/electron/preload');
const exposedKeys = [...fake.contextBridge.exposed.keys()];
const exposed = fake.contextBridge.exposed.get('casebook') as Record<string, unknown>;
const exposedApi = async () => exposed;

describe('preload', () => {
  beforeEach(() => fake.reset());

  it('exposes exactly one function per contract command plus onLocked, frozen', async () => {
    expect(exposedKeys).toEqual(['casebook']);
    const api = await exposedApi();
    expect(Object.keys(api).sort()).toEqual([...COMMAND_NAMES, 'onLocked'].sort());
    for (const [k, v] of Object.entries(api)) expect(typeof v, k).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('exposes no ipcRenderer, no generic invoke, send or on', async () => {
    const api = await exposedApi();
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once', 'postMessage']) {
      expect(api, forbidden).not.toHaveProperty(forbidden);
    }
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer.invoke);
  });

  it('each function invokes the one channel with its own name and the input ({} when omitted)', async () => {
    const api = await exposedApi();
    for (const name of COMMAND_NAMES) {
      const fn = api[name] as (input?: unknown) => Promise<unknown>;
      await fn();
      await fn({ a: 1 });
    }
    const expected = COMMAND_NAMES.flatMap((n) => [
      [IPC_CHANNEL, n, {}],
      [IPC_CHANNEL, n, { a: 1 }],
    ]);
    expect(fake.ipcRenderer.invoked).toEqual(expected);
  });

  it('a command function cannot be redirected to another command by extra arguments', async () => {
    const api = await exposedApi();
    await (api.getStatus as (...a: unknown[]) => Promise<unknown>)({}, 'addUser', 'x');
    expect(fake.ipcRenderer.invoked).toEqual([[IPC_CHANNEL, 'getStatus', {}]]);
  });

  it('onLocked passes only the reason string, never the event, and unsubscribes', async () => {
    const api = await exposedApi();
    const cb = vi.fn();
    const off = (api.onLocked as (cb: (reason: string) => void) => () => void)(cb);
    const secretEvent = { sender: fake.ipcRenderer, ports: [], senderId: 0 };
    fake.ipcRenderer.emit(LOCKED_CHANNEL, secretEvent, 'idle');
    expect(cb).toHaveBeenCalledExactlyOnceWith('idle');
    expect(cb.mock.calls.flat()).not.toContain(secretEvent);
    // A non-string payload is not passed through either.
    fake.ipcRenderer.emit(LOCKED_CHANNEL, secretEvent, { evil: true });
    expect(cb).toHaveBeenLastCalledWith('unknown');
    off();
    fake.ipcRenderer.emit(LOCKED_CHANNEL, secretEvent, 'manual');
    expect(cb).toHaveBeenCalledTimes(2);
    expect(fake.ipcRenderer.listeners.get(LOCKED_CHANNEL)?.size ?? 0).toBe(0);
  });

  it('onLocked refuses a non-function', async () => {
    const api = buildCasebookApi(fake.ipcRenderer);
    expect(() => (api.onLocked as unknown as (x: unknown) => void)('not a function')).toThrow(TypeError);
  });
});
