import { expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

const createCasebookService = vi.hoisted(() => vi.fn());
vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../src-main/services/casebook/service', () => ({ createCasebookService }));

it('a second instance quits without opening the store or a window', async () => {
  fake.app.singleInstance = false;
  await import('../../src-main/electron/main');
  await new Promise((r) => setTimeout(r, 20));
  expect(fake.app.calls).toContain('quit');
  expect(fake.app.calls).not.toContain('whenReady');
  expect(createCasebookService).not.toHaveBeenCalled();
  expect(fake.BrowserWindow.created).toHaveLength(0);
});
