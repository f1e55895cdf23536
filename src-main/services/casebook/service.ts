import type { Store } from '../../store/store';
import { Work } from '../shared/work';
import type { OpenOptions } from '../../store/open-store';
import { createCases } from '../cases';
import { createConferences } from '../conferences';
import { createDocuments } from '../documents';
import { createDataProtection } from '../data-protection';
import { createSync } from '../sync';
import { createDailyWork } from '../daily-work';
import { createFigures } from '../figures';
import { createReferrals } from '../referrals';
import type { ServiceContext } from '../shared/context';
import type { FilePorts } from '../shared/files';
import { createStaff } from '../staff';
import { fillDemoRegister } from '../staff/demo-register';
import { createQuality } from '../quality';
import { loadCaseworkTemplates, type TemplateDirs } from '../templates/loader';
import type { CasebookService } from './api';
import { backupUseCases } from './backups';
import { caseCheck } from './case-check';
import { acceptUseCases } from './accept-as-it-is';
import { checkDeactivation, loginUseCases } from './logins';
import { rotateKeyUseCases } from './rotate-key';
import { addDemoCases } from './demo';
import { StoreHolder } from './holder';
import { serialQueue } from './serial-queue';
import { sessionUseCases } from './session';
import { settingsUseCases } from './settings';
import { serviceLogoUseCases } from './service-logo';
import { transferUseCases } from './transfer';
import { updateUseCases, type UpdateOptions } from './updates';

export interface ServiceOptions extends OpenOptions, TemplateDirs, FilePorts, UpdateOptions {
  storeDir: string;
  /** Seconds since the last input anywhere on the computer (Electron's powerMonitor), for the idle lock. */
  systemIdleSeconds?: (() => number) | undefined;
  /** The folder holding templates/documents and resources/fonts (default: the app's own). */
  documentsRoot?: string | URL | undefined;
}

/**
 * The casebook service over one store folder: the casebook's own use cases and one group per
 * piece of RJ work, sharing one unlocked store, one queue and the file ports. Locking closes
 * the store, wipes the key and tells every listener so the UI clears itself.
 */
export async function createCasebookService(o: ServiceOptions): Promise<CasebookService> {
  const dir = o.storeDir;
  const h = new StoreHolder();
  // The casework data files are read once, here: a mistake in one stops start-up with its line.
  const templates = await loadCaseworkTemplates(o);
  const run = serialQueue();
  const files: FilePorts = { fileSaver: o.fileSaver, filePicker: o.filePicker };
  let summariser: ServiceContext['summariser'] = () => {
    throw new Error('cases are not ready');
  };
  const ctx: ServiceContext = { need: h.need, current: h.current, templates, serial: run, files, work: new Work(), summariser: () => summariser(), documentsRoot: o.documentsRoot };

  const cases = createCases(ctx);
  summariser = () => cases.internals.summariser();
  const referrals = createReferrals(ctx);
  const staff = createStaff(ctx);
  const quality = createQuality(ctx);
  const conferences = createConferences(ctx, cases.api);
  const figures = createFigures(ctx);
  const documents = createDocuments(ctx);
  const dataProtection = createDataProtection(ctx);
  const dailyWork = createDailyWork(ctx);

  // Every case file read in the background after each unlock; it queues only its second looks.
  const check = caseCheck(h, run);
  // Team use needs the session's adopt (a joined casebook becomes the session's), and hears of every unlock.
  let syncOpened: (s: Store) => void = () => undefined;
  const { adopt, ...session } = sessionUseCases(dir, h, o, (s) => {
    cases.internals.prime();
    check.start(s);
    syncOpened(s);
  });
  const { opened: openedForSync, locked: lockedForSync, verifyTeam, beforeKeyChange, afterKeyChange, ...sync } = createSync(ctx, { dir, open: o, adopt });
  const rotation = rotateKeyUseCases(dir, h, o, adopt);
  syncOpened = openedForSync;
  session.onLocked(() => void lockedForSync());
  const transfer = transferUseCases(dir, h, files, ctx.summariser, run, o.now ?? (() => new Date()));
  const service: CasebookService = {
    ...session,
    ...settingsUseCases(h),
    ...serviceLogoUseCases(h, files),
    ...backupUseCases(dir, h, files, session.lock, run, o),
    ...transfer,
    ...acceptUseCases(h),
    ...loginUseCases(h),
    // In a team the others' last changes go first, and everything is sent again under the new key after (services/sync).
    rotateDataKey: async (i) => {
      await beforeKeyChange();
      const done = await run(() => rotation.rotateDataKey(i));
      await afterKeyChange();
      return done;
    },
    // Deactivating changes the key too (rotate-key.ts): checked first, so a refusal syncs nothing.
    deactivateUser: async (userId) => {
      await run(async () => checkDeactivation(h.need(), userId));
      await beforeKeyChange();
      const done = await run(() => rotation.deactivateUser(userId));
      await afterKeyChange();
      return done;
    },
    ...updateUseCases(h, o, run),
    // Verify walks every computer's audit trail too when the casebook is shared (services/sync).
    verify: async () => {
      const own = await transfer.verify();
      const team = await verifyTeam();
      return { ...own, ok: own.ok && team.length === 0, problems: [...own.problems, ...team] };
    },
    casesChecked: check.casesChecked,
    // How far long work has got, and a stop: answered at once, never behind the work in the queue.
    workProgress: async () => (h.need(), ctx.work.progress()),
    cancelWork: async (task) => (h.need(), { cancelling: ctx.work.cancel(task) }),
    // Outside the queue as a whole (saving a venue queues itself); each step queued on its own.
    addDemoCases: (i, c) =>
      addDemoCases(
        {
          cases: cases.api,
          staff: { saveStaffMember: (m) => run(() => staff.saveStaffMember(m)) },
          conferences,
          role: () => h.need().user.role,
          existing: () => h.need().summaries.all(),
          now: () => h.need().opts.now(),
          importCases: (list) => run(() => transfer.importCases(list)),
          fillRegister: (build) => run(() => fillDemoRegister(h.need(), build)),
          quality,
        },
        i,
        c,
      ),
    cases: cases.api,
    referrals,
    staff,
    quality,
    conferences,
    figures,
    documents,
    dataProtection,
    dailyWork,
    sync,
  };
  return serialised(service, run);
}

