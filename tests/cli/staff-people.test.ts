import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StaffRecord } from '../../src-main/domain/staff/record';
import { dir, run, seeded, useCliWorld, world } from './run-world';

/** `casebook staff add | list | show | import | training` in-process over the fake service; the register's own checks are the service's (tests/staff). */
useCliWorld();

const sam: StaffRecord = { id: 's_sam001', name: 'Sam Okafor', role: 'facilitator', level: 'intermediate', active: true, employment: 'paid', started: '2020-01-06', cpd: [{ date: '2026-02-01', activity: 'RJC webinar', hours: 3, rjcApproved: true }] };
const ada: StaffRecord = { id: 's_ada001', name: 'Ádá Lowe', role: 'coordinator', level: 'advanced', active: true, registration: { level: 'advanced', number: 'RJC-1', registeredOn: '2020-01-01', renewalDue: '2030-01-01' } };

describe('staff add', () => {
  it('adds someone with their employment, start date (UK form) and RJC registration, renewal a year on', async () => {
    const s = await seeded();
    s.register = [];
    const r = await run(['staff', 'add', '--name', 'Zoë Ní Bhriain', '--role', 'facilitator', '--level', 'foundation', '--employment', 'volunteer', '--started', '31/01/2026', '--registered-on', '01/02/2026', '--registration-number', 'RJC-777', '--json']);
    expect(r.stderr).toBe('');
    expect(r.json().value).toMatchObject({ name: 'Zoë Ní Bhriain', role: 'facilitator', level: 'foundation', employment: 'volunteer', started: '2026-01-31', registration: { level: 'foundation', number: 'RJC-777', registeredOn: '2026-02-01', renewalDue: '2027-02-01' } });
  });

  it('refuses a registration date without a number, a bad role and a date that is not one, before asking for a passphrase', async () => {
    await seeded();
    const noNumber = await run(['staff', 'add', '--name', 'A B', '--role', 'facilitator', '--level', 'foundation', '--registered-on', '2026-01-01']);
    expect(noNumber.code).toBe(2);
    expect(noNumber.stderr).toMatch(/needs --registered-on DATE, --registration-number NUMBER and --level together/);
    expect((await run(['staff', 'add', '--name', 'A B', '--role', 'wizard'])).stderr).toMatch(/--role is one of coordinator, facilitator/);
    expect((await run(['staff', 'add', '--name', 'A B', '--role', 'facilitator', '--started', '29/02/2025'])).stderr).toMatch(/--started must be a real date written 31\/01\/2026/);
    expect(world.unlocks).toEqual([]);
  });
});

describe('staff list and show', () => {
  it('lists the register and shows one person by name, not accent-sensitive', async () => {
    const s = await seeded();
    s.register = [sam, ada];
    const list = await run(['staff', 'list']);
    expect(list.stdout).toMatch(/Sam Okafor\s+Facilitator\s+Intermediate\s+paid\s+2020-01-06/);
    expect((await run(['staff', 'list', '--json'])).json().value).toEqual([sam, ada]);
    const show = await run(['staff', 'show', 'ada lowe']);
    expect(show.stdout).toMatch(/^Ádá Lowe \(RJ coordinator, Advanced\)/);
    expect(show.stdout).toMatch(/RJC registration\s+Advanced, RJC-1, registered 2020-01-01, renewal due 2030-01-01/);
    expect((await run(['staff', 'show', 'Sam', '--json'])).json().value).toEqual(sam);
    expect((await run(['staff', 'show', 'Nobody'])).code).toBe(1);
  });
});

describe('staff import', () => {
  it('reads the CSV (BOM, CRLF, quotes) and sends every row with its line, the kind worked out from the header', async () => {
    const s = await seeded();
    s.register = [sam];
    const file = join(dir, 'cpd.csv');
    await writeFile(file, '\uFEFFStaff,Date,Activity,Hours,RJC approved\r\nSam Okafor,01/02/2026,"Reading, with ""notes""",2,no\r\n\r\nSam Okafor,2026-02-03,"Two\r\nlines",1.5,yes\r\n');
    const r = await run(['staff', 'import', '--from', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Imported .*cpd\.csv: 2 CPD entries/);
    expect(s.imports).toEqual([
      {
        kind: 'cpd',
        columns: ['Staff', 'Date', 'Activity', 'Hours', 'RJC approved'],
        rows: [
          { line: 2, values: ['Sam Okafor', '01/02/2026', 'Reading, with "notes"', '2', 'no'] },
          { line: 4, values: ['Sam Okafor', '2026-02-03', 'Two\r\nlines', '1.5', 'yes'] },
        ],
      },
    ]);
  });

  it('refuses a file it cannot read, before asking for a passphrase', async () => {
    await seeded();
    const file = join(dir, 'x.csv');
    await writeFile(file, 'staff,date\n"open,2026-01-01\n');
    const open = await run(['staff', 'import', '--from', file]);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(/line 2: a quoted field is never closed/);
    await writeFile(file, 'staff,date\nSam,2026-01-01\n');
    expect((await run(['staff', 'import', '--from', file])).stderr).toMatch(/does not say what the file holds: add --kind/);
    await writeFile(file, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe]));
    expect((await run(['staff', 'import', '--from', file, '--kind', 'staff'])).stderr).toMatch(/is not UTF-8 text/);
    expect(world.unlocks).toEqual([]);
  });
});

describe('staff training', () => {
  it('records a course with its certificate read from the file given', async () => {
    const s = await seeded();
    s.register = [structuredClone(sam)];
    const cert = join(dir, 'cert.pdf');
    await writeFile(cert, '%PDF-1.4 certificate');
    const r = await run(['staff', 'training', '--staff', 'sam', '--date', '12/01/2026', '--course', 'RJ facilitation', '--provider', 'RJC', '--level', 'Intermediate', '--certificate', cert]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Recorded RJ facilitation for Sam Okafor on 2026-01-12, with its certificate kept encrypted/);
    expect(s.register[0]!.training).toEqual([{ date: '2026-01-12', course: 'RJ facilitation', provider: 'RJC', level: 'intermediate', certificate: 'f'.repeat(64) }]);
  });

  it('saves a copy of a kept certificate, found by course, and never over an existing file', async () => {
    const s = await seeded();
    s.register = [{ ...structuredClone(sam), training: [{ date: '2026-01-12', course: 'RJ facilitation', provider: 'RJC', certificate: 'f'.repeat(64) }] }];
    const out = join(dir, 'copy.pdf');
    const r = await run(['staff', 'certificate', '--staff', 'Sam', '--course', 'rj FACILITATION', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.json().value).toMatchObject({ fileName: 'certificate.pdf' });
    expect(await readFile(out, 'utf8')).toMatch(/^%PDF/);
    expect(s.audit).toContain('certificate.export s_sam001');
    expect((await run(['staff', 'certificate', '--staff', 'Sam', '--course', 'RJ facilitation', '--out', out])).code).not.toBe(0);
    expect((await run(['staff', 'certificate', '--staff', 'Sam', '--course', 'Knitting', '--out', join(dir, 'other.pdf')])).stderr).toMatch(/no certificate kept for that course/);
  });
});
