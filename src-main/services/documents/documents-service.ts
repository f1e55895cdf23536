import { APP_ROOT_URL } from '../app-root';
import { fileURLToPath } from 'node:url';
import { CaseIdSchema, type Case, type CaseSummary } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../domain/cases/participant-role';
import type { Role } from '../../domain/access/roles';
import { DocumentInputError, type ConsentRole } from '../../documents';
import type { Store } from '../../store/store';
import type { CaseworkTemplates } from '../templates/loader';
import {
  DOCUMENT_KINDS,
  generateDocument,
  loadDocumentResources,
  TemplateError,
  type DocumentDeps,
  type DocumentKind,
  type DocumentResources,
  type GenerateDocumentRequest,
} from '.';
import { londonDate } from '../../domain/time/dates';

/**
 * The Documents tab's use cases over the unlocked store: preview a document as HTML, or make
 * it as PDF or DOCX and hand the bytes to the FileSaver port (a save dialog in Electron, a
 * temporary folder in tests). Nothing is written to disk except by the saver. Each save is
 * recorded in the audit trail (kind and format, never the content) and, for a case's
 * document, on the case's timeline, in one commit.
 *
 * The templates and fonts are read once, on first use, from the app's folder (app-root.ts).
 */
export const DEFAULT_DOCUMENTS_ROOT = APP_ROOT_URL;

/** Where a generated document goes: the app asks the user, tests keep it in memory. */
/** 'original': a file kept as it came (an attachment), saved under its own name and type. */
export type SaveFormat = 'pdf' | 'docx' | 'ics' | 'csv' | 'original';

export interface FileSaver {
  save(suggestedName: string, bytes: Uint8Array, format: SaveFormat): Promise<{ saved: boolean }>;
}

export interface DocumentRequestInput {
  kind: DocumentKind;
  caseId?: string | undefined;
  participantId?: string | undefined;
  blank?: boolean | undefined;
  role?: ConsentRole | undefined;
}

export interface DocumentsApi {
  previewDocument(i: DocumentRequestInput): Promise<{ html: string; title: string; missingCharacters: string[] }>;
  saveDocument(i: DocumentRequestInput & { format: 'pdf' | 'docx'; password?: string | undefined }): Promise<{ saved: boolean; fileName: string; missingCharacters: string[] }>;
  /** Record a document made elsewhere (the CLI's doc command): audit trail and case timeline. */
  recordDocumentGenerated(e: { caseId?: string; kind: string; format: string; participantId?: string }): Promise<void>;
}

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  'consent-form': 'Consent form',
  'risk-assessment': 'Risk assessment record',
  'preparation-record': 'Preparation meeting record',
  'case-summary': 'Case summary',
  'first-contact-letter': 'First-contact letter',
  'meeting-invitation': 'Meeting invitation',
  'outcome-agreement': 'Outcome agreement',
};

const SAVERS: readonly Role[] = ['administrator', 'coordinator', 'facilitator'];

