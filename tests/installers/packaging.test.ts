import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRuntimeModules, forbiddenReason, hasInlineSourceMap, splitSpecifier, type PackageView } from './asar-check';
import { builderConfig, documentedFuses, installDoc, packageJson, ROOT } from './builder-config';
import { external, loadFromArchive } from './load-probe';
import { ensureBuilt, entryPoints, MAIN, packageApp, type Packaged } from './package-app';
import { makeStandInElectron, readFuses } from './stand-in-electron';

/**
 * The app as an installer would carry it: electron-builder packages the built out/ against a
 * stand-in Electron folder, with the network cut off (package-app.ts), and the test opens the
 * resulting app.asar. Then it packages once more with one run-time dependency left out, and
 * sees the same checks fail. See docs/install.md.
 */

let work: string;
let electron: string;
let good: Packaged;
let appOut: string;
let files: string[];
let view: PackageView;

function filesOnDisk(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(ROOT, join(d.parentPath, d.name)).split(sep).join('/'));
}

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(join(tmpdir(), 'rj-packaging-'));
  electron = join(work, 'electron');
  await makeStandInElectron(electron);
  good = await packageApp(work, 'dist', electron);
  ({ appOut, files, view } = good);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const imports = () => entryPoints(view);

describe('the packaged app (electron-builder --dir against a stand-in Electron)', () => {
  it('is one app.asar holding the bundles, templates, resources, package.json and the runtime dependencies, and nothing loose beside it', () => {
    console.log(`packaged in ${(good.ms / 1000).toFixed(1)} s: ${files.length} files in app.asar`);
    expect(readdirSync(join(appOut, 'resources'))).toEqual(['app.asar']);
    expect([...new Set(files.map((f) => f.split('/')[0]))].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources', 'templates']);
    const pkg = JSON.parse(view.readText('package.json')) as { type: string; main: string; version: string };
    expect(pkg).toMatchObject({ type: 'module', main: MAIN, version: packageJson().version });
    // Electron's and Chromium's licences travel with the binary.
    expect(existsSync(join(appOut, 'LICENSE.electron.txt'))).toBe(true);
  });

  it('has every module the built main process and preload load at run time, and everything those need in turn', () => {
    const entries = imports();
    for (const e of entries) expect(e.computed, `${e.file} loads a module whose name is worked out at run time`).toBe(0);
    const { problems, packages } = checkRuntimeModules(view, entries);
    expect(problems).toEqual([]);
    for (const name of Object.keys(packageJson().dependencies)) expect(packages).toContain(`node_modules/${name}`);
  });

  it('really loads them: Node imports each one from the unpacked archive, and each resolves inside it', async () => {
    const dir = join(work, 'unpacked');
    const [main, preload] = imports();
    const resolved = await loadFromArchive(good.asarPath, dir, main!, preload!);
    expect(Object.keys(resolved).sort()).toEqual([...external(main!), ...external(preload!)].sort());
    for (const [spec, where] of Object.entries(resolved)) expect(where.replace('file://', ''), spec).toContain(join(dir, 'node_modules'));
  });

  it('ships as dependencies exactly what the main bundle leaves external (the renderer and bundled libraries are devDependencies)', () => {
    const names = new Set(imports().flatMap((e) => external(e).map((s) => splitSpecifier(s).name)));
    expect(Object.keys(packageJson().dependencies).sort(), 'package.json "dependencies" must list exactly the packages out/main and out/preload import').toEqual([...names].sort());
  });

  it('has the whole built app, the templates, the resources, and each font with its licence', () => {
    const missing = [...filesOnDisk('out'), ...filesOnDisk('templates'), ...filesOnDisk('resources')].filter((f) => !f.endsWith('.map') && !view.has(f));
    expect(missing).toEqual([]);
    const fonts = JSON.parse(view.readText('resources/fonts/fonts.json')) as { faces: { regular: string; bold: string; licence: string }[] };
    expect(fonts.faces.length).toBeGreaterThan(0);
    for (const f of fonts.faces) for (const file of [f.regular, f.bold, f.licence]) expect(view.has(`resources/fonts/${file}`), file).toBe(true);
  });

  it('has no test, fixture, source map, .env, benchmark, documentation, TypeScript source or native module, even inside a dependency', () => {
    expect(files.filter((f) => forbiddenReason(f)).map((f) => `${f}: ${forbiddenReason(f)}`)).toEqual([]);
    const embedding = files.filter((f) => f.startsWith('out/') && /\.[cm]?js$/.test(f) && hasInlineSourceMap(view.readText(f)));
    expect(embedding).toEqual([]);
  });

  it('has its fuses flipped as docs/install.md documents and electron-builder.yml says', async () => {
    const documented = documentedFuses(installDoc());
    expect(builderConfig().electronFuses).toEqual(documented);
    const flipped = await readFuses(join(appOut, 'rj-casebook'));
    for (const [name, on] of Object.entries(documented)) expect(flipped[name], name).toBe(on);
  });

  it('would notice a library missing deeper down: one that no bundle names, only a dependency of one that does', () => {
    const entries = imports();
    const { packages } = checkRuntimeModules(view, entries);
    const without = (dir: string): PackageView => ({ has: (p) => !p.startsWith(`${dir}/`) && view.has(p), readText: view.readText });
    // A package some library needs, not one it can do without (an optional dependency may be absent).
    const optional = new Set(packages.flatMap((p) => Object.keys((JSON.parse(view.readText(`${p}/package.json`)) as { optionalDependencies?: Record<string, string> }).optionalDependencies ?? {})));
    const transitive = packages.find((p) => !Object.keys(packageJson().dependencies).some((d) => p === `node_modules/${d}`) && !optional.has(p.split('node_modules/').pop()!))!;
    expect(checkRuntimeModules(without(transitive), entries).problems.join('\n')).toContain(`"${transitive.split('node_modules/').pop()}"`);
  });
});

describe('a package missing a library that vite leaves external', () => {
  let broken: Packaged;
  let left: string;
  beforeAll(async () => {
    // The first library the main bundle loads from node_modules, left out by one more
    // `files` pattern, as a mistaken exclusion or a dependency listed in the wrong place would.
    left = splitSpecifier(external(imports()[0]!)[0]!).name;
    broken = await packageApp(work, 'dist-broken', electron, [`!node_modules/${left}{,/**}`]);
  }, 180_000);

  it('is really packaged without it', () => {
    expect(broken.files.some((f) => f.startsWith(`node_modules/${left}/`))).toBe(false);
    expect(broken.view.has(MAIN)).toBe(true);
  });

  it('fails the module check, naming it', () => {
    const { problems } = checkRuntimeModules(broken.view, entryPoints(broken.view));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^"${left}[/"].* is not in the package`))]);
  });

  it('fails to load in Node', async () => {
    const [main, preload] = entryPoints(broken.view);
    await expect(loadFromArchive(broken.asarPath, join(work, 'unpacked-broken'), main!, preload!)).rejects.toThrow(/Cannot find (package|module)/);
  });
});
