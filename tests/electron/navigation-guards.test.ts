import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { installNavigationGuards } = await import('../../src-main/electron/navigation-guards');
const { isAllowedExternal } = await import('../../src-main/electron/external-links');
const { isAppUrl } = await import('../../src-main/electron/app-origin');

/** Install the guards the way main.ts does, then let Electron "create" a web contents. */
function guardedContents(): fake.FakeWebContents {
  installNavigationGuards(fake.app as never, fake.shell);
  const wc = new fake.FakeWebContents();
  fake.app.emit('web-contents-created', new fake.FakeEvent(), wc);
  return wc;
}

function navigate(wc: fake.FakeWebContents, eventName: string, url: string): boolean {
  const e = new fake.FakeEvent(url);
  // Electron passes the (deprecated) url as a second argument too.
  wc.emit(eventName, e, url);
  return e.defaultPrevented;
}

describe('navigation guards', () => {
  beforeEach(() => fake.reset());

  it('guard every web contents created after installation', () => {
    const wc = guardedContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(wc.listenerCount(name), name).toBe(1);
    }
    expect(wc.windowOpenHandler).not.toBeNull();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: other origins are prevented', (eventName) => {
    const wc = guardedContents();
    for (const url of [
      'https://example.com/',
      'http://casebook/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://casebook.evil.com/index.html',
      'app://casebook:1234/index.html',
      'app://x@casebook/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(navigate(wc, eventName, url), url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: the app origin is allowed', (eventName) => {
    const wc = guardedContents();
    expect(navigate(wc, eventName, 'app://casebook/index.html')).toBe(false);
    expect(navigate(wc, eventName, 'app://casebook/index.html#/cases')).toBe(false);
  });

  it('window.open is always denied; only allow-listed sites go to the system browser', async () => {
    const wc = guardedContents();
    const open = wc.windowOpenHandler;
    if (!open) throw new Error('no window open handler');
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://casebook/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://restorativejustice.org.uk/resources' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.shell.opened).toEqual(['https://restorativejustice.org.uk/resources']);
  });

  it('the external allow-list is exact', () => {
    expect(isAllowedExternal('https://restorativejustice.org.uk/')).toBe(true);
    expect(isAllowedExternal('http://restorativejustice.org.uk/')).toBe(false);
    expect(isAllowedExternal('https://restorativejustice.org.uk.evil.com/')).toBe(false);
    expect(isAllowedExternal('https://evil.com/?https://restorativejustice.org.uk')).toBe(false);
    expect(isAllowedExternal('https://restorativejustice.org.uk:8443/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@restorativejustice.org.uk/')).toBe(false);
    expect(isAllowedExternal('smb://restorativejustice.org.uk/share')).toBe(false);
  });

  it('isAppUrl accepts only app://casebook', () => {
    expect(isAppUrl('app://casebook/index.html')).toBe(true);
    expect(isAppUrl('app://casebook')).toBe(true);
    expect(isAppUrl('app://casebook2/index.html')).toBe(false);
    expect(isAppUrl('apps://casebook/index.html')).toBe(false);
  });

  it('<webview> attachment is prevented', () => {
    const wc = guardedContents();
    const e = new fake.FakeEvent();
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });

  it('every permission request is refused and every check answers false', () => {
    const wc = guardedContents();
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } = wc.session;
    if (!permissionRequestHandler || !permissionCheckHandler || !devicePermissionHandler) throw new Error('handlers missing');
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid']) {
      const callback = vi.fn();
      permissionRequestHandler(wc, permission, callback, { requestingUrl: 'app://casebook/index.html' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(permissionCheckHandler(wc, permission, 'app://casebook', {})).toBe(false);
    }
    expect(devicePermissionHandler({ deviceType: 'usb', origin: 'app://casebook' })).toBe(false);
  });
});
