/**
 * Generating a document: the one entry point the Documents tab, the CLI and the benchmarks
 * use. It builds the model for the kind asked for from the Case the caller passes, then
 * renders it as PDF, DOCX or HTML (the preview). It reads nothing from the store and writes
 * nothing anywhere: the caller has already read the case, and decides whether and where the
 * bytes are saved (and records that in the audit trail).
 */
import { DOCUMENT_CATALOGUE, DOCUMENT_KINDS, type DocumentEntry, type DocumentKind, type DocumentLanguage, documentLanguageFor } from '../domain/documents/catalogue';
import { londonDate } from '../domain/time/dates';
import { isUnder18 } from '../domain/shared/age';
import { bilingual } from './builders/bilingual';
import type { Case, ParticipantRole } from '../domain/cases/case';
import type { CaseworkSettings } from '../domain/casebook/casework-settings';
import type { ConsentElement } from '../domain/consent/consent';
import type { ActionWording } from '../domain/conferences/templates';
import type { RiskFactor } from '../domain/risk/risk';
import type { StaffMember } from '../domain/staff/staff';
import {
  buildCaseConsentForm,
  buildCaseSummary,
  buildConsentForm,
  buildLetter,
  buildOutcomeAgreement,
  buildPreparationRecord,
  buildRiskAssessment,
  CONSENT_ROLES,
  DETERMINISTIC_DATE,
  DocumentInputError,
  modelTexts,
  renderDocx,
  renderHtml,
  renderPdf,
  type CaseDocumentContext,
  type ConsentRole,
  type DocumentModel,
  type DocumentTemplates,
  type DocxOptions,
  type FontSet,
  type HtmlOptions,
  type ImageData,
} from './index';
import { FontChain, fontsFor } from './fonts';

export { DOCUMENT_KINDS, type DocumentKind };
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Which documents need a participant, which may have one, and which take none (from the catalogue). */
export const DOCUMENT_PARTICIPANT: Record<DocumentKind, DocumentEntry['participant']> = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, DOCUMENT_CATALOGUE[k].participant])) as Record<DocumentKind, DocumentEntry['participant']>;

/** The service's own details where they differ from templates/documents/service.yaml (e.g. from settings). */
export interface ServiceDetails {
  readonly name?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly website?: string;
  /** How roles are named, e.g. from the settings' role labels. */
  readonly roles?: Partial<Record<ParticipantRole, string>>;
}

/** What generating needs besides the case: loaded once when the app starts (see loadDocumentResources). */
export interface DocumentDeps {
  readonly templates: DocumentTemplates;
  readonly fonts: FontSet;
  readonly service?: ServiceDetails;
  /** The logo chosen in the settings. */
  readonly logo?: ImageData;
  /** Reference data the case records point into. */
  readonly casework?: {
    readonly consentElements?: readonly ConsentElement[];
    readonly riskFactors?: readonly RiskFactor[];
    readonly staff?: readonly StaffMember[];
    readonly settings?: Pick<CaseworkSettings, 'riskApproverRole'>;
    /** The kinds of agreement action and their labels (templates/conferences/agreement-actions.yaml). */
    readonly agreementActions?: readonly ActionWording[];
  };
  readonly rasteriseChart?: DocxOptions['rasteriseChart'];
}

export interface GenerateDocumentRequest {
  readonly kind: DocumentKind;
  /** The case, as the caller read it. Not needed for a blank consent form. */
  readonly caseData?: Case;
  readonly participantId?: string;
  readonly format: DocumentFormat;
  /** PDF only: protect the file with this password (AES-256). */
  readonly password?: string;
  /** Fixed dates and ids, for golden tests. */
  readonly deterministic?: boolean;
  /** Consent form only: a blank form to fill by hand, for `role` or for every role. */
  readonly blank?: boolean;
  readonly role?: ConsentRole;
  /** The document's date as YYYY-MM-DD; default today in England and Wales (2000-01-01 when deterministic). */
  readonly today?: string;
  /** Meeting invitation: the meeting's date (YYYY-MM-DD), time and place. */
  readonly meeting?: { readonly date?: string; readonly time?: string; readonly place?: string };
  /** Consent form: the process as the service names it, instead of the case's process kind. */
  readonly processType?: string;
  /** Consent form for a supporter: the person they support. */
  readonly supports?: string;
  /** HTML only. */
  readonly html?: HtmlOptions;
  /** 16 pt type throughout, from the same builders (a type scale, not a copy of the templates). */
  readonly largePrint?: boolean;
  /** Instead of the language chosen from the participant's recorded language. */
  readonly language?: DocumentLanguage;
  /** Consent form and first-contact letter: the young person's version or not, instead of choosing by age. */
  readonly youngPerson?: boolean;
}

