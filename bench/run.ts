import { mkdir, readFile, readdir, writeFile, rm, open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openJson } from '../src-main/store/envelope';
import { readKeyring, unwrapForUser, dataKeyOf } from '../src-main/store/keyring';
import { openWithKey } from '../src-main/store/open-store';
import { verifyStore } from '../src-main/services/casebook/verify-store';
import { buildStore, BENCH_PASS } from './build-store';
import { benchCaseload, describeCaseload } from './caseload';
import { benchDocuments, documentBenchTable } from './documents';
import { benchCaseloadInChromium } from './caseload-chromium';
import { benchProcess, describeProcessBench } from './process';
import { median, peakMemoryMiB, round } from './measure';

/**
 * npm run bench: the store at 100, 1,000 and 10,000 cases. Each figure is printed beside a
 * baseline measured in the same run on the same bytes (plain JSON.parse, or JSON.stringify plus
 * a durable write) so ratios, not absolute times, are compared across machines.
 * Targets (issue 2): save at 10,000 ≤ 2 × save at 100; unlock at 10,000 ≤ 3 × JSON.parse.
 * The restorative process (issue 5, process.ts): figures for a year ≤ 1 s, a calendar month
 * ≤ 100 ms, booking a meeting ≤ 100 ms, at every size.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function plaintextOf(dir: string, key: ReturnType<typeof dataKeyOf>, rels: { rel: string; kind: 'index' | 'summaries' | 'case' | 'audit' }[]) {
  const out: string[] = [];
  for (const { rel, kind } of rels) out.push(openJson(key, kind, rel, await readFile(join(dir, rel))) as never);
  return out.map((v) => JSON.stringify(v));
}

async function listRel(dir: string, sub: string, kind: 'summaries' | 'case' | 'audit') {
  return (await readdir(join(dir, sub))).filter((n) => n.endsWith('.cbk')).map((n) => ({ rel: `${sub}/${n}`, kind }));
}

async function durableWrite(path: string, text: string) {
  const h = await openFile(path, 'w');
  await h.writeFile(text);
  await h.sync();
  await h.close();
}

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

  // Save one case: a small edit to a mid-list case, journaled with its shard and audit entry.
  await service.unlock(userId, BENCH_PASS);
  const target = cases[Math.floor(cases.length / 2)]!;
  let current = await service.getCase(target.id);
  const saveMs = await median(RUNS * 3, async () => {
    current = await service.saveCase({ ...current, notes: `Edited ${current.revision}` });
  });
  const scratch = join(dir, 'bench-baseline.json');
  const saveBase = await median(RUNS * 3, () => durableWrite(scratch, JSON.stringify(current)));
  await rm(scratch, { force: true });

  // Verify: decrypt and validate every file, walk the audit chain.
  await service.lock('manual');
  const s = await openWithKey(dir, keyring, Buffer.from(key), userId, { kdf: 'minimum' });
  const verifyMs = await median(Math.max(3, Math.floor(RUNS / 2)), () => verifyStore(s));
  await s.close();
  const allFiles = [...unlockFiles, ...(await listRel(dir, 'cases', 'case')), ...(await listRel(dir, 'audit', 'audit'))];
  // Baseline: read the same files and JSON.parse their plaintext (what verify does, minus crypto and checks).
  const allTexts = await plaintextOf(dir, dk, allFiles);
  const readAll = await median(3, () => Promise.all(allFiles.map((f) => readFile(join(dir, f.rel)))));
  const verifyBase = readAll + (await median(3, () => allTexts.forEach((t) => JSON.parse(t))));

  // Case list and dashboard (issue 3), at the largest size only.
  const caseload = n === Math.max(...SIZES) ? await benchCaseload(service, userId, RUNS) : undefined;
  // The process across cases: figures, calendar, booking, and what the rows' facts cost at unlock.
  const processBench = await benchProcess({ service, userId, dir, cases, runs: RUNS });

  await service.close();
  await rm(dir, { recursive: true, force: true });
  return {
    cases: n,
    buildSeconds: round(buildMs / 1000),
    unlock: { ms: round(unlockMs), baselineJsonParseMs: round(unlockBase), ratio: round(unlockMs / unlockBase), bytes: unlockBytes },
    saveOneCase: { ms: round(saveMs), baselineStringifyAndDurableWriteMs: round(saveBase), ratio: round(saveMs / saveBase) },
    verify: { ms: round(verifyMs), baselineReadAndParseMs: round(verifyBase), ratio: round(verifyMs / verifyBase) },
    caseload,
    process: processBench,
  };
}

const results = [];
let caseload: Awaited<ReturnType<typeof benchCaseload>> | undefined;
for (const n of SIZES) {
  process.stderr.write(`building and measuring ${n} cases…\n`);
  const { caseload: c, ...r } = await benchSize(n);
  if (c) caseload = c;
  results.push(r);
  console.log(
    `${String(n).padStart(6)} cases | unlock ${r.unlock.ms} ms (JSON.parse ${r.unlock.baselineJsonParseMs} ms, ×${r.unlock.ratio})` +
      ` | save one ${r.saveOneCase.ms} ms (baseline ${r.saveOneCase.baselineStringifyAndDurableWriteMs} ms)` +
      ` | verify ${r.verify.ms} ms (baseline ${r.verify.baselineReadAndParseMs} ms)`,
  );
  console.log(`  ${describeProcessBench(r.process)}`);
}
const first = results[0];
const last = results[results.length - 1];
const targets = first && last ? {
  saveAtLargestOverSmallest: round(last.saveOneCase.ms / first.saveOneCase.ms),
  saveTargetMet: last.saveOneCase.ms <= 2 * first.saveOneCase.ms,
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
const largest = Math.max(...SIZES);
process.stderr.write(`case list in Chromium at ${largest} cases…\n`);
const caseloadInChromium = await benchCaseloadInChromium(largest, RUNS * 3);
console.log(`case list in Chromium (${largest} cases, window.casebook round trip, median): ` + Object.entries(caseloadInChromium.queries).map(([k, v]) => `${k} ${v} ms`).join(', ') + `; dashboard ${caseloadInChromium.dashboardMs} ms; figures for a year ${caseloadInChromium.figuresYearMs} ms; calendar month ${caseloadInChromium.calendarMonthMs} ms (one facilitator's ${caseloadInChromium.calendarMonthOneFacilitatorMs} ms); empty round trip ${caseloadInChromium.bridgeRoundTripMs} ms`);
// Documents (issue 4): each document in each format, beside LibreOffice converting the same DOCX.
process.stderr.write('documents…\n');
const documents = await benchDocuments({ log: (line) => process.stderr.write(`${line}\n`) });
console.log(documentBenchTable(documents));
console.log('targets', targets, `peak memory ${peakMemoryMiB()} MiB`);
await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, runs: RUNS, peakMemoryMiB: peakMemoryMiB(), targets, store: results, ...(caseload ? { caseload } : {}), caseloadInChromium, documents }, null, 2) + '\n');
