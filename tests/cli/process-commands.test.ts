import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCasebookService } from '../../src-main/services/casebook/service';
import type { FilePorts } from '../../src-main/services/shared/files';
import type { Figures } from '../../src-main/domain/figures/figures';
import { PASS, QL_PASS } from '../support/casebook';
import { addVenues, book, caseUntil, caseworkWorld, conferenceRecord, meetingFor, people, type World } from '../support/process';
import { FakeWorld } from '../support/cli/fake-service';
import { runWith, tempDir } from '../support/cli/harness';

/**
 * `casebook meetings list`, `casebook ics` and `casebook figures` in-process over the real
 * encrypted service: a casebook built through the registry as the app builds it, then locked
 * so that the command opens and unlocks it as a user would.
 */
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casebook-cli-process-'));
});
afterEach(() => cleanup());

interface Casebook {
  w: World;
  run(argv: string[], o?: { user?: string; passphrase?: string }): ReturnType<typeof runWith>;
  ids: { conference: string; late: string; sensitive: string };
}

/**
 * Two cases: RJ-2026-0001 led by Jo Whitfield, with a conference on Wednesday 25 March and a
 * video preparation meeting late on Monday 30 March (BST) that runs past midnight;
 * RJ-2026-0002, sensitive, led by Alexandros with Lan, with a conference on 26 March.
 */
async function casebook(o: { held?: boolean } = {}): Promise<Casebook> {
  const w = await caseworkWorld();
  const venues = await addVenues(w);
  // Typed over two lines: the table keeps it on one.
  const library = (await w.call('getCaseworkReference', {})).venues.find((v) => v.id === venues.library)!;
  await w.call('saveVenue', { ...library, name: 'Central Library,\n  Room 2' });
  let a = await caseUntil(w, o.held ? 'process' : 'team', { lead: w.staff.jo });
  let b = await caseUntil(w, 'team', { lead: w.staff.alex, co: w.staff.lan, referral: { offenceCategory: 'hate-crime', sensitive: ['hate-crime'] } });
  const conference = meetingFor(a, { venueId: venues.centre });
  const late = meetingFor(a, { kind: 'preparation', format: 'video', participantIds: [people(a).harmed], date: '2026-03-30', start: '23:30' });
  const sensitive = meetingFor(b, { date: '2026-03-26', start: '14:00', durationMinutes: 90, venueId: venues.library, coFacilitatorId: w.staff.lan });
  a = await book(w, a, conference, o.held);
  a = await book(w, a, late);
  b = await book(w, b, sensitive);
  if (o.held) {
    w.clock.set('2026-03-25T18:00:00Z');
    await w.call('applyCaseCommand', { caseId: a.case.id, revision: a.case.revision, command: { type: 'record-conference', record: conferenceRecord(w, a, conference) } });
  }
  // The command opens the store itself, as another process would: this one lets go of it.
  await w.service.lock('manual');
  const world = Object.assign(new FakeWorld(), { open: (storeDir: string, files: FilePorts) => createCasebookService({ storeDir, kdf: 'minimum', now: () => w.clock.now, ...files }) });
  return {
    w,
    run: (argv, u = {}) => runWith(world, argv, { cwd: dir, env: { CASEBOOK_STORE: w.dir, CASEBOOK_USER: u.user ?? 'Jo Whitfield', CASEBOOK_PASSPHRASE: u.passphrase ?? PASS } }),
    ids: { conference: conference.id, late: late.id, sensitive: sensitive.id },
  };
}

const lines = (s: string) => s.trimEnd().split('\n');

