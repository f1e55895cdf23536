/**
 * The restorative process after preparation (issue 5): process type, meetings and venues,
 * conflicts, confirmation, conference records, outcome agreements, closure, feedback, figures
 * and calendars. Pure rules; services do the I/O.
 */
export * from './agreement';
export * from './calendar-export';
export * from './calendar-view';
export * from './closure';
export * from './conference-record';
export * from './confirmation';
export * from './conflicts';
export * from './csv';
export * from './feedback';
export * from './figures';
export * from './ids';
export * from './london-time';
export * from './meeting';
export * from './meeting-status';
export * from './process-type';
export * from './templates';
export * from './venue';
