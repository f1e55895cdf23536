import { describe, expect, it } from 'vitest';
import { STAGES, type CaseSummary, type Stage } from '../../src-main/domain/cases/case';
import { CaseloadQuerySchema, dashboard, queryCaseload, SORT_COLUMNS, type CaseloadQuery } from '../../src-main/domain/cases/caseload';

const TODAY = '2026-03-16';
const GIVEN = ['Siân', 'Łukasz', 'Şükrü', 'Thị Lan', 'Αλέξανδρος', 'Алексей', 'Zoë', 'Niamh', 'Oluwaseun', 'Mohammed'];
const FAMILY = ['Evans', 'Wiśniewski', 'Yılmaz', 'Nguyễn', 'Παπαδόπουλος', 'Смирнов', 'Brontë', "O'Connor", 'Adeyemi', 'Khan'];
const SOURCES = ['Police', 'Probation', 'Prison', 'Youth offending team', 'Victim services'];
const OFFENCES = ['Burglary', 'Assault', 'Criminal damage', 'Hate crime', 'Theft'];
const LEADS = [undefined, ['s_facil1', 'Siân Prydderch'], ['s_advan1', 'Nguyễn Thị Lan'], ['s_advan2', 'Łukasz Nowak']] as const;

/** 10,000 deterministic rows, spread over stages, sources, leads and deadlines. */
function rows(n: number): CaseSummary[] {
  return Array.from({ length: n }, (_, i) => {
    const lead = LEADS[i % LEADS.length];
    const stage = STAGES[i % STAGES.length] as Stage;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      id: `c_${String(i).padStart(12, '0')}`,
      reference: `RJ-${2025 + (i % 2)}-${String(i + 1).padStart(4, '0')}`,
      stage,
      ...(i % 17 === 0 && stage !== 'closed' ? { exit: 'declined' as const } : {}),
      receivedOn: `2025-${month}-${day}`,
      source: SOURCES[i % SOURCES.length]!,
      offenceCategory: OFFENCES[i % OFFENCES.length]!,
      names: [`${GIVEN[i % 10]} ${FAMILY[(i * 7) % 10]}`, `${GIVEN[(i + 3) % 10]} ${FAMILY[(i + 1) % 10]}`],
      ...(lead ? { leadFacilitatorId: lead[0], leadFacilitator: lead[1] } : {}),
      ...(i % 5 === 0 ? { coFacilitatorId: 's_facil2' } : {}),
      sensitive: i % 9 === 0,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      revision: 1 + (i % 4),
      ...(i % 3 === 0 ? { nextDue: `2026-03-${String((i % 25) + 1).padStart(2, '0')}` } : {}),
    };
  });
}

const ALL = rows(10_000);
const q = (query: CaseloadQuery) => queryCaseload(ALL, query, TODAY);

describe('case-list search', () => {
  it('ignores accents and case, in any script', () => {
    for (const [needle, hay] of [['sian', 'Siân'], ['LUKASZ', 'Łukasz'], ['sukru', 'Şükrü'], ['nguyen', 'Nguyễn'], ['αλεξανδρος', 'Αλέξανδρος'], ['алексей', 'Алексей'], ['bronte', 'Brontë'], ["o'connor", "O'Connor"], ['o’connor', "O'Connor"]] as const) {
      const r = q({ search: needle });
      expect(r.total, needle).toBeGreaterThan(0);
      expect(r.rows.every((row) => row.names.some((n) => n.includes(hay)))).toBe(true);
    }
  });

  it('finds references and offences', () => {
    expect(q({ search: 'rj-2026-0042' }).rows.map((r) => r.reference)).toEqual(['RJ-2026-0042']);
    expect(q({ search: 'criminal dam' }).total).toBe(2_000);
  });

  it('finds nothing for nonsense and everything for blank', () => {
    expect(q({ search: 'zzzzqqq' }).total).toBe(0);
    expect(q({ search: '   ' }).total).toBe(10_000);
    expect(q({ search: '<script>' }).total).toBe(0);
  });
});

describe('filters', () => {
  it('by stage, source, facilitator, sensitivity, open or ended, and overdue', () => {
    expect(q({ stages: ['contact'] }).rows.every((r) => r.stage === 'contact')).toBe(true);
    expect(q({ stages: ['contact', 'consent'] }).total).toBe(2_000);
    expect(q({ source: 'police' }).total).toBe(2_000);
    expect(q({ facilitator: 's_advan1' }).rows.every((r) => r.leadFacilitatorId === 's_advan1')).toBe(true);
    expect(q({ facilitator: 's_facil2' }).total).toBe(2_000); // co-facilitator
    expect(q({ facilitator: 'nguyen thi lan' }).total).toBe(q({ facilitator: 's_advan1' }).total); // by name for older cases
    expect(q({ sensitive: true }).rows.every((r) => r.sensitive)).toBe(true);
    expect(q({ status: 'open' }).rows.every((r) => r.stage !== 'closed' && !r.exit)).toBe(true);
    expect(q({ status: 'ended' }).total + q({ status: 'open' }).total).toBe(10_000);
    const overdue = q({ overdue: true }).rows;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.nextDue! < TODAY && r.stage !== 'closed' && !r.exit)).toBe(true);
  });

  it('combine', () => {
    const r = q({ search: 'sian', stages: ['assessment'], sensitive: false, status: 'open' });
    expect(r.rows.every((row) => row.stage === 'assessment' && !row.sensitive && !row.exit)).toBe(true);
  });
});

