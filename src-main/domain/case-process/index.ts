/** The restorative process as commands on a case (issue 5): the rules in ../process, applied to a stored case. */
export * from './commands';
export * from './context';
export * from './decide';
export { readinessOf } from './readiness';
export { cancelOpenMeetings } from './schedule';
export { FEEDBACK_CONSENT_ELEMENT } from './outcome';
