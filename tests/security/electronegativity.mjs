#!/usr/bin/env node
/* global process, console -- a Node.js script; the shared lint config gives .mjs files no Node globals. */
/**
 * Static security scan of the BUILT app (out/) with Electronegativity, fully offline.
 *
 *   node tests/security/electronegativity.mjs [--no-build]
 *
 * 1. Builds with electron-vite (unless --no-build), so the scan sees the current code.
 * 2. Copies out/ and package.json into a temporary folder (package.json carries the npm
 *    scripts that the "dangerous command-line flags" checks read; node_modules and sources
 *    are not part of what ships, so they are not scanned).
 * 3. Runs Electronegativity programmatically with the network cut off (see below).
 * 4. Prints every finding, writes them to test-results/electronegativity.json, and exits 1
 *    if any finding above LOW severity is not in REVIEWED (below), or if a file could not
 *    be parsed, or the scan itself failed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'out');
const REPORT = join(ROOT, 'test-results', 'electronegativity.json');
const require = createRequire(join(ROOT, 'package.json'));

/**
 * Checks we switch off, each with the reason. Keep this list short and justified.
 */
const EXCLUDED_CHECKS = {
  // Downloads the list of Electron releases from the internet; this scan must run offline.
  // Keeping Electron current is handled by dependency updates, not by this test.
  AvailableSecurityFixesGlobalCheck: 'needs the network',
};

/**
 * Findings above LOW that a person has reviewed and judged safe, pinned to the exact line of
 * the bundle they were raised on (check id + file + trimmed source line). If that line
 * changes, the finding comes back and must be reviewed again; any other occurrence of the
 * same check still fails. Prefer this to EXCLUDED_CHECKS, which would hide new occurrences.
 */
const REVIEWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'out/main/index.js',
    line: 'if (isAllowedExternal(url)) shell.openExternal(url).catch(() => void 0);',
    why:
      'The URL comes from a denied window.open and reaches openExternal only after ' +
      'isAllowedExternal() has matched it against an exact https origin allow-list ' +
      '(src-main/electron/external-links.ts, tested in tests/electron/navigation-guards.test.ts).',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'out/main/index.js',
    line: 'preload: opts.preloadPath',
    why:
      'The one preload is out/preload/index.cjs; checkPreloadBundle() below verified that it ' +
      'requires only electron, exposes only window.casebook, and never sends raw IPC or ' +
      'touches process, eval or Function (its API is unit-tested in tests/electron/preload.test.ts).',
    verify: checkPreloadBundle,
  },
];

/**
 * What makes the preload safe to accept, checked on the bundle itself rather than trusted:
 * a change that widens it fails this scan.
 */
function checkPreloadBundle() {
  // Comments removed first (the bundle keeps our doc comments, which mention "process").
  const code = readFileSync(join(OUT, 'preload', 'index.cjs'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const problems = [];
  const requires = [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2]);
  if (requires.length !== 1 || requires[0] !== 'electron') problems.push(`requires ${JSON.stringify(requires)}, expected only electron`);
  if (/\brequire\s*\(\s*[^'"`\s]/.test(code)) problems.push('calls require with a computed name');
  const exposed = [...code.matchAll(/exposeInMainWorld\(\s*(['"`])([^'"`]*)\1/g)].map((m) => m[2]);
  if (exposed.length !== 1 || exposed[0] !== 'casebook') problems.push(`exposes ${JSON.stringify(exposed)}, expected only casebook`);
  if (/exposeInIsolatedWorld|webFrame|\.sendSync\(|\.sendToHost\(|\.send\(|postMessage|\bprocess\.|\beval\(|\bFunction\(/.test(code)) {
    problems.push('uses send/sendSync/postMessage/process/eval/Function');
  }
  return problems.length ? problems.join('; ') : null;
}

function reviewedReason(f) {
  const r = REVIEWED.find((x) => x.id === f.id && x.file === f.file && x.line === f.sample);
  if (!r) return undefined;
  const problem = r.verify ? r.verify() : null;
  if (problem) {
    console.error(`${f.id}: the reviewed exception no longer holds: ${problem}`);
    return undefined;
  }
  return r.why;
}

// --- 1. No network, whatever the library tries. -----------------------------------------
// Electronegativity fetches translations (and release data) with `got` on every run. Replace
// `got` in the require cache with a stub that fails at once, and make every socket connect
// and DNS lookup throw, so nothing in this process can reach the network.
function cutNetwork() {
  const fail = () => {
    throw new Error('network access is disabled in the security scan');
  };
  const enRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = enRequire.resolve('got');
  const stub = () => Promise.reject(new Error('network access is disabled in the security scan'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(stub, { default: stub }) };
  net.Socket.prototype.connect = fail;
  net.connect = fail;
  net.createConnection = fail;
  dns.lookup = fail;
  dns.resolve = fail;
}

// --- 2. Build. ------------------------------------------------------------------------------
function build() {
  const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const r = spawnSync(bin, ['build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('electronegativity: the build failed, so the bundle cannot be scanned.');
    process.exit(1);
  }
}

function stage() {
  for (const required of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    if (!existsSync(join(OUT, required))) {
      console.error(`electronegativity: out/${required} is missing; run "npx electron-vite build" first.`);
      process.exit(1);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'rj-electronegativity-'));
  cpSync(OUT, join(dir, 'out'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}

// --- 3. Scan. -------------------------------------------------------------------------------
async function scan(dir) {
  cutNetwork();
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const result = await run({
    input: dir,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: Object.keys(EXCLUDED_CHECKS),
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  return { result, electronVersion };
}

// --- 4. Report. -----------------------------------------------------------------------------
const LOW = 1;

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const dir = stage();
  let scanned;
  try {
    scanned = await scan(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { result, electronVersion } = scanned;
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    severityValue: i.severity.value,
    confidence: i.confidence.name,
    // Forward slashes on every platform, so REVIEWED entries match on Windows too.
    file: (relative(dir, resolve(dir, i.file)) || i.file).split(sep).join('/'),
    line: i.location?.line ?? 0,
    column: i.location?.column ?? 0,
    manualReview: Boolean(i.manualReview),
    description: i.description,
    sample: typeof i.sample === 'string' ? i.sample.trim().slice(0, 300) : undefined,
  })).map((f) => ({ ...f, reviewed: reviewedReason(f) }));
  const hardErrors = result.errors.filter((e) => !e.tolerable);

  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(
    REPORT,
    JSON.stringify(
      { electronVersion, checks: { global: result.globalChecks, atomic: result.atomicChecks }, excluded: EXCLUDED_CHECKS, reviewed: REVIEWED, errors: result.errors, findings },
      null,
      2,
    ) + '\n',
  );

  for (const f of findings) {
    console.log(
      `${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}:${f.column}${f.manualReview ? '  (review)' : ''}\n` +
        `    ${f.description}\n` +
        (f.sample ? `    > ${f.sample.slice(0, 160)}\n` : '') +
        (f.reviewed ? `    reviewed, accepted: ${f.reviewed}\n` : ''),
    );
  }
  for (const e of hardErrors) console.error(`could not parse ${e.file}: ${e.message}`);

  const serious = findings.filter((f) => f.severityValue > LOW && !f.reviewed);
  console.log(
    `\nelectronegativity ${result.globalChecks + result.atomicChecks} checks on out/ (Electron ${electronVersion}): ` +
      `${findings.length} finding(s), ${serious.length} above LOW not yet reviewed. Report: ${relative(ROOT, REPORT)}`,
  );
  if (serious.length > 0 || hardErrors.length > 0) process.exit(1);
}

main().catch((e) => {
  console.error('electronegativity: scan failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
