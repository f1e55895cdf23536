import { requireCapability } from '../../domain/access/capabilities';
import { indicatorsOf, type Framework } from '../../domain/quality/frameworks';
import {
  EMPTY_HEALTH_CHECK,
  HEALTH_CHECK_REGISTER,
  HealthCheckRegisterSchema,
  hasIndicator,
  progress,
  type GetHealthCheckInput,
  type HealthCheck,
  type HealthCheckAnswer,
  type HealthCheckAnswerRow,
  type HealthCheckRegister,
  type SaveIndicatorAnswerInput,
} from '../../domain/quality/health-check';
import { evidenceTitles } from '../../domain/quality/health-check-evidence';
import { auditShortfalls, closedSince, healthCheckGaps } from '../../domain/quality/health-check-gaps';
import { reviewStatus } from '../../domain/quality/policies';
import { CasebookError } from '../../domain/shared/errors';
import { serviceCompliance } from '../../domain/staff/compliance';
import { NOT_ON_STAFF_LIST } from '../../domain/staff/signer';
import type { Store } from '../../store/store';
import { actorOf, type Casework } from '../cases/context';
import { invalidInput } from '../shared/errors';
import { staffRecords } from '../staff/register-file';
import { readPolicies } from './policies';

/**
 * The health check in registers/health-check.cbk, read the first time a command needs it. The
 * contract has checked each field's shape; whether the framework, the indicator and the linked
 * policies exist depends on the templates and the casebook, so it is checked here, before
 * anything is written. The audit entry names the fields saved, never the narrative.
 */
const invalid = (path: string, message: string) => invalidInput([{ path, message }]);

export function readHealthCheck(s: Store): Promise<HealthCheckRegister> {
  return s.registers.read(HEALTH_CHECK_REGISTER, HealthCheckRegisterSchema, EMPTY_HEALTH_CHECK);
}

function frameworkOf(cw: Casework, id: string): Framework {
  const f = cw.t.frameworks.find((x) => x.id === id);
  if (!f) throw invalid('framework', `There is no framework "${id}": choose one of ${cw.t.frameworks.map((x) => x.id).join(', ')}`);
  return f;
}

/** Narratives by indicator number, for the evidence pack. */
export async function narrativesFor(s: Store, framework: string): Promise<Record<string, string>> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const a of (await readHealthCheck(s)).answers) if (a.framework === framework && a.narrative) out[a.indicator] = a.narrative;
  return out;
}

/** The titles of the files attached to each indicator, for the evidence pack (people wrote them: the leak check reads them in full). */
export async function evidenceTitlesFor(s: Store, framework: string): Promise<Record<string, string[]>> {
  return evidenceTitles((await readHealthCheck(s)).evidence ?? [], framework);
}

/** Gaps read every closed case of the year and the whole register: the cost of the page, paid once per visit. */
async function gapsOf(cw: Casework, framework: Framework) {
  const s = cw.s;
  const since = `${cw.today.slice(0, 4)}-01-01`;
  const rows = s.summaries.all().filter((r) => r.stage === 'closed');
  const cases = closedSince(await Promise.all(rows.map((r) => s.readCase(r.id))), since);
  const rules = cw.t.qualityRules;
  const overdueReviews = (await readPolicies(s)).policies.filter((p) => reviewStatus(p.nextReview, cw.today, rules.dueSoonDays) === 'overdue').length;
  return healthCheckGaps(framework, { compliance: serviceCompliance(await staffRecords(s), cw.today, rules), rules, overdueReviews, closedSince: since, shortfalls: auditShortfalls(cases, cw.today) });
}

export async function getHealthCheck(cw: Casework, input: GetHealthCheckInput): Promise<HealthCheck> {
  requireCapability(cw.s.user.role, 'read-health-check');
  const framework = input.framework === undefined ? cw.t.frameworks[0] : frameworkOf(cw, input.framework);
  if (!framework) throw new CasebookError('NOT_FOUND', 'There are no frameworks in templates/quality/frameworks: add one to answer the health check.');
  const register = await readHealthCheck(cw.s);
  const answers = register.answers.filter((a) => a.framework === framework.id);
  return {
    framework: framework.id,
    title: framework.title,
    frameworks: cw.t.frameworks.map((f) => ({ id: f.id, title: f.title })),
    indicators: indicatorsOf(framework).map(({ standard, indicator }) => ({ number: indicator.number, title: indicator.title, standard: standard.number, safeguarding: indicator.safeguarding ?? false })),
    answers: answers.map((a) => rowOf(cw, a)),
    evidence: (register.evidence ?? []).filter((e) => e.framework === framework.id).map(({ framework: _f, ref: _r, ...e }) => ({ ...e, addedByName: staffName(cw, e.addedBy) })),
    progress: progress(framework, answers), gaps: await gapsOf(cw, framework) };
}

function rowOf(cw: Casework, a: HealthCheckAnswer): HealthCheckAnswerRow {
  const { framework: _framework, ...rest } = a;
  return { ...rest, updatedByName: staffName(cw, a.updatedBy) };
}

const staffName = (cw: Casework, id: string) => cw.s.index.staff.find((m) => m.id === id)?.name ?? 'someone no longer on the staff list';

/** Before any change to an indicator: the signed-in person may answer, is on the staff list (they sign it), and the framework lists the indicator. */
export function indicatorToChange(cw: Casework, input: { framework: string; indicator: string }) {
  requireCapability(cw.s.user.role, 'manage-health-check');
  const me = actorOf(cw).staff;
  if (!me) throw new CasebookError('FORBIDDEN', NOT_ON_STAFF_LIST);
  const framework = frameworkOf(cw, input.framework);
  if (!hasIndicator(framework, input.indicator)) throw invalid('indicator', `${framework.title} has no indicator ${input.indicator}: choose one it lists`);
  return { me, framework };
}

export async function saveIndicatorAnswer(cw: Casework, input: SaveIndicatorAnswerInput): Promise<HealthCheckAnswerRow> {
  const s = cw.s;
  const { me, framework } = indicatorToChange(cw, input);
  const policyIds = input.policyIds ?? [];
  if (policyIds.length > 0) {
    const known = new Set((await readPolicies(s)).policies.map((p) => p.id));
    const i = policyIds.findIndex((id) => !known.has(id));
    if (i >= 0) throw invalid(`policyIds.${i}`, 'That policy is not in the register. It may have been removed; reload the page.');
  }
  const register = await readHealthCheck(s);
  const same = (a: HealthCheckAnswer) => a.framework === framework.id && a.indicator === input.indicator;
  const before = register.answers.find(same);
  const answer: HealthCheckAnswer = {
    framework: framework.id,
    indicator: input.indicator,
    ...(input.rating ? { rating: input.rating } : {}),
    ...(input.narrative ? { narrative: input.narrative } : {}),
    policyIds,
    updatedOn: cw.today,
    updatedBy: me.id,
  };
  const fields = (['rating', 'narrative', 'policyIds'] as const).filter((k) => JSON.stringify(before?.[k] ?? (k === 'policyIds' ? [] : undefined)) !== JSON.stringify(answer[k]));
  // The rest of the register (the files attached to indicators) is kept as it is.
  const checked = HealthCheckRegisterSchema.parse({ ...register, answers: [...register.answers.filter((a) => !same(a)), answer] });
  // The framework and indicator are the template's words, not what anyone wrote, so the entry may name them.
  const draft = s.draft('health-check.answer', { type: 'health-check', id: `${framework.id}:${input.indicator}` }, fields);
  await s.registers.save(HEALTH_CHECK_REGISTER, checked, [draft]);
  return rowOf(cw, answer);
}
