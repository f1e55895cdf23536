import { describe, expect, it } from 'vitest';
import { bundleImports, checkRuntimeModules, exportsTarget, forbiddenReason, hasInlineSourceMap, providedByRuntime, splitSpecifier, viewOf, type EntryPoint } from './asar-check';

/**
 * The packaging test's checks on made-up packages, so that each one is seen to fail when it
 * should: a library missing, its entry file missing, one of its own dependencies missing.
 */

const pkg = (o: object) => JSON.stringify(o);

/** A small packaged app: the main bundle loads yaml and docx; docx needs nanoid and jszip, which needs an older nanoid of its own. */
const APP: Record<string, string> = {
  'package.json': pkg({ name: 'app', type: 'module', main: 'out/main/index.js' }),
  'out/main/index.js': 'import { parse } from "yaml"; import { Document } from "docx"; import fs from "node:fs";',
  'out/preload/index.cjs': 'const { contextBridge } = require("electron");',
  'node_modules/yaml/package.json': pkg({ name: 'yaml', exports: { '.': { types: './dist/index.d.ts', node: './dist/index.js', default: './browser/index.js' } } }),
  'node_modules/yaml/dist/index.js': '',
  'node_modules/yaml/browser/index.js': '',
  'node_modules/docx/package.json': pkg({ name: 'docx', main: 'dist/index.cjs', exports: { import: './dist/index.mjs', require: './dist/index.cjs' }, dependencies: { nanoid: '^5', jszip: '^3' } }),
  'node_modules/docx/dist/index.mjs': '',
  'node_modules/docx/dist/index.cjs': '',
  'node_modules/nanoid/package.json': pkg({ name: 'nanoid', main: 'index.js' }),
  'node_modules/nanoid/index.js': '',
  'node_modules/jszip/package.json': pkg({ name: 'jszip', main: 'lib/index', dependencies: { nanoid: '^3' }, optionalDependencies: { 'fsevents-like': '*' }, peerDependencies: { canvas: '*' }, peerDependenciesMeta: { canvas: { optional: true } } }),
  'node_modules/jszip/lib/index.js': '',
  'node_modules/jszip/node_modules/nanoid/package.json': pkg({ name: 'nanoid', main: 'index.cjs' }),
  'node_modules/jszip/node_modules/nanoid/index.cjs': '',
};
const without = (files: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(files).filter(([p]) => !p.startsWith(prefix)));
const entries = (files: Record<string, string>): EntryPoint[] => [
  { file: 'out/main/index.js', kind: 'import', ...bundleImports(files['out/main/index.js']!) },
  { file: 'out/preload/index.cjs', kind: 'require', ...bundleImports(files['out/preload/index.cjs']!) },
];
const check = (files: Record<string, string>) => checkRuntimeModules(viewOf(files), entries(files));

describe('what a bundle loads', () => {
  it('reads static imports, re-exports, literal import() and require(), and counts the ones it cannot follow', () => {
    const code = [
      'import a from "pdf-lib"; import "node:fs"; export { b } from "docx"; export * from "@cantoo/fontkit/x";',
      'const c = await import("fflate"); const d = await import(`yaml`); const e = await import(name);',
      'const f = require("ical-generator"); const g = __require("tslib"); require(other);',
      'requireCapability("manage-users"); requiredText("Title"); obj.require("not-a-module"); const s = "import x from \\"fake\\"";',
    ].join('\n');
    expect(bundleImports(code)).toEqual({ specifiers: ['@cantoo/fontkit/x', 'docx', 'fflate', 'ical-generator', 'node:fs', 'pdf-lib', 'tslib', 'yaml'], computed: 2 });
  });

  it('leaves out what the runtime provides: Node built-ins and Electron', () => {
    expect(['node:fs', 'fs', 'fs/promises', 'path', 'electron', 'electron/main'].every(providedByRuntime)).toBe(true);
    expect(['yaml', 'pdf-lib', '@cantoo/fontkit', 'electron-store'].some(providedByRuntime)).toBe(false);
    expect(splitSpecifier('@cantoo/fontkit/dist/x.js')).toEqual({ name: '@cantoo/fontkit', subpath: './dist/x.js' });
    expect(splitSpecifier('yaml')).toEqual({ name: 'yaml', subpath: '.' });
  });

  it('follows a package\'s "exports" the way Node does for import and for require', () => {
    const exp = { '.': [{ import: { types: './a.d.ts', default: './a.mjs' } }, './a.cjs'], './util/*': { require: './cjs/util/*.js', default: './esm/util/*.js' }, './pkg': null };
    expect(exportsTarget(exp, '.', ['node', 'import', 'default'])).toBe('./a.mjs');
    expect(exportsTarget(exp, '.', ['node', 'require', 'default'])).toBe('./a.cjs');
    expect(exportsTarget(exp, './util/format', ['node', 'require', 'default'])).toBe('./cjs/util/format.js');
    expect(exportsTarget(exp, './util/format', ['node', 'import', 'default'])).toBe('./esm/util/format.js');
    expect(exportsTarget(exp, './pkg', ['node', 'import', 'default'])).toBeUndefined();
    expect(exportsTarget(exp, './other', ['node', 'import', 'default'])).toBeUndefined();
    expect(exportsTarget('./only.js', '.', ['node', 'import', 'default'])).toBe('./only.js');
  });
});

