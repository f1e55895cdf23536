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
import { keyRotate } from './key-rotate';
import { meetingsList } from './meetings';
import { pack } from './pack';
import { packCheck } from './pack-check';
import { restore } from './restore';
import { staffCompliance } from './staff-compliance';
import { staffCpd, staffObserved, staffSupervision, staffTraining } from './staff-record';
import { staffAdd, staffList, staffShow } from './staff-people';
import { staffImport } from './staff-import';
import { staffCertificate } from './staff-certificate';
import { verify } from './verify';
import { policiesList } from './policies-list';
import { complaintsList } from './complaints-list';

/** Every command, in the order `casebook --help` lists them. */
export const COMMANDS: readonly CommandDef[] = [init, verify, auditList, backup, restore, accept, keyRotate, importCases, exportCases, demo, casesList, caseShow, doc, pack, packCheck, meetingsList, ics, figures, staffAdd, staffList, staffShow, staffImport, staffCompliance, staffCpd, staffSupervision, staffObserved, staffTraining, staffCertificate, policiesList, complaintsList];
