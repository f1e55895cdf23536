import { constants } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { APP_ROOT } from '../../services/app-root';
import { CaseIdSchema } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import { CONSENT_ROLES, DocumentInputError, type ConsentRole } from '../../documents';
import type { CasebookApi } from '../../services/casebook/api';
import {
  DOCUMENT_KINDS,
  DOCUMENT_PARTICIPANT,
  generateDocument,
  loadDocumentResources,
  TemplateError,
  type DocumentDeps,
  type DocumentKind,
  type GenerateDocumentRequest,
} from '../../services/documents';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, plural, printable } from '../output';

const FORMATS = ['pdf', 'docx'] as const;

/** A service that records document generation in the audit trail (who, what, when; not the content), once it offers that. */
type DocumentAwareService = CasebookApi & {
  recordDocumentGenerated?: (entry: { caseId: string; kind: DocumentKind; format: string; participantId?: string }) => unknown;
};

/** Exclusive create, mode 0600: never overwrites, never follows a planted link; a partial file is removed. */
async function writeNewPrivateFile(abs: string, shown: string, bytes: Uint8Array): Promise<number> {
  let handle;
  try {
    handle = await open(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CasebookError('CONFLICT', `${shown} already exists; choose another name or delete it first. Nothing was written`);
    if (code === 'ENOENT') throw new CasebookError('WRITE_FAILED', `Cannot write ${shown}: its folder does not exist`);
    if (code === 'EISDIR') throw new CasebookError('USAGE', `${shown} is a folder; give a file name`);
    if (code === 'EACCES' || code === 'EPERM') throw new CasebookError('WRITE_FAILED', `Cannot write ${shown}: permission denied`);
    throw new CasebookError('WRITE_FAILED', `Cannot write ${shown}`);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    return bytes.length;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(abs).catch(() => undefined);
    const full = (e as NodeJS.ErrnoException).code === 'ENOSPC';
    throw new CasebookError('WRITE_FAILED', full ? `Cannot write ${shown}: the disk is full` : `Cannot write ${shown}`);
  }
}

function describeMissing(chars: readonly string[]): string {
  return chars.map((c) => `${printable(c) || '?'} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}

const usage = (message: string) => new CasebookError('USAGE', `${message} Run "casebook doc --help".`);

export const doc: CommandDef = {
  words: ['doc'],
  summary: 'Make a document (consent form, risk record, letter, outcome agreement…) as PDF or Word',
  args: [{ name: 'TEMPLATE', description: `the document: ${DOCUMENT_KINDS.join(' | ')}` }],
  options: {
    case: { type: 'string', value: 'REF', description: 'The case, by its reference (like RJ-2026-0042)' },
    participant: { type: 'string', value: 'ID', description: 'The participant (p_…): needed for consent forms and letters; optional for risk and preparation records' },
    format: { type: 'string', value: 'pdf|docx', description: 'PDF, or DOCX to edit in Word or LibreOffice', required: true },
    out: { type: 'string', value: 'FILE', description: 'Where to write the document (must not exist yet)', required: true },
    blank: { type: 'boolean', description: 'consent-form only: a blank form to fill in by hand (no case, no passphrase needed)' },
    role: { type: 'string', value: 'ROLE', description: `With --blank: ${CONSENT_ROLES.join(' | ')} (default: every role's wording)` },
    'meeting-date': { type: 'string', value: 'DATE', description: 'meeting-invitation: the meeting date, YYYY-MM-DD (left as a line to fill in if not given)' },
    'meeting-time': { type: 'string', value: 'HH:MM', description: 'meeting-invitation: the meeting time' },
    'meeting-place': { type: 'string', value: 'TEXT', description: 'meeting-invitation: where the meeting is' },
  },
  help: [
    'Examples:',
    '  casebook doc consent-form --case RJ-2026-0042 --participant p_abc123 --format pdf --out consent.pdf',
    '  casebook doc case-summary --case RJ-2026-0042 --format docx --out summary.docx',
    '  casebook doc outcome-agreement --case RJ-2026-0042 --format pdf --out agreement.pdf',
    '  casebook doc consent-form --blank --role harmed --format pdf --out blank.pdf',
    'The file is readable only by you (mode 0600) and is never overwritten. It holds personal data: keep it',
    'on an encrypted drive and delete it when done. The participant ids are listed by "casebook case show REF --json".',
    'Wording comes from templates/documents/*.yaml (see docs/templates.md).',
  ].join('\n'),
  async run(ctx) {
    const kind = (ctx.args[0] as string).trim() as DocumentKind;
    if (!DOCUMENT_KINDS.includes(kind)) throw usage(`There is no document "${printable(kind)}". The documents are: ${DOCUMENT_KINDS.join(', ')}.`);
    const format = requireOption(doc, ctx.options, 'format').trim().toLowerCase() as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw usage(`--format is pdf or docx, not "${printable(format)}".`);
    const shown = requireOption(doc, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    const blank = ctx.options.blank === true;
    const opt = (name: string) => {
      const v = ctx.options[name];
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const role = opt('role');
    if (blank) {
      if (kind !== 'consent-form') throw usage('Only the consent form can be printed blank (--blank).');
      if (opt('case') || opt('participant')) throw usage('A blank form has no case or participant: leave out --case and --participant.');
      if (role && !CONSENT_ROLES.includes(role as ConsentRole)) throw usage(`--role is one of ${CONSENT_ROLES.join(', ')}.`);
    } else if (role) {
      throw usage('--role is for a blank consent form (--blank); a pre-filled form uses the participant’s own role.');
    }
    const meeting = { date: opt('meeting-date'), time: opt('meeting-time'), place: opt('meeting-place') };
    if ((meeting.date || meeting.time || meeting.place) && kind !== 'meeting-invitation') throw usage('--meeting-date, --meeting-time and --meeting-place are for the meeting-invitation.');
    if (meeting.date && !/^\d{4}-\d{2}-\d{2}$/.test(meeting.date)) throw usage('--meeting-date is a date like 2026-03-28.');
    // Refuse before reading the casebook, so a name that cannot be written costs nothing.
    await mustNotExist(out, shown);

    let resources;
    try {
      resources = await loadDocumentResources(APP_ROOT);
    } catch (e) {
      if (e instanceof TemplateError) throw new CasebookError('INVALID_INPUT', `The document templates have mistakes; fix them and try again:\n${e.message}`);
      throw e;
    }
    const deps: DocumentDeps = {
      templates: resources.templates,
      fonts: resources.fonts,
      casework: { consentElements: resources.consentElements, riskFactors: resources.riskFactors, agreementActions: resources.agreementActions },
    };

    let request: GenerateDocumentRequest;
    let service: DocumentAwareService | undefined;
    let caseId: string | undefined;
    let what: string;
    if (blank) {
      request = { kind, format, blank: true, ...(role ? { role: role as ConsentRole } : {}) };
      what = `blank consent form${role ? ` (${resources.templates.service.roles[role as ConsentRole]})` : ''}`;
    } else {
      const ref = opt('case');
      if (!ref) throw usage(`"doc ${kind}" needs --case REF (or --blank for a blank consent form).`);
      const participantId = opt('participant');
      if (DOCUMENT_PARTICIPANT[kind] === 'none' && participantId) throw usage(`The ${kind} covers the whole case: leave out --participant.`);
      service = (await ctx.unlock({ writes: false, doing: 'make a document from a case' })).service as DocumentAwareService;
      if (CaseIdSchema.safeParse(ref).success) caseId = ref;
      else caseId = service.listCases({}).find((c) => c.reference.toUpperCase() === ref.toUpperCase())?.id;
      if (!caseId) throw new CasebookError('NOT_FOUND', `No case has the reference ${printable(ref)}. See the references with "casebook cases list".`);
      const caseData = await service.getCase(caseId);
      const settings = service.settings();
      // The staff list names facilitators and approvers; "today" is the service's, in England and Wales.
      const reference = service.casework.getCaseworkReference();
      request = { kind, format, caseData, today: reference.today, ...(participantId ? { participantId } : {}), ...(kind === 'meeting-invitation' ? { meeting } : {}) };
      Object.assign(deps, {
        service: { name: settings.serviceName, roles: settings.roleLabels },
        casework: { consentElements: reference.consentElements, riskFactors: reference.riskFactors, staff: reference.staff, settings: reference.settings, agreementActions: resources.agreementActions },
      });
      const p = participantId ? caseData.participants.find((x) => x.id === participantId) : undefined;
      what = `${kind.replaceAll('-', ' ')}${p ? ` for ${p.person.givenName} ${p.person.familyName}` : ''} (${caseData.reference})`;
    }

    let generated;
    try {
      generated = await generateDocument(request, deps);
    } catch (e) {
      if (e instanceof DocumentInputError) throw new CasebookError('INVALID_INPUT', e.message);
      throw e;
    }
    if (generated.format === 'html') throw new CasebookError('INTERNAL', 'Unexpected HTML output');
    const bytes = await writeNewPrivateFile(out, shown, generated.bytes);
    if (service && caseId) await service.recordDocumentGenerated?.({ caseId, kind, format, ...(request.participantId ? { participantId: request.participantId } : {}) });

    const missing = generated.missingCharacters;
    if (missing.length > 0) {
      ctx.warn(
        `Warning: ${plural(missing.length, 'character')} in this document ${missing.length === 1 ? 'is' : 'are'} not in the bundled fonts` +
          `${format === 'pdf' ? ' and printed as □' : ' and may not show in every program'}: ${describeMissing(missing)}. Check the names before sending it.`,
      );
    }
    const pages = generated.format === 'pdf' ? `${plural(generated.pageCount, 'page')}, ` : '';
    return ok(
      { file: out, kind, format, bytes, ...(generated.format === 'pdf' ? { pages: generated.pageCount } : {}), missingCharacters: missing, ...(caseId ? { caseId } : {}) },
      `Wrote the ${printable(what)} to ${shown} (${pages}${formatBytes(bytes)}).`,
    );
  },
};
