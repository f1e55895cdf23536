import { COMMAND_NAMES, IPC_CHANNEL, LOCKED_CHANNEL } from '../ipc/command-names';
// Types only: erased at build time, so zod and the schemas never enter the preload bundle.
import type { CommandName, InputOf, OutputOf } from '../ipc/contract';
import type { Result } from '../domain/shared/errors';

/** What `window.casebook` looks like to the renderer. */
export type CasebookBridge = {
  readonly [N in CommandName]: (input?: InputOf<N>) => Promise<Result<OutputOf<N>>>;
} & {
  /** Called with the reason whenever the store locks; returns a function that unsubscribes. */
  readonly onLocked: (callback: (reason: string) => void) => () => void;
};

/** The part of ipcRenderer we use, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Build the object the preload exposes: one function per contract command, bound to its own
 * name, and onLocked. There is deliberately no generic invoke(channel, ...) and no access to
 * ipcRenderer or to event objects: a compromised page can do no more than the contract
 * allows, and the main process still checks every call.
 */
export function buildCasebookApi(ipc: IpcRendererLike): CasebookBridge {
  const api: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) {
    api[name] = (input?: unknown) => ipc.invoke(IPC_CHANNEL, name, input ?? {});
  }
  api.onLocked = (callback: (reason: string) => void) => {
    if (typeof callback !== 'function') throw new TypeError('onLocked needs a function');
    // The IPC event (with its sender and ports) is dropped here; only a string goes on.
    const listener = (_event: unknown, reason: unknown) => callback(typeof reason === 'string' ? reason : 'unknown');
    ipc.on(LOCKED_CHANNEL, listener);
    return () => {
      ipc.removeListener(LOCKED_CHANNEL, listener);
    };
  };
  return Object.freeze(api) as CasebookBridge;
}
