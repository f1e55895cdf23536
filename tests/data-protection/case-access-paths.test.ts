import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13: the services reach cases for the person signed in only through
 * services/cases/case-access.ts, so a new command cannot slip past who may see what. Reading a
 * case file or the whole case list directly is allowed only in the jobs below, each for a reason.
 */
const ROOT = join(__dirname, '..', '..', 'src-main', 'services');
const DIRECT = /\.readCase\(|summaries\.(all|get)\(/;

const ALLOWED: Record<string, string> = {
  'cases/case-access.ts': 'the one way in',
  'cases/access-history.ts': 'administrators only; checks the case exists',
  'cases/context.ts': 'meetings of other cases, to refuse a double booking',
  'cases/index.ts': 'search keys computed after unlocking',
  'casebook/case-check.ts': 'the background check that every case file opens',
  'casebook/verify-store.ts': 'verify, administrators only',
  'casebook/transfer.ts': 'import and export of the whole casebook, administrators only; ids for saveCase (tests)',
  'casebook/service.ts': 'demo cases, administrators only',
  'conferences/calendar.ts': 'one row, then mayOpenRow',
  'referrals/referrals.ts': 'references and ids already taken, for a new case',
  'figures/figures.ts': 'counts, naming no case',
  'staff/leaver.ts': 'moving a leaver’s cases: those who manage staff see every case',
  'quality/complaints.ts': 'complaints: those who answer them see every case',
  'quality/health-check.ts': 'the health check: those who read it see every case',
  'quality/case-file-audit.ts': 'the case-file audit: those who build the evidence pack see every case',
  'casebook/attachment-users.ts': 'whether a file is still used before it is deleted (retention, a removed evidence file); names no case',
  'cases/facts-rebuild.ts': 'rebuilding case-list rows once after an upgrade; nothing is shown or returned',
  'figures/report.ts': 'the figures report: counts, naming no case, for those who export figures',
  'quality/evidence-pack.ts': 'referral dates for the pack\u2019s by-month chart: those who build the evidence pack see every case',
  'data-protection/': 'finding a person, subject access and retention: those who may see every case',
  // Team use (issue 16): the casebook is shared whole between the team's computers, as ciphertext.
  'sync/records.ts': 'every case sent to the team server, sealed; nothing is shown',
  'sync/apply-records.ts': 'cases received from another computer written in; nothing is shown',
  'sync/changes.ts': 'one row, then mayOpenRow',
  'sync/import.ts': 'a case reference (never a name) to say which record a sync problem is about',
  'sync/engine.ts': 'a case reference (never a name) to say which record a sync problem is about',
};

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('every way to a case goes through who may see it', () => {
  it('reads case files and the case list directly only where allowed', async () => {
    const offenders: string[] = [];
    for (const f of await files(ROOT)) {
      const rel = relative(ROOT, f).split('\\').join('/');
      if (Object.keys(ALLOWED).some((a) => rel === a || (a.endsWith('/') && rel.startsWith(a)))) continue;
      const text = await readFile(f, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (DIRECT.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders, 'use openCase / visibleRows from services/cases/case-access.ts').toEqual([]);
  });
});
