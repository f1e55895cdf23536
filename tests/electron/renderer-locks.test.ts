import { describe, expect, it, vi } from 'vitest';
import { installRendererLocks } from '../../src-main/electron/lifecycle';

/** A window whose renderer crashes or hangs cannot report activity: the casebook locks anyway. */
function fakeContents() {
  const handlers = new Map<string, () => void>();
  return {
    handlers,
    on: vi.fn((event: string, h: () => void) => {
      handlers.set(event, h);
      return undefined as never;
    }),
    reload: vi.fn(),
    isDestroyed: vi.fn(() => false),
  };
}

describe('the window going wrong locks the casebook', () => {
  it('locks when the renderer crashes, and reloads the window to the unlock screen', async () => {
    const contents = fakeContents();
    const service = { lock: vi.fn(async () => undefined) };
    installRendererLocks(contents as never, service);
    contents.handlers.get('render-process-gone')!();
    expect(service.lock).toHaveBeenCalledWith('system');
    expect(contents.reload).toHaveBeenCalledOnce();
  });

  it('locks when the renderer stops answering', () => {
    const contents = fakeContents();
    const service = { lock: vi.fn(async () => undefined) };
    installRendererLocks(contents as never, service);
    contents.handlers.get('unresponsive')!();
    expect(service.lock).toHaveBeenCalledWith('system');
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('does not let a failed lock become an unhandled rejection', async () => {
    const contents = fakeContents();
    const service = { lock: vi.fn(async () => Promise.reject(new Error('disk'))) };
    installRendererLocks(contents as never, service);
    expect(() => contents.handlers.get('unresponsive')!()).not.toThrow();
    await new Promise((r) => setImmediate(r));
  });
});
