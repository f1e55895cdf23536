import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import { apply, caseworkWorld, referral, type World } from '../support/casebook';

/**
 * Issue 13, in main: a facilitator limited to their cases (the casework setting on) meets every
 * command that reads, changes or names a case, and each refuses the case that is not theirs (and
 * records the attempt) or leaves it out of the list; a sensitive case is theirs only on its team
 * whatever the setting. Opening a case is recorded once a session; administrators read it back.
 */
async function world(): Promise<{ w: World; mine: CaseView; other: CaseView; sensitive: CaseView }> {
  const w = await caseworkWorld();
  const open = async (over: Parameters<typeof referral>[0], lead: string) => {
    const v = await w.call('createReferral', { referral: referral(over), duplicatesSeen: true });
    return apply(w, v, { type: 'assign-team', leadId: lead });
  };
  const mine = await open({}, w.staff.fatima);
  const other = await open({ offenceCategory: 'criminal-damage' }, w.staff.sian);
  const sensitive = await open({ sensitive: ['hate-crime'] }, w.staff.alex);
  return { w, mine, other, sensitive };
}

async function refusals(w: World): Promise<string[]> {
  const { entries } = await w.service.listAudit({ offset: 0, limit: 500, action: 'case.refused' });
  return entries.map((e) => `${e.entity.id}:${e.fields.join(',')}`);
}

describe('a facilitator limited to the cases they work on', () => {
  it('sees only theirs in every list, and is refused (and recorded) on every command that opens another', async () => {
    const { w, mine, other, sensitive } = await world();
    await w.call('updateCaseworkSettings', { facilitatorsSeeOwnCasesOnly: true });
    await w.as('facilitator');
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(await w.call('listCases', {}))).toEqual([mine.case.id]);
    expect(ids((await w.call('queryCaseload', {})).rows)).toEqual([mine.case.id]);
    const home = await w.call('getDashboard', {});
    expect(Object.values(home.byStage).reduce((a, b) => a + b, 0)).toBe(1);
    expect(ids(home.recentlyChanged)).toEqual([mine.case.id]);
    expect(await w.call('getCalendar', { from: '2026-03-01', to: '2026-04-30', caseId: other.case.id })).toEqual([]);

    // Their own case opens.
    expect((await w.call('getCaseView', { id: mine.case.id })).case.id).toBe(mine.case.id);
    expect((await w.call('getCase', { id: mine.case.id })).id).toBe(mine.case.id);

    const doc = { kind: 'case-summary' as const, caseId: other.case.id };
    const attempts: [string, () => Promise<{ code: string; message: string }>][] = [
      ['getCase', () => w.fails('getCase', { id: other.case.id })],
      ['getCaseView', () => w.fails('getCaseView', { id: other.case.id })],
      ['applyCaseCommand', () => w.fails('applyCaseCommand', { caseId: other.case.id, revision: other.case.revision, command: { type: 'set-notes', notes: 'A note' } })],
      ['previewDocument', () => w.fails('previewDocument', doc)],
      ['saveDocument', () => w.fails('saveDocument', { ...doc, format: 'pdf' })],
      ['recordPrint', () => w.fails('recordPrint', doc)],
      ['saveAttachment', () => w.fails('saveAttachment', { caseId: other.case.id, attachment: 'a'.repeat(64) })],
    ];
    for (const [name, attempt] of attempts) {
      const e = await attempt();
      expect(e.code, name).toBe('FORBIDDEN');
      expect(e.message, name).toMatch(/not one of yours: ask a coordinator/);
    }
    expect((await w.fails('getCaseView', { id: sensitive.case.id })).message).toMatch(/sensitive and not one of yours/);
    await w.as('admin');
    const recorded = await refusals(w);
    expect(recorded.filter((r) => r === `${other.case.id}:not-on-team`)).toHaveLength(attempts.length);
    expect(recorded).toContain(`${sensitive.case.id}:sensitive`);
    expect((await w.service.verify()).ok).toBe(true);
  });

  it('with the setting off sees every case but the sensitive ones not theirs; everyone else sees them all', async () => {
    const { w, mine, other, sensitive } = await world();
    await w.as('facilitator');
    expect((await w.call('listCases', {})).map((r) => r.id).sort()).toEqual([mine.case.id, other.case.id].sort());
    expect((await w.call('getCaseView', { id: other.case.id })).case.id).toBe(other.case.id);
    expect((await w.fails('getCaseView', { id: sensitive.case.id })).code).toBe('FORBIDDEN');
    for (const who of ['quality-lead', 'manager', 'admin'] as const) {
      await w.as(who);
      expect((await w.call('listCases', {})).length, who).toBe(3);
      expect((await w.call('getCaseView', { id: sensitive.case.id })).case.id, who).toBe(sensitive.case.id);
    }
  });

  it('leaves out, in a duplicate check, the cases the person may not see', async () => {
    const { w } = await world();
    await w.call('updateCaseworkSettings', { facilitatorsSeeOwnCasesOnly: true });
    await w.as('facilitator');
    // The same people again: a duplicate of all three cases, of which only one is theirs.
    const found = await w.call('checkReferralDuplicates', referral());
    expect(found.length).toBe(1);
  });
});

describe('who opened a case', () => {
  it('records an opening once per session (again after an hour), and shows administrators the case’s history', async () => {
    const { w, mine } = await world();
    await w.as('facilitator');
    for (let i = 0; i < 3; i++) await w.call('getCaseView', { id: mine.case.id });
    w.clock.set('2026-03-16T11:30:00.000Z');
    await w.call('getCaseView', { id: mine.case.id });
    expect((await w.fails('getCaseAccessHistory', { caseId: mine.case.id })).code).toBe('FORBIDDEN');
    await w.as('admin');
    await w.call('saveDocument', { kind: 'case-summary', caseId: mine.case.id, format: 'pdf' });
    const history = await w.call('getCaseAccessHistory', { caseId: mine.case.id });
    expect(history.entries.map((e) => `${e.userName}:${e.kind}`)).toEqual(['Jo Whitfield:document', 'Fatima Hussain:opened', 'Fatima Hussain:opened']);
    expect((await w.fails('getCaseAccessHistory', { caseId: 'c_doesnotexist0' })).code).toMatch(/NOT_FOUND|INVALID_INPUT/);
  });
});