interface Common {
  readonly kind: DocumentKind;
  readonly title: string;
  /** A file name to suggest when saving, without personal details: "RJ-2026-0042-consent-form-harmed.pdf". */
  readonly fileName: string;
  /**
   * Characters no bundled font has. In a PDF they are drawn as □; in DOCX and HTML they are
   * left to the reader's fonts but reported the same way, since the PDF of the same document
   * would show □. Tell the user.
   */
  readonly missingCharacters: string[];
}
export type GeneratedDocument =
  | (Common & { readonly format: 'pdf'; readonly bytes: Uint8Array; readonly pageCount: number })
  | (Common & { readonly format: 'docx'; readonly bytes: Uint8Array })
  | (Common & { readonly format: 'html'; readonly html: string });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The service's details from the settings laid over service.yaml. */
function withService(templates: DocumentTemplates, s: ServiceDetails | undefined, language: 'en' | 'cy' = 'en'): DocumentTemplates {
  if (!s) return templates;
  const pick = (v: string | undefined, fallback: string) => (v?.trim() ? v.trim() : fallback);
  const roles = { ...templates.service.roles };
  // The settings name roles in English; a translation keeps its own words for them.
  if (language === 'en') for (const [role, label] of Object.entries(s.roles ?? {})) if (label?.trim()) (roles as Record<string, string>)[role] = label.trim();
  return {
    ...templates,
    service: {
      ...templates.service,
      name: pick(s.name, templates.service.name),
      address: pick(s.address, templates.service.address),
      phone: pick(s.phone, templates.service.phone),
      email: pick(s.email, templates.service.email),
      ...(s.website?.trim() ? { website: s.website.trim() } : {}),
      roles,
    },
  };
}

/** The documents a participant reads that have translations (the records stay in the service's language). */
const TRANSLATED: readonly DocumentKind[] = ['consent-form', 'first-contact-letter', 'meeting-invitation'];

/** Builds the document model: for the preview and both file formats alike. */
export function buildDocumentModel(request: GenerateDocumentRequest, deps: DocumentDeps): DocumentModel {
  const p = request.participantId ? request.caseData?.participants.find((x) => x.id === request.participantId) : undefined;
  // Chosen from the person's recorded language where the service has the translation; asked for, it must exist.
  const recorded = deps.templates.translations?.cy ? documentLanguageFor(p?.person.language) : 'en';
  const language = TRANSLATED.includes(request.kind) ? (request.language ?? recorded) : 'en';
  const build = (lang: 'en' | 'cy') => buildModel(request, { ...deps, templates: templatesIn(deps.templates, lang) }, lang);
  let model: DocumentModel;
  if (language === 'bilingual') {
    const cy = build('cy');
    model = request.kind === 'consent-form' ? bilingual(cy, build('en')) : buildModel(request, { ...deps, templates: templatesIn(deps.templates, 'cy') }, 'cy', templatesIn(deps.templates, 'en'));
  } else model = build(language);
  if (language !== 'en') model = { ...model, metadata: { ...model.metadata, language: 'cy-GB' } };
  return request.largePrint ? { ...model, typeScale: 'large' } : model;
}

/** The templates in a language: the translation's files in place of the English ones. */
function templatesIn(templates: DocumentTemplates, language: 'en' | 'cy'): DocumentTemplates {
  if (language === 'en') return templates;
  const t = templates.translations?.[language];
  if (!t) throw new DocumentInputError('There are no Welsh templates: add the files named like letters.cy.yaml to templates/documents, or choose English');
  return { ...templates, ...t };
}

