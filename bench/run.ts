import { mkdir, readFile, readdir, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openJson } from '../src-main/store/envelope';
import { readKeyring, unwrapForUser, dataKeyOf } from '../src-main/store/keyring';
import { openWithKey } from '../src-main/store/open-store';
import { verifyStore } from '../src-main/services/casebook/verify-store';
import { buildStore, BENCH_PASS } from './build-store';
import { benchCaseload, describeCaseload } from './caseload';
import { benchDocuments, documentBenchTable } from './documents';
import { benchAnonymiser, describeAnonymiserBench } from './anonymiser';
import { benchCaseloadInChromium } from './caseload-chromium';
import { benchProcess, busiestMonth, calendarRange, describeProcessBench, FIGURES_PERIOD } from './process';
import { median, peakMemoryMiB, round } from './measure';
import { benchSaves, SAVE_TARGET_RATIO, type SaveStore } from './save';
import { benchMainProcessMemory, describeMemoryBench } from './rss';
import { shardOf, summaryFile } from '../src-main/store/summary-layout';
import { benchRegister, describeRegisterBench } from './register';
import { benchEvidencePack, describePackBench } from './evidence-pack';
import { benchRetention, benchRetentionAlone, describeRetentionBench } from './retention';
import { benchSubjectAccess, describeSubjectAccessBench } from './subject-access';
import { benchFiguresReport, describeFiguresReportBench } from './figures-report';
import { benchSync, describeSyncBench } from './sync';

/**
 * npm run bench: the store at 100, 1,000 and 10,000 cases. Each figure is printed beside a
 * baseline measured in the same run on the same bytes (plain JSON.parse, or JSON.stringify plus
 * a durable write) so ratios, not absolute times, are compared across machines.
 * Targets: save at 10,000 ≤ 1.5 × save at 100 (save.ts: measured in turns across the sizes);
 * unlock at 10,000 ≤ 3 × JSON.parse; the main process's resident memory with 10,000 cases
 * unlocked ≤ 300 MB (rss.ts, in a process of its own).
 * The restorative process (issue 5, process.ts): figures for a year ≤ 1 s, a calendar month
 * ≤ 100 ms, booking a meeting ≤ 100 ms, at every size.
 * The staff register (issue 11, register.ts): compliance for 200 staff with five years of
 * entries ≤ 50 ms; unlock with a full register costs what it costs with an empty one.
 * The subject access bundle (issue 13, subject-access.ts): a person in 5 cases as a PDF ≤ 2 s.
 * Team use (issue 16, sync.ts): the first sync of 10,000 cases ≤ 60 s, one changed case ≤ 1 s.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** BENCH_ONLY=register|pack|sar|retention|figures|sync measures only that part and updates its part of results.json. */
const ONLY = process.env.BENCH_ONLY;

// The staff register (issue 11): compliance for 200 staff × 5 years; unlock with an empty and a full register.
const register = ONLY === undefined || ONLY === 'register' ? await benchRegister(RUNS) : undefined;
if (register) console.log(describeRegisterBench(register));
if (ONLY === 'register') {
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile('bench/results.json', JSON.stringify({ ...previous, register }, null, 2) + '\n');
  process.exit(register?.compliance.targetMet ? 0 : 1);
}

// The evidence pack (issue 12): a year at 2,000 cases, each format, and the leak check over it.
const pack = ONLY === undefined || ONLY === 'pack' ? await benchEvidencePack(Math.min(RUNS, 3)) : undefined;
if (pack) console.log(describePackBench(pack));
if (ONLY === 'pack') {
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile('bench/results.json', JSON.stringify({ ...previous, pack }, null, 2) + '\n');
  process.exit(pack!.pdf.targetMet && pack!.docx.targetMet && pack!.leakCheck.targetMet ? 0 : 1);
}

// The subject access bundle (issue 13): BENCH_ONLY=sar measures it alone.
if (ONLY === 'sar') {
  const subjectAccess = await benchSubjectAccess(RUNS);
  console.log(describeSubjectAccessBench(subjectAccess));
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile('bench/results.json', JSON.stringify({ ...previous, subjectAccess }, null, 2) + '\n');
  process.exit(subjectAccess.targetMet ? 0 : 1);
}

