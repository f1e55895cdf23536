import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNEL, LOCKED_CHANNEL } from '../ipc/command-names';
import type { HandlerRegistry } from '../ipc/registry';
import { toSafeError } from '../ipc/safe-error';
import type { Result } from '../domain/shared/errors';
import { isAppUrl } from './app-origin';

type Reply = Result<unknown>;

const BAD_SENDER: Reply = {
  ok: false,
  error: { code: 'BAD_SENDER', message: 'This request did not come from the RJ Casebook window and was ignored' },
};

/**
 * Is this invoke from the top frame of our own window, showing our own origin? Checked
 * before anything else: an iframe, a second window, devtools or a page that somehow
 * navigated away must not reach the store even though the same preload may be present.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, mainContents: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainContents || mainContents.isDestroyed()) return false;
  if (event.sender !== mainContents) return false;
  // The top frame, and the window's current main frame. Compared by process and routing id
  // rather than object identity, which Electron does not promise for WebFrameMain.
  const main = mainContents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

/** The ipcMain.handle listener: sender check, then the shared registry. Never throws. */
export function createIpcHandler(registry: HandlerRegistry, getMainContents: () => WebContents | undefined) {
  return async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Reply> => {
    try {
      if (!isTrustedSender(event, getMainContents())) return BAD_SENDER;
      // The registry checks the name against the contract and parses the input strictly.
      return await registry.invoke(typeof name === 'string' ? name : '', input);
    } catch (e) {
      return { ok: false, error: toSafeError(e) };
    }
  };
}

/**
 * Wire the one IPC channel, and tell the window whenever the store locks (idle timer, menu,
 * screen lock, restore) so it clears every piece of case data it holds. Only the reason
 * string crosses. Returns a function that undoes both.
 */
export function installIpcBridge(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  registry: HandlerRegistry,
  getMainContents: () => WebContents | undefined,
): () => void {
  ipcMain.handle(IPC_CHANNEL, createIpcHandler(registry, getMainContents));
  const unsubscribe = registry.service.onLocked((reason) => {
    const wc = getMainContents();
    if (wc && !wc.isDestroyed()) wc.send(LOCKED_CHANNEL, String(reason));
  });
  return () => {
    ipcMain.removeHandler(IPC_CHANNEL);
    unsubscribe();
  };
}
