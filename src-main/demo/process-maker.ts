import { Diary } from './diary';
import { CaseProcess } from './process';
import type { ProcessInput, ProcessRecords } from './process-days';
import type { Random } from './prng';
import type { DemoResources } from './resources';

export type { ProcessInput, ProcessRecords } from './process-days';

/**
 * The restorative process of demo cases: first contacts, preparation meetings, the process
 * chosen, a conference or an indirect exchange, the outcome agreement and how it went, the
 * closure and feedback, each dated within the days the case reached its stages. Meetings are
 * placed in one diary shared by every case, so nobody and no room is ever double-booked.
 */
export class ProcessMaker {
  readonly diary: Diary;

  constructor(
    private readonly r: Random,
    private readonly res: DemoResources,
    private readonly newId: (prefix: 'm_' | 'a_') => string,
    private readonly names: (staffId: string) => string,
  ) {
    this.diary = new Diary(r);
  }

  make(input: ProcessInput): ProcessRecords {
    return new CaseProcess(this, this.r, this.res, input).build();
  }

  meetingId(): string {
    return this.newId('m_');
  }

  actionId(): string {
    return this.newId('a_');
  }

  staffName(id: string): string {
    return this.names(id);
  }
}


