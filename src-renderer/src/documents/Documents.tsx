import { useId, useState, type FormEvent } from 'react';
import type { Participant } from '../../../src-main/domain/cases/case';
import type { Settings } from '../../../src-main/domain/casebook/settings';
import { can } from '../../../src-main/domain/access/capabilities';
import { call, messageOf } from '../shared/api/client';
import { PdfPasswordFields, usePdfPassword } from '../shared/components/PdfPasswordFields';
import { useSession } from '../app/session';
import { useCaseView } from '../cases/case-view-state';
import { AUTOMATIC, PrintOptions, printRequest, type PrintChoice } from './PrintOptions';
import { participantsInOrder, roleOf, who, type CaseContext } from '../cases/shared';
// The look of a previewed document: the HTML the document engine writes uses these classes.
import './document.css';
import '../shared/styles/document-preview.css';

/** The documents a case can make (the same list as contract-documents.ts, which the renderer may import only as types). */
const KINDS = ['consent-form', 'risk-assessment', 'preparation-record', 'case-summary', 'first-contact-letter', 'meeting-invitation', 'outcome-agreement'] as const;
type Kind = (typeof KINDS)[number];
const KIND_LABELS: Record<Kind, string> = {
  'consent-form': 'Consent form',
  'risk-assessment': 'Risk assessment record',
  'preparation-record': 'Preparation meeting record',
  'case-summary': 'Case summary for supervision',
  'first-contact-letter': 'First-contact letter',
  'meeting-invitation': 'Meeting invitation',
  'outcome-agreement': 'Outcome agreement (for signing)',
};
/** Which documents are for one participant, may be, or cover the whole case. */
const PARTICIPANT: Record<Kind, 'required' | 'optional' | 'none'> = {
  'consent-form': 'required',
  'risk-assessment': 'optional',
  'preparation-record': 'optional',
  'case-summary': 'none',
  'first-contact-letter': 'required',
  'meeting-invitation': 'required',
  'outcome-agreement': 'none',
};
const CONSENT_ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian'] as const;
type ConsentRole = (typeof CONSENT_ROLES)[number];

interface Preview {
  html: string;
  title: string;
  missingCharacters: string[];
}

function fits(kind: Kind, p: Participant): boolean {
  return kind !== 'consent-form' || (CONSENT_ROLES as readonly string[]).includes(p.role);
}

/** "Ł (U+0141)" for each character no bundled font has. */
function describeMissing(chars: readonly string[]): string {
  return chars.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}

/**
 * Print only the preview: the print styles hide everything else while this class is on <body>.
 * The print is recorded first (audit trail and the case's timeline), as a save is; if it cannot
 * be recorded (a read-only session), nothing is printed and the refusal is thrown.
 */
export async function printPreview(request: Request): Promise<void> {
  await call('recordPrint', request);
  document.body.classList.add('cb-printing');
  try {
    window.print();
  } finally {
    document.body.classList.remove('cb-printing');
  }
}

/**
 * The Documents section of a case: choose a document and (where it is for one person) a
 * participant, preview it, then save it as PDF or DOCX, or print it. Saving asks where to put
 * the file; nothing is written until then. Each save is recorded on the case's timeline and in
 * the audit trail (the kind and format, never the content).
 */
export function Documents({ ctx }: { ctx: CaseContext }) {
  const people = participantsInOrder(ctx.c);
  const [kind, setKind] = useState<Kind>('consent-form');
  const [participantId, setParticipantId] = useState<string>('');
  const choices = people.filter((p) => fits(kind, p));
  const need = PARTICIPANT[kind];
  const chosen = need === 'none' ? '' : choices.some((p) => p.id === participantId) ? participantId : need === 'required' ? (choices[0]?.id ?? '') : participantId;
  const [print, setPrint] = useState<PrintChoice>(AUTOMATIC);
  const young = kind === 'consent-form' || kind === 'first-contact-letter';
  const request = { kind, caseId: ctx.c.id, ...(chosen ? { participantId: chosen } : {}), ...printRequest(young ? print : { ...print, youngPerson: '' }) };
  const ids = { kind: useId(), person: useId() };
  const missingPerson = need === 'required' && !chosen;

  return (
    <>
      <h2 className="govuk-heading-l">Documents</h2>
      <p className="govuk-body">
        Choose a document, preview it, then save it as a PDF or Word file, or print it. Nothing is written to your computer until
        you save. Each saved document is noted on the case timeline and in the audit trail.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={ids.kind}>
          Document
        </label>
        <select className="govuk-select" id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {/* The agreement is offered once there is one to print. */}
          {KINDS.filter((k) => k !== 'outcome-agreement' || ctx.c.agreement).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {need !== 'none' && (
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={ids.person}>
            {need === 'required' ? 'For' : 'For (optional)'}
          </label>
          <select className="govuk-select" id={ids.person} value={chosen} onChange={(e) => setParticipantId(e.target.value)}>
            {need === 'optional' && <option value="">Everyone in the case</option>}
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {who(p)} ({roleOf(p, ctx.labels).toLowerCase()})
              </option>
            ))}
          </select>
        </div>
      )}
      <PrintOptions value={print} onChange={setPrint} young={young} />
      {missingPerson ? (
        <p className="govuk-body" role="status">
          Nobody in this case can have this document yet: add the person on the People section first.
        </p>
      ) : (
        <DocumentActions key={JSON.stringify(request)} request={request} caseId={ctx.c.id} />
      )}
      <BlankConsentForms labels={ctx.labels} />
    </>
  );
}

