import { requireCapability } from '../../domain/access/capabilities';
import type { Settings } from '../../domain/casebook/settings';
import type { Case } from '../../domain/cases/case';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../domain/cases/participant-role';
import { DOCUMENT_CATALOGUE, type DocumentKind, type DocumentRequest } from '../../domain/documents/catalogue';
import { CasebookError } from '../../domain/shared/errors';
import { londonDate } from '../../domain/time/dates';
import { DocumentInputError } from '../../documents';
import { generateDocument, type DocumentDeps, type GeneratedDocument, type GenerateDocumentRequest } from '../../documents/generate';
import type { Store } from '../../store/store';
import type { ServiceContext } from '../shared/context';
import { mustBeAbleToRecord } from '../shared/leaving';
import { openCase } from '../cases/case-access';
import { documentLogo } from '../casebook/service-logo';
import { documentResources, type DocumentResources } from '../templates/document-resources';
import type { DocumentsApi, SavedDocument } from './api';

export type { DocumentsApi, SavedDocument } from './api';

/**
 * Documents over the unlocked store: preview a document as HTML, or make it as PDF or DOCX and
 * hand the bytes to the file saver (a save dialog in the app, the --out path in the CLI, memory
 * in tests). Nothing is written to disk except by the saver. Each save is recorded in the
 * audit trail (kind and format, never the content) and, for a case's document, on the case's
 * timeline, in one commit. The templates and fonts are read once, on first use.
 */
