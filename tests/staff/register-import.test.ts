import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-main/domain/shared/csv';
import { detectImportKind } from '../../src-main/domain/staff/import-layout';
import { parseUkDate } from '../../src-main/domain/time/uk-date';
import { caseworkWorld, type World } from '../support/casebook';

/** `importRegister` through the registry, over CSV read by the domain parser. Today is 16 March 2026. */
function rowsOf(csv: string) {
  const r = parseCsv(csv);
  if (!r.ok) throw new Error(r.message);
  const [header, ...rows] = r.records;
  return { columns: header!.cells, rows: rows.map((x) => ({ line: x.line, values: x.cells })) };
}

const STAFF_CSV = [
  'Name,Role,Level,Employment,Started,Registration number,Registered on,DBS level,DBS certificate date,DBS update service',
  'Chidi Okonkwo,facilitator,intermediate,paid,06/01/2020,RJC-10001,01/03/2025,enhanced,2024-05-01,yes',
  'Мария Иванова,volunteer,foundation,volunteer,2025-09-01,,,,,',
  '"Saoirse O\'Brien",coordinator,advanced,sessional,15/06/2018,RJC-10002,2025-06-15,,,',
  '李小龙,facilitator,,paid,,,,,,',
].join('\r\n');

async function imported(w: World, csv: string, kind?: 'staff' | 'cpd' | 'supervision' | 'training') {
  return w.call('importRegister', { ...(kind ? { kind } : {}), ...rowsOf(csv) });
}

describe('CSV as spreadsheets write it', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, a BOM and CRLF, with the line each record starts on', () => {
    const r = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
        { line: 5, cells: ['last', '', ''] },
      ],
    });
  });

  it('names the line of a quote left open, and of text after a closing quote', () => {
    expect(parseCsv('a\n"open,\nb\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\n"x"y,z\n')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/after a closing quote/) });
  });

  it('reads UK and ISO dates, refusing the ones that are not real', () => {
    expect(parseUkDate('31/01/2026')).toBe('2026-01-31');
    expect(parseUkDate('2026-01-31')).toBe('2026-01-31');
    expect(parseUkDate('29/02/2024')).toBe('2024-02-29');
    expect(parseUkDate('29/02/2025')).toBeUndefined();
    expect(parseUkDate('31/01/26')).toBeUndefined();
  });

  it('tells each kind of file from its header', () => {
    expect(detectImportKind(['Name', 'Role'])).toBe('staff');
    expect(detectImportKind(['staff', 'date', 'hours', 'activity'])).toBe('cpd');
    expect(detectImportKind(['staff', 'date', 'supervisor'])).toBe('supervision');
    expect(detectImportKind(['staff', 'date', 'course', 'provider'])).toBe('training');
    expect(detectImportKind(['staff', 'date'])).toBeUndefined();
  });
});

