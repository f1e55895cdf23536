import type { CommandDef } from '../command';
import { accept } from './accept';
import { auditList } from './audit-list';
import { backup } from './backup';
import { caseShow } from './case-show';
import { casesList } from './cases-list';
import { demo } from './demo';
import { doc } from './doc';
import { exportCases } from './export';
import { figures } from './figures';
import { ics } from './ics';
import { importCases } from './import';
import { init } from './init';
import { meetingsList } from './meetings';
import { restore } from './restore';
import { staffCompliance } from './staff-compliance';
import { staffCpd, staffObserved, staffSupervision } from './staff-record';
import { verify } from './verify';
import { policiesList } from './policies-list';
import { complaintsList } from './complaints-list';

/** Every command, in the order `casebook --help` lists them. */
export const COMMANDS: readonly CommandDef[] = [init, verify, auditList, backup, restore, accept, importCases, exportCases, demo, casesList, caseShow, doc, meetingsList, ics, figures, staffCompliance, staffCpd, staffSupervision, staffObserved, policiesList, complaintsList];
