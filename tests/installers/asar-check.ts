import { builtinModules } from 'node:module';
import { parseAst } from 'vite';

/**
 * What the packaging test asks of a packaged app, as pure functions over a listing of its
 * app.asar, so each rule can be tested on a made-up listing too (asar-check.test.ts).
 *
 * Paths are relative to the archive's root, with forward slashes and no leading slash:
 * `out/main/index.js`, `node_modules/yaml/package.json`.
 */

/** What a packaged file tree offers the checks: which files exist, and a file's text. */
export interface PackageView {
  has(path: string): boolean;
  readText(path: string): string;
}

export function viewOf(files: Record<string, string>): PackageView {
  return {
    has: (p) => p in files,
    readText: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`${p} is not in the package`);
      return text;
    },
  };
}

// ---------------------------------------------------------------- what a bundle loads

export interface BundleImports {
  /** Every module named by a static import/export, a literal import() or a literal require(). */
  specifiers: string[];
  /** import() or require() of something worked out at run time: the check cannot follow it. */
  computed: number;
}

type Node = { type: string; [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
const literal = (n: unknown): string | undefined => {
  if (!isNode(n)) return undefined;
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  const quasis = n.quasis as { value: { cooked: string } }[] | undefined;
  if (n.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0 && quasis?.length === 1) return quasis[0]!.value.cooked;
  return undefined;
};
// The names a bundler gives require (rolldown's CommonJS interop calls it __require).
const REQUIRE_NAMES = new Set(['require', '__require']);

/** The modules a built bundle (ESM or CommonJS) loads, read from its syntax tree rather than by pattern. */
export function bundleImports(code: string): BundleImports {
  const found = new Set<string>();
  let computed = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!isNode(value)) return;
    const n = value;
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source) {
      found.add(literal(n.source)!);
    } else if (n.type === 'ImportExpression') {
      const s = literal(n.source);
      if (s === undefined) computed++;
      else found.add(s);
    } else if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'Identifier' && REQUIRE_NAMES.has(n.callee.name as string)) {
      const s = literal((n.arguments as unknown[])[0]);
      if (s === undefined) computed++;
      else found.add(s);
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'type' && typeof child === 'object') visit(child);
  };
  visit(parseAst(code));
  return { specifiers: [...found].sort(), computed };
}

const BUILTINS = new Set(builtinModules);

/** Node's built-ins and Electron itself come with the runtime, not from the package. */
export function providedByRuntime(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  if (specifier === 'electron' || specifier.startsWith('electron/')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!);
}

/** 'pdf-lib' → ['pdf-lib', '.']; '@cantoo/fontkit/x' → ['@cantoo/fontkit', './x']. */
export function splitSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(size).join('/');
  return { name: parts.slice(0, size).join('/'), subpath: rest ? `./${rest}` : '.' };
}

// ---------------------------------------------------------------- resolving inside the package

/** Node's conditions for `import` (the ESM main bundle) and `require` (the CommonJS preload). */
export const CONDITIONS = { import: ['node', 'import', 'default'], require: ['node', 'require', 'default'] } as const;
export type LoadKind = keyof typeof CONDITIONS;