// The figures report (issue 15): a year at 10,000 cases ≤ 2 s per format. BENCH_ONLY=figures measures it alone.
if (ONLY === 'figures') {
  const figuresReport = await benchFiguresReport(Math.min(RUNS, 5));
  console.log(describeFiguresReportBench(figuresReport));
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile('bench/results.json', JSON.stringify({ ...previous, figuresReport }, null, 2) + '\n');
  process.exit(figuresReport.pdf.targetMet && figuresReport.docx.targetMet ? 0 : 1);
}

// Team use (issue 16): first sync and one changed case at 10,000 cases, joining, memory. BENCH_ONLY=sync measures it alone.
if (ONLY === 'sync') {
  const sync = await benchSync(Math.min(RUNS, 5));
  console.log(describeSyncBench(sync));
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile('bench/results.json', JSON.stringify({ ...previous, sync }, null, 2) + '\n');
  process.exit(sync.firstSync.targetMet && sync.oneChange.targetMet && sync.join.complete && sync.deactivation.complete ? 0 : 1);
}

// The retention review (issue 13): 10,000 cases ≤ 200 ms. BENCH_ONLY=retention measures it alone.
if (ONLY === 'retention') {
  const retention = await benchRetentionAlone(Math.max(...SIZES), RUNS);
  console.log(describeRetentionBench(retention));
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<string, unknown>;
  await writeFile('bench/results.json', JSON.stringify({ ...previous, retention }, null, 2) + '\n');
  process.exit(retention.targetMet ? 0 : 1);
}

async function plaintextOf(dir: string, key: ReturnType<typeof dataKeyOf>, rels: { rel: string; kind: 'index' | 'summaries' | 'case' | 'audit' }[]) {
  const out: string[] = [];
  for (const { rel, kind } of rels) out.push(openJson(key, kind, rel, await readFile(join(dir, rel))) as never);
  return out.map((v) => JSON.stringify(v));
}

async function listRel(dir: string, sub: string, kind: 'summaries' | 'case' | 'audit') {
  return (await readdir(join(dir, sub))).filter((n) => n.endsWith('.cbk')).map((n) => ({ rel: `${sub}/${n}`, kind }));
}

/** A store kept after its size is measured, for the saves in turns and the memory figure. */
type Kept = SaveStore & { calendar: { from: string; to: string } };

