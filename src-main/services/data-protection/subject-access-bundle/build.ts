import { anonymiser } from '../../../domain/data-protection/anonymiser/anonymise';
import { peopleOfCases, peopleOfRows } from '../../../domain/data-protection/anonymiser/case-people';
import { knownIdentifiers } from '../../../domain/data-protection/anonymiser/known';
import type { Case } from '../../../domain/cases/case';
import { allowedPhrases, describeFindings, leakCheck, type TextPart } from '../../../domain/data-protection/anonymiser/leak-check';
import { buildSubjectAccessBundle } from '../../../domain/data-protection/subject-access/bundle';
import { othersOnly } from '../../../domain/data-protection/subject-access/bundle-people';
import type { SubjectAccessBundle } from '../../../domain/data-protection/subject-access/bundle-schema';
import type { SubjectAccessRequest } from '../../../domain/data-protection/subject-access/request';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../domain/cases/participant-role';
import { CasebookError } from '../../../domain/shared/errors';
import { findStaff } from '../../../domain/staff/staff';
import { buildSubjectAccessBundle as bundleDocument } from '../../../documents/builders/subject-access-bundle';
import type { FontSet } from '../../../documents/fonts';
import { renderPdf } from '../../../documents/pdf/render-pdf';
import type { Casework } from '../../cases/context';
import { textParts } from '../document-check';

/**
 * The bundle for one request, built from the casebook: the confirmed cases, everyone the
 * casebook names (so anyone from another case mentioned in a note is redacted too; those by
 * the names and dates of birth in the case list), the audit
 * trail of those cases, staff names and template titles. Then, once drawn, the leak check
 * reads the final bytes (every page of the PDF, opened with its password; the whole JSON text)
 * for anyone but the requester. A name, date of birth or contact detail of anyone else stops
 * the save.
 */
export interface GatheredBundle {
  bundle: SubjectAccessBundle;
  /** Reads a finished file for other people's identifiers; throws PERSONAL_DATA when it finds one. */
  check(parts: readonly TextPart[]): void;
}

export const NO_CASES = 'Tick the cases that are this person’s first: the bundle covers only cases confirmed as theirs.';

export async function gatherBundle(cw: Casework, request: SubjectAccessRequest): Promise<GatheredBundle> {
  const s = cw.s;
  const ids = request.caseIds ?? [];
  if (ids.length === 0) throw new CasebookError('INVALID_INPUT', NO_CASES);
  const wanted = new Set(ids);
  if (ids.some((id) => !s.summaries.get(id))) throw new CasebookError('INVALID_INPUT', 'A case ticked for this request is no longer in the casebook: untick it on the request and try again.');
  const cases: Case[] = [];
  for (const id of ids) cases.push(await s.readCase(id));
  cases.sort((a, b) => a.reference.localeCompare(b.reference));
  // The requester's cases in full (contact details, referrers); everyone else from the case
  // list's rows, so a bundle costs what the person's cases cost, not what the casebook does.
  const known = knownIdentifiers([...peopleOfCases(cases), ...peopleOfRows([...s.summaries.all()].filter((r) => !wanted.has(r.id)))]);
  const audit = (await s.audit.readAll()).entries.filter((e) => e.entity.type === 'case' && wanted.has(e.entity.id));
  const staff = s.index.staff;
  const roleLabels = s.index.settings.roleLabels as Record<string, string>;
  const consentTitles = new Map(cw.t.consentElements.map((e) => [e.id, e.title]));
  const factorTitles = new Map(cw.t.riskFactors.map((f) => [f.id, f.title]));
  const { bundle, requesterKeys } = buildSubjectAccessBundle(
    {
      request,
      cases,
      serviceName: s.index.settings.serviceName,
      madeOn: cw.today,
      staffName: (id) => (id ? findStaff(staff, id)?.name : undefined),
      consentTitle: (id) => consentTitles.get(id) ?? id,
      factorTitle: (id) => factorTitles.get(id) ?? id,
      roleLabel: (role) => roleLabels[role] ?? PARTICIPANT_ROLE_LABELS[role as ParticipantRole] ?? role,
      audit,
    },
    anonymiser(known),
  );
  const leakFinder = anonymiser(othersOnly(known, requesterKeys));
  // Staff, the service and the templates' titles are printed by the app, not about anyone; the
  // requester's own details are theirs, even where a word of them is someone else's name (an
  // e-mail address made from a family name they share with nobody else in their cases).
  const own = bundle.cases.flatMap((c) => c.sections.filter((x) => x.id === 'you').flatMap((x) => x.entries.flatMap((e) => e.facts.map((f) => f.value))));
  const allowed = allowedPhrases([s.index.settings.serviceName, ...staff.map((m) => m.name), ...consentTitles.values(), ...factorTitles.values(), ...own]);
  return {
    bundle,
    check(parts) {
      const report = leakCheck(parts, leakFinder, allowed);
      if (report.known.length > 0) {
        throw new CasebookError(
          'PERSONAL_DATA',
          `The bundle was not saved: something about another person is still in it (${describeFindings(report.known)}). Nothing left the casebook. Look there for another person's name or details written where the bundle does not expect them (an organisation, a venue, a list entry), correct the case, and save again.`,
        );
      }
    },
  };
}

export interface BundleFile {
  fileName: string;
  bytes: Uint8Array;
  pages?: number;
}

/** The bundle as the file asked for, checked on its final bytes before anything is handed to the saver. */
export async function bundleFile(g: GatheredBundle, format: 'pdf' | 'json', fonts: FontSet, password?: string): Promise<BundleFile> {
  const fileName = `subject-access-${g.bundle.request.number}.${format}`;
  if (format === 'json') {
    const text = `${JSON.stringify(g.bundle, null, 2)}\n`;
    g.check([{ where: 'the file name', text: fileName }, { where: 'the JSON file', text }]);
    return { fileName, bytes: new TextEncoder().encode(text) };
  }
  const pdf = await renderPdf(bundleDocument(g.bundle), { fonts, ...(password !== undefined ? { password } : {}) });
  g.check((await textParts(fileName, pdf.bytes, password)).parts);
  return { fileName, bytes: pdf.bytes, pages: pdf.pageCount };
}
