/**
 * What the case-record builders share: the page furniture (header, footer, labels), the
 * service's details as placeholder values, names of people and staff, and dates. Each
 * builder is pure: it takes the Case (as the caller read it) plus templates and returns the
 * document model; nothing here reads a store or a clock.
 */
import { isUnder18, ageOn } from '../../domain/shared/age';
import { displayName, type Case, type Participant, type ParticipantRole } from '../../domain/cases/case';
import { formatDate, isCalendarDate, londonDate } from '../../domain/time/dates';
import { utcToLondon } from '../../domain/time/london-time';
import { findStaff, type StaffMember } from '../../domain/staff/staff';
import type { DocumentModel, ImageData } from '../model';
import type { DocumentTemplates, PlaceholderData } from '../templates';

/** What every case document needs besides the case itself. */
export interface CaseDocumentContext {
  /** The document's date and the day ages are reckoned on, as YYYY-MM-DD. */
  readonly today: string;
  /** The staff list, to name facilitators, assessors and approvers; without it, ids are printed. */
  readonly staff?: readonly StaffMember[];
  readonly logo?: ImageData;
  /** Fixed dates and ids for golden tests. */
  readonly deterministic?: boolean;
}

export function roleLabel(templates: DocumentTemplates, role: ParticipantRole): string {
  return role === 'other' ? (templates.service.roles.other ?? 'Other participant') : templates.service.roles[role];
}

/** "Siân Nguyễn", using the preferred name when there is one (as people are addressed). */
export function personName(p: Participant): string {
  return displayName(p.person).trim();
}

export function findParticipant(c: Case, id: string): Participant {
  const p = c.participants.find((x) => x.id === id);
  if (!p) {
    const known = c.participants.map((x) => `${x.id} (${personName(x)}, ${x.role})`).join('; ');
    throw new DocumentInputError(`Case ${c.reference} has no participant ${id}.${known ? ` Its participants: ${known}.` : ''}`);
  }
  return p;
}

/** A problem with what was asked for (an unknown participant, a missing choice), as opposed to a fault. */
export class DocumentInputError extends Error {
  override readonly name = 'DocumentInputError';
}

/** Names staff by id: from the staff list, else the name kept on the case for its lead, else the id itself. */
export function staffNamer(c: Case, staff: readonly StaffMember[] | undefined): (id: string | undefined) => string {
  return (id) => {
    if (!id) return '';
    const s = findStaff(staff ?? [], id);
    if (s) return s.name;
    if (id === c.leadFacilitatorId && c.leadFacilitator) return c.leadFacilitator;
    return id;
  };
}

export function leadFacilitatorName(c: Case, staff: readonly StaffMember[] | undefined): string | undefined {
  const byId = c.leadFacilitatorId ? findStaff(staff ?? [], c.leadFacilitatorId)?.name : undefined;
  return byId ?? (c.leadFacilitator?.trim() || undefined);
}

/** 14 March 2026 (or with the months of the document's language); an unknown or malformed date prints as given (never throws). */
export function longDate(d: string | undefined, months?: readonly string[]): string {
  if (!d) return '';
  if (!isCalendarDate(d)) return d;
  if (!months) return formatDate(d);
  return `${Number(d.slice(8, 10))} ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** The day in England and Wales of a stored instant (2026-03-14T23:30:00Z in summer → 15 March 2026). */
export function instantDate(at: string): string {
  try {
    return formatDate(londonDate(at));
  } catch {
    return at;
  }
}

/** "15 March 2026, 00:30" in England and Wales time. */
export function instantDateTime(at: string): string {
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) return at;
  const l = utcToLondon(ms);
  return `${formatDate(l.date)}, ${l.time}`;
}

/** "Restorative Justice Service, 1 Example Street, …" with the name not repeated. */
export function contactLine(templates: DocumentTemplates): string {
  const s = templates.service;
  const address = s.address
    .split(/\s*\n\s*/)
    .map((l) => l.trim())
    .filter((l) => l && l !== s.name)
    .join(', ');
  return [s.name, address, s.phone, s.email, s.website].filter((x) => x && x.trim()).join(' · ');
}

/** Placeholder values every document may use. */
export function commonData(templates: DocumentTemplates, c: Case | undefined, ctx: Pick<CaseDocumentContext, 'today' | 'staff'>): PlaceholderData {
  const s = templates.service;
  return {
    service: { name: s.name, address: s.address.replace(/\s*\n\s*/g, ', '), phone: s.phone, email: s.email, website: s.website },
    case: { reference: c?.reference },
    facilitator: { name: c ? leadFacilitatorName(c, ctx.staff) : undefined },
    date: longDate(ctx.today, s.months),
  };
}

/** Header, footer and labels, the same on every case document. */
export function furniture(
  templates: DocumentTemplates,
  o: { shortTitle: string; title: string; subject?: string; reference?: string; logo?: ImageData; deterministic?: boolean; extraTitle?: string },
): Pick<DocumentModel, 'metadata' | 'header' | 'footer' | 'labels'> {
  const s = templates.service;
  return {
    metadata: {
      title: [o.shortTitle, o.extraTitle, o.reference].filter(Boolean).join(' – '),
      author: s.name,
      subject: o.subject ?? o.title,
      ...(o.deterministic ? { deterministic: true } : {}),
    },
    header: { left: s.name, right: [o.shortTitle, o.reference].filter(Boolean).join(' · '), ...(o.logo ? { logo: o.logo } : {}) },
    footer: { ...(s.footer ? { left: s.footer } : {}), pageNumbers: true },
    labels: s.labels,
  };
}

/** "15 (under 18)", or the age alone, or empty when the date of birth is unknown. */
export function ageText(p: Participant, today: string, under18Word: string): string {
  const age = ageOn(p.person.dateOfBirth, today);
  if (age === undefined) return '';
  return isUnder18(p.person.dateOfBirth, today) ? `${age} (${under18Word})` : String(age);
}

/** Splits text on blank lines into paragraphs, joining the lines inside each (YAML `|` bodies). */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** An address kept as one line with commas ("12 High St, Leeds LS1 4AB") as lines for an envelope window. */
export function addressLines(address: string | undefined): string[] {
  if (!address?.trim()) return [];
  const lines = address.includes('\n') ? address.split(/\r?\n/) : address.split(/\s*,\s*/);
  return lines.map((l) => l.trim()).filter(Boolean);
}