async function benchSize(n: number) {
  const t0 = performance.now();
  const { dir, service, userId, cases } = await buildStore(n);
  const buildMs = performance.now() - t0;
  const keyring = (await readKeyring(dir))!;
  const key = (await unwrapForUser(keyring, userId, BENCH_PASS))!;
  const dk = dataKeyOf(keyring, Buffer.from(key));

  // Unlock without the key derivation: open the index, all summary shards and the audit head.
  await service.lock('manual');
  const unlockMs = await median(RUNS, async () => {
    const s = await openWithKey(dir, keyring, Buffer.from(key), userId, { kdf: 'minimum' });
    await s.close();
  });
  const unlockFiles = [{ rel: 'index.cbk', kind: 'index' as const }, ...(await listRel(dir, 'summaries', 'summaries'))];
  const unlockTexts = await plaintextOf(dir, dk, unlockFiles);
  const unlockBytes = unlockTexts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const unlockBase = await median(RUNS, () => unlockTexts.forEach((t) => JSON.parse(t)));

  // Verify: decrypt and validate every file, walk the audit chain.
  const s = await openWithKey(dir, keyring, Buffer.from(key), userId, { kdf: 'minimum' });
  const verifyMs = await median(Math.max(3, Math.floor(RUNS / 2)), () => verifyStore(s));
  // What saving the case measured below rewrites besides the case: its summary shard.
  const target = cases[Math.floor(cases.length / 2)]!;
  const shards = 2 ** s.summaries.layout.bits;
  const shardBytes = (await stat(join(dir, summaryFile(shardOf(target.id, s.summaries.layout.bits))))).size;
  await s.close();
  const allFiles = [...unlockFiles, ...(await listRel(dir, 'cases', 'case')), ...(await listRel(dir, 'audit', 'audit'))];
  // Baseline: read the same files and JSON.parse their plaintext (what verify does, minus crypto and checks).
  const allTexts = await plaintextOf(dir, dk, allFiles);
  const readAll = await median(3, () => Promise.all(allFiles.map((f) => readFile(join(dir, f.rel)))));
  const verifyBase = readAll + (await median(3, () => allTexts.forEach((t) => JSON.parse(t))));

  // Case list and dashboard (issue 3), at the largest size only.
  const caseload = n === Math.max(...SIZES) ? await benchCaseload(service, userId, RUNS) : undefined;
  const retention = n === Math.max(...SIZES) ? await benchRetention(service, userId, n, RUNS) : undefined;
  // The process across cases: figures, calendar, booking, and what the rows' facts cost at unlock.
  const processBench = await benchProcess({ service, userId, dir, cases, runs: RUNS });

  // The store stays, locked, for the saves taken in turns across the sizes and the memory figure.
  const busy = busiestMonth(cases);
  const kept: Kept = { cases: n, dir, service, userId, caseId: target.id, calendar: calendarRange(busy.year, busy.month) };
  return {
    kept,
    cases: n,
    buildSeconds: round(buildMs / 1000),
    unlock: { ms: round(unlockMs), baselineJsonParseMs: round(unlockBase), ratio: round(unlockMs / unlockBase), bytes: unlockBytes },
    summaryShards: { count: shards, bytesOfTheSavedCasesShard: shardBytes },
    verify: { ms: round(verifyMs), baselineReadAndParseMs: round(verifyBase), ratio: round(verifyMs / verifyBase) },
    caseload,
    retention,
    process: processBench,
  };
}

