import type { AuditEntry } from '../../casebook/audit';
import type { Case, Participant } from '../../cases/case';
import { formatDate } from '../../time/dates';
import type { Redactor } from './bundle-redactor';
import type { BundleEntry, BundleText } from './bundle-schema';

/**
 * What the bundle's builders share while they write one case: the case, the requester in it,
 * the labels for everyone else, the redactor, and the lookups the service gives (staff names,
 * template titles). Staff appear by name: they acted for the service in their job, and the
 * ICO's guidance is that such names are generally given in a subject access response.
 */
export interface BundleSources {
  request: { id: string; name: string; dateOfBirth?: string | undefined; receivedOn: string };
  /** The cases confirmed as the requester's, in the order to print them. */
  cases: readonly Case[];
  serviceName: string;
  madeOn: string;
  staffName(id: string | undefined): string | undefined;
  consentTitle(elementId: string): string;
  factorTitle(factorId: string): string;
  /** The service's word for a role, as the timeline writes it ("Person harmed"). */
  roleLabel(role: string): string;
  /** Audit entries about these cases. */
  audit: readonly AuditEntry[];
}

export interface CaseAt {
  c: Case;
  requester: Participant;
  labels: ReadonlyMap<string, string>;
  r: Redactor;
  src: BundleSources;
}

/** "you", or the person's label: never a name. */
export function who(at: CaseAt, participantId: string | undefined): string {
  if (participantId === undefined) return 'nobody';
  return participantId === at.requester.id ? 'you' : (at.labels.get(`${at.c.id}/${participantId}`) ?? '[another person]');
}

export const whoAll = (at: CaseAt, ids: readonly string[]): string => ids.map((id) => who(at, id)).join(', ');

type Fact = [name: string, value: string | number | boolean | undefined | null];

/** One entry: facts without a value are left out; texts go through the redactor. */
/** `where` is the section; the entry's title is added to it unless the section has only the one entry (`only`). */
export function entry(at: CaseAt, where: string, title: string, facts: Fact[], texts: [name: string, raw: string | undefined][] = [], only = false): BundleEntry {
  const place = { case: at.c.reference, where: only ? where : `${where}: ${title}`, labels: at.labels };
  return {
    title,
    facts: facts.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([name, v]) => ({ name, value: typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v) })),
    texts: texts.map(([name, raw]) => at.r.text(place, name, raw)).filter((t): t is BundleText => t !== undefined),
  };
}

export const day = (d: string | undefined): string | undefined => (d ? formatDate(d) : undefined);
