import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderConfig, documentedFuses, installDoc, packageJson, ROOT } from './builder-config';
import { FUSES } from './stand-in-electron';

/** electron-builder.yml says what the installers are; docs/install.md tells IT teams. They must agree. */
const config = builderConfig();
const doc = installDoc();

describe('electron-builder.yml and docs/install.md', () => {
  it('document the same fuses, every one Electron has, set the same way', () => {
    expect(documentedFuses(doc)).toEqual(config.electronFuses);
    // Every fuse is decided, except the one about V8 snapshots (left as Electron ships it).
    expect(Object.keys(config.electronFuses).sort()).toEqual(FUSES.map(([name]) => name).filter((n) => n !== 'loadBrowserProcessSpecificV8Snapshot').sort());
  });

  it('name the same installers', () => {
    const yml = config as unknown as Record<string, { artifactName: string }>;
    const targets = { win: config.win.target, mac: config.mac.target, linux: config.linux.target };
    expect(targets).toEqual({ win: 'nsis', mac: 'dmg', linux: ['AppImage', 'deb'] });
    const named = (key: string, ext: string) => yml[key]!.artifactName.replace('${version}', 'VERSION').replace('${arch}', 'ARCH').replace('${ext}', ext);
    for (const [key, ext] of [['nsis', 'exe'], ['dmg', 'dmg'], ['appImage', 'AppImage'], ['deb', 'deb']] as const) expect(doc).toContain(`\`${named(key, ext)}\``);
  });

  it('describe the Windows installer as it is built: per user or for everyone, silent flags, folders, and an uninstall that keeps the casebook', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
    for (const flag of ['/S /currentuser', '/S /allusers', '/D=', '--delete-app-data', `Uninstall ${config.productName}.exe`]) expect(doc).toContain(flag);
    expect(doc).toContain(`%LOCALAPPDATA%\\Programs\\${config.productName}`);
    expect(doc).toContain(`C:\\Program Files\\${config.productName}`);
  });

  it('describe macOS signing as configured, and what ships', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(doc).toMatch(/hardened runtime/);
    expect(doc).toMatch(/Developer ID/);
    expect(doc).toMatch(/notaris/);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.files.slice(0, 3)).toEqual(['out/**', 'templates/**', 'resources/**']);
  });

  it('name the Electron release this version packs, for building without internet access', () => {
    const electron = packageJson().devDependencies.electron;
    expect(electron).toMatch(/^\d+\.\d+\.\d+$/); // pinned: the docs and the download name it exactly
    expect(doc).toContain(`electron-v${electron}-linux-x64.zip`);
  });

  it('and the README give the same command to build them', () => {
    const dist = 'electron-vite build && electron-builder --publish never';
    expect(packageJson().scripts.dist).toBe(dist);
    expect(doc).toContain(dist);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm run dist');
    expect(readme).toContain('docs/install.md');
  });
});
