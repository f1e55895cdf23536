import { formatDate } from '../../time/dates';
import type { SubjectAccessRequest } from './request';

/**
 * The order a request's dates must come in, each problem on the field to fix (the later one),
 * as `{ path, message }` for the form's error summary. With `today`, dates in the future are
 * refused too: the register records what has happened.
 */
export type Problem = { path: string; message: string };
type Dated = Partial<Pick<SubjectAccessRequest, 'receivedOn' | 'dateOfBirth' | 'identityAskedOn' | 'identityCheckedOn' | 'clarificationAskedOn' | 'clarificationReceivedOn' | 'earlierClarifications' | 'extension' | 'completedOn' | 'closedWithoutBundleOn'>>;

/** What each date records, for "enter the day …" messages. */
const HAPPENED: Record<string, string> = {
  receivedOn: 'the request was received',
  identityAskedOn: 'proof of identity was asked for',
  identityCheckedOn: 'identity was checked',
  clarificationAskedOn: 'clarification was asked for',
  clarificationReceivedOn: 'clarification was received',
  'extension.decidedOn': 'the extension was decided',
  completedOn: 'the request was completed',
  closedWithoutBundleOn: 'the request was closed',
};

function datesOf(r: Dated): [string, string | undefined][] {
  return [
    ['receivedOn', r.receivedOn],
    ['identityAskedOn', r.identityAskedOn],
    ['identityCheckedOn', r.identityCheckedOn],
    ['clarificationAskedOn', r.clarificationAskedOn],
    ['clarificationReceivedOn', r.clarificationReceivedOn],
    ['extension.decidedOn', r.extension?.decidedOn],
    ['completedOn', r.completedOn],
    ['closedWithoutBundleOn', r.closedWithoutBundleOn],
  ];
}

export function subjectAccessOrderProblems(r: Dated, today?: string): Problem[] {
  const found: Problem[] = [];
  const after = (path: string, date: string | undefined, earlier: string | undefined, earlierField: string) => {
    if (date && earlier && date < earlier) found.push({ path, message: `${formatDate(date)} is before ${formatDate(earlier)}, the day ${HAPPENED[earlierField]}: enter the day ${HAPPENED[path]}` });
  };
  after('identityAskedOn', r.identityAskedOn, r.receivedOn, 'receivedOn');
  if (r.identityAskedOn) after('identityCheckedOn', r.identityCheckedOn, r.identityAskedOn, 'identityAskedOn');
  else after('identityCheckedOn', r.identityCheckedOn, r.receivedOn, 'receivedOn');
  after('clarificationAskedOn', r.clarificationAskedOn, r.receivedOn, 'receivedOn');
  if (r.clarificationReceivedOn && !r.clarificationAskedOn) found.push({ path: 'clarificationAskedOn', message: 'Enter the day clarification was asked for before the day it was received' });
  after('clarificationReceivedOn', r.clarificationReceivedOn, r.clarificationAskedOn, 'clarificationAskedOn');
  const earlier = r.earlierClarifications ?? [];
  earlier.forEach((c, i) => {
    const before = i === 0 ? r.receivedOn : earlier[i - 1]!.receivedOn;
    if (c.receivedOn < c.askedOn || (before && c.askedOn < before)) found.push({ path: `earlierClarifications.${i}`, message: `The clarification asked for on ${formatDate(c.askedOn)} is out of order: check its dates` });
  });
  const lastAnswer = earlier.at(-1)?.receivedOn;
  if (r.clarificationAskedOn && lastAnswer && r.clarificationAskedOn < lastAnswer) found.push({ path: 'clarificationAskedOn', message: `${formatDate(r.clarificationAskedOn)} is before ${formatDate(lastAnswer)}, when the last clarification was received: enter the day the new question was asked` });
  after('extension.decidedOn', r.extension?.decidedOn, r.receivedOn, 'receivedOn');
  after('completedOn', r.completedOn, r.receivedOn, 'receivedOn');
  after('completedOn', r.completedOn, r.identityCheckedOn, 'identityCheckedOn');
  // Nothing may be disclosed to someone whose identity is in doubt.
  if (r.completedOn && r.identityAskedOn && !r.identityCheckedOn) found.push({ path: 'identityCheckedOn', message: 'Enter the day identity was checked before completing the request' });
  after('closedWithoutBundleOn', r.closedWithoutBundleOn, r.receivedOn, 'receivedOn');
  if (r.completedOn && r.closedWithoutBundleOn) found.push({ path: 'closedWithoutBundleOn', message: 'A request is either completed or closed without a bundle, not both: leave one of them out' });
  if (r.dateOfBirth && r.receivedOn && r.dateOfBirth > r.receivedOn) found.push({ path: 'dateOfBirth', message: `The date of birth ${formatDate(r.dateOfBirth)} is after the request was received: check it` });
  if (today !== undefined) {
    for (const [path, d] of datesOf(r)) if (d && d > today) found.push({ path, message: `${formatDate(d)} is in the future: enter the day ${HAPPENED[path]}` });
    if (r.dateOfBirth && r.dateOfBirth > today) found.push({ path: 'dateOfBirth', message: `The date of birth ${formatDate(r.dateOfBirth)} is in the future: check it` });
  }
  return found;
}
