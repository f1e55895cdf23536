import type { ComplainantRole } from '../domain/quality/complaints';
import { addDays, addMonths } from '../domain/time/dates';

/**
 * The demo's policies register and complaints log, dated from the demo's "today" so every
 * status shows: one policy review overdue, one due soon, one policy with an earlier version
 * kept; one complaint acknowledged late, one waiting and still within its 10 working days.
 * The same day gives the same records.
 */
export interface DemoPolicy {
  title: string;
  /** Oldest first; the last is current. */
  versions: { version: string; approvedOn: string }[];
  nextReview: string;
  indicators: string[];
  /** Who owns it: the coordinator, or the first facilitator. */
  owner: 'coordinator' | 'facilitator';
}

export interface DemoComplaint {
  receivedOn: string;
  from: ComplainantRole;
  about: string;
  /** Whether it names the demo's first case. */
  aboutCase: boolean;
  acknowledgedOn?: string;
  outcome?: string;
  lessons?: string;
  closedOn?: string;
}

export function demoPolicies(today: string): DemoPolicy[] {
  return [
    // Reviewed yearly; the review fell a month ago and has not happened: overdue.
    { title: 'Safeguarding adults and children', versions: [{ version: '3', approvedOn: addMonths(today, -13) }], nextReview: addMonths(today, -1), indicators: ['1.2', '2.5', '5.1', '6.5'], owner: 'coordinator' },
    // A second version approved last year; its review falls within the rules' due-soon window.
    {
      title: 'Risk assessment and safety planning',
      versions: [
        { version: '1', approvedOn: addMonths(today, -35) },
        { version: '2', approvedOn: addMonths(today, -11) },
      ],
      nextReview: addDays(today, 20),
      indicators: ['5.2', '5.3'],
      owner: 'facilitator',
    },
    { title: 'Complaints and feedback', versions: [{ version: '1.1', approvedOn: addMonths(today, -2) }], nextReview: addMonths(today, 22), indicators: ['6.3'], owner: 'coordinator' },
    { title: 'Data protection and confidentiality', versions: [{ version: '4', approvedOn: addMonths(today, -6) }], nextReview: addMonths(today, 6), indicators: ['2.2', '2.3'], owner: 'coordinator' },
  ];
}

export function demoComplaints(today: string): DemoComplaint[] {
  return [
    {
      // Twenty calendar days is more than 10 working days whatever the bank holidays: late.
      receivedOn: addDays(today, -45),
      from: 'harmed',
      about: 'Was not told that the conference had been moved to a later date until the day before.',
      aboutCase: true,
      acknowledgedOn: addDays(today, -25),
      outcome: 'Apology given; the facilitator now confirms any change of date by phone and letter.',
      lessons: 'Changes of date are confirmed to every participant on the day they are made.',
      closedOn: addDays(today, -10),
    },
    { receivedOn: addDays(today, -30), from: 'responsible', about: 'Felt the preparation meeting was rushed.', aboutCase: false, acknowledgedOn: addDays(today, -28) },
    { receivedOn: addDays(today, -70), from: 'other', about: 'A neighbour complained about noise from the waiting room.', aboutCase: false, acknowledgedOn: addDays(today, -68), outcome: 'Waiting room moved to the ground floor.', closedOn: addDays(today, -60) },
    // Received two days ago and not yet acknowledged: due, not overdue.
    { receivedOn: addDays(today, -2), from: 'supporter', about: 'Was not allowed to sit next to the person they were supporting.', aboutCase: false },
  ];
}
