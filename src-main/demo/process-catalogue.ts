import type { ActionKind } from '../domain/outcomes/agreement';

/**
 * Wording for the restorative process in demo cases: why meetings move, what conferences and
 * letters were about, what agreements say. Short and plausible, never about a real person.
 */
export const CANCEL_REASONS = [
  'The person harmed was unwell; rebooked for the following week.',
  'The facilitator was called to an urgent safeguarding matter; rebooked.',
  'The person responsible could not get time off work; rebooked.',
  'Childcare fell through on the day; rebooked at a time that suits them.',
  'Public transport strike; rebooked.',
] as const;

export const POSTPONE_REASONS = [
  'The person harmed asked for more time to prepare; a new date will be agreed.',
  'Waiting for the interpreter agency to confirm a new date.',
  'The person responsible has a court date that week; a new date will be agreed.',
  'The venue is closed for repairs that week; looking for another date.',
] as const;

export const EXIT_CANCEL_REASON = 'Cancelled because the case ended before the meeting.';

export const GROUND_RULES = [
  'Everyone will have the chance to speak without being interrupted.',
  'Speak respectfully; no abusive language, threats or intimidation.',
  'Anyone may ask for a break at any time, and may stop taking part.',
  'What is said here stays here, within the limits of confidentiality explained during preparation.',
] as const;

export const CONFERENCE_SUMMARIES = {
  'agreement-reached': [
    'Both parties spoke about the offence and its effects. The person responsible answered the questions the person harmed had prepared and apologised. An outcome agreement was drafted and read back to everyone.',
    'The person harmed described the months after the offence. The person responsible listened, accepted what they had done and offered to put things right. The agreement below was reached.',
  ],
  'no-agreement': [
    'The person harmed said what they needed to say and heard an explanation; both said they did not want a written agreement.',
    'The conversation was difficult but respectful. The person harmed got answers to their questions; no agreement was sought.',
  ],
  adjourned: ['The person harmed asked to stop after an hour; everyone agreed to meet again to finish.'],
} as const;

export const OTHERS_PRESENT = ['Police officer (observer)', 'Housing officer', 'Youth justice worker', 'Community volunteer', 'Neighbourhood representative'] as const;

export const INDIRECT_SUMMARIES = {
  message: ['Questions about why their home was chosen, passed on by the facilitator.', 'Answers to the questions, passed back in the person’s own words.'],
  letter: ['A letter describing the effect of the offence on the family.', 'A letter of apology and explanation.', 'A reply thanking them for the letter.'],
  'no-send-letter': ['A letter written to help the writer say what they feel; kept, not sent.'],
  'phone-call': ['A phone call relayed by the facilitator, each party speaking in turn.'],
  'audio-recording': ['A short recorded message, listened to with the facilitator.'],
  'video-recording': ['A short video message, watched with the facilitator.'],
} as const;

/** What each kind of action says, what shows it was done, and who usually does it. */
export const ACTIONS: Record<ActionKind, { description: string; shownBy: string; by: 'responsible' | 'harmed' }> = {
  apology: { description: 'Write and deliver a personal apology.', shownBy: 'The person harmed confirms it was received.', by: 'responsible' },
  explanation: { description: 'Explain in writing why the house was targeted.', shownBy: 'The facilitator passes it on and the person harmed confirms it answered their questions.', by: 'responsible' },
  letter: { description: 'Write a letter describing what has changed since the conference.', shownBy: 'The facilitator records the date it was passed on.', by: 'responsible' },
  reparation: { description: 'Repair and repaint the damaged fence with the community payback team.', shownBy: 'Photographs seen by the facilitator.', by: 'responsible' },
  'voluntary-payment': { description: 'Pay £150 towards the cost of the damage, in three instalments.', shownBy: 'A receipt recorded by the service.', by: 'responsible' },
  'charity-work': { description: 'Volunteer twenty hours at the food bank.', shownBy: 'A timesheet from the food bank.', by: 'responsible' },
  programme: { description: 'Complete the alcohol awareness course.', shownBy: 'An attendance record from the provider.', by: 'responsible' },
  'keep-informed': { description: 'Let the facilitator know once the course is finished, to tell the person harmed.', shownBy: 'The facilitator records each update passed on.', by: 'responsible' },
  'chance-meetings': { description: 'If the two meet by chance, nod and move on; no conversation unless both want one.', shownBy: 'No concerns raised at monitoring reviews.', by: 'harmed' },
  other: { description: 'Return the borrowed tools to the shed.', shownBy: 'Agreed by the parties and recorded by the facilitator.', by: 'responsible' },
};

export const ACTION_KIND_WEIGHTS: readonly (readonly [ActionKind, number])[] = [
  ['apology', 10],
  ['explanation', 5],
  ['letter', 6],
  ['reparation', 5],
  ['voluntary-payment', 4],
  ['charity-work', 4],
  ['programme', 5],
  ['keep-informed', 3],
  ['chance-meetings', 3],
  ['other', 1],
];

export const DONE_EVIDENCE = ['Seen by the facilitator and recorded.', 'Confirmed by the person harmed by phone.', 'Receipt and timesheet on file.'] as const;
export const NOT_DONE_EVIDENCE = ['Not done by the due date despite two reminders; the person harmed was told.', 'The person responsible moved away and stopped replying.'] as const;

export const REVIEW_NOTES = ['Reviewed with both parties by phone; on track.', 'One action running late; a new date was agreed informally and the person harmed told.', 'Monitoring review: no concerns.'] as const;

export const CLOSURE_SUMMARIES = {
  'agreement-completed': 'Every action in the agreement was done. Both parties were told and thanked; feedback forms sent.',
  'agreement-partly-completed': 'Most of the agreement was done; the rest could not be. The person harmed was told what was and was not done.',
  'completed-without-agreement': 'The process finished without a written agreement; both parties said they had what they needed.',
} as const;

export const FEEDBACK_COMMENTS = [
  'I was nervous, but the preparation meant I knew what to expect.',
  'It helped to hear why it happened.',
  'I wish it had happened sooner.',
  'The facilitator was calm and kept everyone safe.',
  undefined,
  undefined,
] as const;

export const INTERPRETERS: Record<string, readonly string[]> = {
  Welsh: ['Heledd Roberts', 'Aled Jones'],
  Polish: ['Ewa Malinowska', 'Tomasz Nowicki', 'Joanna Król'],
  Turkish: ['Derya Arslan', 'Kemal Aksoy'],
  Vietnamese: ['Hoa Tran', 'Minh Pham'],
  Greek: ['Eleni Markou', 'Petros Alexiou'],
  Russian: ['Irina Volkova', 'Pavel Orlov'],
  Arabic: ['Samira Haddad', 'Karim Nasser', 'Rania Saleh'],
  Mandarin: ['Li Na', 'Zhou Wei'],
  Punjabi: ['Manpreet Gill', 'Harjit Bains'],
  Urdu: ['Asma Rafiq', 'Tariq Mahmood'],
  Romanian: ['Ana Marin', 'Victor Lupu'],
  Somali: ['Hibo Yusuf', 'Abdi Nur'],
  Portuguese: ['Marta Sousa', 'Rui Lopes'],
  Bengali: ['Farhana Islam', 'Anwar Hossain'],
};

export const INTERPRETING_AGENCY = 'Midlands and Wales Language Services';