function buildModel(request: GenerateDocumentRequest, deps: DocumentDeps, language: 'en' | 'cy', alsoIn?: DocumentTemplates): DocumentModel {
  const templates = withService(deps.templates, deps.service, language);
  const today = request.today ?? (request.deterministic ? DETERMINISTIC_DATE.toISOString().slice(0, 10) : londonDate(new Date().toISOString()));
  if (!ISO_DATE.test(today)) throw new DocumentInputError('The document date must be YYYY-MM-DD, for example 2026-03-14');
  const cw = deps.casework ?? {};
  const ctx: CaseDocumentContext = {
    today,
    ...(cw.staff ? { staff: cw.staff } : {}),
    ...(deps.logo ? { logo: deps.logo } : {}),
    ...(request.deterministic ? { deterministic: true } : {}),
  };
  const kind = request.kind;
  if (!DOCUMENT_KINDS.includes(kind)) throw new DocumentInputError(`There is no document "${String(kind)}". The documents are: ${DOCUMENT_KINDS.join(', ')}`);

  if (kind === 'consent-form' && request.blank) {
    if (request.role !== undefined && !CONSENT_ROLES.includes(request.role)) {
      throw new DocumentInputError(`A blank consent form is for one of: ${CONSENT_ROLES.join(', ')} (or leave the role out for every role's wording)`);
    }
    return buildConsentForm(templates, { blank: true, ...(request.role ? { role: request.role } : {}), ...(deps.logo ? { logo: deps.logo } : {}), ...(request.deterministic ? { deterministic: true } : {}) });
  }
  if (request.blank) throw new DocumentInputError('Only the consent form can be printed blank');
  const c = request.caseData;
  if (!c) throw new DocumentInputError(`The ${kind} needs a case`);
  const need = DOCUMENT_PARTICIPANT[kind];
  const participantId = request.participantId?.trim() || undefined;
  if (need === 'required' && !participantId) {
    const list = c.participants.map((p) => `${p.id} (${p.person.givenName} ${p.person.familyName}, ${p.role})`).join('; ');
    throw new DocumentInputError(`The ${kind} is for one participant: choose one of ${list || 'the participants (this case has none)'}`);
  }
  if (need === 'none' && participantId) throw new DocumentInputError(`The ${kind} covers the whole case: leave out the participant`);

  switch (kind) {
    case 'consent-form':
      return buildCaseConsentForm(templates, {
        ...ctx,
        caseData: c,
        participantId: participantId!,
        ...(request.processType ? { processType: request.processType } : {}),
        ...(request.supports ? { supports: request.supports } : {}),
        ...(request.youngPerson !== undefined ? { youngPerson: request.youngPerson } : {}),
      });
    case 'risk-assessment':
      if (!cw.riskFactors) throw new DocumentInputError('The risk assessment record needs the risk factors (templates/casework/risk-factors.yaml)');
      return buildRiskAssessment(templates, { ...ctx, caseData: c, riskFactors: cw.riskFactors, ...(participantId ? { participantId } : {}) });
    case 'preparation-record':
      return buildPreparationRecord(templates, { ...ctx, caseData: c, ...(participantId ? { participantId } : {}) });
    case 'case-summary':
      if (!cw.consentElements) throw new DocumentInputError('The case summary needs the consent elements (templates/casework/consent-elements.yaml)');
      return buildCaseSummary(templates, { ...ctx, caseData: c, consentElements: cw.consentElements, ...(cw.settings ? { settings: cw.settings } : {}) });
    case 'first-contact-letter':
    case 'meeting-invitation': {
      // A first-contact letter to an under-18 is the young person's letter, unless the user chose otherwise.
      const p = participantId ? c.participants.find((x) => x.id === participantId) : undefined;
      const young = kind === 'first-contact-letter' && (request.youngPerson ?? (p !== undefined && p.role !== 'parent-guardian' && isUnder18(p.person.dateOfBirth, today)));
      const letter = kind === 'meeting-invitation' ? 'meeting-invitation' : young ? 'first-contact-young' : 'first-contact';
      return buildLetter(templates, { ...ctx, letter, caseData: c, participantId: participantId!, ...(request.meeting ? { meeting: request.meeting } : {}) }, alsoIn && withService(alsoIn, deps.service));
    }
    case 'outcome-agreement':
      if (!cw.agreementActions) throw new DocumentInputError('The outcome agreement needs the kinds of action (templates/conferences/agreement-actions.yaml)');
      return buildOutcomeAgreement(templates, { ...ctx, caseData: c, actionWording: cw.agreementActions });
  }
}

/** Characters of the model that no bundled font (nor the system's CJK face, when it has CJK text) has. */
export async function missingCharacters(model: DocumentModel, fonts: FontSet): Promise<string[]> {
  const texts = modelTexts(model);
  const chain = new FontChain(await fontsFor(fonts, texts));
  for (const text of texts) chain.segment(text);
  return chain.missingCharacters();
}

function fileNameFor(request: GenerateDocumentRequest, format: DocumentFormat): string {
  const p = request.participantId ? request.caseData?.participants.find((x) => x.id === request.participantId) : undefined;
  const parts = [request.blank ? 'blank' : request.caseData?.reference, request.kind, request.blank ? request.role : p?.role, request.largePrint ? 'large-print' : undefined].filter(Boolean);
  return `${parts.join('-').replace(/[^A-Za-z0-9-]+/g, '-')}.${format}`;
}

/** Builds and renders one document. Throws DocumentInputError for a request that cannot be met. */
export async function generateDocument(request: GenerateDocumentRequest, deps: DocumentDeps): Promise<GeneratedDocument> {
  if (!DOCUMENT_FORMATS.includes(request.format)) throw new DocumentInputError(`A document is made as ${DOCUMENT_FORMATS.join(', ')}`);
  if (request.password !== undefined && request.format !== 'pdf') throw new DocumentInputError('Only a PDF can be protected with a password');
  if (request.password === '') throw new DocumentInputError('A PDF password cannot be empty');
  const model = buildDocumentModel(request, deps);
  const common = { kind: request.kind, title: model.metadata.title, fileName: fileNameFor(request, request.format) };
  switch (request.format) {
    case 'pdf': {
      const r = await renderPdf(model, { fonts: deps.fonts, ...(request.password !== undefined ? { password: request.password } : {}) });
      return { ...common, format: 'pdf', bytes: r.bytes, pageCount: r.pageCount, missingCharacters: r.missingCharacters };
    }
    case 'docx': {
      const r = await renderDocx(model, deps.rasteriseChart ? { rasteriseChart: deps.rasteriseChart } : {});
      return { ...common, format: 'docx', bytes: r.bytes, missingCharacters: await missingCharacters(model, deps.fonts) };
    }
    case 'html':
      return { ...common, format: 'html', html: renderHtml(model, request.html).html, missingCharacters: await missingCharacters(model, deps.fonts) };
  }
}