const join = (...parts: string[]): string => {
  const out: string[] = [];
  for (const seg of parts.join('/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
};
const dirOf = (p: string): string => p.split('/').slice(0, -1).join('/');

/** node_modules folders Node would look in from `dir`, nearest first. */
function lookupDirs(dir: string): string[] {
  const segs = dir ? dir.split('/') : [];
  const dirs: string[] = [];
  for (let i = segs.length; i >= 0; i--) {
    if (segs[i - 1] === 'node_modules') continue;
    dirs.push(join(...segs.slice(0, i), 'node_modules'));
  }
  return dirs;
}

type Exports = string | null | Exports[] | { [key: string]: Exports };

function target(value: Exports, conditions: readonly string[], star?: string): string | undefined {
  if (typeof value === 'string') return star === undefined ? value : value.replaceAll('*', star);
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = target(v, conditions, star);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (value === null) return undefined;
  // The first condition that matches and leads somewhere (Node tries the next one otherwise).
  for (const [key, v] of Object.entries(value)) {
    if (!conditions.includes(key)) continue;
    const t = target(v, conditions, star);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** The file a package's "exports" maps `subpath` to under `conditions` (a subset of Node's algorithm: enough for real packages). */
export function exportsTarget(exportsField: Exports, subpath: string, conditions: readonly string[]): string | undefined {
  const isSubpathMap = typeof exportsField === 'object' && exportsField !== null && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? target(exportsField, conditions) : undefined;
  const map = exportsField as Record<string, Exports>;
  if (subpath in map) return target(map[subpath]!, conditions);
  for (const [key, v] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= key.length - 1) {
      return target(v, conditions, subpath.slice(before.length, subpath.length - after.length));
    }
  }
  return undefined;
}

interface PackageJson {
  name?: string;
  main?: string;
  exports?: Exports;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
}

/** A file, or the file Node finds for it by adding an extension or /index. */
function existing(view: PackageView, file: string): string | undefined {
  const candidates = [file, `${file}.js`, `${file}.json`, `${file}.cjs`, `${file}.mjs`, `${file}/index.js`, `${file}/index.json`];
  return candidates.find((c) => view.has(c));
}

export type Resolution = { ok: true; packageDir: string; file: string } | { ok: false; problem: string };

/** Resolve a bare specifier from a folder inside the package, the way Node would, but over the listing. */
export function resolveBare(view: PackageView, fromDir: string, specifier: string, kind: LoadKind): Resolution {
  const { name, subpath } = splitSpecifier(specifier);
  const packageDir = lookupDirs(fromDir)
    .map((d) => join(d, name))
    .find((d) => view.has(`${d}/package.json`));
  if (!packageDir) return { ok: false, problem: `"${specifier}" (needed by ${fromDir || 'the app'}) is not in the package: no node_modules/${name} on its path` };
  const pkg = JSON.parse(view.readText(`${packageDir}/package.json`)) as PackageJson;
  let file: string | undefined;
  if (pkg.exports !== undefined) {
    const t = exportsTarget(pkg.exports, subpath, CONDITIONS[kind]);
    if (t === undefined) return { ok: false, problem: `"${specifier}": node_modules/${name} does not export ${subpath} for ${kind}` };
    file = view.has(join(packageDir, t)) ? join(packageDir, t) : undefined;
    if (!file) return { ok: false, problem: `"${specifier}": ${join(packageDir, t)} (its ${kind} entry) is missing from the package` };
  } else {
    file = existing(view, join(packageDir, subpath === '.' ? (pkg.main ?? 'index.js') : subpath)) ?? (subpath === '.' ? existing(view, join(packageDir, 'index')) : undefined);
    if (!file) return { ok: false, problem: `"${specifier}": the entry of node_modules/${name} is missing from the package` };
  }
  return { ok: true, packageDir, file };
}

export interface EntryPoint {
  /** The bundle, e.g. out/main/index.js. */
  file: string;
  kind: LoadKind;
  specifiers: readonly string[];
}

/**
 * Every module the bundles load from the package resolves inside it (to its entry file, under
 * the conditions Node uses for that bundle), and every dependency those packages declare is
 * there too, all the way down (optional ones may be absent). Returns the problems (none when
 * the package is complete) and the packages reached.
 */
export function checkRuntimeModules(view: PackageView, entries: readonly EntryPoint[]): { problems: string[]; packages: string[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  const toVisit: string[] = [];
  for (const e of entries) {
    for (const s of e.specifiers) {
      if (providedByRuntime(s)) continue;
      const r = resolveBare(view, dirOf(e.file), s, e.kind);
      if (r.ok) toVisit.push(r.packageDir);
      else problems.push(r.problem);
    }
  }
  while (toVisit.length > 0) {
    const dir = toVisit.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(view.readText(`${dir}/package.json`)) as PackageJson;
    const optionalPeers = new Set(Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    const deps = [
      ...Object.keys(pkg.dependencies ?? {}).map((name) => ({ name, optional: false })),
      ...Object.keys(pkg.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
      ...Object.keys(pkg.peerDependencies ?? {}).map((name) => ({ name, optional: optionalPeers.has(name) })),
    ];
    for (const d of deps) {
      if (providedByRuntime(d.name)) continue;
      // Where Node would find it from the package that needs it (nearest node_modules first).
      const found = lookupDirs(dir)
        .map((m) => join(m, d.name))
        .find((m) => view.has(`${m}/package.json`));
      if (found) toVisit.push(found);
      else if (!d.optional) problems.push(`"${d.name}" (a dependency of ${dir}) is not in the package`);
    }
  }
  return { problems, packages: [...seen].sort() };
}

// ---------------------------------------------------------------- what must never ship

/** Why a packaged path must not be there, or undefined if it may. */
export function forbiddenReason(path: string): string | undefined {
  const segs = path.split('/');
  const name = segs[segs.length - 1]!;
  const dirs = segs.slice(0, -1);
  if (name.endsWith('.map')) return 'a source map (it would carry the sources)';
  if (/^\.env(\..*)?$/.test(name)) return 'an .env file';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(name)) return 'a test';
  if (/\.[cm]?tsx?$/.test(name) && !name.endsWith('.d.ts')) return 'TypeScript source';
  if (name.endsWith('.node')) return 'a native module (the package is built without rebuilding any)';
  if (dirs.some((d) => ['test', 'tests', '__tests__', 'fixtures', '__fixtures__'].includes(d))) return 'a test or fixture';
  if (dirs.some((d) => ['bench', 'benchmark', 'benchmarks'].includes(d))) return 'a benchmark';
  if (dirs.includes('docs')) return 'documentation';
  if (segs[0]?.startsWith('src-')) return "the app's own source";
  return undefined;
}

/** A bundle that embeds its source map (and so its sources). */
export function hasInlineSourceMap(code: string): boolean {
  return /[#@]\s*sourceMappingURL=data:/.test(code);
}
