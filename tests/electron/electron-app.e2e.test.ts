import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The real app in real Electron, through Playwright's Electron driver. It runs only where the
 * Electron binary has been downloaded (a developer's machine after `npm start`); on machines
 * that cannot download it, such as CI here, it is skipped and says so. Everything it checks is
 * also covered by the fake-electron unit tests and the Chromium harness.
 */
const electronDir = resolve('node_modules/electron');
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
const available = binary !== undefined && existsSync(binary);

describe.skipIf(!available)('the packaged shell in real Electron', () => {
  it('opens the app window from app:// with only the contract exposed', async () => {
    const { _electron } = await import('playwright-core');
    const store = await mkdtemp(join(tmpdir(), 'casebook-electron-'));
    const app = await _electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, CASEBOOK_STORE: store } });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://casebook/index.html');
      expect(await page.title()).toContain('RJ Casebook');
      const exposed = await page.evaluate(() => Object.keys((window as unknown as { casebook: object }).casebook).sort());
      expect(exposed).toContain('getStatus');
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
      await rm(store, { recursive: true, force: true });
    }
  });
});

if (!available) {
  describe('the packaged shell in real Electron', () => {
    it.skip('skipped: the Electron binary is not downloaded on this machine (run `npm start` once where the internet is reachable)', () => {});
  });
}