export type Request = { kind: Kind; caseId?: string; participantId?: string; blank?: boolean; role?: ConsentRole } & ReturnType<typeof printRequest>;

/** Preview, save and print one document. Remounted (so the preview clears) whenever the choice changes. */
function DocumentActions({ request, caseId }: { request: Request; caseId?: string }) {
  const session = useSession((s) => s.session);
  const reopen = useCaseView((s) => s.open);
  const canSave = !!session && !session.readOnly && can(session.user.role, 'save-documents');
  const [preview, setPreview] = useState<Preview>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [missing, setMissing] = useState<string[]>([]);
  const pw = usePdfPassword();
  const ids = { preview: useId() };

  const run = async (job: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      await job();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const show = () =>
    run(async () => {
      const p = await call('previewDocument', request);
      setPreview(p);
      setMissing(p.missingCharacters);
    });
  const save = (format: 'pdf' | 'docx') => {
    const password = format === 'pdf' ? pw.check() : undefined;
    if (password === false) return;
    return run(async () => {
      const r = await call('saveDocument', { ...request, format, ...(password !== undefined ? { password } : {}) });
      setMissing(r.missingCharacters);
      if (!r.saved) return setStatus('Not saved: you cancelled.');
      setStatus(`Saved ${r.fileName}${password !== undefined ? ', protected with your password' : ''}.`);
      // The save is on the case's timeline now; show the case as it is.
      if (caseId) await reopen(caseId);
    });
  };
  const print = () =>
    run(async () => {
      await printPreview(request);
      // The print is on the case's timeline now; show the case as it is.
      if (caseId) await reopen(caseId);
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void show();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="cb-doc-actions" data-testid={request.blank ? 'blank-actions' : 'document-actions'}>
      {canSave && !request.blank && <PdfPasswordFields pw={pw} />}
      <div className="govuk-button-group">
        {!request.blank && (
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
            Preview
          </button>
        )}
        {canSave && (
          <>
            <button type="button" className="govuk-button" disabled={busy} onClick={() => void save('pdf')}>
              {request.blank ? 'Save blank form as PDF' : 'Save as PDF'}
            </button>
            {!request.blank && (
              <button type="button" className="govuk-button" disabled={busy} onClick={() => void save('docx')}>
                Save as DOCX
              </button>
            )}
          </>
        )}
        {preview && canSave && (
          <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => void print()}>
            Print
          </button>
        )}
      </div>
      {!canSave && !request.blank && <p className="govuk-hint">Your role can preview documents; a coordinator or facilitator can save or print them.</p>}
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <div role="status" className="govuk-body" data-testid={request.blank ? 'blank-status' : 'document-status'}>
        {status}
      </div>
      {missing.length > 0 && (
        <div className="govuk-warning-text" data-testid="missing-characters">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Some characters are not in the fonts RJ Casebook uses, so a PDF shows □ in their place: {describeMissing(missing)}. Check the
            names before sending the document.
          </strong>
        </div>
      )}
      {preview && (
        <section className="cb-doc-preview" aria-labelledby={ids.preview} data-testid="document-preview">
          <h3 className="govuk-heading-m cb-doc-preview__title" id={ids.preview}>
            Preview: {preview.title}
          </h3>
          {/* The main process renders this from the document model and escapes every value in it (render-html.ts). */}
          <div className="cb-doc-preview__page" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </section>
      )}
    </form>
  );
}

/** Blank consent forms to print a stack before meetings: one role's wording, or every role's. */
function BlankConsentForms({ labels }: { labels: Settings['roleLabels'] }) {
  const session = useSession((s) => s.session);
  const [role, setRole] = useState<ConsentRole>('harmed');
  const id = useId();
  if (!session || session.readOnly || !can(session.user.role, 'save-documents')) return null;
  const roleLabel: Record<ConsentRole, string> = { harmed: labels.harmed, responsible: labels.responsible, supporter: 'Supporter', 'parent-guardian': 'Parent or guardian' };
  return (
    <section aria-labelledby={`${id}-h`} className="govuk-!-margin-top-8">
      <h3 className="govuk-heading-m" id={`${id}-h`}>
        Blank consent forms
      </h3>
      <p className="govuk-body">A consent form with no names on it, to print a stack before meetings and fill in by hand.</p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          Role
        </label>
        <select className="govuk-select" id={id} value={role} onChange={(e) => setRole(e.target.value as ConsentRole)}>
          {CONSENT_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel[r]}
            </option>
          ))}
        </select>
      </div>
      <DocumentActions key={role} request={{ kind: 'consent-form', blank: true, role }} />
    </section>
  );
}
