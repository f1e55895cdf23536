import { z } from 'zod';
import { MyWorkSchema } from '../../domain/daily-work/my-work';
import { ReassignCasesInputSchema, ReassignedSchema } from '../../domain/daily-work/reassign';
import { TeamCaseloadSchema } from '../../domain/daily-work/team-caseload';
import type { CommandGroup } from '../command-spec';

/**
 * The day's work (issue 14): the signed-in person's overdue and due-soon tasks, the team's
 * caseload per facilitator, and reassigning several cases at once (each case its own recorded
 * change; all or none).
 */
export const dailyWorkCommands = {
  getMyWork: {
    input: z.strictObject({}),
    output: MyWorkSchema,
    access: 'read-cases',
    summary: 'My overdue and due-soon tasks, each naming its deadline and the section of the case that clears it',
  },
  getTeamCaseload: {
    input: z.strictObject({}),
    output: TeamCaseloadSchema,
    access: 'read-team-caseload',
    summary: 'Open, sensitive and overdue cases per facilitator',
  },
  reassignCases: {
    input: ReassignCasesInputSchema,
    output: ReassignedSchema,
    access: 'reassign-cases',
    summary: 'Give several cases a new lead facilitator at once (all or none)',
  },
} as const satisfies CommandGroup;
