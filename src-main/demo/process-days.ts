import type { Case, Exit, Participant } from '../domain/cases/case';
import type { ConferenceRecord } from '../domain/conferences/conference-record';
import type { Meeting } from '../domain/conferences/meeting';
import type { IndirectLogEntry, ProcessForm, ProcessKind } from '../domain/conferences/process-type';
import type { OutcomeAgreement } from '../domain/outcomes/agreement';
import type { Closure } from '../domain/outcomes/closure';
import type { Feedback } from '../domain/outcomes/feedback';
import type { Random } from './prng';
import type { DemoResources } from './resources';

/** Days as whole numbers since 1970 (UTC), and the stage positions, shared by the demo's process makers. */
export const DAY_MS = 86_400_000;
export const day = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const at = (n: number, minutes: number) => new Date(n * DAY_MS + minutes * 60_000).toISOString();

// Stage positions in STAGES.
export const CONTACT = 2;
export const ASSESSMENT = 3;
export const PREPARATION = 4;
export const CONSENT = 5;
export const PROCESS = 6;
export const OUTCOME = 7;
export const MONITORING = 8;
export const CLOSED = 9;

export const isMinor = (p: Participant, onDay: number) => p.person.dateOfBirth !== undefined && onDay - Date.parse(p.person.dateOfBirth) / DAY_MS < 18 * 365.25;

export interface ProcessInput {
  caseId: string;
  stageIndex: number;
  /** The day each stage up to the current one was reached (index as STAGES). */
  stageDays: readonly number[];
  receivedDay: number;
  /** Yesterday: nothing in the past is dated later. */
  lastDay: number;
  todayDay: number;
  exit?: { kind: Exit; day: number; withdrawnBy?: string };
  participants: readonly Participant[];
  leadId: string;
  sensitive: boolean;
}

/** What the makers of a case's indirect log and outcome (indirect.ts, outcome.ts) need of the case being made. */
export interface CaseScene {
  readonly r: Random;
  readonly res: DemoResources;
  readonly c: ProcessInput;
  /** The stage reached, as an index into STAGES. */
  readonly si: number;
  /** Nothing in the past is later than this: the day the case ended, or yesterday. */
  readonly limit: number;
  readonly participants: readonly Participant[];
  readonly harmed: readonly Participant[];
  readonly responsible: Participant | undefined;
  readonly parents: readonly Participant[];
  stageDay(i: number): number;
  event(onDay: number, minutes: number, kind: string, text: string, by?: string): void;
  mayAskFeedback(p: Participant): boolean;
  actionId(): string;
  staffName(id: string): string;
}

/** What the process maker adds to a demo case. */
export interface ProcessRecords {
  participants: Participant[];
  processKind?: ProcessKind;
  processForm?: ProcessForm;
  coFacilitatorId?: string;
  schedule?: Meeting[];
  indirectLog?: IndirectLogEntry[];
  conferenceRecords?: ConferenceRecord[];
  agreement?: OutcomeAgreement;
  closure?: Closure;
  feedback?: Feedback[];
  events: Case['timeline'][number][];
}