const results = [];
const kept: Kept[] = [];
let caseload: Awaited<ReturnType<typeof benchCaseload>> | undefined;
let retention: Awaited<ReturnType<typeof benchRetention>> | undefined;
for (const n of SIZES) {
  process.stderr.write(`building and measuring ${n} cases…\n`);
  const { caseload: c, retention: rt, kept: k, ...r } = await benchSize(n);
  if (c) caseload = c;
  if (rt) retention = rt;
  kept.push(k);
  console.log(
    `${String(n).padStart(6)} cases | unlock ${r.unlock.ms} ms (JSON.parse ${r.unlock.baselineJsonParseMs} ms, ×${r.unlock.ratio})` +
      ` | verify ${r.verify.ms} ms (baseline ${r.verify.baselineReadAndParseMs} ms) | ${r.summaryShards.count} summary shards`,
  );
  console.log(`  ${describeProcessBench(r.process)}`);
  results.push(r);
}
process.stderr.write('saving one case, in turns across the sizes…\n');
const saves = await benchSaves(kept, RUNS * 3);
const withSaves = results.map((r, i) => ({ ...r, saveOneCase: saves[i]! }));
for (const r of withSaves) console.log(`${String(r.cases).padStart(6)} cases | save one ${r.saveOneCase.ms} ms (baseline ${r.saveOneCase.baselineStringifyAndDurableWriteMs} ms; shard ${r.summaryShards.bytesOfTheSavedCasesShard} B of ${r.summaryShards.count})`);
for (const k of kept) await k.service.close();
const biggest = kept[kept.length - 1];
process.stderr.write(`main process memory at ${biggest?.cases} cases…\n`);
const memory = biggest && (await benchMainProcessMemory({ cases: biggest.cases, dir: biggest.dir, userId: biggest.userId, passphrase: BENCH_PASS, figures: FIGURES_PERIOD, calendar: biggest.calendar }));
if (memory) console.log(describeMemoryBench(memory));
for (const k of kept) await rm(k.dir, { recursive: true, force: true });
const first = withSaves[0];
const last = withSaves[withSaves.length - 1];
const targets = first && last ? {
  saveAtLargestOverSmallest: round(last.saveOneCase.ms / first.saveOneCase.ms),
  saveTargetMet: last.saveOneCase.ms <= SAVE_TARGET_RATIO * first.saveOneCase.ms,
  ...(memory ? { mainProcessRssMB: memory.rssMB, mainProcessRssTargetMet: memory.targetMet } : {}),
  unlockAtLargestOverJsonParse: last.unlock.ratio,
  unlockTargetMet: last.unlock.ratio <= 3,
  figuresYearMs: last.process.figuresYear.ms,
  figuresYearColdMs: last.process.figuresYear.coldFirstCallMs,
  figuresYearTargetMet: last.process.figuresYear.targetMet && last.process.figuresYear.coldTargetMet,
  calendarMonthMs: last.process.calendarMonth.totalMs,
  calendarMonthTargetMet: last.process.calendarMonth.targetMet,
  scheduleSaveMs: last.process.scheduleSave.ms,
  scheduleSaveTargetMet: last.process.scheduleSave.targetMet,
} : {};
if (caseload) console.log(describeCaseload(caseload));
if (retention) console.log(describeRetentionBench(retention));
const largest = Math.max(...SIZES);
process.stderr.write(`case list in Chromium at ${largest} cases…\n`);
// The Chromium harness is shared with the e2e tests; if it cannot start (no build, no browser)
// the rest of the figures are still written, with the reason in place of these.
const caseloadInChromium = await benchCaseloadInChromium(largest, RUNS * 3).catch((e: unknown) => ({ notMeasured: e instanceof Error ? e.message.split('\n')[0]! : String(e) }));
if ('notMeasured' in caseloadInChromium) console.log(`case list in Chromium: not measured (${caseloadInChromium.notMeasured})`);
else console.log(`case list in Chromium (${largest} cases, window.casebook round trip, median): ` + Object.entries(caseloadInChromium.queries).map(([k, v]) => `${k} ${v} ms`).join(', ') + `; dashboard ${caseloadInChromium.dashboardMs} ms; figures for a year ${caseloadInChromium.figuresYearMs} ms; calendar month ${caseloadInChromium.calendarMonthMs} ms (one facilitator's ${caseloadInChromium.calendarMonthOneFacilitatorMs} ms); empty round trip ${caseloadInChromium.bridgeRoundTripMs} ms`);
// Documents (issue 4): each document in each format, beside LibreOffice converting the same DOCX.
process.stderr.write('documents…\n');
const documents = await benchDocuments({ log: (line) => process.stderr.write(`${line}\n`) });
console.log(documentBenchTable(documents));
// The anonymiser and the leak check (issue 12), at a year's pack.
process.stderr.write('anonymiser and leak check…\n');
const anonymiserBench = await benchAnonymiser(RUNS);
console.log(describeAnonymiserBench(anonymiserBench));
// The subject access bundle (issue 13): a person in 5 cases, as a PDF, ≤ 2 s.
process.stderr.write('subject access bundle…\n');
const subjectAccess = await benchSubjectAccess(RUNS);
console.log(describeSubjectAccessBench(subjectAccess));
// The figures report (issue 15): a year at 10,000 cases, each format, ≤ 2 s.
process.stderr.write('figures report…\n');
const figuresReport = await benchFiguresReport(Math.min(RUNS, 5));
console.log(describeFiguresReportBench(figuresReport));
// Team use (issue 16): first sync of 10,000 cases ≤ 60 s, one changed case ≤ 1 s, joining, memory.
process.stderr.write('team use (sync)…\n');
const sync = await benchSync(Math.min(RUNS, 5));
console.log(describeSyncBench(sync));
console.log('targets', targets, `peak memory ${peakMemoryMiB()} MiB`);
await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, runs: RUNS, peakMemoryMiB: peakMemoryMiB(), targets, store: withSaves, ...(memory ? { mainProcessMemory: memory } : {}), ...(caseload ? { caseload } : {}), ...(retention ? { retention } : {}), caseloadInChromium, documents, anonymiser: anonymiserBench, subjectAccess, figuresReport, sync, ...(register ? { register } : {}), ...(pack ? { pack } : {}) }, null, 2) + '\n');