describe('sorting', () => {
  it.each(SORT_COLUMNS.flatMap((c) => [[c, 'asc'], [c, 'desc']] as const))('by %s %s, empty values last', (column, direction) => {
    const r = q({ sort: { column, direction } }).rows;
    expect(r).toHaveLength(10_000);
    const key = (row: CaseSummary): string | number | undefined =>
      column === 'stage' ? STAGES.indexOf(row.stage) : column === 'name' ? row.names[0] : column === 'sensitive' ? Number(row.sensitive) : column === 'reference' ? row.reference.replace(/-(\d+)$/, (_, n: string) => `-${n.padStart(6, '0')}`) : (row[column] as string | undefined);
    const norm = (v: string | number | undefined) => (typeof v === 'string' ? v.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB').replace(/ł/g, 'l') : v);
    let seenEmpty = false;
    for (let i = 1; i < r.length; i++) {
      const a = norm(key(r[i - 1]!));
      const b = norm(key(r[i]!));
      if (a === undefined) seenEmpty = true;
      if (seenEmpty) {
        expect(b).toBeUndefined();
        continue;
      }
      if (b === undefined) continue;
      expect(direction === 'asc' ? a! <= b : a! >= b, `${column} ${direction} at ${i}: ${a} then ${b}`).toBe(true);
    }
  });

  it('puts RJ-2026-10000 after RJ-2026-9999', () => {
    const r = queryCaseload([{ ...ALL[0]!, reference: 'RJ-2026-10000' }, { ...ALL[1]!, reference: 'RJ-2026-9999' }], { sort: { column: 'reference', direction: 'asc' } }, TODAY);
    expect(r.rows.map((x) => x.reference)).toEqual(['RJ-2026-9999', 'RJ-2026-10000']);
  });

  it('is stable and pages', () => {
    const a = q({ sort: { column: 'stage', direction: 'asc' }, offset: 100, limit: 50 });
    const b = q({ sort: { column: 'stage', direction: 'asc' } });
    expect(a.total).toBe(10_000);
    expect(a.rows).toEqual(b.rows.slice(100, 150));
  });

  it('defaults to newest referrals first', () => {
    const r = q({}).rows;
    expect(r[0]!.receivedOn >= r[r.length - 1]!.receivedOn).toBe(true);
  });
});

describe('the query schema', () => {
  it('accepts a full query and refuses unknown fields and bad values', () => {
    expect(CaseloadQuerySchema.safeParse({ search: 'x', stages: ['contact'], facilitator: 's_facil1', source: 'Police', sensitive: true, overdue: false, status: 'open', sort: { column: 'nextDue', direction: 'asc' }, offset: 0, limit: 100 }).success).toBe(true);
    expect(CaseloadQuerySchema.safeParse({ colour: 'red' }).error?.issues[0]?.message).toMatch(/Unknown field “colour”/);
    expect(CaseloadQuerySchema.safeParse({ sort: { column: 'password', direction: 'asc' } }).success).toBe(false);
    expect(CaseloadQuerySchema.safeParse({ search: 'x'.repeat(201) }).success).toBe(false);
    expect(CaseloadQuerySchema.safeParse({ stages: ['limbo'] }).success).toBe(false);
  });
});

describe('dashboard', () => {
  const d = dashboard(ALL, { today: TODAY, dueSoonUntil: '2026-03-18', me: 's_advan1', recentLimit: 5 });

  it('counts by stage, with exits apart', () => {
    const total = Object.values(d.byStage).reduce((a, b) => a + b, 0) + Object.values(d.exited).reduce((a, b) => a + b, 0);
    expect(total).toBe(10_000);
    expect(d.exited.declined).toBe(ALL.filter((r) => r.exit).length);
    expect(d.open).toBe(ALL.filter((r) => !r.exit && r.stage !== 'closed').length);
  });

  it('lists my open cases, overdue and due soon, and recent changes', () => {
    expect(d.myCases.length).toBeGreaterThan(0);
    expect(d.myCases.every((r) => (r.leadFacilitatorId === 's_advan1' || r.coFacilitatorId === 's_advan1') && !r.exit && r.stage !== 'closed')).toBe(true);
    expect(d.overdue.every((r) => r.nextDue! < TODAY)).toBe(true);
    expect(d.dueSoon.every((r) => r.nextDue! >= TODAY && r.nextDue! <= '2026-03-18')).toBe(true);
    expect(d.overdue.map((r) => r.nextDue)).toEqual([...d.overdue.map((r) => r.nextDue)].sort());
    expect(d.recentlyChanged.map((r) => r.reference)).toEqual(['RJ-2026-10000', 'RJ-2025-9999', 'RJ-2026-9998', 'RJ-2025-9997', 'RJ-2026-9996']);
  });

  it('copes with no rows', () => {
    const empty = dashboard([], { today: TODAY, dueSoonUntil: TODAY });
    expect(empty.open).toBe(0);
    expect(empty.recentlyChanged).toEqual([]);
    expect(queryCaseload([], { search: 'x' }, TODAY)).toEqual({ rows: [], total: 0 });
  });
});