describe('casebook meetings list', () => {
  it('lists the meetings of every case with local times, and filters by facilitator name or staff id', async () => {
    const { w, run, ids } = await casebook();
    const r = await run(['meetings', 'list', '--from', '2026-03-01', '--to', '2026-03-31']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^Date\s+Time\s+Kind\s+Status\s+Case\s+Venue\s+Lead\s+Co-facilitator$/);
    expect(out[1]).toMatch(/^Wed 2026-03-25\s+10:00–11:00\s+Conference\s+Proposed\s+RJ-2026-0001\s+Riverside Community Centre\s+Jo Whitfield$/);
    expect(out[2]).toMatch(/^Thu 2026-03-26\s+14:00–15:30\s+Conference\s+Proposed\s+RJ-2026-0002 \*\s+Central Library, Room 2\s+Αλέξανδρος Παπαδόπουλος\s+Nguyễn Thị Lan$/);
    expect(out[3]).toMatch(/^Mon 2026-03-30\s+23:30–00:30 \(31 March 2026\)\s+Preparation meeting\s+Proposed\s+RJ-2026-0001\s+Video call\s+Jo Whitfield$/);
    expect(out.slice(4)).toEqual(['', '3 meetings, 1 March 2026 to 31 March 2026', '* sensitive case']);
    // Cases by reference only: nobody taking part is named.
    expect(r.stdout).not.toMatch(/Evans|Kowalski/);

    const byName = await run(['meetings', 'list', '--from', '2026-03-01', '--to', '2026-03-31', '--facilitator', 'nguyen thi lan', '--json']);
    expect(byName.code).toBe(0);
    const value = byName.json().value as { meeting: { id: string }; reference: string; coName?: string }[];
    expect(value.map((m) => [m.meeting.id, m.reference, m.coName])).toEqual([[ids.sensitive, 'RJ-2026-0002', 'Nguyễn Thị Lan']]);
    const byId = await run(['meetings', 'list', '--from', '2026-03-25', '--to', '2026-03-25', '--facilitator', w.staff.jo]);
    expect(lines(byId.stdout).at(-1)).toBe('1 meeting, 25 March 2026 for Jo Whitfield');
    const byPart = await run(['meetings', 'list', '--from', '2026-03-01', '--to', '2026-03-31', '--facilitator', 'Whitfield']);
    expect(lines(byPart.stdout).at(-1)).toBe('2 meetings, 1 March 2026 to 31 March 2026 for Jo Whitfield');

    const none = await run(['meetings', 'list', '--from', '2026-04-01', '--to', '2026-04-30', '--facilitator', 'Fatima Hussain']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No meetings from 1 April 2026 to 30 April 2026 for Fatima Hussain.\n');
    const unknown = await run(['meetings', 'list', '--from', '2026-04-01', '--to', '2026-04-30', '--facilitator', 'Nobody Here', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/No one on the staff list is called "Nobody Here"/) });
    const several = await run(['meetings', 'list', '--from', '2026-04-01', '--to', '2026-04-30', '--facilitator', 'an']);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/matches more than one member of staff: .*Siân Prydderch.*Nguyễn Thị Lan/);
  });
});