describe('checkRuntimeModules', () => {
  it('passes a complete package, and reaches every package (each nanoid where Node would find it)', () => {
    expect(check(APP)).toEqual({ problems: [], packages: ['node_modules/docx', 'node_modules/jszip', 'node_modules/jszip/node_modules/nanoid', 'node_modules/nanoid', 'node_modules/yaml'] });
  });

  it('fails when a library the main bundle loads is missing', () => {
    expect(check(without(APP, 'node_modules/yaml/')).problems).toEqual(['"yaml" (needed by out/main) is not in the package: no node_modules/yaml on its path']);
  });

  it("fails when a library's entry file is missing, for the way the bundle loads it", () => {
    expect(check(without(APP, 'node_modules/docx/dist/index.mjs')).problems).toEqual(['"docx": node_modules/docx/dist/index.mjs (its import entry) is missing from the package']);
    expect(check(without(APP, 'node_modules/yaml/dist/')).problems).toEqual(['"yaml": node_modules/yaml/dist/index.js (its import entry) is missing from the package']);
    expect(check(without(APP, 'node_modules/jszip/lib/')).problems).toEqual([]); // reached as a dependency: its presence is what is checked
  });

  it('fails when a dependency of a library is missing, however deep, but not an optional one', () => {
    expect(check(without(APP, 'node_modules/nanoid/')).problems).toEqual(['"nanoid" (a dependency of node_modules/docx) is not in the package']);
    expect(check(without(APP, 'node_modules/jszip/')).problems).toEqual(['"jszip" (a dependency of node_modules/docx) is not in the package']);
    // jszip's own nanoid gone: Node would find the top-level one instead, so nothing is missing.
    expect(check(without(APP, 'node_modules/jszip/node_modules/')).problems).toEqual([]);
  });

  it('fails when the CommonJS preload requires a package that only has an ESM entry', () => {
    const files = { ...APP, 'out/preload/index.cjs': 'require("electron"); require("esm-only");', 'node_modules/esm-only/package.json': pkg({ exports: { import: './x.mjs' } }), 'node_modules/esm-only/x.mjs': '' };
    expect(check(files).problems).toEqual(['"esm-only": node_modules/esm-only does not export . for require']);
  });
});

describe('what must never ship', () => {
  it.each([
    ['tests/casebook/foundation.e2e.test.ts', 'a test'],
    ['node_modules/x/test/fixture.json', 'a test or fixture'],
    ['node_modules/x/lib/thing.spec.js', 'a test'],
    ['tests/support/fixtures/cases.json', 'a test or fixture'],
    ['out/main/index.js.map', 'a source map (it would carry the sources)'],
    ['.env', 'an .env file'],
    ['.env.production', 'an .env file'],
    ['bench/results.json', 'a benchmark'],
    ['docs/install.md', 'documentation'],
    ['src-main/electron/main.ts', 'TypeScript source'],
    ['src-renderer/index.html', "the app's own source"],
    ['node_modules/pdf-lib/src/api/PDFDocument.ts', 'TypeScript source'],
    ['node_modules/x/build/Release/addon.node', 'a native module (the package is built without rebuilding any)'],
  ])('%s: %s', (path, reason) => expect(forbiddenReason(path)).toBe(reason));

  it.each(['out/main/index.js', 'out/renderer/assets/index-abc.css', 'templates/documents/consent-form.yaml', 'resources/fonts/LICENSE-Noto.txt', 'node_modules/yaml/dist/test-events.js', 'node_modules/docx/dist/index.d.ts', 'package.json'])(
    '%s may ship',
    (path) => expect(forbiddenReason(path)).toBeUndefined(),
  );

  it('spots a bundle that embeds its source map', () => {
    expect(hasInlineSourceMap('x();\n//# sourceMappingURL=data:application/json;base64,eyJ9')).toBe(true);
    expect(hasInlineSourceMap('x();\n//# sourceMappingURL=index.js.map')).toBe(false);
    expect(hasInlineSourceMap('x();')).toBe(false);
  });
});
