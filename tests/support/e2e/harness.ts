import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCasebookService } from '../../../src-main/services/casebook/service';
import type { CasebookService } from '../../../src-main/services/casebook/api';
import type { Fetcher } from '../../../src-main/services/casebook/updates';
import { createRegistry, type HandlerRegistry } from '../../../src-main/ipc/registry';
import { COMMAND_NAMES } from '../../../src-main/ipc/command-names';

/**
 * End-to-end harness: the built renderer in Debian Chromium, with `window.casebook` wired by
 * `exposeBinding` to the real handler registry over a real store in a temporary folder. No
 * server and no network: every request to http://casebook.test/ is answered from
 * out/renderer by `route`, and anything else is refused.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const RENDERER = join(ROOT, 'out/renderer');
const SCREENS = join(ROOT, 'test-results/screens');
const ORIGIN = 'http://casebook.test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The same policy the app:// protocol sends in Electron, on top of the page's own meta tag.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface Harness {
  readonly page: Page;
  readonly service: CasebookService;
  readonly registry: HandlerRegistry;
  readonly storeDir: string;
  /** Documents saved through "Save as PDF/DOCX", in order; also written to `<storeDir>-saved/`. */
  readonly saved: { name: string; bytes: Uint8Array; file: string }[];
  /** Files the next "Attach a file" dialogs will choose, in order; an empty queue means the user cancelled. */
  readonly toPick: { name: string; bytes: Uint8Array }[];
  /** Console errors, page errors and CSP violations seen so far; a clean run leaves it empty. */
  readonly problems: string[];
  /** The names of the commands the page has called, in order. */
  readonly calls: string[];
  /** Move the main process's clock on (the idle lock and "today" follow it); the page keeps its own. */
  advanceClock(ms: number): void;
  /** Close the page and the service, then open a new service and page on the same folder. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  storeDir?: string;
  /** Argon2 at OWASP's floor keeps tests quick; the real app calibrates. */
  kdf?: 'minimum' | 'calibrate';
  /** How the service fetches (the update check); tests point it at a server on 127.0.0.1. */
  fetch?: Fetcher;
}

/** `npm test` builds before vitest runs; a bare `vitest` run builds here if nothing is built. */
function ensureBuilt(): void {
  if (existsSync(join(RENDERER, 'index.html'))) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  ensureBuilt();
  const storeDir = opts.storeDir ?? (await fs.mkdtemp(join(tmpdir(), 'casebook-e2e-')));
  const ownsDir = !opts.storeDir;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const problems: string[] = [];
  // The app's save dialog, as a test sees it: every save goes to a temporary folder and is kept.
  const saved: { name: string; bytes: Uint8Array; file: string }[] = [];
  const savedDir = `${storeDir}-saved`;
  const fileSaver = {
    async save(name: string, bytes: Uint8Array) {
      await fs.mkdir(savedDir, { recursive: true, mode: 0o700 });
      const file = join(savedDir, `${saved.length + 1}-${name.replace(/[^A-Za-z0-9.-]+/g, '-')}`);
      await fs.writeFile(file, bytes, { mode: 0o600, flag: 'w' });
      saved.push({ name, bytes, file });
      return { saved: true };
    },
  };

  const toPick: { name: string; bytes: Uint8Array }[] = [];
  const filePicker = { pick: async () => toPick.shift() };

  let service!: CasebookService;
  let registry!: HandlerRegistry;
  let context!: BrowserContext;
  let page!: Page;
  let stopLockForwarding = () => {};
  let clockOffsetMs = 0;
  const calls: string[] = [];

  async function open(): Promise<void> {
    service = await createCasebookService({ storeDir, kdf: opts.kdf ?? 'minimum', fileSaver, filePicker, now: () => new Date(Date.now() + clockOffsetMs), fetch: opts.fetch });
    registry = createRegistry(service);
    context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => serve(route.request().url(), route));
    await context.exposeBinding('__casebookInvoke', (_source, name: string, input: unknown) => {
      calls.push(name);
      return registry.invoke(name, input);
    });
    // tsx (used by npm run bench) wraps functions in a __name helper that does not exist in the
    // page when Playwright serialises installBridge; vitest does not. Define it as a no-op.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await context.addInitScript(installBridge, [...COMMAND_NAMES]);
    page = await context.newPage();
    // Long enough for Argon2 on a slow CI machine, short enough that a failure says so quickly.
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    // The main process's "locked" notice, as the preload would deliver it.
    const p = page;
    stopLockForwarding = service.onLocked((reason) => {
      void p.evaluate((r) => (window as unknown as { __casebookLocked?: (r: string) => void }).__casebookLocked?.(r), reason).catch(() => undefined);
    });
    await page.goto(`${ORIGIN}/index.html`);
  }

  async function shut(): Promise<void> {
    stopLockForwarding();
    await context.close().catch(() => undefined);
    await service.close();
  }

  await open();
  return {
    get page() {
      return page;
    },
    get service() {
      return service;
    },
    get registry() {
      return registry;
    },
    storeDir,
    saved,
    toPick,
    problems,
    calls,
    advanceClock(ms: number) {
      clockOffsetMs += ms;
    },
    async restart() {
      await shut();
      await open();
    },
    async close() {
      await shut();
      await browser.close();
      await fs.rm(savedDir, { recursive: true, force: true });
      if (ownsDir) await fs.rm(storeDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page before any app script: the same shape the preload exposes, one function
 * per contract command plus onLocked. Kept free of closures over Node values (it is serialised).
 */
function installBridge(names: string[]): void {
  const w = window as unknown as Record<string, unknown> & { __casebookInvoke: (n: string, i: unknown) => Promise<unknown> };
  const listeners = new Set<(reason: string) => void>();
  const api: Record<string, unknown> = {};
  for (const name of names) api[name] = (input: unknown) => w.__casebookInvoke(name, input ?? {});
  api.onLocked = (cb: (reason: string) => void) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  };
  Object.defineProperty(window, '__casebookLocked', { value: (r: string) => listeners.forEach((l) => l(r)) });
  Object.defineProperty(window, 'casebook', { value: Object.freeze(api) });
}

/** Answer app requests from out/renderer (never outside it); refuse everything else. */
async function serve(url: string, route: import('playwright-core').Route): Promise<void> {
  const u = new URL(url);
  if (u.origin !== ORIGIN) return route.abort('blockedbyclient');
  const rel = normalize(decodeURIComponent(u.pathname)).replace(/^[/\\]+/, '') || 'index.html';
  const file = resolve(RENDERER, rel);
  if (!file.startsWith(RENDERER + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
  return route.fulfill({
    status: 200,
    body: await fs.readFile(file),
    headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP },
  });
}

/** Save a full-page screenshot as test-results/screens/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Run axe-core (WCAG 2.1 A and AA plus best practice) on the page as it is now and fail on
 * serious or critical violations, printing each one. The script goes in through the DevTools
 * protocol rather than a <script> tag, which the page's CSP would rightly block.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) {
    const where = v.nodes.map((n) => JSON.stringify(n.target)).join(', ');
    console.log(`[axe ${name}] ${v.impact}: ${v.id} (${v.help}) at ${where}`);
  }
  if (bad.length > 0) throw new Error(`${name}: ${bad.length} serious or critical accessibility problem(s): ${bad.map((v) => v.id).join(', ')}`);
}
