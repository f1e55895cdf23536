import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../src-main/electron/menu';
import { resolveStoreDir } from '../../src-main/electron/store-dir';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

describe('application menu', () => {
  it('has no reload or devtools in the packaged app', () => {
    const r = roles(menuTemplate({ isPackaged: true, isMac: false, onLock: () => undefined }));
    expect(r).not.toContain('reload');
    expect(r).not.toContain('forceReload');
    expect(r).not.toContain('toggleDevTools');
    expect(r).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll', 'about']));
  });

  it('has reload in development', () => {
    expect(roles(menuTemplate({ isPackaged: false, isMac: false, onLock: () => undefined }))).toContain('reload');
  });

  it('Lock calls onLock', () => {
    const onLock = vi.fn();
    const file = menuTemplate({ isPackaged: true, isMac: true, onLock }).find((m) => m.label === 'File');
    const lock = (file?.submenu as MenuItemConstructorOptions[]).find((m) => m.label === 'Lock');
    (lock?.click as () => void)();
    expect(onLock).toHaveBeenCalledOnce();
  });
});

describe('store folder', () => {
  it('defaults to userData/casebook and honours CASEBOOK_STORE', () => {
    expect(resolveStoreDir({}, '/u')).toBe('/u/casebook');
    expect(resolveStoreDir({ CASEBOOK_STORE: '  ' }, '/u')).toBe('/u/casebook');
    expect(resolveStoreDir({ CASEBOOK_STORE: '/mnt/secure/rj' }, '/u')).toBe('/mnt/secure/rj');
  });
});
