import type { Exit, Stage } from './stages';

/** Words shown for each stage of a case (product.md, "The case, from referral to closure"), on screens and in the figures' CSV. */
export const STAGE_LABELS: Record<Stage, string> = {
  referral: 'Referral received',
  screening: 'Screening',
  contact: 'Contact',
  assessment: 'Assessment',
  preparation: 'Preparation',
  consent: 'Consent recorded',
  process: 'Process',
  outcome: 'Outcome agreement',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

export const EXIT_LABELS: Record<Exit, string> = {
  withdrawn: 'Withdrawn',
  'not-suitable': 'Not suitable',
  'no-contact': 'No contact',
  declined: 'Declined',
};