export function createDocuments(
  need: () => Store,
  t: CaseworkTemplates,
  o: {
    root?: string | URL | undefined;
    fileSaver?: FileSaver | undefined;
    summarise: () => (c: Case) => CaseSummary;
    /** The service's queue: store reads and commits run in it, the save dialog outside it (so an idle lock is never held up). */
    serial: <T>(job: () => Promise<T>) => Promise<T>;
  },
): DocumentsApi {
  let resources: Promise<DocumentResources> | undefined;
  const load = (): Promise<DocumentResources> => {
    const root = o.root ?? DEFAULT_DOCUMENTS_ROOT;
    resources ??= loadDocumentResources(root instanceof URL ? fileURLToPath(root) : root).catch((e: unknown) => {
      resources = undefined; // a corrected template is picked up on the next try
      if (e instanceof TemplateError) throw new CasebookError('CORRUPT', `The document templates have mistakes; correct them in a text editor:\n${e.message}`);
      throw new CasebookError('CORRUPT', 'The document templates or fonts could not be read. Reinstall RJ Casebook, or put the files back if they were moved.');
    });
    return resources;
  };

  const roleLabel = (s: Store, role: string): string => {
    const labels = s.index.settings.roleLabels as Record<string, string>;
    return labels[role] ?? PARTICIPANT_ROLE_LABELS[role as ParticipantRole] ?? role;
  };

  async function prepare(i: DocumentRequestInput, format: 'pdf' | 'docx' | 'html', password?: string) {
    const s = need();
    const r = await load();
    if (!DOCUMENT_KINDS.includes(i.kind)) throw new CasebookError('INVALID_INPUT', `There is no document "${String(i.kind)}"`);
    let caseData: Case | undefined;
    if (!i.blank) {
      const id = CaseIdSchema.safeParse(i.caseId);
      if (!id.success) throw new CasebookError('INVALID_INPUT', 'Choose a case for this document');
      caseData = await s.readCase(id.data);
    } else if (i.caseId || i.participantId) {
      throw new CasebookError('INVALID_INPUT', 'A blank form has no case or participant');
    }
    const settings = s.index.settings;
    const deps: DocumentDeps = {
      templates: r.templates,
      fonts: r.fonts,
      service: { name: settings.serviceName, roles: settings.roleLabels },
      casework: { consentElements: t.consentElements, riskFactors: t.riskFactors, staff: s.index.staff, settings: s.index.casework, agreementActions: r.agreementActions },
    };
    const request: GenerateDocumentRequest = {
      kind: i.kind,
      format,
      today: londonDate(s.opts.now().toISOString()),
      ...(caseData ? { caseData } : {}),
      ...(i.participantId ? { participantId: i.participantId } : {}),
      ...(i.blank ? { blank: true } : {}),
      ...(i.role ? { role: i.role } : {}),
      ...(password !== undefined ? { password } : {}),
    };
    try {
      return { s, caseData, doc: await generateDocument(request, deps) };
    } catch (e) {
      if (e instanceof DocumentInputError) throw new CasebookError('INVALID_INPUT', e.message);
      throw e;
    }
  }

  async function record(s: Store, e: { caseId?: string | undefined; kind: string; format: string; participantId?: string | undefined; blankRole?: string | undefined }): Promise<void> {
    if (s.readOnly) return;
    const label = DOCUMENT_LABELS[e.kind as DocumentKind] ?? e.kind;
    const fmt = e.format.toUpperCase();
    const fields = [`kind:${e.kind}`, `format:${e.format}`];
    if (!e.caseId) {
      await s.commit([], [s.draft('document.generate', { type: 'document', id: e.blankRole ? `blank-${e.blankRole}` : 'blank' }, fields)]);
      return;
    }
    const c = await s.readCase(e.caseId);
    const p = e.participantId ? c.participants.find((x) => x.id === e.participantId) : undefined;
    const text = `${label} (${fmt}) generated${p ? ` for ${roleLabel(s, p.role)}` : ''}`;
    const now = s.opts.now().toISOString();
    const next: Case = { ...c, revision: c.revision + 1, updatedAt: now, timeline: [...c.timeline, { at: now, by: s.user.name, kind: 'document.generated', text }] };
    await s.saveCasesWith([next], [s.draft('document.generate', { type: 'case', id: c.id }, fields)], { summarise: o.summarise() });
  }

  return {
    async previewDocument(i) {
      const { doc } = await o.serial(() => prepare(i, 'html'));
      if (doc.format !== 'html') throw new CasebookError('INTERNAL', 'Unexpected document format');
      return { html: doc.html, title: doc.title, missingCharacters: doc.missingCharacters };
    },
    async saveDocument(i) {
      const s0 = need();
      if (!SAVERS.includes(s0.user.role)) throw new CasebookError('FORBIDDEN', `Only ${SAVERS.join(' or ')} users may save documents`);
      if (i.password !== undefined && i.format !== 'pdf') throw new CasebookError('INVALID_INPUT', 'Only a PDF can be protected with a password');
      if (!o.fileSaver) throw new CasebookError('WRITE_FAILED', 'Saving documents is not available here: this copy of RJ Casebook has no way to choose where to save');
      const { doc } = await o.serial(() => prepare(i, i.format, i.password));
      if (doc.format === 'html') throw new CasebookError('INTERNAL', 'Unexpected document format');
      const { saved } = await o.fileSaver.save(doc.fileName, doc.bytes, doc.format);
      if (saved) await o.serial(() => record(need(), { caseId: i.blank ? undefined : i.caseId, kind: i.kind, format: i.format, participantId: i.participantId, blankRole: i.role }));
      return { saved, fileName: doc.fileName, missingCharacters: doc.missingCharacters };
    },
    recordDocumentGenerated(e) {
      return o.serial(async () => {
        const s = need();
        if (e.caseId !== undefined && !CaseIdSchema.safeParse(e.caseId).success) throw new CasebookError('INVALID_INPUT', 'Not a case id');
        await record(s, e);
      });
    },
  };
}