describe('importing the register', () => {
  it('adds people with their register in one commit, names in many scripts kept, and the audit names fields only', async () => {
    const w = await caseworkWorld();
    const r = await imported(w, STAFF_CSV);
    expect(r).toEqual({ kind: 'staff', rows: 4, added: 4, updated: 0 });
    // Both halves survive a lock: the staff list in the index and the register file.
    await w.as('admin');
    const all = await w.call('getStaffRecords', { everyone: true });
    const chidi = all.find((m) => m.name === 'Chidi Okonkwo')!;
    expect(chidi).toMatchObject({ role: 'facilitator', level: 'intermediate', employment: 'paid', started: '2020-01-06', registration: { level: 'intermediate', number: 'RJC-10001', registeredOn: '2025-03-01', renewalDue: '2026-03-01' }, dbs: { level: 'enhanced', certificateDate: '2024-05-01', updateService: true } });
    expect(all.map((m) => m.name)).toEqual(expect.arrayContaining(['Мария Иванова', "Saoirse O'Brien", '李小龙']));
    expect(all.find((m) => m.name === '李小龙')).toMatchObject({ role: 'facilitator', employment: 'paid' });
    const { entries } = await w.service.listAudit({ offset: 0, limit: 50 });
    const adds = entries.filter((e) => e.action === 'staff.add' && e.entity.id === chidi.id);
    expect(adds.map((e) => e.fields)).toEqual([['dbs', 'employment', 'level', 'name', 'registration', 'role', 'started', 'active'].sort()]);
    expect(JSON.stringify(entries)).not.toContain('RJC-10001');
  });

  it('adds CPD, supervision and training to people named as on the staff list, not case- or accent-sensitive', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    await w.call('saveRegisterDetails', { staffId: w.staff.alex, registration: { level: 'advanced', number: 'RJC-1', registeredOn: '2025-01-10', renewalDue: '2027-01-10' } });
    expect(await imported(w, 'staff,date,activity,hours,rjc_approved\nsian prydderch,01/02/2026,RJC webinar,1.5,yes\nNGUYEN THI LAN,2026-02-03,"Reading, with notes",2,no\n')).toEqual({ kind: 'cpd', rows: 2, added: 0, updated: 2 });
    await imported(w, `staff,date,supervisor,kind\nSiân Prydderch,02/03/2026,${w.staff.alex},case\n`);
    await imported(w, 'staff,date,course,provider,level\nSiân Prydderch,12/01/2026,RJ facilitation,RJC,intermediate\n');
    const [sian] = await w.call('getStaffRecords', { staffId: w.staff.sian });
    expect(sian).toMatchObject({ cpd: [{ date: '2026-02-01', hours: 1.5, rjcApproved: true, activity: 'RJC webinar' }], supervision: [{ date: '2026-03-02', supervisorId: w.staff.alex, kind: 'case' }], training: [{ date: '2026-01-12', course: 'RJ facilitation', provider: 'RJC', level: 'intermediate' }] });
  });

  it('refuses the whole file, listing every bad row by line and reason, and stores nothing', async () => {
    const w = await caseworkWorld();
    const csv = [
      'staff,date,activity,hours,rjc_approved',
      'Siân Prydderch,01/02/2026,Good row,2,yes',
      ',,,,',
      'Nobody Known,01/02/2026,Reading,2,no',
      'Siân Prydderch,01/02/2026,Reading,0,no',
      'Siân Prydderch,01/04/2026,Reading,2,no',
      'Siân Prydderch,29/02/2025,Reading,2,no',
      'Siân Prydderch,01/02/2026,Reading,1000,no',
      'Siân Prydderch,01/02/2026,Reading,2,perhaps',
      'Siân Prydderch,01/02/2026,Reading,2',
    ].join('\n');
    const e = await w.fails('importRegister', rowsOf(csv));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/8 lines of the file have problems; nothing was imported/);
    const issues = e.details!.issues!.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual([
      'line 3: the row is empty',
      expect.stringMatching(/^line 4: staff: no one on the staff list is called "Nobody Known"/),
      'line 5: hours: Hours must be more than 0',
      expect.stringMatching(/^line 6: date: 1 April 2026 is in the future/),
      expect.stringMatching(/^line 7: date: "29\/02\/2025" is not a real date/),
      expect.stringMatching(/^line 8: hours: Hours must be at most 100/),
      'line 9: rjc_approved: write yes or no',
      expect.stringMatching(/^line 10: the row has 4 cells but the header has 5/),
    ]);
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]!.cpd).toBeUndefined();
  });

  it('refuses unknown columns, __proto__ as a heading, and a missing one, before reading any row', async () => {
    const w = await caseworkWorld();
    const e = await w.fails('importRegister', { kind: 'cpd', ...rowsOf('staff,date,hours,__proto__,colour\nSiân Prydderch,01/02/2026,2,x,red\n') });
    expect(e.details!.issues!.map((i) => i.message)).toEqual([
      expect.stringMatching(/^unknown column "__proto__" in a cpd file/),
      expect.stringMatching(/^unknown column "colour"/),
      expect.stringMatching(/^the column activity is missing/),
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    ['__proto__ as a key of the input', () => JSON.parse('{"columns":["name","role"],"rows":[],"__proto__":{"kind":"staff"}}')],
    ['columns as text', () => ({ columns: 'name,role', rows: [] })],
    ['no columns', () => ({ columns: [], rows: [] })],
    ['a row without its line', () => ({ columns: ['name', 'role'], rows: [{ values: ['A B', 'facilitator'] }] })],
    ['a huge cell', () => ({ columns: ['name', 'role'], rows: [{ line: 2, values: ['x'.repeat(5_000), 'facilitator'] }] })],
    ['more than 10,000 rows', () => ({ columns: ['name', 'role'], rows: Array.from({ length: 10_001 }, (_, i) => ({ line: i + 2, values: ['A B', 'facilitator'] })) })],
    ['an unknown kind', () => ({ kind: 'policies', columns: ['name', 'role'], rows: [] })],
  ])('refuses %s with a clear error, storing nothing', async (_, input) => {
    const w = await caseworkWorld();
    const before = (await w.call('getStaffRecords', { everyone: true })).length;
    expect((await w.fails('importRegister', input() as never)).code).toBe('INVALID_INPUT');
    expect(await w.call('getStaffRecords', { everyone: true })).toHaveLength(before);
  });

  it('refuses a case supervisor who is not Advanced, a name twice in a staff file, and a staff file from a quality lead', async () => {
    const w = await caseworkWorld();
    const sup = await w.fails('importRegister', rowsOf('staff,date,supervisor\nNguyễn Thị Lan,02/03/2026,Siân Prydderch\n'));
    expect(sup.details!.issues![0]!.message).toMatch(/^supervisor: Siân Prydderch cannot be recorded as case supervisor/);
    const twice = await w.fails('importRegister', rowsOf('name,role\nAna Silva,facilitator\nana silva,facilitator\n'));
    expect(twice.details!.issues).toEqual([{ path: 'line 3', message: 'name: ana silva is already on line 2 of this file' }]);
    await w.as('facilitator');
    expect((await w.fails('importRegister', rowsOf('name,role\nAna Silva,facilitator\n'))).code).toBe('FORBIDDEN');
    await w.as('admin');
    expect((await w.call('getStaffRecords', { everyone: true })).some((m) => m.name === 'Ana Silva')).toBe(false);
  });

  it('updates someone already on the staff list instead of adding them twice', async () => {
    const w = await caseworkWorld();
    const r = await imported(w, 'name,role,employment,started\nsian prydderch,facilitator,sessional,01/09/2021\n');
    expect(r).toMatchObject({ added: 0, updated: 1 });
    const [sian] = await w.call('getStaffRecords', { staffId: w.staff.sian });
    expect(sian).toMatchObject({ name: 'Siân Prydderch', level: 'intermediate', employment: 'sessional', started: '2021-09-01' });
  });

  it('imports the samples in docs/samples as the layout page says, in order', async () => {
    const w = await caseworkWorld();
    for (const kind of ['staff', 'training', 'cpd', 'supervision'] as const) {
      const csv = await readFile(new URL(`../../docs/samples/${kind}.csv`, import.meta.url), 'utf8');
      expect((await imported(w, csv)).kind).toBe(kind);
    }
    const lukasz = (await w.call('getStaffRecords', { everyone: true })).find((m) => m.name === 'Łukasz Nowak')!;
    expect(lukasz).toMatchObject({ employment: 'volunteer', training: [{ course: 'Safeguarding adults' }], cpd: [{ hours: 3 }], supervision: [{ kind: 'line' }] });
  });
});
