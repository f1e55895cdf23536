import { describe, expect, it } from 'vitest';
import { caseworkWorld } from '../support/casebook';

/**
 * `importRegisterFile`, the app's import: the CSV file comes through the file picker port
 * (the open dialog in the app), is read in the main process as the CLI reads `--from`, and goes
 * through the same all-or-nothing import. Today is 16 March 2026.
 */
const csv = (...lines: string[]) => ({ name: 'cpd.csv', bytes: new TextEncoder().encode(lines.join('\r\n')) });
const HEADER = 'staff,date,activity,hours,rjc_approved';

describe('importing the register from a chosen CSV file', () => {
  it('reads the chosen file, asking the picker for a CSV, and imports every row', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    w.files.toPick.push(csv('\uFEFF' + HEADER, 'Siân Prydderch,01/02/2026,RJC webinar,1.5,yes', 'nguyen thi lan,2026-02-03,"Reading, with notes",2,no'));
    expect(await w.call('importRegisterFile', {})).toEqual({ picked: true, fileName: 'cpd.csv', result: { kind: 'cpd', rows: 2, added: 0, updated: 2 } });
    expect(w.files.picked).toEqual(['register-csv']);
    const [sian] = await w.call('getStaffRecords', { staffId: w.staff.sian });
    expect(sian?.cpd).toEqual([{ date: '2026-02-01', activity: 'RJC webinar', hours: 1.5, rjcApproved: true }]);
  });

  it('refuses the whole file with every bad row by its line, and stores nothing', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    w.files.toPick.push(csv(HEADER, 'Siân Prydderch,01/02/2026,Good row,2,yes', 'Nobody Known,01/02/2026,Reading,2,no', 'Siân Prydderch,01/04/2026,Reading,2,no'));
    const e = await w.fails('importRegisterFile', {});
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/2 lines of the file have problems; nothing was imported/);
    expect(e.details?.issues?.map((i) => i.path)).toEqual(['line 3', 'line 4']);
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]?.cpd).toBeUndefined();
  });

  it('says nothing happened when the dialog is closed', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    w.files.toPick.push(undefined);
    expect(await w.call('importRegisterFile', {})).toEqual({ picked: false });
  });

  it('refuses a file that is not UTF-8, CSV left broken, a cell too long, a header that names no kind, and unknown input', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    w.files.toPick.push({ name: 'latin1.csv', bytes: Uint8Array.from([0x73, 0x74, 0x61, 0x66, 0x66, 0x0a, 0xe9, 0x0a]) });
    expect((await w.fails('importRegisterFile', {})).message).toMatch(/latin1\.csv is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8"/);
    w.files.toPick.push(csv(HEADER, '"open,01/02/2026'));
    expect((await w.fails('importRegisterFile', {})).details?.issues).toEqual([{ path: 'line 2', message: expect.stringMatching(/never closed/) }]);
    w.files.toPick.push(csv(HEADER, `Siân Prydderch,01/02/2026,${'x'.repeat(4_001)},2,yes`));
    expect((await w.fails('importRegisterFile', {})).details?.issues?.[0]?.message).toMatch(/longer than 4,000 characters/);
    w.files.toPick.push(csv('staff,date', 'Siân Prydderch,01/02/2026'));
    expect((await w.fails('importRegisterFile', {})).details?.issues?.[0]?.path).toBe('kind');
    expect((await w.fails('importRegisterFile', JSON.parse('{"kind":"cpd","__proto__":"x"}') as never)).code).toBe('INVALID_INPUT');
    expect((await w.fails('importRegisterFile', { kind: 'payroll' } as never)).message).toMatch(/Kind: choose one of staff, cpd, supervision, training/);
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]?.cpd).toBeUndefined();
  });

  it('refuses a facilitator before any dialog opens, and a staff file to a quality lead (it changes the staff list)', async () => {
    const w = await caseworkWorld();
    await w.as('facilitator');
    expect((await w.fails('importRegisterFile', {})).code).toBe('FORBIDDEN');
    expect(w.files.picked).toEqual([]);
    // Quality leads keep the register and add the people on it.
    await w.as('quality-lead');
    w.files.toPick.push(csv('name,role', 'Chidi Okonkwo,facilitator'));
    expect(await w.call('importRegisterFile', {})).toMatchObject({ picked: true });
    await w.as('admin');
    expect((await w.call('getStaffRecords', { everyone: true })).map((m) => m.name)).toContain('Chidi Okonkwo');
  });
});