describe('casebook ics', () => {
  it('writes a private .ics in UTC without names, refuses to overwrite without --force, and replaces with it', async () => {
    const { run, w } = await casebook();
    const out = join(dir, 'march.ics');
    const r = await run(['ics', '--from', '2026-03-01', '--to', '2026-03-31', '--out', 'march.ics']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 3 meetings \(1 March 2026 to 31 March 2026\) to march\.ics \(\d+(\.\d)? (bytes|KB)\)\.\n$/);
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
    const ics = (await readFile(out, 'utf8')).replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART:20260325T100000Z');
    expect(ics).toContain('DTSTART:20260330T223000Z'); // 23:30 BST
    expect(ics).toContain('SUMMARY:RJ preparation meeting RJ-2026-0001\r\n');
    expect(ics).not.toMatch(/Siân|Evans|Łukasz|Kowalski/);

    // Already there: refused before unlocking, and left as it was.
    const again = await run(['ics', '--from', '2026-03-01', '--to', '2026-03-31', '--out', out, '--json']);
    expect(again.code).toBe(1);
    expect(again.json().error?.code).toBe('CONFLICT');
    expect((await readFile(out, 'utf8')).replace(/\r\n[ \t]/g, '')).toBe(ics);

    // --force replaces it, still readable only by its owner even if the old one was not.
    await chmod(out, 0o644);
    const forced = await run(['ics', '--from', '2026-03-01', '--to', '2026-03-31', '--out', out, '--force', '--first-names', '--facilitator', 'Jo Whitfield', '--json']);
    expect(forced.code).toBe(0);
    expect(forced.json().value).toMatchObject({ file: out, meetings: 2, firstNames: true });
    expect(forced.stderr).toMatch(/names the people invited/);
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
    const named = (await readFile(out, 'utf8')).replace(/\r\n[ \t]/g, '');
    expect(named).toContain('SUMMARY:RJ conference RJ-2026-0001 (Siân\\, Łukasz)');
    expect(named).toContain('SUMMARY:RJ preparation meeting RJ-2026-0001 (Siân)');
    expect(named).not.toMatch(/RJ-2026-0002|Evans|Kowalski/);

    // Each export is in the audit trail, as the app's is: how many, and whether names went out.
    await w.as('admin');
    const trail = JSON.stringify(await w.call('listAudit', {}));
    expect(trail.match(/calendar\.export/g)).toHaveLength(2);
    expect(trail).toContain('firstNames');
    expect(trail).not.toMatch(/Siân|Łukasz/);
  });

  it('is for caseworkers: a quality lead is refused and nothing is written', async () => {
    const { run } = await casebook();
    const r = await run(['ics', '--from', '2026-03-01', '--to', '2026-03-31', '--out', 'ql.ics'], { user: 'Quinn Lead', passphrase: QL_PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^casebook: Only administrators, coordinators and facilitators may export meetings to a calendar; Quinn Lead is a quality lead\./);
    await expect(stat(join(dir, 'ql.ics'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('casebook figures', () => {
  it('prints the figures for a period, gives them as JSON, and writes the CSV once', async () => {
    const { run } = await casebook({ held: true });
    const r = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe('Figures for 1 March 2026 to 31 March 2026');
    const value = (label: string) => out.find((l) => l.startsWith(label))?.slice(label.length).trim();
    expect(value('Referrals received')).toBe('2');
    expect(value('  Police')).toBe('2');
    expect(value('Conferences held')).toBe('1');
    expect(value('Agreements reached (signed)')).toBe('0');
    expect(value('Cases closed')).toBe('0');
    expect(value('  Satisfied with the outcome')).toBe('no answers');
    expect(value('  Referral to first contact')).toBe('1 (1 case)');
    expect(value('  Referral to first conference')).toBe('12 (1 case)');
    // The funnel and rights 3 and 4 (issue 15): two referrals, one conference held.
    expect(value('  Referred (cases)')).toBe('2');
    expect(value('  Conference or indirect process (cases)')).toBe('1');
    expect(out.some((l) => l.startsWith("Victims' Code right 3 on time"))).toBe(true);
    expect(r.stdout).not.toMatch(/Evans|Kowalski|Whitfield/);

    const json = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--json']);
    const figures = json.json().value as Figures;
    expect(figures).toMatchObject({ period: { from: '2026-03-01', to: '2026-03-31' }, referrals: { total: 2, bySource: [{ source: 'Police', count: 2 }] }, conferencesHeld: 1 });

    const csv = join(dir, 'figures.csv');
    const withCsv = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--csv', 'figures.csv', '--json']);
    expect(withCsv.code).toBe(0);
    expect(withCsv.json().value).toEqual({ ...figures, csv: { file: csv, bytes: expect.any(Number) } });
    const text = await readFile(csv, 'utf8');
    expect(text.split('\r\n').slice(0, 4)).toEqual(['Figure,Breakdown,Value', 'Period,From,2026-03-01', 'Period,To,2026-03-31', 'Referrals,Total,2']);
    expect(text).toContain('Conferences held,,1\r\n');
    if (process.platform !== 'win32') expect((await stat(csv)).mode & 0o777).toBe(0o600);
    const again = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--csv', 'figures.csv']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/figures\.csv already exists/);
    expect(await readFile(csv, 'utf8')).toBe(text);
    // A quality lead reports figures too.
    expect((await run(['figures', '--from', '2026-04-01', '--to', '2026-04-30'], { user: 'Quinn Lead', passphrase: QL_PASS })).code).toBe(0);
  });
});

describe('casebook figures --format pdf|docx --out', () => {
  it('writes the one-page figures report, naming nobody, once', async () => {
    const { run } = await casebook({ held: true });
    const r = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'pdf', '--out', 'march.pdf', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const value = r.json().value as { report: { file: string; format: string; bytes: number; pages: number } };
    expect(value.report).toEqual({ file: join(dir, 'march.pdf'), format: 'pdf', bytes: expect.any(Number), pages: expect.any(Number) });
    const pdf = await readFile(join(dir, 'march.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'DOCX', '--out', 'march.docx']);
    expect(docx.code).toBe(0);
    expect(docx.stdout).toMatch(/Wrote the figures report to march\.docx \(/);
    expect((await readFile(join(dir, 'march.docx'))).subarray(0, 2).toString()).toBe('PK');
    const again = await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'pdf', '--out', 'march.pdf']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/march\.pdf already exists/);
    // The CSV still comes out either way.
    expect((await run(['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'csv', '--out', 'march.csv'])).code).toBe(0);
    expect(await readFile(join(dir, 'march.csv'), 'utf8')).toMatch(/^Figure,Breakdown,Value/);
  });
});

describe('dates and options, checked before the casebook is opened', () => {
  const fake = new FakeWorld();
  const cases: [string[], RegExp][] = [
    [['meetings', 'list', '--from', '2026-02-30', '--to', '2026-03-31'], /--from must be a real date written YYYY-MM-DD, like 2026-04-01, not "2026-02-30"/],
    [['meetings', 'list', '--from', '01/03/2026', '--to', '2026-03-31'], /--from must be a real date .* not "01\/03\/2026"/],
    [['meetings', 'list', '--from', '2026-03-01'], /"meetings list" needs --to DATE/],
    [['meetings', 'list', '--from', '2026-03-31', '--to', '2026-03-01'], /--to \(2026-03-01\) is before --from \(2026-03-31\): swap them/],
    [['meetings', 'list', '--from', '2026-01-01', '--to', '2027-06-30'], /at most 400 days/],
    [['ics', '--from', '2026-03-01', '--to', 'tomorrow', '--out', 'x.ics'], /--to must be a real date/],
    [['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'pdf'], /--format pdf needs --out FILE/],
    [['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'xlsx', '--out', 'x.xlsx'], /--format is pdf, docx or csv, not "xlsx"/],
    [['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--out', 'x.pdf'], /--out needs --format pdf, docx or csv/],
    [['figures', '--from', '2026-03-01', '--to', '2026-03-31', '--csv', 'a.csv', '--format', 'pdf', '--out', 'x.pdf'], /either --csv FILE or --format with --out, not both/],
    [['ics', '--from', '2026-03-01', '--to', '2026-03-31'], /"ics" needs --out FILE/],
    [['figures', '--from', '2026-13-01', '--to', '2026-12-31'], /--from must be a real date/],
    [['figures', '--from', '1899-12-31', '--to', '2026-12-31'], /--from must be after 1900/],
    [['figures', '--from', '2026-04-01', '--to', '2026-03-31', '--json'], /swap them/],
    [['figures', '--from', '2026-04-01', '--to', '2026-04-30', '--csv', ' '], /--csv needs a file name/],
    [['figures', '--from', '2026-04-01', '--to', '2026-04-30', '--csv'], /--csv/],
  ];
  it.each(cases)('%j exits 2 with a clear message', async (argv, message) => {
    const r = await runWith(fake, argv, { cwd: dir, env: { CASEBOOK_STORE: join(dir, 'none'), CASEBOOK_PASSPHRASE: 'unused passphrase' } });
    expect(r.code).toBe(2);
    if (argv.includes('--json')) expect(r.json()).toMatchObject({ ok: false, error: { code: 'USAGE', message: expect.stringMatching(message) } });
    else expect(r.stderr).toMatch(message);
    expect(fake.opened).toBe(0);
  });

  it('documents each command in --help', async () => {
    for (const [words, usage] of [
      [['meetings', 'list'], 'Usage: casebook meetings list --from DATE --to DATE [--facilitator NAME]'],
      [['ics'], 'Usage: casebook ics --from DATE --to DATE --out FILE [--facilitator NAME] [--first-names] [--force]'],
      [['figures'], 'Usage: casebook figures --from DATE --to DATE [--csv FILE] [--format pdf|docx|csv] [--out FILE]'],
    ] as const) {
      const r = await runWith(fake, [...words, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(usage);
    }
    const all = await runWith(fake, ['--help']);
    expect(all.stdout).toMatch(/meetings list\s+List the meetings/);
    expect(all.stdout).toMatch(/ics\s+Write the meetings/);
    expect(all.stdout).toMatch(/figures\s+Figures for a period/);
  });
});
