import { SMALL_NUMBER } from './equality';

/**
 * Which date puts each item in the period, as the figures count it (figures.ts and its
 * neighbours), for whoever has to explain a number to a commissioner or an assessor. One list,
 * shown on the Figures page and printed in the figures report.
 */
export const HOW_COUNTED: readonly (readonly [figure: string, rule: string])[] = [
  ['Referrals received', 'Referrals received in the period, counted on the day each was received.'],
  ['Cases by stage and cases ended early', 'Cases open at some point in the period: received by its last day and not closed or ended before its first day. Each is counted once, by its stage or how it ended now.'],
  ['Conferences held', 'Conferences recorded as held, counted on the day of the meeting.'],
  ['Indirect processes started', 'Counted on the day the process started: the first entry in its log of messages and letters.'],
  ['Agreements reached', 'Outcome agreements counted on the day they were signed.'],
  ['Agreements completed', 'Signed agreements with every action done, counted on the day the last action was done.'],
  ['Cases closed', 'Counted on the day each case was closed, by its outcome.'],
  ['Satisfied with the outcome and overall score', 'Feedback counted on the day it was given. Satisfied means the person agreed or strongly agreed with “I am satisfied with the outcome”; people who did not answer that question are left out.'],
  ['Referral to first contact', 'Cases whose first contact fell in the period: the median number of working days from the referral (weekends and bank holidays in England and Wales left out).'],
  ['Referral to conference', 'Cases whose first conference held fell in the period: the median number of working days from the referral.'],
  ['Deadlines met on time', 'Deadlines due in the period whose outcome is known (met, overdue or lapsed). Met on time means met on or before the due date.'],
  ['Complaints', 'Complaints in the complaints log received in the period, counted on the day each was received. Acknowledged late: acknowledged after the 10-working-day deadline (Victims’ Code right 12), or still not acknowledged once it has passed.'],
  ['Month by month', 'Referrals by the day received, processes by the day they started (first conference held or first indirect message, whichever came first), cases closed by the day closed. A month the period only partly covers counts only its days in the period.'],
  ['Previous period and same period last year', 'The same figures, counted the same way, for the period just before this one and for the same dates a year earlier. A period of whole months is compared month for month (a quarter with the quarter before); otherwise the previous period has the same number of days.'],
  ['Offered restorative justice', 'People (not cases) given information about restorative justice in the period, each on the first day the contact log records it given to them.'],
  ['Referred', 'Referrals received in the period.'],
  ['Took part', 'The people taking part (people harmed, people responsible and others; not supporters or parents) in the cases whose process started in the period.'],
  ['Conference or indirect process', 'Cases whose restorative process started in the period, each counted once: its first conference held or the first message of its indirect process, whichever came first.'],
  ['Agreement reached and completed (funnel)', 'Agreements signed in the period, and signed agreements whose last action was done in the period. Each step is counted on its own day, so a step can be larger than the one before it.'],
  ['Victims’ Code rights 3 and 4', 'Deadlines due in the period for the person harmed: right 3, information about restorative justice (5 working days after the referral, 1 with enhanced rights); right 4, the service’s first contact (2 working days). Met on time: on or before the due date; late: met after it; not met: the case ended first; still open: not met yet. The share on time is of those met, not met or past their due date.'],
  ['Outcomes by process type', 'Cases closed in the period, by the process chosen (face-to-face conference, community conference or indirect) or, where none was chosen, the one the case had.'],
  ['Satisfaction by role', 'Feedback given in the period, by whether it came from a person harmed, a person responsible or someone else.'],
  ['Offence categories and sensitive cases', 'Referrals received in the period, by the offence category recorded and by whether the referral was marked sensitive (for example domestic abuse, hate crime or a sexual offence).'],
  ['Equality monitoring', `Feedback given in the period by people who agreed to equality monitoring; counts only. Any count below ${SMALL_NUMBER} is shown as “fewer than ${SMALL_NUMBER}”, and where that leaves one hidden count in a question the next smallest is hidden too. With fewer than ${SMALL_NUMBER} such responses there is no breakdown.`],
  ['Activity per facilitator', 'For each lead facilitator, numbered busiest first and never named: cases they lead that were open in the period, and meetings they led that were held in it.'],
];
