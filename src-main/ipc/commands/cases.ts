import { z } from 'zod';
import { CaseIdSchema, CaseSchema, CaseSummarySchema } from '../../domain/cases/case';
import { CaseListPageSchema, CaseViewSchema, CaseworkReferenceSchema, DashboardViewSchema } from '../../domain/cases/case-view';
import { CaseloadQuerySchema } from '../../domain/cases/caseload';
import { STAGES } from '../../domain/cases/stages';
import { WorkflowCommandSchema } from '../../domain/cases/workflow';
import { CaseAccessHistorySchema } from '../../domain/data-protection/case-access-history';
import type { CommandGroup } from '../command-spec';

/**
 * Cases: the list, the dashboard, one case with what the domain works out about it, and every
 * change to a case. A change carries one of the domain's workflow commands and the revision
 * the user was looking at, so two people editing the same case cannot silently overwrite each
 * other; who may make which change is decided in domain/access.
 */
const empty = z.strictObject({});

export const casesCommands = {
  listCases: {
    input: z.strictObject({ stage: z.enum(STAGES).optional(), query: z.string().max(200).optional() }),
    output: z.array(CaseSummarySchema),
    access: 'read-cases',
    summary: 'List cases',
  },
  getCase: { input: z.strictObject({ id: CaseIdSchema }), output: CaseSchema, access: 'read-cases', summary: 'Open one case' },
  getCaseworkReference: {
    input: empty,
    output: CaseworkReferenceSchema,
    access: 'read-cases',
    summary: 'Read the lists, consent elements, risk factors, staff and casework settings forms need',
  },
  getCaseView: {
    input: z.strictObject({ id: CaseIdSchema }),
    output: CaseViewSchema,
    access: 'read-cases',
    summary: 'Open a case with its deadlines, consent and risk at a glance',
  },
  applyCaseCommand: {
    input: z.strictObject({ caseId: CaseIdSchema, revision: z.number().int().min(1), command: WorkflowCommandSchema }),
    output: CaseViewSchema,
    access: 'change-cases',
    summary: 'Change a case: a workflow step, consent, risk, contact, people or notes',
  },
  queryCaseload: {
    input: CaseloadQuerySchema,
    output: CaseListPageSchema,
    access: 'read-cases',
    summary: 'Search, filter and sort the case list',
  },
  getDashboard: {
    input: empty,
    output: DashboardViewSchema,
    access: 'read-cases',
    summary: 'My cases, due and overdue, recently changed and counts by stage',
  },
  getCaseAccessHistory: {
    input: z.strictObject({ caseId: CaseIdSchema }),
    output: CaseAccessHistorySchema,
    access: 'read-case-access',
    summary: 'Who opened, printed or exported a case, and when (from the audit trail)',
  },
} as const satisfies CommandGroup;
