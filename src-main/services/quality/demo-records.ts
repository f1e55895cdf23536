import { demoComplaints, demoPolicies } from '../../demo/quality-records';
import { londonDate } from '../../domain/time/dates';
import type { QualityApi } from './api';

export type DemoQualityApi = Pick<QualityApi, 'listPolicies' | 'savePolicy' | 'addPolicyVersion' | 'listComplaints' | 'recordComplaint'>;

/**
 * Add the demo's policies (those not already in the register, by title) and, when the log is
 * empty, its complaints, through the same commands the app uses, so they are checked like everything else.
 */
export async function addDemoQualityRecords(q: DemoQualityApi, o: { now: Date; owners: { coordinator: string; facilitator: string }; caseReference?: string | undefined }): Promise<void> {
  const today = londonDate(o.now.toISOString());
  const have = new Set((await q.listPolicies({})).policies.map((p) => p.title));
  for (const p of demoPolicies(today)) {
    if (have.has(p.title)) continue;
    const [first, ...later] = p.versions;
    // Each earlier version is reviewed when the next is approved.
    const saved = await q.savePolicy({ title: p.title, version: first!.version, approvedOn: first!.approvedOn, nextReview: later.length > 0 ? later[0]!.approvedOn : p.nextReview, ownerId: o.owners[p.owner], indicators: p.indicators });
    for (const v of later) await q.addPolicyVersion({ policyId: saved.id, version: v.version, approvedOn: v.approvedOn, nextReview: p.nextReview });
  }
  if ((await q.listComplaints({})).complaints.length > 0) return;
  for (const c of demoComplaints(today)) {
    const { aboutCase, ...rest } = c;
    await q.recordComplaint({ ...rest, ...(aboutCase && o.caseReference ? { caseReference: o.caseReference } : {}) });
  }
}