/**
 * Every command of the service runs one at a time (see serial-queue), each feature's too;
 * listeners are synchronous. Reads that only look at memory (the case list, the dashboard)
 * answer at once rather than waiting behind a save. Features that open a dialog (documents,
 * conferences, figures) queue their own store work, so the dialog never holds the queue.
 */
function serialised(s: CasebookService, run: ReturnType<typeof serialQueue>): CasebookService {
  const queued = <T extends object>(obj: T, direct: ReadonlySet<string>): T => {
    const out = {} as Record<string, unknown>;
    for (const [name, fn] of Object.entries(obj) as [string, unknown][]) {
      if (typeof fn !== 'function') continue;
      const f = fn as (...a: unknown[]) => unknown;
      out[name] = direct.has(name) ? f : (...args: unknown[]) => run(async () => f(...args));
    }
    return out as T;
  };
  // These open a dialog (or call ones that do) and queue their own store work.
  const ownQueue = new Set<keyof CasebookService>(['rotateDataKey', 'deactivateUser', 'saveBackupCopy', 'restoreBackupFile', 'restoreFileWhileLocked', 'checkCaseFile', 'importCaseFile', 'exportCases', 'addDemoCases']);
  // chooseServiceLogo opens the open dialog and only holds the file it returns: no store work to queue.
  // checkForUpdates waits on the network and queues only its audit entry.
  // casesChecked waits for a check that queues its own second looks: queued itself, it would wait for them forever.
  const direct = new Set<string>(['currentSession', 'onLocked', 'settings', 'users', 'listCases', 'reportActivity', 'checkForUpdates', 'casesChecked', 'workProgress', 'cancelWork', 'chooseServiceLogo', ...ownQueue]);
  const top = queued(s, direct);
  return {
    ...top,
    cases: queued(s.cases, new Set<keyof CasebookService['cases']>(['getCaseworkReference', 'queryCaseload', 'getDashboard'])),
    referrals: queued(s.referrals, new Set()),
    staff: queued(s.staff, new Set<keyof CasebookService['staff']>(['recordTraining', 'saveCertificate', 'importRegisterFile'])),
    // Queues its own store work: attaching and saving a document open a dialog.
    quality: s.quality,
    conferences: s.conferences,
    figures: s.figures,
    documents: s.documents,
    dataProtection: s.dataProtection,
    // Queues its own store work.
    dailyWork: s.dailyWork,
    // Queues its own store work: the network is waited on outside the queue.
    sync: s.sync,
  };
}
