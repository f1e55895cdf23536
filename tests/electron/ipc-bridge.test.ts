import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';
import { IPC_CHANNEL, LOCKED_CHANNEL } from '../../src-main/ipc/command-names';
import { createRegistry, type HandlerRegistry } from '../../src-main/ipc/registry';
import type { CasebookService } from '../../src-main/services/casebook/api';

vi.mock('electron', () => import('./fake-electron'));

const { installIpcBridge } = await import('../../src-main/electron/ipc-bridge');

type Handler = (event: unknown, name: unknown, input: unknown) => Promise<unknown>;

/** A registry whose invoke is a spy, and a service whose onLocked listener we can fire. */
function fakeRegistry(impl: HandlerRegistry['invoke'] = async () => ({ ok: true, value: 'from registry' })) {
  let lockedListener: ((reason: string) => void) | undefined;
  const unsubscribe = vi.fn();
  const service = {
    onLocked: (l: (reason: string) => void) => {
      lockedListener = l;
      return unsubscribe;
    },
  } as unknown as CasebookService;
  const registry = { invoke: vi.fn(impl), service };
  return { registry, unsubscribe, fireLocked: (r: string) => lockedListener?.(r) };
}

function setup(registry: HandlerRegistry) {
  const main = new fake.FakeWebContents();
  const dispose = installIpcBridge(fake.ipcMain, registry, () => main as never);
  const handler = fake.ipcMain.handlers.get(IPC_CHANNEL) as Handler | undefined;
  if (!handler) throw new Error('no handler on the IPC channel');
  return { main, handler, dispose };
}

const badSender = { ok: false, error: { code: 'BAD_SENDER', message: expect.any(String) } };

describe('IPC bridge', () => {
  beforeEach(() => fake.reset());

  it('passes a call from the top frame of our window on app://casebook to the registry', async () => {
    const { registry } = fakeRegistry();
    const { main, handler } = setup(registry);
    const res = await handler({ sender: main, senderFrame: main.mainFrame }, 'getStatus', {});
    expect(res).toEqual({ ok: true, value: 'from registry' });
    expect(registry.invoke).toHaveBeenCalledExactlyOnceWith('getStatus', {});
  });

  it('refuses a subframe of our window without calling the registry', async () => {
    const { registry } = fakeRegistry();
    const { main, handler } = setup(registry);
    const sub = { url: 'app://casebook/index.html', parent: main.mainFrame, processId: main.mainFrame.processId, routingId: 2 };
    expect(await handler({ sender: main, senderFrame: sub }, 'getStatus', {})).toEqual(badSender);
    expect(registry.invoke).not.toHaveBeenCalled();
  });

  it('refuses another web contents, even on the app origin', async () => {
    const { registry } = fakeRegistry();
    const { handler, main } = setup(registry);
    const other = new fake.FakeWebContents();
    expect(await handler({ sender: other, senderFrame: other.mainFrame }, 'getStatus', {})).toEqual(badSender);
    // Each check stands on its own: a mismatched sender is refused even with our frame.
    expect(await handler({ sender: other, senderFrame: main.mainFrame }, 'getStatus', {})).toEqual(badSender);
    expect(registry.invoke).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'app://evil/index.html', 'file:///index.html', 'about:blank', ''])(
    'refuses our top frame when it shows %j',
    async (url) => {
      const { registry } = fakeRegistry();
      const { main, handler } = setup(registry);
      main.mainFrame.url = url;
      expect(await handler({ sender: main, senderFrame: main.mainFrame }, 'getStatus', {})).toEqual(badSender);
      expect(registry.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a missing sender frame, another top frame and a destroyed window (a second wrapper of our frame is fine)', async () => {
    const { registry } = fakeRegistry();
    const { main, handler } = setup(registry);
    expect(await handler({ sender: main, senderFrame: null }, 'getStatus', {})).toEqual(badSender);
    // A top-level frame of our web contents that is not its current main frame (e.g. one
    // being replaced during a navigation).
    const lookAlike = { url: 'app://casebook/index.html', parent: null, processId: main.mainFrame.processId, routingId: 99 };
    expect(await handler({ sender: main, senderFrame: lookAlike }, 'getStatus', {})).toEqual(badSender);
    const copy = { ...main.mainFrame };
    expect(await handler({ sender: main, senderFrame: copy }, 'getStatus', {})).toMatchObject({ ok: true });
    registry.invoke.mockClear();
    main.destroyed = true;
    expect(await handler({ sender: main, senderFrame: main.mainFrame }, 'getStatus', {})).toEqual(badSender);
    expect(registry.invoke).not.toHaveBeenCalled();
  });

  it('never throws: a registry that throws becomes a safe INTERNAL error without details', async () => {
    const { registry } = fakeRegistry(async () => {
      throw new Error('ENOENT: /home/alice/casebook/cases/victim-names.json');
    });
    const { main, handler } = setup(registry);
    const res = await handler({ sender: main, senderFrame: main.mainFrame }, 'getStatus', {});
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(res)).not.toContain('/home/alice');
  });

  it('with the real registry: unknown commands and bad input come back as typed errors', async () => {
    const service = {
      status: async () => ({ state: 'uninitialised', users: [] }),
      currentSession: () => undefined,
      onLocked: () => () => undefined,
    } as unknown as CasebookService;
    const { main, handler } = setup(createRegistry(service));
    const ev = { sender: main, senderFrame: main.mainFrame };
    expect(await handler(ev, 'getStatus', {})).toEqual({ ok: true, value: { state: 'uninitialised', users: [] } });
    expect(await handler(ev, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handler(ev, { toString: () => 'getStatus' }, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handler(ev, 'getStatus', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handler(ev, 'listCases', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('forwards onLocked to our window with only the reason, and disposes cleanly', () => {
    const { registry, fireLocked, unsubscribe } = fakeRegistry();
    const { main, dispose } = setup(registry);
    fireLocked('idle');
    expect(main.sent).toEqual([{ channel: LOCKED_CHANNEL, args: ['idle'] }]);
    dispose();
    expect(fake.ipcMain.handlers.has(IPC_CHANNEL)).toBe(false);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('does not send to a destroyed window', () => {
    const { registry, fireLocked } = fakeRegistry();
    const { main } = setup(registry);
    main.destroyed = true;
    fireLocked('system');
    expect(main.sent).toEqual([]);
  });
});
