import { describe, expect, it } from 'vitest';
import type { ComplaintList } from '../../src-main/domain/quality/complaints';
import type { PolicyList } from '../../src-main/domain/quality/policies';
import { env, run, seeded, useCliWorld } from './run-world';

/** `casebook policies list` and `casebook complaints list` in-process over the fake service (the rules themselves: tests/quality). */
useCliWorld();

const DOC = { ref: 'a'.repeat(64), name: 'Safeguarding v3.pdf', type: 'application/pdf' as const, size: 2048 };
const POLICIES: PolicyList = {
  at: '2026-03-01',
  dueSoonDays: 28,
  policies: [
    {
      id: 'pol_safeguard01',
      title: 'Safeguarding adults and children',
      ownerId: 's_jo0001',
      ownerName: 'Jo Whitfield',
      nextReview: '2026-02-01',
      indicators: ['1.2', '2.5'],
      current: { version: '3', approvedOn: '2025-02-01', document: DOC },
      history: [{ version: '2', approvedOn: '2024-02-01' }],
      status: 'overdue',
      daysToReview: -28,
    },
  ],
};
const COMPLAINTS: ComplaintList = {
  at: '2026-03-01',
  complaints: [
    { id: 'cmp_late000001', receivedOn: '2026-01-05', from: 'harmed', about: 'Not told the date moved', acknowledgedOn: '2026-01-30', caseId: 'c_case00000001', caseReference: 'RJ-2026-0007', acknowledgeBy: '2026-01-19', status: 'acknowledged', late: true },
    { id: 'cmp_open000001', receivedOn: '2026-02-26', from: 'supporter', about: 'Seating', acknowledgeBy: '2026-03-12', status: 'due', late: false },
  ],
};

describe('policies list', () => {
  it('answers --json inside the envelope, in the documented shape', async () => {
    (await seeded()).policies = POLICIES;
    const r = await run(['policies', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      ok: true,
      value: {
        at: '2026-03-01',
        policies: [
          {
            title: 'Safeguarding adults and children',
            version: '3',
            approvedOn: '2025-02-01',
            document: { name: 'Safeguarding v3.pdf', type: 'application/pdf', size: 2048 },
            owner: 'Jo Whitfield',
            nextReview: '2026-02-01',
            status: 'overdue',
            indicators: ['1.2', '2.5'],
            history: [{ version: '2', approvedOn: '2024-02-01', document: null }],
          },
        ],
      },
    });
  });

  it('prints a table a person can read, and says when the register is empty', async () => {
    const s = await seeded();
    expect((await run(['policies', 'list'])).stdout).toMatch(/The policies register is empty/);
    s.policies = POLICIES;
    const r = await run(['policies', 'list']);
    expect(r.stdout).toMatch(/1 policy, 1 review due or overdue/);
    expect(r.stdout).toMatch(/Safeguarding adults and children\s+3\s+Jo Whitfield\s+1 February 2025\s+1 February 2026\s+Review overdue\s+yes\s+1\.2, 2\.5/);
  });
});

describe('complaints list', () => {
  it('answers --json inside the envelope, naming who complained by their part, never a name', async () => {
    (await seeded()).complaints = COMPLAINTS;
    const r = await run(['complaints', 'list', '--json']);
    expect(r.code).toBe(0);
    const v = r.json().value as { complaints: Record<string, unknown>[] };
    expect(Object.keys(v)).toEqual(['at', 'complaints']);
    expect(v.complaints[0]).toEqual({
      receivedOn: '2026-01-05',
      from: 'harmed',
      caseReference: 'RJ-2026-0007',
      about: 'Not told the date moved',
      acknowledgeBy: '2026-01-19',
      acknowledgedOn: '2026-01-30',
      status: 'acknowledged',
      late: true,
      outcome: null,
      lessons: null,
      closedOn: null,
    });
  });

  it('shows a late acknowledgement as late', async () => {
    (await seeded()).complaints = COMPLAINTS;
    const r = await run(['complaints', 'list']);
    expect(r.stdout).toMatch(/2 complaints, 1 waiting for acknowledgement/);
    expect(r.stdout).toMatch(/5 January 2026\s+Person harmed\s+RJ-2026-0007\s+19 January 2026\s+30 January 2026\s+Acknowledged \(late\)/);
    expect(r.stdout).toMatch(/26 February 2026\s+Supporter\s+12 March 2026\s+Acknowledgement due/);
  });

  it('is refused to a facilitator', async () => {
    await seeded([{ name: 'Fatima Hussain', role: 'facilitator' }]);
    const r = await run(['complaints', 'list', '--user', 'Fatima Hussain'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Fatima Hussain passphrase' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Only administrators, coordinators and quality leads may see and record complaints/);
  });
});