export function createDocuments(ctx: ServiceContext): DocumentsApi {
  const load = (): Promise<DocumentResources> => documentResources(ctx);

  const roleLabel = (s: Store, role: string): string => {
    const labels = s.index.settings.roleLabels as Record<string, string>;
    return labels[role] ?? PARTICIPANT_ROLE_LABELS[role as ParticipantRole] ?? role;
  };

  async function make(request: GenerateDocumentRequest, deps: DocumentDeps): Promise<GeneratedDocument> {
    try {
      return await generateDocument(request, deps);
    } catch (e) {
      if (e instanceof DocumentInputError) throw new CasebookError('INVALID_INPUT', e.message);
      throw e;
    }
  }

  /** The settings' details laid over service.yaml's; a detail left empty keeps the template's. */
  function serviceDetailsOf(settings: Settings) {
    const given = (v: string | undefined) => (v ? v : undefined);
    const address = given(settings.serviceAddress);
    const phone = given(settings.servicePhone);
    const email = given(settings.serviceEmail);
    return { name: settings.serviceName, roles: settings.roleLabels, ...(address ? { address } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
  }

  async function prepare(i: DocumentRequest, format: 'pdf' | 'docx' | 'html', password?: string) {
    const s = ctx.need();
    const r = await load();
    let caseData: Case | undefined;
    if (!i.blank) {
      if (!i.caseId) throw new CasebookError('INVALID_INPUT', 'Choose a case for this document');
      caseData = await openCase(s, i.caseId);
    } else if (i.caseId || i.participantId) {
      throw new CasebookError('INVALID_INPUT', 'A blank form has no case or participant');
    }
    const settings = s.index.settings;
    const deps: DocumentDeps = {
      templates: r.templates,
      fonts: r.fonts,
      service: serviceDetailsOf(settings),
      ...(await documentLogo(s)),
      casework: { consentElements: ctx.templates.consentElements, riskFactors: ctx.templates.riskFactors, staff: s.index.staff, settings: s.index.casework, agreementActions: r.agreementActions },
    };
    const doc = await make(
      {
        kind: i.kind,
        format,
        today: londonDate(s.opts.now().toISOString()),
        ...(caseData ? { caseData } : {}),
        ...(i.participantId ? { participantId: i.participantId } : {}),
        ...(i.blank ? { blank: true } : {}),
        ...(i.role ? { role: i.role } : {}),
        ...(i.meeting ? { meeting: i.meeting } : {}),
        ...(i.largePrint ? { largePrint: true } : {}),
        ...(i.language ? { language: i.language } : {}),
        ...(i.youngPerson !== undefined ? { youngPerson: i.youngPerson } : {}),
        ...(password !== undefined ? { password } : {}),
      },
      deps,
    );
    return { s, caseData, doc };
  }

  /** What left, never its content: in the audit trail and, for a case's document, on the case's timeline. */
  async function record(s: Store, e: { caseId?: string | undefined; kind: DocumentKind; format: string; participantId?: string | undefined; blankRole?: string | undefined; printed?: boolean }): Promise<void> {
    const label = DOCUMENT_CATALOGUE[e.kind].label;
    const action = e.printed ? 'document.print' : 'document.generate';
    const fields = [`kind:${e.kind}`, `format:${e.format}`];
    if (!e.caseId) {
      await s.commit([], [s.draft(action, { type: 'document', id: e.blankRole ? `blank-${e.blankRole}` : 'blank' }, fields)]);
      return;
    }
    const c = await openCase(s, e.caseId);
    const p = e.participantId ? c.participants.find((x) => x.id === e.participantId) : undefined;
    const what = e.printed ? 'printed' : `(${e.format.toUpperCase()}) generated`;
    const text = `${label} ${what}${p ? ` for ${roleLabel(s, p.role)}` : ''}`;
    const now = s.opts.now().toISOString();
    const next: Case = { ...c, revision: c.revision + 1, updatedAt: now, timeline: [...c.timeline, { at: now, by: s.user.name, kind: e.printed ? 'document.printed' : 'document.generated', text }] };
    await s.saveCasesWith([next], [s.draft(action, { type: 'case', id: c.id }, fields)], { summarise: ctx.summariser() });
  }

  const saver = () => {
    if (!ctx.files.fileSaver) throw new CasebookError('WRITE_FAILED', 'Saving documents is not available here: this copy of RJ Casebook has no way to choose where to save');
    return ctx.files.fileSaver;
  };
  const saved = (doc: GeneratedDocument, ok: boolean): SavedDocument => {
    if (doc.format === 'html') throw new CasebookError('INTERNAL', 'Unexpected document format');
    return { saved: ok, fileName: doc.fileName, missingCharacters: doc.missingCharacters, bytes: doc.bytes.length, ...(doc.format === 'pdf' ? { pages: doc.pageCount } : {}) };
  };

  return {
    async previewDocument(i) {
      const { doc } = await ctx.serial(() => prepare(i, 'html'));
      if (doc.format !== 'html') throw new CasebookError('INTERNAL', 'Unexpected document format');
      return { html: doc.html, title: doc.title, missingCharacters: doc.missingCharacters };
    },
    async saveDocument(i) {
      requireCapability(ctx.need().user.role, 'save-documents');
      mustBeAbleToRecord(ctx.need(), 'save documents from it');
      const out = saver();
      const { doc } = await ctx.serial(() => prepare(i, i.format, i.password));
      if (doc.format === 'html') throw new CasebookError('INTERNAL', 'Unexpected document format');
      // The dialog is outside the queue; the record of what left, inside it, once it is saved.
      const { saved: ok } = await out.save(doc.fileName, doc.bytes, doc.format);
      if (ok) await ctx.serial(() => record(ctx.need(), { caseId: i.blank ? undefined : i.caseId, kind: i.kind, format: i.format, participantId: i.participantId, blankRole: i.role }));
      return saved(doc, ok);
    },
    async recordPrint(i) {
      requireCapability(ctx.need().user.role, 'save-documents');
      mustBeAbleToRecord(ctx.need(), 'print from it');
      // The page prints the preview already on screen; this records it first, and it must be a document that can be made.
      await ctx.serial(async () => {
        await prepare(i, 'html');
        await record(ctx.need(), { caseId: i.blank ? undefined : i.caseId, kind: i.kind, format: 'print', participantId: i.participantId, blankRole: i.role, printed: true });
      });
      return { recorded: true as const };
    },
    async saveBlankForm(i) {
      const out = saver();
      const r = await load();
      const doc = await make(
        { kind: 'consent-form', format: i.format, blank: true, ...(i.role ? { role: i.role } : {}), ...(i.largePrint ? { largePrint: true } : {}), ...(i.language ? { language: i.language } : {}) },
        // A blank form needs no unlocked casebook (the CLI prints one without); when one is open, it carries the logo.
        { templates: r.templates, fonts: r.fonts, ...(await ctx.serial(() => documentLogo(ctx.current()))) },
      );
      if (doc.format === 'html') throw new CasebookError('INTERNAL', 'Unexpected document format');
      const { saved: ok } = await out.save(doc.fileName, doc.bytes, doc.format);
      return saved(doc, ok);
    },
  };
}

